using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>
/// The records behind one dashboard figure: the numerator or denominator of a target, or the products of one product group
/// and star. Recomputed live from the same facts and rules as the figure, then paged.
/// </summary>
public sealed class RecordsModel(OcopDbContext db, UserScopeLoader scopes, PlanFigures figures, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "plan")] public int PlanId { get; set; }
    [FromQuery(Name = "target")] public int? TargetId { get; set; }
    [FromQuery(Name = "unit")] public int? UnitId { get; set; }
    [FromQuery(Name = "at")] public DateOnly? At { get; set; }
    [FromQuery(Name = "part")] public string Part { get; set; } = "numerator";
    [FromQuery(Name = "group")] public int? Group { get; set; }
    [FromQuery(Name = "stars")] public int? Stars { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public string Heading { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public RecordKind Kind { get; private set; }
    public int Total { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public string BackUrl { get; private set; } = "";

    public sealed record Row(int Id, string Name, string Detail, string Commune, string? Url);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!PlanningAccess.CanReadPlans(scope.Role))
        {
            return Forbid();
        }

        var plan = await figures.PlanAsync(PlanId, ct);
        var unit = plan is null ? null : await figures.UnitAsync(UnitId ?? plan.UnitId ?? 0, scope, ct);
        if (plan is null || unit is null)
        {
            return NotFound();
        }

        Date = At ?? Display.Today(clock);
        UnitName = unit.Name;
        BackUrl = Url.Page("/Planning/Dashboard", new { plan = plan.Id, unit = unit.UnitId ?? 0, at = PlanDisplay.Iso(Date) })!;
        var facts = await figures.FactsAsync(unit, ct);
        var contexts = await figures.ContextsAsync(plan, ct);
        List<int> ids;
        if (Part == "stars")
        {
            Kind = RecordKind.Products;
            var groups = await GroupMembersAsync(ct);
            ids = IndicatorEvaluation.ValidProducts(facts, contexts(Date)).Values
                .Where(c => Stars is null || c.Stars == Stars)
                .Where(c => Group is null || groups.Contains(facts.ProductsById[c.ProductId].CategoryId))
                .Select(c => c.ProductId).Order().ToList();
            Heading = $"Sản phẩm OCOP còn hiệu lực{(Stars is int s ? $" đạt {PlanDisplay.Id(s)} sao" : "")}";
        }
        else
        {
            var target = (await figures.TargetsAsync(plan.Id, ct)).FirstOrDefault(x => x.Id == TargetId);
            if (target is null || Part is not ("numerator" or "denominator"))
            {
                return NotFound();
            }

            var result = IndicatorEvaluation.Evaluate(target.Definition, facts, contexts(Date));
            Kind = result.Records;
            ids = (Part == "numerator" ? result.NumeratorIds : result.DenominatorIds).Order().ToList();
            Heading = $"{target.Code} – {target.Indicator.Name}: {(Part == "numerator" ? "hồ sơ được tính" : "hồ sơ làm mẫu số")}";
        }

        Total = ids.Count;
        var page = Math.Clamp(PageNumber, 1, Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize)));
        var slice = ids.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        Rows = await RowsAsync(Kind, slice, facts, ct);
        Pager = new Pager(Request, page, PageSize, Total);
        return Page();
    }

    /// <summary>The category and its descendants (groups hold sub-groups and leaves).</summary>
    private async Task<HashSet<int>> GroupMembersAsync(CancellationToken ct)
    {
        var categories = await db.ProductCategories.AsNoTracking().Select(c => new { c.Id, c.ParentId }).ToListAsync(ct);
        var members = new HashSet<int>();
        if (Group is int g)
        {
            members.Add(g);
            bool added;
            do
            {
                added = false;
                foreach (var c in categories.Where(c => c.ParentId is int p && members.Contains(p) && !members.Contains(c.Id)))
                {
                    added |= members.Add(c.Id);
                }
            }
            while (added);
        }

        return members;
    }

    private async Task<List<Row>> RowsAsync(RecordKind kind, List<int> ids, PlanFacts facts, CancellationToken ct)
    {
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var rows = new List<Row>();
        switch (kind)
        {
            case RecordKind.Products:
                var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
                    .Select(p => new { p.Id, p.Name, Subject = p.Subject!.Name, Commune = p.Commune!.Name }).ToListAsync(ct);
                rows.AddRange(products.Select(p => new Row(p.Id, p.Name, p.Subject, p.Commune, Url.Page("/Products/Details", new { id = p.Id }))));
                break;
            case RecordKind.Subjects:
                var subjects = await db.Subjects.AsNoTracking().Where(s => ids.Contains(s.Id))
                    .Select(s => new { s.Id, s.Name, s.LegalForm, Commune = s.Commune!.Name }).ToListAsync(ct);
                // The legal form the subject had on the date, as the figure counted it.
                rows.AddRange(subjects.Select(s => new Row(s.Id, s.Name,
                    Display.Name(facts.SubjectsById.GetValueOrDefault(s.Id)?.LegalFormOn(Date) ?? s.LegalForm), s.Commune, Url.Page("/Subjects/Details", new { id = s.Id }))));
                break;
            default:
                var villages = await db.CraftVillages.AsNoTracking().Where(v => ids.Contains(v.Id))
                    .Select(v => new { v.Id, v.Name, v.IsTraditional, Commune = v.Commune!.Name }).ToListAsync(ct);
                rows.AddRange(villages.Select(v => new Row(v.Id, v.Name, v.IsTraditional ? "Làng nghề truyền thống" : "Làng nghề", v.Commune,
                    Url.Page("/Audit/History", new { type = "CraftVillage", id = v.Id }))));
                break;
        }

        return rows.OrderBy(r => order[r.Id]).ToList();
    }
}
