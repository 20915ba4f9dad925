using System.Globalization;

namespace Ocop.Core.Evaluation;

/// <summary>
/// The dates and states the office's actions on a certificate must respect (Decision 26/2026/QĐ-TTg on revocation,
/// re-evaluation and checks after recognition), whoever records them: the certificate page, the API or an import.
/// Each returns why the action is refused, or null.
/// </summary>
public static class CertificateActions
{
    /// <summary>A revocation is dated from the day the certificate was issued to today.</summary>
    public static string? RevocationDateProblem(DateOnly issuedOn, DateOnly revokedOn, DateOnly today) =>
        revokedOn < issuedOn || revokedOn > today ? "Ngày thu hồi phải từ ngày cấp đến hôm nay." : null;

    /// <summary>
    /// A re-evaluation opens while the certificate still stands: not revoked, not lapsed, already in force, not renewed,
    /// and none opened for it yet.
    /// </summary>
    public static bool ReevaluationOpens(CertificateState state, bool renewed, bool alreadyOpened) =>
        !renewed && !alreadyOpened && state is not (CertificateState.Revoked or CertificateState.Expired or CertificateState.NotYetValid);

    /// <summary>A re-evaluation's outcome is dated from the filing of its dossier to today.</summary>
    public static string? OutcomeDateProblem(DateOnly filedOn, DateOnly decidedOn, DateOnly today) =>
        decidedOn < filedOn || decidedOn > today
            ? $"Ngày có kết quả phải từ ngày nộp hồ sơ ({filedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}) đến hôm nay."
            : null;

    /// <summary>A check after recognition is dated from the certificate's issue to today.</summary>
    public static string? CheckDateProblem(DateOnly issuedOn, DateOnly checkedOn, DateOnly today) =>
        checkedOn < issuedOn || checkedOn > today ? "Ngày kiểm tra phải từ ngày cấp giấy chứng nhận đến hôm nay." : null;

    /// <summary>A follow-up is due after the check that asked for it.</summary>
    public static string? FollowUpDueProblem(DateOnly checkedOn, DateOnly dueOn) =>
        dueOn < checkedOn ? "Hạn khắc phục phải sau ngày kiểm tra." : null;

    /// <summary>A follow-up is done between its check and today, and only where the check asked for one.</summary>
    public static bool FollowUpDoneAllowed(DateOnly checkedOn, bool askedForFollowUp, DateOnly doneOn, DateOnly today) =>
        askedForFollowUp && doneOn >= checkedOn && doneOn <= today;
}
