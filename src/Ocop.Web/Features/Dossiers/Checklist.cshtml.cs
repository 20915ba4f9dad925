using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Dossiers;

/// <summary>The dossier checklist as reference data: items per product-group prefix and variant, ordered, archived rather than deleted.</summary>
[Authorize(Policy = Policies.EditReferenceData)]
public sealed class ChecklistModel(OcopDbContext db, UserScopeLoader scopes, SaveChecklistItem save) : PageModel
{
    [FromQuery(Name = "edit")] public int? EditId { get; set; }
    [FromQuery(Name = "archived")] public bool ShowArchived { get; set; }
    [BindProperty] public SaveChecklistItem.Command Input { get; set; } = new();

    public List<DossierChecklistItem> Items { get; private set; } = [];
    public List<SelectListItem> Variants { get; private set; } = [];
    public List<string> LegalBases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (EditId is { } id)
        {
            var item = await db.DossierChecklist.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
            if (item is null)
            {
                return NotFound();
            }

            Input = new SaveChecklistItem.Command
            {
                Id = item.Id,
                Title = item.Title,
                CategoryPrefix = item.CategoryPrefix,
                Required = item.Required,
                OnlyFor = item.OnlyFor,
                SortOrder = item.SortOrder,
                LegalBasisCode = item.LegalBasisCode,
                Version = item.Version,
            };
        }
        else
        {
            Input = new SaveChecklistItem.Command
            {
                Required = true,
                SortOrder = (await db.DossierChecklist.MaxAsync(i => (int?)i.SortOrder, ct) ?? 0) + 1,
                LegalBasisCode = await db.LegalBases.OrderByDescending(b => b.EffectiveFrom).Select(b => b.Code).FirstOrDefaultAsync(ct) ?? "",
            };
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        // The use case checks its rules even when a field could not be read, so the form shows every refusal at once;
        // it writes only a form that was read whole.
        var readWhole = ModelState.IsValid;
        var result = await save.RunAsync(await scopes.GetAsync(ct), Input, save: readWhole, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done when readWhole:
                TempData["Message"] = result.Value!.Created ? "Đã thêm giấy tờ vào danh mục." : "Đã lưu giấy tờ.";
                return RedirectToPage();
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            default:
                FormErrors.Merge(ModelState, result, "Input.");
                break;
        }

        EditId = Input.Id;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Moves an item one place up or down among the items of the same prefix, by swapping the two orders.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, bool up, CancellationToken ct)
    {
        var result = await save.MoveAsync(await scopes.GetAsync(ct), id, up, ct);
        return result.Outcome switch
        {
            WriteOutcome.Done => RedirectToPage(),
            WriteOutcome.Refused => Forbid(),
            _ => NotFound(),
        };
    }

    public async Task<IActionResult> OnPostArchiveAsync(int id, bool restore, CancellationToken ct)
    {
        var result = await save.ArchiveAsync(await scopes.GetAsync(ct), id, restore, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                TempData["Message"] = restore ? $"Đã dùng lại «{result.Value!.Title}»." : $"Đã ngừng dùng «{result.Value!.Title}» (hồ sơ cũ vẫn giữ tệp đã nộp).";
                return restore ? RedirectToPage(new { archived = true }) : RedirectToPage();
            case WriteOutcome.Refused:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var items = await db.DossierChecklist.AsNoTracking().Where(i => ShowArchived || !i.IsArchived).ToListAsync(ct);
        Items = [.. items.OrderBy(i => i.CategoryPrefix, StringComparer.Ordinal).ThenBy(i => i.SortOrder).ThenBy(i => i.Id)];
        Variants = Lookups.Enum(Input.OnlyFor);
        LegalBases = await db.LegalBases.AsNoTracking().OrderBy(b => b.EffectiveFrom).Select(b => b.Code).ToListAsync(ct);
    }
}
