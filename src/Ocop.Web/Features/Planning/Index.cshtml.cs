using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Planning;

/// <summary>The plans: national program, province and district plans, each with its parent.</summary>
public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes) : PageModel
{
    public sealed record Row(int Id, string Number, string Title, string Issuer, DateOnly IssuedOn, DateOnly PeriodFrom, DateOnly PeriodTo,
        string? UnitName, string? ParentNumber, int Targets);

    public List<Row> Rows { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!PlanningAccess.CanReadPlans(scope.Role))
        {
            return Forbid();
        }

        CanEdit = PlanningAccess.CanEditPlans(scope.Role);
        Rows = await db.Plans.AsNoTracking().OrderBy(p => p.UnitId != null).ThenBy(p => p.IssuedOn)
            .Select(p => new Row(p.Id, p.Number, p.Title, p.Issuer, p.IssuedOn, p.PeriodFrom, p.PeriodTo,
                p.Unit == null ? null : p.Unit.Name, p.Parent == null ? null : p.Parent.Number, p.Targets.Count))
            .ToListAsync(ct);
        return Page();
    }
}
