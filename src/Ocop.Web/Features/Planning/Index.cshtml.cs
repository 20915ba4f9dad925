using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>The plans: national programs, province, district and commune plans, each with its parent; those in force today first.</summary>
public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Number, string Title, string Issuer, DateOnly IssuedOn, DateOnly PeriodFrom, DateOnly PeriodTo,
        string? UnitName, string? ParentNumber, int Targets, PlanStanding Standing, bool HasNote);

    public List<Row> Rows { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!PlanningAccess.CanReadPlans(scope.Role))
        {
            return Forbid();
        }

        CanEdit = PlanningAccess.CanEditPlans(scope.Role);
        CanCreate = PlanningAccess.CanCreatePlans(scope.Role);
        var today = Display.Today(clock);
        var rows = await db.Plans.AsNoTracking()
            .Select(p => new
            {
                Period = new PlanPeriod(p.Id, p.UnitId, p.PeriodFrom, p.PeriodTo, p.IssuedOn),
                p.Number,
                p.Title,
                p.Issuer,
                UnitName = p.Unit == null ? null : p.Unit.Name,
                ParentNumber = p.Parent == null ? null : p.Parent.Number,
                Targets = p.Targets.Count,
                HasNote = p.Note != null,
            })
            .ToListAsync(ct);
        var byId = rows.ToDictionary(r => r.Period.Id);
        Rows = PlanInForce.PickerOrder(rows.Select(r => r.Period), today).Select(p => byId[p.Id])
            .Select(r => new Row(r.Period.Id, r.Number, r.Title, r.Issuer, r.Period.IssuedOn, r.Period.From, r.Period.To, r.UnitName, r.ParentNumber,
                r.Targets, r.Period.StandingOn(today), r.HasNote))
            .ToList();
        return Page();
    }
}
