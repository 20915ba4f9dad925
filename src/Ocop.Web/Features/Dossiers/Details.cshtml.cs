using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Dossiers;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Dossiers;

/// <summary>
/// One dossier: the checklist of its product group with the files uploaded for each item, completeness at a
/// glance, uploads while it is open, the state transitions, and its history.
/// </summary>
[RequestSizeLimit(DocumentStore.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = DocumentStore.RequestLimit)]
public sealed class DetailsModel(OcopDbContext db, UserScopeLoader scopes, AddDossierDocument documents, ChangeDossier change, TimeProvider clock) : PageModel
{
    public Dossier Dossier { get; private set; } = null!;
    public string ProductName { get; private set; } = "";
    public string SubjectName { get; private set; } = "";
    public string CommuneName { get; private set; } = "";
    public string CategoryCode { get; private set; } = "";
    public List<ItemRow> Items { get; private set; } = [];
    /// <summary>Files whose item no longer applies (archived item, or carried over from another variant).</summary>
    public List<DossierDocument> OtherDocuments { get; private set; } = [];
    public Completeness Completeness { get; private set; } = null!;
    public List<HistoryRow> History { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanSubmit { get; private set; }
    public bool CanReview { get; private set; }
    public bool ShowMissing { get; private set; }
    /// <summary>The certificate a re-evaluation renews, its state today and whether it may be filed today.</summary>
    public (Certificate Certificate, CertificateStatus Status, ReevaluationFiling Filing)? Renews { get; private set; }
    /// <summary>The day the commune's check is due (15 working days from submission under 26/2026), while it is pending.</summary>
    public DateOnly? CheckDueOn { get; private set; }

    public sealed record ItemRow(DossierChecklistItem Item, List<DossierDocument> Documents);

    public sealed record HistoryRow(DateTime At, string UserName, string Text);

    private Core.Access.Role role;
    private bool editsProduct;

    private DossierStage Stage => (DossierStage)(int)Dossier.State;

    public bool Can(DossierAction action) => DossierRules.Allowed(role, editsProduct, Stage, action);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(int id, int? item, IFormFile? file, CancellationToken ct)
    {
        var result = await documents.RunAsync(await scopes.GetAsync(ct), new AddDossierDocument.Command(id, item, file), ct);
        return await AnswerAsync(id, result, added => $"Đã tải lên «{added.OriginalName}» cho «{added.ItemTitle}».", ct);
    }

    public async Task<IActionResult> OnPostArchiveDocumentAsync(int id, int documentId, CancellationToken ct)
    {
        var result = await documents.RemoveAsync(await scopes.GetAsync(ct), id, documentId, ct);
        return await AnswerAsync(id, result, removed => $"Đã gỡ «{removed.OriginalName}» khỏi hồ sơ (tệp vẫn được lưu trữ).", ct);
    }

    public Task<IActionResult> OnPostNotesAsync(int id, int version, string? notes, CancellationToken ct) =>
        ChangeAsync(new ChangeDossier.Command(id, version, DossierStep.Notes, notes), _ => "Đã lưu ghi chú.", ct);

    public Task<IActionResult> OnPostSubmitAsync(int id, int version, CancellationToken ct) =>
        ChangeAsync(new ChangeDossier.Command(id, version, DossierStep.Submit), changed => changed.Late
            ? "Đã nộp hồ sơ đánh giá lại (sau thời hạn 120 ngày trước khi hết hạn: nộp muộn)."
            : "Đã nộp hồ sơ.", ct);

    public Task<IActionResult> OnPostReturnAsync(int id, int version, string? reason, CancellationToken ct) =>
        ChangeAsync(new ChangeDossier.Command(id, version, DossierStep.Return, reason), _ => "Đã trả lại hồ sơ để bổ sung.", ct);

    public Task<IActionResult> OnPostAcceptAsync(int id, int version, CancellationToken ct) =>
        ChangeAsync(new ChangeDossier.Command(id, version, DossierStep.Accept), _ => "Đã tiếp nhận hồ sơ.", ct);

    private async Task<IActionResult> ChangeAsync(ChangeDossier.Command command, Func<ChangeDossier.Changed, string> message, CancellationToken ct)
    {
        var result = await change.RunAsync(await scopes.GetAsync(ct), command, ct);
        var answer = await AnswerAsync(command.Id, result, message, ct);
        if (command.Step == DossierStep.Submit && result.Outcome == WriteOutcome.Invalid && result.Errors.ContainsKey(ChangeDossier.MissingField))
        {
            ShowMissing = true;
        }

        return answer;
    }

    /// <summary>Translates a use case's result: done redirects to the dossier with its message; a refusal is shown on the page as it is now.</summary>
    private async Task<IActionResult> AnswerAsync<T>(int id, WriteResult<T> result, Func<T, string> message, CancellationToken ct)
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
                if (!await LoadAsync(id, ct))
                {
                    return NotFound();
                }

                result.AddTo(ModelState, "");
                return Page();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var facts = await DossierFacts.LoadAsync(db, scope, id, track: false, ct);
        if (facts is null)
        {
            return false;
        }

        var dossier = facts.Dossier;
        Dossier = dossier;
        ProductName = facts.ProductName;
        SubjectName = facts.SubjectName;
        CommuneName = facts.CommuneName;
        CategoryCode = facts.CategoryCode;
        role = scope.Role;
        editsProduct = facts.EditsProduct(scope);
        CanEdit = Can(DossierAction.Edit);
        CanSubmit = Can(DossierAction.Submit);
        CanReview = Can(DossierAction.Return) || Can(DossierAction.Accept);
        Items = facts.Items.Select(i => new ItemRow(i, dossier.Documents.Where(f => f.ChecklistItemId == i.Id).ToList())).ToList();
        var shown = facts.Items.Select(i => i.Id).ToHashSet();
        OtherDocuments = dossier.Documents.Where(f => f.ChecklistItemId is not { } itemId || !shown.Contains(itemId)).ToList();
        Completeness = facts.Completeness;
        ShowMissing = !Completeness.IsComplete && CanEdit;
        var catalog = await new Certificates.CertificateRules(db, clock).ProcessesAsync(ct);
        Renews = await DossierCertificates.OfAsync(db, dossier.CertificateId, Display.Today(clock), catalog, ct);
        if (dossier.State == DossierState.Submitted && dossier.SubmittedAt is DateTime submitted)
        {
            var received = DateOnly.FromDateTime(submitted.AddHours(7));
            CheckDueOn = EvaluationProcesses.InForceOn(received, catalog)?.CommuneCheckDueOn(received, await Features.EvaluationCalendar.Holidays.CalendarAsync(db, ct));
        }
        History = await HistoryAsync(dossier.Id, ct);
        return true;
    }

    private sealed record Change(string Field, string? Old, string? New);

    /// <summary>The dossier's audit trail, with its documents' rows, in words.</summary>
    private async Task<List<HistoryRow>> HistoryAsync(int id, CancellationToken ct)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var documentIds = await db.DossierDocuments.AsNoTracking().Where(f => f.DossierId == id)
            .Select(f => f.Id).ToListAsync(ct);
        var documentKeys = documentIds.Select(f => f.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(Data.Dossier) && a.EntityId == key)
                || (a.EntityType == nameof(DossierDocument) && documentKeys.Contains(a.EntityId)))
            .OrderByDescending(a => a.Id)
            .Take(200)
            .ToListAsync(ct);
        var people = await Audit.PeopleNames.FullNamesAsync(db, entries.Select(a => a.UserName), ct);
        return entries.Select(a =>
        {
            var changes = JsonSerializer.Deserialize<List<Change>>(a.Changes, AuditJson.Options) ?? [];
            return new HistoryRow(a.At, Audit.PeopleNames.Of(people, a.UserName), Describe(a, changes));
        }).ToList();
    }

    private static string Describe(AuditEntry entry, List<Change> changes)
    {
        string? New(string field) => changes.Find(c => c.Field == field)?.New;
        if (entry.EntityType == nameof(DossierDocument))
        {
            return entry.Action == AuditAction.Created
                ? $"Thêm tệp «{New("OriginalName")}»"
                : changes.Exists(c => c.Field == "IsArchived" && c.New == "True") ? "Gỡ một tệp khỏi hồ sơ" : "Sửa thông tin tệp";
        }

        if (entry.Action == AuditAction.Created)
        {
            return New("CopiedFromId") is { } from ? $"Tạo hồ sơ từ bản sao hồ sơ số {from}" : "Tạo hồ sơ";
        }

        var parts = new List<string>();
        foreach (var change in changes)
        {
            switch (change.Field)
            {
                case "State":
                    parts.Add($"Trạng thái: {StateName(change.Old)} → {StateName(change.New)}");
                    break;
                case "ReturnReason" when change.New is not null:
                    parts.Add($"Lý do trả lại: {change.New}");
                    break;
                case "Notes":
                    parts.Add("Sửa ghi chú");
                    break;
            }
        }

        return parts.Count == 0 ? "Cập nhật hồ sơ" : string.Join("; ", parts);
    }

    private static string StateName(string? value) =>
        Enum.TryParse<DossierState>(value, out var state) ? Display.Name(state) : value ?? "—";
}
