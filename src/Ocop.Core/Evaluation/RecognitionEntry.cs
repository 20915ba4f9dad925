using System.Globalization;

namespace Ocop.Core.Evaluation;

/// <summary>
/// What a recognition decision as entered (on its form, or a row of a past decision's list) must hold before the
/// competence rule is asked: stars a decision can recognise, a score read as offices write it, the level that decides a
/// round's products, and the dates of a certificate — never in the future, issued on or after its decision, expiring
/// after its issue.
/// </summary>
public static class RecognitionEntry
{
    /// <summary>The stars a star rating can take; only <see cref="RecognisedStars"/> are recognised by a decision.</summary>
    public const int LowestStar = 1, HighestStar = 5;

    public const string RecognisedStarsMessage = "Chỉ sản phẩm 3 đến 5 sao được công nhận.";

    public static bool RecognisedStars(int stars) => stars is >= 3 and <= HighestStar;

    /// <summary>Why a star rating cannot be recognised; null when it can.</summary>
    public static string? StarsProblem(int stars) =>
        stars is < LowestStar or > HighestStar ? $"Hạng sao {stars.ToString(CultureInfo.InvariantCulture)} không có: hạng sao từ 1 đến 5."
        : !RecognisedStars(stars) ? RecognisedStarsMessage
        : null;

    /// <summary>
    /// A score typed with either decimal mark ("72,5", "72.5") in hundredths of a point, truncated; null when empty.
    /// <paramref name="valid"/> is false for anything else than a number from 0 to 100.
    /// </summary>
    public static int? ScoreHundredths(string? text, out bool valid)
    {
        valid = true;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var score) || score > 100)
        {
            valid = false;
            return null;
        }

        return (int)Math.Truncate(score * 100);
    }

    public const string ScoreMessage = "Điểm là số từ 0 đến 100, ví dụ 72,5.";

    /// <summary>
    /// The level whose decision recognises a round's products: the round's own, except that a district's round whose
    /// district has ceased is decided by the province that issues in its place.
    /// </summary>
    public static EvaluationLevel DecidingLevel(EvaluationLevel roundLevel, bool issuedByProvince) =>
        roundLevel == EvaluationLevel.District && issuedByProvince ? EvaluationLevel.Province : roundLevel;

    /// <summary>Why a decision cannot bear this signing date: none is signed after today.</summary>
    public static string? SignedOnProblem(DateOnly signedOn, DateOnly today) =>
        signedOn > today ? "Ngày ký không được sau ngày hôm nay." : null;

    /// <summary>Why a certificate cannot bear this issue date: before its decision was signed, or after today.</summary>
    public static string? IssuedOnProblem(DateOnly signedOn, DateOnly issuedOn, DateOnly today) =>
        issuedOn < signedOn ? "Ngày cấp giấy chứng nhận không được trước ngày ký quyết định."
        : issuedOn > today ? "Ngày cấp giấy chứng nhận không được sau ngày hôm nay."
        : null;

    /// <summary>Why a certificate cannot bear this expiry: on or before the day it was issued.</summary>
    public static string? ExpiresOnProblem(DateOnly issuedOn, DateOnly expiresOn) =>
        expiresOn <= issuedOn ? "Ngày hết hạn phải sau ngày cấp giấy chứng nhận." : null;
}
