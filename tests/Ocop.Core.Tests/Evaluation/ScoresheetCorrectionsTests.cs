using Ocop.Core.Evaluation;

namespace Ocop.Core.Tests.Evaluation;

/// <summary>The four 26/2026 sets that cannot add up as printed are published with their evident corrections recorded.</summary>
public class ScoresheetCorrectionsTests
{
    private static readonly IReadOnlyList<CorrectionSpec> Shipped = ScoresheetCorrections.Read(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Evaluation", "Data", "Shipped", "scoresheets-26-2026-corrections.json"))).Specs;

    private static CorrectedSheet Corrected(int set) =>
        ScoresheetCorrections.Apply(RealSheets.Sheet("26/2026", set), Shipped, LegalBases.Decision26Of2026);

    [Theory]
    [InlineData(4, 3)]    // C2.1 13 → 3, A1.2 blank → 0, bilingual labelling
    [InlineData(7, 2)]    // I.3.c (coconut products): A1.2 blank → 0, bilingual labelling
    [InlineData(10, 2)]
    [InlineData(11, 3)]   // C1.1.1 11 → 1
    public void The_four_printed_drafts_are_published_with_every_correction_recorded(int set, int corrections)
    {
        Assert.Equal(ScoresheetStatus.Draft, RealSheets.Sheet("26/2026", set).Status);
        var (sheet, errors) = Corrected(set);
        Assert.Empty(errors);
        Assert.Equal(ScoresheetStatus.Published, sheet.Status);
        Assert.Equal(corrections, sheet.Corrections!.Count);
        Assert.DoesNotContain(sheet.KnownGaps, g => g.Severity == IssueSeverity.Error);
        Assert.Equal(Points.FromWhole(100), sheet.TotalMax);
        Assert.All(sheet.ScoredCriteria, c => Assert.All(c.Leaf.Options, o => Assert.True(o.Points is Points p && p <= c.Leaf.Max)));
    }

    [Fact]
    public void A_correction_keeps_the_printed_value_beside_the_one_used()
    {
        var sheet = Corrected(4).Sheet;
        var typo = Assert.Single(sheet.Corrections!, c => c.CriterionCode == "C2.1");
        Assert.Equal(("13", "3"), (typo.Printed, typo.Used));
        Assert.Contains("Phương án", typo.Location, StringComparison.Ordinal);
        var option = sheet.FindScored("C2.1")!.Leaf.Options.Single(o => o.Text == "Có trên 2 chỉ tiêu");
        Assert.Equal(Points.FromWhole(3), option.Points);
        var bilingual = Assert.Single(sheet.Corrections!, c => c.CriterionCode == "A2.4");
        Assert.Equal("Không 0 / Có 1", bilingual.Used);
    }

    [Fact]
    public void Every_printed_set_records_the_bilingual_labelling_reading_and_a_wrong_spec_is_reported()
    {
        foreach (var sheet in RealSheets.Of26.Sheets.Where(s => s.ProductSetNumber <= 22))
        {
            var corrected = ScoresheetCorrections.Apply(sheet, Shipped, LegalBases.Decision26Of2026);
            Assert.Empty(corrected.Errors);
            Assert.Contains(corrected.Sheet.Corrections!, c => c.Printed == "không in phương án chấm");
            Assert.Equal(ScoresheetStatus.Published, corrected.Sheet.Status);
        }

        var wrong = new CorrectionSpec([7], "Z9.9", "Không có", "1", Points.Zero, null, "thử");
        Assert.Contains("không có tiêu chí Z9.9", Assert.Single(ScoresheetCorrections.Apply(RealSheets.Sheet("26/2026", 7), [wrong], LegalBases.Decision26Of2026).Errors), StringComparison.Ordinal);
    }
}
