using Ocop.Core.Evaluation;

namespace Ocop.Core.Tests.Evaluation;

public class StarBandTests
{
    private static Points P(string text) => Points.TryParse(text, out var p) ? p : throw new FormatException(text);

    [Theory]
    [InlineData("148/2023", "0", 1, false)]      // below 30 is 1★ by band, never recognised
    [InlineData("148/2023", "29.9", 1, false)]
    [InlineData("148/2023", "30", 2, false)]
    [InlineData("148/2023", "49.9", 2, false)]
    [InlineData("148/2023", "50", 3, true)]
    [InlineData("148/2023", "69.5", 3, true)]     // no rounding up across a threshold
    [InlineData("148/2023", "69.9", 3, true)]
    [InlineData("148/2023", "70", 4, true)]
    [InlineData("148/2023", "89.9", 4, true)]
    [InlineData("148/2023", "90", 5, true)]
    [InlineData("148/2023", "100", 5, true)]
    [InlineData("26/2026", "29.9", 1, false)]
    [InlineData("26/2026", "30", 2, false)]
    [InlineData("26/2026", "49.9", 2, false)]
    [InlineData("26/2026", "50", 3, true)]
    [InlineData("26/2026", "69.5", 3, true)]
    [InlineData("26/2026", "70", 4, true)]
    [InlineData("26/2026", "89.9", 4, true)]
    [InlineData("26/2026", "90", 5, true)]
    [InlineData("26/2026", "100", 5, true)]
    [InlineData("1048/2019", "69.5", 3, true)]
    [InlineData("1048/2019", "90", 5, true)]
    public void Stars_follow_the_bands_of_the_legal_basis_at_every_boundary(string basis, string score, int stars, bool recognised)
    {
        var legalBasis = LegalBases.ByCode(basis)!;
        var star = legalBasis.StarForScore(MeanScore.OfOne(P(score)));
        Assert.Equal(stars, star);
        Assert.Equal(recognised, legalBasis.IsRecognised(star!.Value));
    }

    [Theory]
    [InlineData(new[] { "70", "69.9" }, 3, "69.95")]        // the mean 69.95 is not 70
    [InlineData(new[] { "70", "70", "69.9" }, 3, "69.97")]  // 69.966… shown rounded half-up; the star stays on the exact mean
    [InlineData(new[] { "89.7", "89.7", "89.6" }, 4, "89.67")]  // cut, it would read 89.66
    [InlineData(new[] { "29.7", "29.7", "29.6" }, 1, "29.67")]
    [InlineData(new[] { "70", "69" }, 3, "69.5")]
    [InlineData(new[] { "90", "89.9", "90.1" }, 5, "90")]
    [InlineData(new[] { "50", "49.9", "49.9" }, 2, "49.93")]
    [InlineData(new[] { "29.9", "30", "30.1" }, 2, "30")]
    public void A_council_mean_just_below_a_threshold_keeps_the_lower_star(string[] totals, int stars, string shown)
    {
        var mean = MeanScore.Of(totals.Select(P).ToList());
        Assert.Equal(stars, LegalBases.Decision26Of2026.StarForScore(mean));
        Assert.Equal(shown, mean.ToString());
        Assert.Equal(decimal.Parse(shown, System.Globalization.CultureInfo.InvariantCulture) * 100, mean.ToHundredths());
    }

    [Theory]
    [InlineData("3", 30, "3")]
    [InlineData("2.5", 25, "2.5")]
    [InlineData("2,5", 25, "2.5")]   // the Vietnamese decimal comma
    [InlineData(" 40 ", 400, "40")]
    public void Points_are_kept_in_tenths(string text, int tenths, string invariant)
    {
        Assert.True(Points.TryParse(text, out var points));
        Assert.Equal(tenths, points.Tenths);
        Assert.Equal(invariant, points.ToString());
        Assert.Equal(invariant.Replace('.', ','), points.ToVietnamese());
    }

    [Theory]
    [InlineData("l")]      // the letter in set 17 of the 148 data
    [InlineData("t")]
    [InlineData("2.55")]   // finer than a tenth
    [InlineData("")]
    [InlineData(null)]
    public void Text_that_is_not_a_point_value_is_refused(string? text) => Assert.False(Points.TryParse(text, out _));

    [Fact]
    public void Legal_bases_are_found_by_date()
    {
        Assert.Equal("1048/2019", LegalBases.InForceOn(new DateOnly(2023, 2, 23))!.Code);
        Assert.Equal("148/2023", LegalBases.InForceOn(new DateOnly(2023, 2, 24))!.Code);
        Assert.Equal("148/2023", LegalBases.InForceOn(new DateOnly(2026, 5, 21))!.Code);
        Assert.Equal("26/2026", LegalBases.InForceOn(new DateOnly(2026, 5, 22))!.Code);
        Assert.Null(LegalBases.InForceOn(new DateOnly(2019, 1, 1)));
        Assert.Equal(Points.FromWhole(100), LegalBases.Decision1048Of2019.TotalPoints);
        Assert.Equal(Points.FromWhole(40), LegalBases.Decision1048Of2019.Parts.Single(p => p.Code == "C").Max);
        Assert.Equal("30", LegalBases.Decision148Of2023.Band(2)!.From.ToString());
    }

    [Theory]
    [InlineData(5933, 20, "29,67", 1)]   // 29.665 → 29,67 (half up)
    [InlineData(5932, 20, "29,66", 1)]   // 29.66
    [InlineData(1399, 2, "69,95", 3)]    // 69.95 stays 3★
    [InlineData(13999, 20, "70", 3)]     // 69.995 reads 70 only with twenty members; the star is still 3
    public void A_mean_is_shown_rounded_half_up_to_two_places_and_ranked_on_its_exact_value(long sumTenths, int count, string shown, int stars)
    {
        var mean = new MeanScore(sumTenths, count);
        Assert.Equal(shown, mean.ToVietnamese());
        Assert.Equal(stars, LegalBases.Decision26Of2026.StarForScore(mean));
    }
}
