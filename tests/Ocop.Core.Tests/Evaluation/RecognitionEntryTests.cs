using Ocop.Core.Evaluation;

namespace Ocop.Core.Tests.Evaluation;

public class RecognitionEntryTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(3, null)]
    [InlineData(4, null)]
    [InlineData(5, null)]
    [InlineData(1, RecognitionEntry.RecognisedStarsMessage)]
    [InlineData(2, RecognitionEntry.RecognisedStarsMessage)]
    [InlineData(0, "Hạng sao 0 không có: hạng sao từ 1 đến 5.")]
    [InlineData(6, "Hạng sao 6 không có: hạng sao từ 1 đến 5.")]
    [InlineData(-3, "Hạng sao -3 không có: hạng sao từ 1 đến 5.")]
    public void Only_3_to_5_stars_are_recognised_and_a_star_outside_1_to_5_does_not_exist(int stars, string? problem) =>
        Assert.Equal(problem, RecognitionEntry.StarsProblem(stars));

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("", null, true)]
    [InlineData("  ", null, true)]
    [InlineData("72,5", 7250, true)]
    [InlineData("72.5", 7250, true)]
    [InlineData(" 90 ", 9000, true)]
    [InlineData("100", 10000, true)]
    [InlineData("0", 0, true)]
    [InlineData("72,559", 7255, true)] // truncated, never rounded up into a higher band
    [InlineData("100,01", null, false)]
    [InlineData("-5", null, false)]
    [InlineData("bảy mươi", null, false)]
    [InlineData("1.000,5", null, false)]
    public void A_score_is_read_with_either_decimal_mark_in_hundredths(string? text, int? hundredths, bool valid)
    {
        Assert.Equal(hundredths, RecognitionEntry.ScoreHundredths(text, out var ok));
        Assert.Equal(valid, ok);
    }

    [Theory]
    [InlineData(EvaluationLevel.District, false, EvaluationLevel.District)]
    [InlineData(EvaluationLevel.District, true, EvaluationLevel.Province)] // a ceased district's round: its province decides
    [InlineData(EvaluationLevel.Province, true, EvaluationLevel.Province)]
    [InlineData(EvaluationLevel.Province, false, EvaluationLevel.Province)]
    [InlineData(EvaluationLevel.Central, false, EvaluationLevel.Central)]
    public void A_rounds_decision_is_taken_at_the_level_of_the_unit_that_issues_it(EvaluationLevel round, bool issuedByProvince, EvaluationLevel deciding) =>
        Assert.Equal(deciding, RecognitionEntry.DecidingLevel(round, issuedByProvince));

    [Theory]
    [InlineData("2026-03-01", "2026-03-01", null)]
    [InlineData("2024-05-10", "2026-03-01", null)]
    [InlineData("2026-03-02", "2026-03-01", "Ngày ký không được sau ngày hôm nay.")]
    public void No_decision_is_signed_after_today(string signedOn, string today, string? problem) =>
        Assert.Equal(problem, RecognitionEntry.SignedOnProblem(D(signedOn), D(today)));

    [Theory]
    [InlineData("2024-05-10", "2024-05-10", "2026-03-01", null)]
    [InlineData("2024-05-10", "2024-05-20", "2026-03-01", null)]
    [InlineData("2024-05-10", "2024-05-09", "2026-03-01", "Ngày cấp giấy chứng nhận không được trước ngày ký quyết định.")]
    [InlineData("2024-05-10", "2026-03-02", "2026-03-01", "Ngày cấp giấy chứng nhận không được sau ngày hôm nay.")]
    public void A_certificate_is_issued_from_its_decisions_date_and_never_after_today(string signedOn, string issuedOn, string today, string? problem) =>
        Assert.Equal(problem, RecognitionEntry.IssuedOnProblem(D(signedOn), D(issuedOn), D(today)));

    [Theory]
    [InlineData("2024-05-10", "2027-05-10", null)]
    [InlineData("2024-05-10", "2024-05-11", null)]
    [InlineData("2024-05-10", "2024-05-10", "Ngày hết hạn phải sau ngày cấp giấy chứng nhận.")]
    [InlineData("2024-05-10", "2021-05-10", "Ngày hết hạn phải sau ngày cấp giấy chứng nhận.")]
    public void A_certificate_expires_after_it_is_issued(string issuedOn, string expiresOn, string? problem) =>
        Assert.Equal(problem, RecognitionEntry.ExpiresOnProblem(D(issuedOn), D(expiresOn)));
}
