using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Dossiers;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Dossiers;

/// <summary>Dossiers of the products the user may reach, filtered by year, state, variant, commune or product.</summary>
public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes) : PageModel
{
    private const int PageSize = 25;

    [FromQuery(Name = "year")] public int? Year { get; set; }
    [FromQuery(Name = "state")] public DossierState? State { get; set; }
    [FromQuery(Name = "variant")] public DossierVariant? Variant { get; set; }
    [FromQuery(Name = "province")] public int? Province { get; set; }
    [FromQuery(Name = "commune")] public int? Commune { get; set; }
    [FromQuery(Name = "product")] public int? Product { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public sealed record Row(int Id, int ProductId, string ProductName, string SubjectName, string CommuneName, int Year,
        DossierVariant Variant, DossierState State, int Documents, DateTime UpdatedAt);

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;
    public string? ProductName { get; private set; }
    public bool CanCreateForProduct { get; private set; }
    public bool CanEditChecklist { get; private set; }
    public UnitFilter Units { get; private set; } = null!;
    public List<SelectListItem> States { get; private set; } = [];
    public List<SelectListItem> Variants { get; private set; } = [];
    public List<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var products = scope.Visible(db.Products);
        if (Product is { } productId)
        {
            var product = await products.AsNoTracking().Where(p => p.Id == productId)
                .Select(p => new { p.Name, p.CommuneId, p.SubjectId, p.Status }).SingleOrDefaultAsync(ct);
            if (product is null)
            {
                return NotFound();
            }

            ProductName = product.Name;
            CanCreateForProduct = product.Status != Core.Registry.ProductStatus.Archived
                && DossierRules.MayAct(scope.Role, scope.CanEdit(product.CommuneId, product.SubjectId), DossierAction.Edit);
        }

        var query = db.Dossiers.AsNoTracking().Where(d => products.Any(p => p.Id == d.ProductId));
        var years = await query.Select(d => d.Year).Distinct().ToListAsync(ct);
        Years = [.. years.OrderDescending()];

        if (Year is { } year)
        {
            query = query.Where(d => d.Year == year);
        }

        if (State is { } state)
        {
            query = query.Where(d => d.State == state);
        }

        if (Variant is { } variant)
        {
            query = query.Where(d => d.Variant == variant);
        }

        // A place covers its former communes' records (the old district years under today's province).
        Units = await Lookups.UnitFilterAsync(db, scope, Province, Commune, Request.Query.ContainsKey("province"), ct);
        if ((await new UnitQuery(Units.Province ?? Province, Commune).ResolveAsync(db, ct)).Communes is { } communes)
        {
            query = query.Where(d => communes.Contains(d.Product!.CommuneId));
        }

        if (Product is { } onlyProduct)
        {
            query = query.Where(d => d.ProductId == onlyProduct);
        }

        Total = await query.CountAsync(ct);
        var page = Math.Clamp(PageNumber, 1, Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize)));
        Rows = await query
            .OrderByDescending(d => d.Year).ThenByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(d => new Row(d.Id, d.ProductId, d.Product!.Name, d.Product.Subject!.Name, d.Product.Commune!.Name, d.Year,
                d.Variant, d.State, d.Documents.Count(f => !f.IsArchived), d.UpdatedAt))
            .ToListAsync(ct);
        Pager = new Pager(Request, page, PageSize, Total);
        States = Lookups.Enum(State);
        Variants = Lookups.Enum(Variant);
        CanEditChecklist = Core.Access.RegistryAccess.CanEditReferenceData(scope.Role);
        return Page();
    }
}
