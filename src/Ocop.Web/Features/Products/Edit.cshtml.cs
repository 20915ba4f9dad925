using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Products;

/// <summary>
/// The product form: it shows the product and its choices, and hands what was typed to <see cref="SaveProduct"/> — the
/// one write path the API and the importer use too — translating its result into a redirect, a refusal or form errors.
/// </summary>
public sealed class EditModel(OcopDbContext db, UserScopeLoader scopes, SaveProduct save) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    /// <summary>Checked by <see cref="SaveProduct"/>, not by MVC: one set of messages, whoever sends the command.</summary>
    [BindProperty, ValidateNever] public SaveProduct.Command Input { get; set; } = new();

    public List<SelectListItem> Subjects { get; private set; } = [];
    public List<SelectListItem> Communes { get; private set; } = [];
    public List<SelectListItem> Categories { get; private set; } = [];
    public List<SelectListItem> Statuses { get; private set; } = [];
    /// <summary>A search for a commune outside the list (a wide reach is offered the deploying office's communes first).</summary>
    [BindProperty] public string? CommuneQuery { get; set; }
    public CommuneSearchBox CommuneSearch { get; private set; } = new(false, null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (Id is int id)
        {
            var product = await scope.Visible(db.Products).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
            if (product is null)
            {
                return NotFound();
            }

            if (!scope.CanEdit(product.CommuneId, product.SubjectId) || product.Status == ProductStatus.Archived)
            {
                return Forbid();
            }

            Input = new SaveProduct.Command
            {
                Name = product.Name,
                SubjectId = product.SubjectId,
                CommuneId = product.CommuneId,
                CategoryId = product.CategoryId,
                Status = product.Status,
                Standards = Ocop.Web.Shared.Display.Values<ProductStandards>().Where(s => product.Standards.HasFlag(s)).ToList(),
                Gtin = product.Gtin,
                Description = product.Description,
                Story = product.Story,
                Version = product.Version,
            };
        }
        else
        {
            if (!RegistryAccess.CanCreateProduct(scope.Role))
            {
                return Forbid();
            }

            if (scope.SubjectId is int own)
            {
                Input.SubjectId = own;
            }

            if (int.TryParse(Request.Query["subject"], out var subjectId))
            {
                Input.SubjectId = subjectId;
                var seat = await scope.Visible(db.Subjects).Where(s => s.Id == subjectId).Select(s => (int?)s.CommuneId).SingleOrDefaultAsync(ct);
                Input.CommuneId = seat is int commune ? await Lookups.CommuneTodayAsync(db, commune, ct) : null;
            }
        }

        await LoadChoicesAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        // A value that could not even be read (a number) is shown as typed with its message.
        // A record that does not exist (or that the user may not see) is not found, whatever the form held.
        if (Id is int id && !await scope.Visible(db.Products).AnyAsync(x => x.Id == id, ct))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            Input.Id = Id;
            var result = await save.RunAsync(scope, Input, ct: ct);
            switch (result.Outcome)
            {
                case WriteOutcome.Done:
                    TempData["Message"] = Id is null ? "Đã thêm sản phẩm." : "Đã lưu thay đổi.";
                    return RedirectToPage("Details", new { id = result.Value!.Id });
                case WriteOutcome.NotFound:
                    return NotFound();
                case WriteOutcome.Refused:
                    return Forbid();
                default:
                    result.AddTo(ModelState, "Input.");
                    break;
            }
        }

        await LoadChoicesAsync(scope, ct);
        return Page();
    }

    /// <summary>"Tìm xã": the form comes back as typed, with the communes found offered; nothing is saved.</summary>
    public async Task<IActionResult> OnPostFindCommuneAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadChoicesAsync(await scopes.GetAsync(ct), ct);
        return Page();
    }

    private async Task LoadChoicesAsync(UserScope scope, CancellationToken ct)
    {
        var subjects = await scope.Visible(db.Subjects).AsNoTracking().Where(s => !s.IsArchived)
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        Subjects = subjects.Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Communes = await Lookups.CommunesAsync(db, scope, Input.CommuneId, CommuneQuery, ct);
        CommuneSearch = new CommuneSearchBox(await Lookups.CommuneSearchNeededAsync(db, scope, ct), CommuneQuery);

        Categories = await Lookups.CategoriesAsync(db, Input.CategoryId, leavesOnly: true, ct);
        Statuses = Lookups.Enum<ProductStatus>(Input.Status).Where(s => s.Value != nameof(ProductStatus.Archived)).ToList();
    }
}
