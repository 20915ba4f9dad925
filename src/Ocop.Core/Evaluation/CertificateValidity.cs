using System.ComponentModel.DataAnnotations;

namespace Ocop.Core.Evaluation;

/// <summary>What the law in force says about certificates, as data of the process.</summary>
/// <param name="ValidityMonths">36 under every decision so far.</param>
/// <param name="ReevaluationWindowOpensDaysBefore">26/2026: re-evaluation is filed from 180 days before expiry …</param>
/// <param name="ReevaluationWindowClosesDaysBefore">… to 120 days before it.</param>
/// <param name="ExpiringSoonDays">From how many days before expiry the office is warned (30).</param>
/// <param name="KeptValidDaysAfterExpiry">26/2026: a certificate whose re-evaluation is pending stays valid at most this long past expiry.</param>
/// <param name="ReevaluationMaxDays">26/2026: days from a complete re-evaluation dossier to the result (45).</param>
/// <param name="RevocationWithinDays">26/2026: days to decide a revocation once its ground is concluded (15).</param>
public sealed record CertificatePolicy(
    int ValidityMonths,
    int? ReevaluationWindowOpensDaysBefore,
    int? ReevaluationWindowClosesDaysBefore,
    int ExpiringSoonDays,
    int? KeptValidDaysAfterExpiry,
    int? ReevaluationMaxDays,
    int? RevocationWithinDays);

public enum CertificateState
{
    [Display(Name = "Chưa có hiệu lực")] NotYetValid = 1,
    [Display(Name = "Còn hiệu lực")] Valid = 2,
    [Display(Name = "Đến hạn nộp hồ sơ đánh giá lại")] ReevaluationWindowOpen = 3,
    [Display(Name = "Sắp hết hạn (trong 30 ngày)")] ExpiringSoon = 4,
    [Display(Name = "Hết hạn")] Expired = 5,
    [Display(Name = "Tiếp tục có hiệu lực chờ kết quả đánh giá lại")] KeptValidPendingReevaluation = 6,
    [Display(Name = "Bị thu hồi")] Revoked = 7,
}

/// <summary>The six grounds for revoking a recognition under 26/2026.</summary>
public enum RevocationGround
{
    [Display(Name = "Giả mạo, gian lận hồ sơ")] FalseDossier = 1,
    [Display(Name = "Không còn đáp ứng tiêu chí khi kiểm tra")] CriteriaNoLongerMet = 2,
    [Display(Name = "Vi phạm pháp luật về chất lượng, an toàn thực phẩm, môi trường, sở hữu trí tuệ hoặc nhãn hàng hóa")] LawBreach = 3,
    [Display(Name = "Sử dụng sai biểu trưng OCOP")] MarkMisuse = 4,
    [Display(Name = "Ngừng sản xuất")] ProductionStopped = 5,
    [Display(Name = "Trường hợp khác do cơ quan có thẩm quyền kết luận")] OtherAuthorityConclusion = 6,
}

/// <summary>A revocation decision: from <paramref name="EffectiveOn"/> the certificate is revoked.</summary>
public sealed record Revocation(DateOnly EffectiveOn, RevocationGround Ground, string DecisionNumber);

/// <summary>The facts about one certificate that decide its state.</summary>
/// <param name="ExpiresOn">The last day it is valid (see <see cref="CertificateValidity.ExpiryFor"/>).</param>
/// <param name="ReevaluationFiledOn">When a re-evaluation dossier was filed, if it was.</param>
/// <param name="ReevaluationDecidedOn">When that re-evaluation was decided; the new result (or its absence) then takes over.</param>
public sealed record CertificateFacts(
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    DateOnly? ReevaluationFiledOn = null,
    DateOnly? ReevaluationDecidedOn = null,
    Revocation? Revocation = null);

/// <param name="DaysToExpiry">Days from the date to the last valid day: 0 on that day, negative after it.</param>
/// <param name="ValidUntil">Last day the certificate counts as valid, extensions included; null when revoked.</param>
public sealed record CertificateStatus(CertificateState State, int DaysToExpiry, DateOnly? ValidUntil)
{
    /// <summary>Counts as a valid recognition (for indicator T1, the public check, the OCOP mark).</summary>
    public bool IsValid => State is CertificateState.Valid or CertificateState.ReevaluationWindowOpen
        or CertificateState.ExpiringSoon or CertificateState.KeptValidPendingReevaluation;
}

/// <summary>Dates an office should act on: notices to the producer go out on these.</summary>
public sealed record CertificateMilestones(DateOnly? ReevaluationWindowOpensOn, DateOnly? ReevaluationWindowClosesOn, DateOnly ExpiringSoonFrom, DateOnly ExpiresOn, DateOnly? KeptValidAtMostUntil);

/// <summary>
/// Validity of a certificate on a date. A certificate runs 36 months from issue: by the Civil Code
/// (2015, arts. 147–148) the period ends at the end of the day that corresponds to the issue day 36 months
/// later (or the month's last day), and that day is the last valid day.
/// </summary>
public static class CertificateValidity
{
    public static DateOnly ExpiryFor(DateOnly issuedOn, CertificatePolicy policy) => issuedOn.AddMonths(policy.ValidityMonths);

    public static CertificateMilestones Milestones(CertificateFacts facts, CertificatePolicy policy) => new(
        policy.ReevaluationWindowOpensDaysBefore is int open ? facts.ExpiresOn.AddDays(-open) : null,
        policy.ReevaluationWindowClosesDaysBefore is int close ? facts.ExpiresOn.AddDays(-close) : null,
        facts.ExpiresOn.AddDays(-policy.ExpiringSoonDays),
        facts.ExpiresOn,
        policy.KeptValidDaysAfterExpiry is int kept ? facts.ExpiresOn.AddDays(kept) : null);

    /// <summary>
    /// The state on <paramref name="date"/> under <paramref name="policy"/> (the policy in force on that date).
    /// Revocation wins; then, before expiry, "expiring soon" (last 30 days) wins over the re-evaluation
    /// window, which wins over plain validity. After expiry a re-evaluation filed by the last valid day and
    /// not yet decided keeps the certificate valid for at most the policy's days; otherwise it has expired.
    /// </summary>
    public static CertificateStatus StateOn(CertificateFacts facts, DateOnly date, CertificatePolicy policy)
    {
        var daysToExpiry = facts.ExpiresOn.DayNumber - date.DayNumber;
        if (facts.Revocation is Revocation revocation && revocation.EffectiveOn <= date)
        {
            return new CertificateStatus(CertificateState.Revoked, daysToExpiry, null);
        }

        if (date < facts.IssuedOn)
        {
            return new CertificateStatus(CertificateState.NotYetValid, daysToExpiry, facts.ExpiresOn);
        }

        if (daysToExpiry >= 0)
        {
            var state = daysToExpiry <= policy.ExpiringSoonDays ? CertificateState.ExpiringSoon
                : InWindow(daysToExpiry, policy) ? CertificateState.ReevaluationWindowOpen
                : CertificateState.Valid;
            return new CertificateStatus(state, daysToExpiry, facts.ExpiresOn);
        }

        if (KeptUntil(facts, date, policy) is DateOnly keptUntil && date <= keptUntil)
        {
            return new CertificateStatus(CertificateState.KeptValidPendingReevaluation, daysToExpiry, keptUntil);
        }

        return new CertificateStatus(CertificateState.Expired, daysToExpiry, facts.ExpiresOn);
    }

    /// <summary>Under the process in force on the date, from a catalog of processes.</summary>
    public static CertificateStatus StateOn(CertificateFacts facts, DateOnly date, IEnumerable<EvaluationProcess>? processes = null)
    {
        var process = EvaluationProcesses.InForceOn(date, processes)
            ?? throw new ArgumentOutOfRangeException(nameof(date), date, "No evaluation process is in force on this date.");
        return StateOn(facts, date, process.Certificates);
    }

    private static bool InWindow(int daysToExpiry, CertificatePolicy policy) =>
        policy.ReevaluationWindowOpensDaysBefore is int open
        && policy.ReevaluationWindowClosesDaysBefore is int close
        && daysToExpiry <= open
        && daysToExpiry >= close;

    /// <summary>The extension a pending re-evaluation gives, if the dossier was filed by the last valid day and is still undecided on the date.</summary>
    private static DateOnly? KeptUntil(CertificateFacts facts, DateOnly date, CertificatePolicy policy) =>
        policy.KeptValidDaysAfterExpiry is int days
        && facts.ReevaluationFiledOn is DateOnly filed
        && filed <= facts.ExpiresOn
        && filed <= date
        && (facts.ReevaluationDecidedOn is null || facts.ReevaluationDecidedOn.Value > date)
            ? facts.ExpiresOn.AddDays(days)
            : null;
}
