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

    /// <summary>A re-evaluation dossier was filed before expiry and awaits its outcome.</summary>
    [Display(Name = "Đã nộp hồ sơ đánh giá lại")] ReevaluationFiled = 8,

    /// <summary>Renewed by re-evaluation: the new certificate counts from its decision.</summary>
    [Display(Name = "Đã được thay thế sau đánh giá lại")] Superseded = 9,
}

/// <summary>What a re-evaluation concluded for the certificate it renews.</summary>
public enum ReevaluationOutcome
{
    [Display(Name = "Được công nhận lại")] Renewed = 1,
    [Display(Name = "Không được công nhận lại")] NotRenewed = 2,
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
/// <param name="ReevaluationOutcome">What it decided: renewed (a new certificate replaces this one) or not (this one runs to its expiry, no grace).</param>
public sealed record CertificateFacts(
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    DateOnly? ReevaluationFiledOn = null,
    DateOnly? ReevaluationDecidedOn = null,
    Revocation? Revocation = null,
    ReevaluationOutcome? ReevaluationOutcome = null);

/// <param name="DaysToExpiry">Days from the date to the last valid day: 0 on that day, negative after it.</param>
/// <param name="ValidUntil">Last day the certificate counts as valid, extensions included; null when revoked.</param>
public sealed record CertificateStatus(CertificateState State, int DaysToExpiry, DateOnly? ValidUntil)
{
    /// <summary>Counts as a valid recognition (for indicator T1, the public check, the OCOP mark).</summary>
    public bool IsValid => State is CertificateState.Valid or CertificateState.ReevaluationWindowOpen
        or CertificateState.ExpiringSoon or CertificateState.KeptValidPendingReevaluation or CertificateState.ReevaluationFiled;
}

/// <summary>Dates an office should act on: notices to the producer go out on these.</summary>
public sealed record CertificateMilestones(DateOnly? ReevaluationWindowOpensOn, DateOnly? ReevaluationWindowClosesOn, DateOnly ExpiringSoonFrom, DateOnly ExpiresOn, DateOnly? KeptValidAtMostUntil);

/// <summary>
/// The rules that apply to one certificate, resolved from the processes: the re-evaluation window (only where the
/// process in force on its closing day fixes one, and never before that process took effect), the warning period,
/// and the grace a pending re-evaluation gives (the rules in force when it was filed: a dossier filed under older
/// rules finishes under them).
/// </summary>
public sealed record CertificateTerms(DateOnly? WindowOpensOn, DateOnly? WindowClosesOn, int ExpiringSoonDays, int? KeptValidDaysAfterExpiry);

/// <summary>Whether a re-evaluation dossier may be filed on a day, and whether it is late.</summary>
/// <param name="Late">Filed after the window closed but by the last valid day: accepted, marked late.</param>
/// <param name="Refusal">Why not, in Vietnamese; null when it may.</param>
public sealed record ReevaluationFiling(bool Late, string? Refusal, DateOnly? WindowOpensOn, DateOnly? WindowClosesOn)
{
    public bool Allowed => Refusal is null;
}

/// <summary>
/// Validity of a certificate on a date. A certificate runs 36 months from issue: by the Civil Code
/// (2015, arts. 147–148) the period ends at the end of the day that corresponds to the issue day 36 months
/// later (or the month's last day), and that day is the last valid day.
/// </summary>
public static class CertificateValidity
{
    public static DateOnly ExpiryFor(DateOnly issuedOn, CertificatePolicy policy) => issuedOn.AddMonths(policy.ValidityMonths);

    public static CertificateMilestones Milestones(CertificateFacts facts, CertificatePolicy policy) => Milestones(facts, TermsOf(facts, policy));

    public static CertificateMilestones Milestones(CertificateFacts facts, CertificateTerms terms) => new(
        terms.WindowOpensOn,
        terms.WindowClosesOn,
        facts.ExpiresOn.AddDays(-terms.ExpiringSoonDays),
        facts.ExpiresOn,
        terms.KeptValidDaysAfterExpiry is int kept ? facts.ExpiresOn.AddDays(kept) : null);

    /// <summary>The terms of one policy applied as a whole (the policy in force on the date, as the planning measures read it).</summary>
    public static CertificateTerms TermsOf(CertificateFacts facts, CertificatePolicy policy) => new(
        policy.ReevaluationWindowOpensDaysBefore is int open && policy.ReevaluationWindowClosesDaysBefore is not null ? facts.ExpiresOn.AddDays(-open) : null,
        policy.ReevaluationWindowClosesDaysBefore is int close && policy.ReevaluationWindowOpensDaysBefore is not null ? facts.ExpiresOn.AddDays(-close) : null,
        policy.ExpiringSoonDays,
        policy.KeptValidDaysAfterExpiry);

    /// <summary>
    /// The terms from a catalog of processes (the transition rules of 26/2026): the window applies only when the process
    /// in force on its closing day fixes one, and opens no earlier than that process took effect — a certificate whose
    /// window would have closed under 1489 (or 148) has none; the grace after expiry is the one of the rules in force on
    /// the filing day; the warning period is the one in force on <paramref name="date"/>.
    /// </summary>
    public static CertificateTerms TermsOf(CertificateFacts facts, DateOnly date, IEnumerable<EvaluationProcess>? processes = null)
    {
        var catalog = (processes ?? EvaluationProcesses.All).ToList();
        var window = WindowFor(facts.ExpiresOn, catalog);
        var onDate = EvaluationProcesses.InForceOn(date, catalog) ?? catalog.MinBy(p => p.EffectiveFrom);
        var onFiling = facts.ReevaluationFiledOn is DateOnly filed ? EvaluationProcesses.InForceOn(filed, catalog) : null;
        return new CertificateTerms(window?.Opens, window?.Closes, onDate?.Certificates.ExpiringSoonDays ?? 30, onFiling?.Certificates.KeptValidDaysAfterExpiry);
    }

    /// <summary>The re-evaluation window of a certificate expiring on <paramref name="expiresOn"/>, where one applies.</summary>
    public static (DateOnly Opens, DateOnly Closes)? WindowFor(DateOnly expiresOn, IEnumerable<EvaluationProcess> catalog)
    {
        foreach (var process in catalog.OrderByDescending(p => p.EffectiveFrom))
        {
            if (process.Certificates is { ReevaluationWindowOpensDaysBefore: int open, ReevaluationWindowClosesDaysBefore: int close })
            {
                var closes = expiresOn.AddDays(-close);
                if (process.IsInForceOn(closes))
                {
                    var opens = expiresOn.AddDays(-open);
                    return (opens < process.EffectiveFrom ? process.EffectiveFrom : opens, closes);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a re-evaluation may be filed on <paramref name="on"/>: not for a revoked, renewed or expired certificate; not
    /// before the window opens where one applies; after it closes it is still accepted, marked late (26/2026 keeps such a
    /// certificate valid until the result, at most 180 days past expiry).
    /// </summary>
    public static ReevaluationFiling Filing(CertificateFacts facts, DateOnly on, IEnumerable<EvaluationProcess>? processes = null)
    {
        var catalog = (processes ?? EvaluationProcesses.All).ToList();
        var window = WindowFor(facts.ExpiresOn, catalog);
        string? refusal = null;
        if (facts.Revocation is Revocation revocation && revocation.EffectiveOn <= on)
        {
            refusal = $"Giấy chứng nhận đã bị thu hồi từ ngày {Date(revocation.EffectiveOn)}: không đánh giá lại được.";
        }
        else if (facts.ReevaluationDecidedOn is DateOnly decided && decided <= on)
        {
            refusal = $"Việc đánh giá lại giấy chứng nhận này đã có kết quả ngày {Date(decided)}.";
        }
        else if (on > facts.ExpiresOn)
        {
            refusal = $"Giấy chứng nhận đã hết hạn ngày {Date(facts.ExpiresOn)}: không nộp hồ sơ đánh giá lại được nữa; sản phẩm đăng ký đánh giá lần đầu.";
        }
        else if (window is { } w && on < w.Opens)
        {
            refusal = $"Hồ sơ đánh giá lại nộp từ ngày {Date(w.Opens)} đến ngày {Date(w.Closes)} (từ 180 đến 120 ngày trước khi giấy chứng nhận hết hạn ngày {Date(facts.ExpiresOn)}).";
        }
        else if (on < facts.IssuedOn)
        {
            refusal = $"Giấy chứng nhận chỉ có hiệu lực từ ngày {Date(facts.IssuedOn)}.";
        }

        return new ReevaluationFiling(refusal is null && window is { } open && on > open.Closes, refusal, window?.Opens, window?.Closes);
    }

    /// <summary>
    /// The state on <paramref name="date"/> under <paramref name="policy"/> (the policy in force on that date, applied as a whole).
    /// </summary>
    public static CertificateStatus StateOn(CertificateFacts facts, DateOnly date, CertificatePolicy policy) =>
        StateOn(facts, date, TermsOf(facts, policy));

    /// <summary>Under the processes of a catalog and their transition rules (see <see cref="TermsOf(CertificateFacts, DateOnly, IEnumerable{EvaluationProcess})"/>).</summary>
    public static CertificateStatus StateOn(CertificateFacts facts, DateOnly date, IEnumerable<EvaluationProcess>? processes = null) =>
        StateOn(facts, date, TermsOf(facts, date, processes));

    /// <summary>
    /// Revocation wins; then renewal by re-evaluation (the new certificate takes over). Before expiry a filed, undecided
    /// re-evaluation shows as filed; otherwise "expiring soon" (last 30 days) wins over the re-evaluation window, which
    /// wins over plain validity. After expiry a re-evaluation filed by the last valid day and not yet decided keeps the
    /// certificate valid for at most the terms' days; otherwise (or once decided) it has expired.
    /// </summary>
    public static CertificateStatus StateOn(CertificateFacts facts, DateOnly date, CertificateTerms terms)
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

        var decided = facts.ReevaluationDecidedOn is DateOnly on && on <= date;
        if (decided && facts.ReevaluationOutcome == ReevaluationOutcome.Renewed)
        {
            return new CertificateStatus(CertificateState.Superseded, daysToExpiry, facts.ReevaluationDecidedOn);
        }

        var pending = facts.ReevaluationFiledOn is DateOnly filed && filed <= date && filed <= facts.ExpiresOn && !decided;
        if (daysToExpiry >= 0)
        {
            var state = pending ? CertificateState.ReevaluationFiled
                : daysToExpiry <= terms.ExpiringSoonDays ? CertificateState.ExpiringSoon
                : !decided && terms.WindowOpensOn is DateOnly opens && terms.WindowClosesOn is DateOnly closes && date >= opens && date <= closes
                    ? CertificateState.ReevaluationWindowOpen
                : CertificateState.Valid;
            return new CertificateStatus(state, daysToExpiry, facts.ExpiresOn);
        }

        if (pending && terms.KeptValidDaysAfterExpiry is int days && date <= facts.ExpiresOn.AddDays(days))
        {
            return new CertificateStatus(CertificateState.KeptValidPendingReevaluation, daysToExpiry, facts.ExpiresOn.AddDays(days));
        }

        return new CertificateStatus(CertificateState.Expired, daysToExpiry, facts.ExpiresOn);
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
