using System.ComponentModel.DataAnnotations;
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
public sealed class CreateModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock) : PageModel
{
    [FromRoute] public int ProductId { get; set; }
    [BindProperty] public DossierInput Input { get; set; } = new();

    public string ProductName { get; private set; } = "";
    public string? LastDossier { get; private set; }
    public List<SelectListItem> Variants { get; private set; } = [];

    public sealed class DossierInput
    {
        [Required(ErrorMessage = "Nhập năm."), Range(2018, 2100, ErrorMessage = "Năm từ 2018 đến 2100.")] public int? Year { get; set; }
        [Required(ErrorMessage = "Chọn loại hồ sơ.")] public DossierVariant? Variant { get; set; }
        [StringLength(4000, ErrorMessage = "Tối đa 4.000 ký tự.")] public string? Notes { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var refusal = await LoadAsync(ct);
        if (refusal is not null)
        {
            return refusal;
        }

        Input = new DossierInput
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
        if (Input.Variant is { } chosen && !Enum.IsDefined(chosen))
        {
            ModelState.AddModelError("Input.Variant", "Loại hồ sơ không hợp lệ.");
        }

        if (ModelState.IsValid && await db.Dossiers.AnyAsync(d => d.ProductId == ProductId && d.Year == Input.Year && d.State != DossierState.Evaluated, ct))
        {
            ModelState.AddModelError("Input.Year", "Sản phẩm đã có hồ sơ năm này chưa đánh giá xong. Hãy tiếp tục hồ sơ đó.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // A re-evaluation (or an upgrade) is tied to the certificate it renews: the product's newest one still standing.
        var certificateId = Input.Variant is DossierVariant.FirstEvaluation ? null : await DossierCertificates.RenewableAsync(db, ProductId, ct);
        var dossier = await DossierCopy.StartAsync(db, ProductId, Input.Year!.Value, Input.Variant!.Value, certificateId, ct);
        if (!string.IsNullOrWhiteSpace(Input.Notes))
        {
            dossier.Notes = Input.Notes.Trim();
        }

        await db.SaveChangesAsync(ct);
        TempData["Message"] = dossier.CopiedFromId is null
            ? "Đã tạo hồ sơ."
            : $"Đã tạo hồ sơ từ bản sao hồ sơ trước (mang theo {dossier.Documents.Count} tệp).";
        return Redirect($"/Dossiers/Details/{dossier.Id}");
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
