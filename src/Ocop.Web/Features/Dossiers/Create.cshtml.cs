using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Dossiers;
using Ocop.Core.Evaluation;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Dossiers;

/// <summary>Opens a dossier for a product and year; an upgrade or re-evaluation starts from a copy of the last one.</summary>
public sealed class CreateModel(OcopDbContext db, UserScopeLoader scopes, OpenDossier open, TimeProvider clock) : PageModel
{
    [FromRoute] public int ProductId { get; set; }
    [BindProperty] public OpenDossier.Command Input { get; set; } = new();

    public string ProductName { get; private set; } = "";
    public string? LastDossier { get; private set; }
    public List<SelectListItem> Variants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var refusal = await LoadAsync(ct);
        if (refusal is not null)
        {
            return refusal;
        }

        Input = new OpenDossier.Command
        {
            Year = Display.Today(clock).Year,
            Variant = LastDossier is null ? DossierVariant.FirstEvaluation : DossierVariant.Reevaluation,
        };
        Variants = Lookups.Enum(Input.Variant);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var refusal = await LoadAsync(ct);
        if (refusal is not null)
        {
            return refusal;
        }

        Variants = Lookups.Enum(Input.Variant);
        // The use case checks its rules even when a field could not be read, so the form shows every refusal at once;
        // it writes only a form that was read whole.
        var readWhole = ModelState.IsValid;
        Input.ProductId = ProductId;
        var result = await open.RunAsync(await scopes.GetAsync(ct), Input, save: readWhole, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done when readWhole:
                var opened = result.Value!;
                TempData["Message"] = opened.CopiedFromId is null
                    ? "Đã tạo hồ sơ."
                    : $"Đã tạo hồ sơ từ bản sao hồ sơ trước (mang theo {opened.CopiedDocuments} tệp).";
                return RedirectToPage("Details", new { id = opened.Id });
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            default:
                FormErrors.Merge(ModelState, result, "Input.");
                break;
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var product = await scope.Visible(db.Products).AsNoTracking().Where(p => p.Id == ProductId)
            .Select(p => new { p.Name, p.CommuneId, p.SubjectId, p.Status }).SingleOrDefaultAsync(ct);
        if (product is null)
        {
            return NotFound();
        }

        if (product.Status == ProductStatus.Archived || !DossierRules.MayAct(scope.Role, scope.CanEdit(product.CommuneId, product.SubjectId), DossierAction.Edit))
        {
            return Forbid();
        }

        ProductName = product.Name;
        LastDossier = await db.Dossiers.AsNoTracking().Where(d => d.ProductId == ProductId)
            .OrderByDescending(d => d.Year).ThenByDescending(d => d.Id)
            .Select(d => "năm " + d.Year + " (" + d.Documents.Count(f => !f.IsArchived) + " tệp)")
            .FirstOrDefaultAsync(ct);
        return null;
    }
}
