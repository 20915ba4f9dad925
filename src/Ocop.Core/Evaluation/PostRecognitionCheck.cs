using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Ocop.Core.Evaluation;

/// <summary>What a check after recognition looks at (the seed plan's IV.4 and IV.6: quality, food safety, labels, environment).</summary>
public enum CheckAspect
{
    [Display(Name = "Chất lượng sản phẩm so với hồ sơ công nhận")] Quality = 1,
    [Display(Name = "Giấy tờ an toàn thực phẩm và thời hạn")] FoodSafetyPapers = 2,
    [Display(Name = "Nhãn hàng hóa, sử dụng biểu trưng OCOP")] Labels = 3,
    [Display(Name = "Bảo vệ môi trường")] Environment = 4,
}

public enum AspectResult
{
    [Display(Name = "Không kiểm tra")] NotChecked = 0,
    [Display(Name = "Đạt")] Met = 1,
    [Display(Name = "Không đạt")] NotMet = 2,
}

/// <summary>Periodic or ad hoc (26/2026: "kiểm tra định kỳ, đột xuất").</summary>
public enum CheckKind
{
    [Display(Name = "Định kỳ")] Periodic = 1,
    [Display(Name = "Đột xuất")] AdHoc = 2,
}

/// <summary>One aspect's finding.</summary>
public sealed record AspectFinding(CheckAspect Aspect, AspectResult Result);

/// <summary>The verdict on a check: passed or not, which aspects failed and why, and the revocation ground a failure supports.</summary>
/// <param name="Failed">The aspects not met, each with its reason.</param>
/// <param name="Ground">The ground a revocation would rest on; null when the check passed.</param>
public sealed record CheckVerdict(bool Passed, IReadOnlyList<(CheckAspect Aspect, string Reason)> Failed, RevocationGround? Ground);

/// <summary>
/// Post-recognition checks of certified products. A check fails when an aspect checked is not met; food-safety papers
/// that expired by the day of the check are not met whatever was ticked. A failed check supports a revocation: a
/// product that no longer has the quality it was recognised for no longer meets the criteria (26/2026 ground 2); papers,
/// labels or environment not met are breaches of the laws on food safety, labelling or environment (ground 3).
/// </summary>
public static class PostRecognitionChecks
{
    public static CheckVerdict Judge(IEnumerable<AspectFinding> findings, DateOnly checkedOn, DateOnly? foodSafetyPapersExpireOn)
    {
        var failed = new List<(CheckAspect, string)>();
        var byAspect = findings.ToDictionary(f => f.Aspect, f => f.Result);
        foreach (var aspect in Enum.GetValues<CheckAspect>())
        {
            var result = byAspect.GetValueOrDefault(aspect, AspectResult.NotChecked);
            if (aspect == CheckAspect.FoodSafetyPapers && foodSafetyPapersExpireOn is DateOnly expires && expires < checkedOn)
            {
                failed.Add((aspect, $"Giấy chứng nhận an toàn thực phẩm hết hạn ngày {expires.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}."));
            }
            else if (result == AspectResult.NotMet)
            {
                failed.Add((aspect, "Không đạt khi kiểm tra."));
            }
        }

        if (failed.Count == 0)
        {
            return new CheckVerdict(true, [], null);
        }

        var ground = failed.Any(f => f.Item1 == CheckAspect.Quality) ? RevocationGround.CriteriaNoLongerMet : RevocationGround.LawBreach;
        return new CheckVerdict(false, failed, ground);
    }

    /// <summary>Food-safety papers that expire within <paramref name="days"/> of <paramref name="on"/> (or have expired): the office asks for new ones.</summary>
    public static bool PapersNeedRenewal(DateOnly? expiresOn, DateOnly on, int days = 60) =>
        expiresOn is DateOnly expires && expires.DayNumber - on.DayNumber <= days;
}
