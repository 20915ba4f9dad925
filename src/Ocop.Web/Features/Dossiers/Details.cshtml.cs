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
public sealed class DetailsModel(OcopDbContext db, UserScopeLoader scopes, DocumentStore store, TimeProvider clock) : PageModel
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
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Can(DossierAction.Edit))
        {
            return Forbid();
        }

        var target = Items.Find(i => i.Item.Id == item);
        if (target is null)
        {
            ModelState.AddModelError("item", "Chọn giấy tờ trong danh mục.");
        }

        if (file is null)
        {
            ModelState.AddModelError("file", "Chọn một tệp.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (saved, error) = await store.SaveAsync(file!, ct);
        if (saved is null)
        {
            ModelState.AddModelError("file", error!);
            return Page();
        }

        db.DossierDocuments.Add(new DossierDocument
        {
            DossierId = id,
            ChecklistItemId = target!.Item.Id,
            StoredName = saved.StoredName,
            ContentType = saved.ContentType,
            SizeBytes = saved.SizeBytes,
            OriginalName = DocumentStore.OriginalName(file!.FileName),
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Discard(saved.StoredName);
            throw;
        }

        TempData["Message"] = $"Đã tải lên «{DocumentStore.OriginalName(file.FileName)}» cho «{target.Item.Title}».";
        return Redirect($"/Dossiers/Details/{id}");
    }

    public async Task<IActionResult> OnPostArchiveDocumentAsync(int id, int documentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Can(DossierAction.Edit))
        {
            return Forbid();
        }

        var document = await db.DossierDocuments.SingleOrDefaultAsync(f => f.Id == documentId && f.DossierId == id && !f.IsArchived, ct);
        if (document is null)
        {
            return NotFound();
        }

        document.IsArchived = true;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã gỡ «{document.OriginalName}» khỏi hồ sơ (tệp vẫn được lưu trữ).";
        return Redirect($"/Dossiers/Details/{id}");
    }

    public async Task<IActionResult> OnPostNotesAsync(int id, int version, string? notes, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Can(DossierAction.Edit))
        {
            return Forbid();
        }

        if (notes?.Length > 4000)
        {
            ModelState.AddModelError("notes", "Ghi chú tối đa 4.000 ký tự.");
            return Page();
        }

        return await ChangeAsync(id, version, d => d.Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(), "Đã lưu ghi chú.", ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Can(DossierAction.Submit))
        {
            return Forbid();
        }

        if (!Completeness.IsComplete)
        {
            ShowMissing = true;
            ModelState.AddModelError("", $"Chưa nộp được: còn thiếu {Completeness.Missing.Count} giấy tờ bắt buộc.");
            return Page();
        }

        // A re-evaluation is filed on its certificate as it is submitted, in the same save as the dossier's state.
        var catalog = await new Certificates.CertificateRules(db, clock).ProcessesAsync(ct);
        var tracked = await db.Dossiers.SingleAsync(d => d.Id == id, ct);
        var (refusal, late) = await DossierCertificates.FileAsync(db, tracked, Display.Today(clock), catalog, ct);
        if (refusal is not null)
        {
            ModelState.AddModelError("", "Chưa nộp được: " + refusal);
            return Page();
        }

        return await ChangeAsync(id, version, d =>
        {
            d.State = DossierState.Submitted;
            d.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        }, late ? "Đã nộp hồ sơ đánh giá lại (sau thời hạn 120 ngày trước khi hết hạn: nộp muộn)." : "Đã nộp hồ sơ.", ct);
    }

    public async Task<IActionResult> OnPostReturnAsync(int id, int version, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Can(DossierAction.Return))
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            ModelState.AddModelError("reason", "Nhập lý do trả lại để chủ thể biết cần bổ sung gì.");
            return Page();
        }

        if (reason.Length > 2000)
        {
            ModelState.AddModelError("reason", "Lý do tối đa 2.000 ký tự.");
            return Page();
        }

        return await ChangeAsync(id, version, d =>
        {
            d.State = DossierState.Returned;
            d.ReturnReason = reason.Trim();
        }, "Đã trả lại hồ sơ để bổ sung.", ct);
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Can(DossierAction.Accept))
        {
            return Forbid();
        }

        return await ChangeAsync(id, version, d =>
        {
            d.State = DossierState.Accepted;
            d.AcceptedAt = clock.GetUtcNow().UtcDateTime;
        }, "Đã tiếp nhận hồ sơ.", ct);
    }

    /// <summary>Applies a change to the dossier unless someone else changed it since the page was opened.</summary>
    private async Task<IActionResult> ChangeAsync(int id, int version, Action<Dossier> change, string message, CancellationToken ct)
    {
        var dossier = await db.Dossiers.SingleAsync(d => d.Id == id, ct);
        if (dossier.Version != version)
        {
            ModelState.AddModelError("", "Hồ sơ vừa được người khác thay đổi. Hãy xem lại rồi thử lại.");
            return Page();
        }

        change(dossier);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = message;
        return Redirect($"/Dossiers/Details/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var dossier = await db.Dossiers.AsNoTracking()
            .Include(d => d.Documents.Where(f => !f.IsArchived).OrderBy(f => f.UploadedAt).ThenBy(f => f.Id))
            .Where(d => d.Id == id && scope.Visible(db.Products).Any(p => p.Id == d.ProductId))
            .SingleOrDefaultAsync(ct);
        if (dossier is null)
        {
            return false;
        }

        var product = await db.Products.AsNoTracking().Where(p => p.Id == dossier.ProductId)
            .Select(p => new { p.Name, SubjectName = p.Subject!.Name, CommuneName = p.Commune!.Name, p.Category!.Code, p.CommuneId, p.SubjectId, p.Status })
            .SingleAsync(ct);
        Dossier = dossier;
        ProductName = product.Name;
        SubjectName = product.SubjectName;
        CommuneName = product.CommuneName;
        CategoryCode = product.Code;
        role = scope.Role;
        editsProduct = scope.CanEdit(product.CommuneId, product.SubjectId) && product.Status != Core.Registry.ProductStatus.Archived;
        CanEdit = Can(DossierAction.Edit);
        CanSubmit = Can(DossierAction.Submit);
        CanReview = Can(DossierAction.Return) || Can(DossierAction.Accept);

        var checklist = await db.DossierChecklist.AsNoTracking().Where(i => !i.IsArchived).ToListAsync(ct);
        var applicable = checklist
            .Where(i => DossierRules.Applies(i.CategoryPrefix, i.OnlyFor, product.Code, dossier.Variant))
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
            .ToList();
        Items = applicable.Select(i => new ItemRow(i, dossier.Documents.Where(f => f.ChecklistItemId == i.Id).ToList())).ToList();
        var shown = applicable.Select(i => i.Id).ToHashSet();
        OtherDocuments = dossier.Documents.Where(f => f.ChecklistItemId is not { } itemId || !shown.Contains(itemId)).ToList();
        Completeness = DossierRules.Assess(
            applicable.Select(i => new ChecklistEntry(i.Id, i.Title, i.Required)),
            dossier.Documents.Where(f => f.ChecklistItemId is not null).Select(f => f.ChecklistItemId!.Value).ToHashSet());
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
        return entries.Select(a =>
        {
            var changes = JsonSerializer.Deserialize<List<Change>>(a.Changes, AuditJson.Options) ?? [];
            return new HistoryRow(a.At, a.UserName, Describe(a, changes));
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
