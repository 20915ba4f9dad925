using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Documents;
using Ocop.Web.Features.Recognitions;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Certificates;

/// <summary>
/// One certificate, printable on A4 and as a Word file, as issued (its frozen facts: later edits of the product, the
/// subject or the units do not reach it); its notices to the producer, each frozen when first produced; and the
/// office's actions on it: revoke it, open its re-evaluation in one click, record a re-evaluation that ended without
/// renewal, record checks after recognition and their follow-up. Each action is a use case of this folder; the
/// handlers only translate.
/// </summary>
public sealed class DetailsModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock, RevokeCertificate revoke, OpenReevaluation reevaluate,
    RecordReevaluationOutcome recordOutcome, RecordCheck recordCheck, CloseFollowUp closeFollowUp, IssueNotice issueNotice) : PageModel
{
    public Certificate Certificate { get; private set; } = null!;
    /// <summary>What the certificate says, as issued.</summary>
    public CertificateDocumentAsIssued AsIssued { get; private set; } = null!;
    public IssuedDocument Document { get; private set; } = null!;
    /// <summary>Notices already sent for this certificate.</summary>
    public List<IssuedDocument> Notices { get; private set; } = [];
    public CertificateStatus Status { get; private set; } = null!;
    public CertificateMilestones Milestones { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool CanDecide { get; private set; }
    public int? ReevaluationDossierId { get; private set; }
    /// <summary>Which level revokes this certificate today, and whether the signed-in office is that level.</summary>
    public RevocationCompetence Revocation { get; private set; } = null!;

    [BindProperty] public RevokeCertificate.Command Revoke { get; set; } = new();
    [BindProperty] public RecordReevaluationOutcome.Command Outcome { get; set; } = new();
    [BindProperty] public RecordCheck.Command Check { get; set; } = new();

    /// <summary>The checks of this certificate after recognition, newest first.</summary>
    public List<ProductCheck> Checks { get; private set; } = [];
    /// <summary>Whether the signed-in user records checks (the program office, departments, administrators).</summary>
    public bool CanCheck { get; private set; }
    /// <summary>Whether the re-evaluation is filed and awaits its outcome.</summary>
    public bool ReevaluationPending => Certificate.ReevaluationFiledOn is not null && Certificate.ReevaluationDecidedOn is null && Certificate.RevokedOn is null;

    /// <summary>A notice goes to the producer when the re-evaluation window opens and in the last 30 days.</summary>
    public bool NoticeAvailable => Status.State is CertificateState.ReevaluationWindowOpen or CertificateState.ExpiringSoon;

    /// <summary>Re-evaluation opens while the certificate still stands (not revoked, not lapsed) and none is open yet.</summary>
    public bool CanReevaluate => CanDecide && CertificateActions.ReevaluationOpens(Status.State, Certificate.SupersededById is not null, ReevaluationDossierId is not null);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Revoke = new RevokeCertificate.Command { On = Today, Version = Certificate.Version };
        Outcome = new RecordReevaluationOutcome.Command { On = Today, Version = Certificate.Version };
        Check = new RecordCheck.Command { Kind = CheckKind.Periodic, CheckedOn = Today };
        return Page();
    }

    /// <summary>
    /// The page holds several forms; a post keeps only its own. True when a value of its form could not even be read
    /// (not a date, not one of the choices): the form shows that; an empty field is the use case's to judge.
    /// </summary>
    private bool KeepOnlyAndUnreadable(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        if (ModelState.Values.Any(e => e.Errors.Count > 0 && !string.IsNullOrEmpty(e.AttemptedValue)))
        {
            return true;
        }

        ModelState.Clear();
        return false;
    }

    /// <summary>Revokes the certificate (<see cref="RevokeCertificate"/>).</summary>
    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanDecide || !Revocation.Allowed)
        {
            return Forbid();
        }

        if (KeepOnlyAndUnreadable(nameof(Revoke)))
        {
            return Page();
        }

        Revoke.CertificateId = id;
        var result = await revoke.RunAsync(await scopes.GetAsync(ct), Revoke, ct);
        return Answer(id, result, nameof(Revoke) + ".", _ => "Đã thu hồi giấy chứng nhận.");
    }

    /// <summary>Opens the re-evaluation (<see cref="OpenReevaluation"/>) and goes to its dossier; a second click goes to the same one.</summary>
    public async Task<IActionResult> OnPostReevaluateAsync(int id, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanDecide)
        {
            return Forbid();
        }

        var result = await reevaluate.RunAsync(await scopes.GetAsync(ct), new OpenReevaluation.Command { CertificateId = id, Version = version }, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                if (!result.Value!.AlreadyOpen)
                {
                    TempData["Message"] = "Đã mở hồ sơ đánh giá lại. Việc nộp hồ sơ được ghi nhận khi hồ sơ được nộp.";
                }

                return RedirectToPage("/Dossiers/Details", new { id = result.Value.DossierId });
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            default:
                TempData["Message"] = result.AllMessages().First();
                return RedirectToPage(new { id });
        }
    }

    /// <summary>Records a re-evaluation that ended without renewal (<see cref="RecordReevaluationOutcome"/>).</summary>
    public async Task<IActionResult> OnPostReevaluationOutcomeAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanDecide)
        {
            return Forbid();
        }

        if (KeepOnlyAndUnreadable(nameof(Outcome)))
        {
            return Page();
        }

        Outcome.CertificateId = id;
        var result = await recordOutcome.RunAsync(await scopes.GetAsync(ct), Outcome, ct);
        return Answer(id, result, nameof(Outcome) + ".",
            _ => "Đã ghi nhận kết quả đánh giá lại: không được công nhận lại. Thời gian gia hạn chờ kết quả chấm dứt.");
    }

    /// <summary>Records a check after recognition (<see cref="RecordCheck"/>).</summary>
    public async Task<IActionResult> OnPostCheckAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanCheck)
        {
            return Forbid();
        }

        if (KeepOnlyAndUnreadable(nameof(Check)))
        {
            return Page();
        }

        Check.CertificateId = id;
        var result = await recordCheck.RunAsync(await scopes.GetAsync(ct), Check, ct);
        return Answer(id, result, nameof(Check) + ".", recorded => recorded.Passed
            ? "Đã ghi nhận lần kiểm tra: đạt."
            : "Đã ghi nhận lần kiểm tra: không đạt (" + string.Join("; ", recorded.Failed.Select(f => Display.Name(f.Aspect) + ": " + f.Reason)) + "). Có thể dùng làm căn cứ thu hồi.");
    }

    /// <summary>Marks the follow-up of a check as done on a day (<see cref="CloseFollowUp"/>).</summary>
    public async Task<IActionResult> OnPostFollowUpDoneAsync(int id, int checkId, DateOnly? doneOn, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanCheck)
        {
            return Forbid();
        }

        var result = await closeFollowUp.RunAsync(await scopes.GetAsync(ct), new CloseFollowUp.Command { CertificateId = id, CheckId = checkId, DoneOn = doneOn }, ct);
        if (result.Outcome is WriteOutcome.Invalid)
        {
            // The form is a date in a table row: its message goes to the page's summary.
            foreach (var message in result.AllMessages())
            {
                ModelState.AddModelError("", message);
            }

            return Page();
        }

        return Answer(id, result, "", _ => "Đã ghi nhận chủ thể khắc phục xong.");
    }

    /// <summary>Translates a use case's result: done goes back to the certificate with its message; a refused form is shown again.</summary>
    private IActionResult Answer<T>(int id, WriteResult<T> result, string prefix, Func<T, string> message)
    {
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                TempData["Message"] = message(result.Value!);
                return RedirectToPage(new { id });
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            default:
                result.AddTo(ModelState, prefix);
                return Page();
        }
    }

    /// <summary>The certificate as a Word file, the bytes stored when it was issued.</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct)
            ? File(Document.Docx, IssuedDocumentStore.DocxType, "giay-chung-nhan-" + id.ToString(CultureInfo.InvariantCulture) + ".docx")
            : NotFound();

    /// <summary>A notice sent earlier for this certificate, as sent.</summary>
    public async Task<IActionResult> OnGetSentAsync(int id, int document, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Notices.FirstOrDefault(n => n.Id == document) is not { } sent)
        {
            return NotFound();
        }

        return File(sent.Docx, IssuedDocumentStore.DocxType, "thong-bao-" + id.ToString(CultureInfo.InvariantCulture) + "-" + sent.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".docx");
    }

    /// <summary>
    /// The notice to the producer (Thông báo) as DOCX (<see cref="IssueNotice"/>): the first download issues and stores
    /// it; later downloads hand out the same file.
    /// </summary>
    public async Task<IActionResult> OnGetNoticeAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var result = await issueNotice.RunAsync(await scopes.GetAsync(ct), new IssueNotice.Command(id, User.Identity?.Name), ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                var name = "thong-bao-" + id.ToString(CultureInfo.InvariantCulture) + (result.Value!.WindowOpen ? "-danh-gia-lai" : "-sap-het-han") + ".docx";
                return File(result.Value.Notice.Docx, IssuedDocumentStore.DocxType, name);
            case WriteOutcome.NotFound:
                return NotFound();
            default:
                TempData["Message"] = result.AllMessages().First();
                return RedirectToPage(new { id });
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var certificate = await CertificateRules.VisibleAsync(db, scope, id, track: false, ct);
        if (certificate is null)
        {
            return false;
        }

        if (await RecognitionDocuments.CertificateAsync(db, id, User.Identity?.Name, ct) is not { } issued)
        {
            return false;
        }

        (AsIssued, Document) = issued;
        Notices = await db.IssuedDocuments.AsNoTracking()
            .Where(d => d.CertificateId == id && (d.Kind == IssuedDocumentKind.ReevaluationNotice || d.Kind == IssuedDocumentKind.ExpiryNotice))
            .OrderBy(d => d.IssuedOn).ToListAsync(ct);
        var rules = new CertificateRules(db, clock);
        var catalog = await rules.ProcessesAsync(ct);
        Certificate = certificate;
        Today = rules.Today;
        Status = CertificateRules.StateOn(certificate, Today, catalog);
        Milestones = CertificateRules.MilestonesOn(certificate, Today, catalog);
        CanDecide = CertificateRules.CanDecide(scope.Role);
        CanCheck = CertificateRules.CanCheck(scope.Role);
        Checks = await db.ProductChecks().AsNoTracking().Where(c => c.CertificateId == id).OrderByDescending(c => c.CheckedOn).ThenByDescending(c => c.Id).ToListAsync(ct);
        Revocation = await CertificateRules.RevocationAsync(db, scope, Today, catalog, certificate.Stars, ct);
        ReevaluationDossierId = await CertificateRules.ReevaluationDossierAsync(db, id, ct);
        return true;
    }
}
