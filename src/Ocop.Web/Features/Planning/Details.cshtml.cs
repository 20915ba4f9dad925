using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>A plan with its targets; those who may change it (<see cref="PlanReach"/>) edit it, its targets, and copy it to a new period.</summary>
public sealed class DetailsModel(OcopDbContext db, UserScopeLoader scopes, UnitDirectory directory, TimeProvider clock) : PageModel
{
    [FromRoute] public int Id { get; set; }

    public sealed record TargetRow(int Id, string Code, string Wording, string IndicatorCode, string IndicatorName, MeasureOutput Output,
        decimal TargetValue, TargetDirection Direction, DateOnly Deadline);

    public PlanHeader Plan { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public string? Note { get; private set; }
    public PlanStanding Standing { get; private set; }
    public (int Id, string Number)? Parent { get; private set; }
    public List<(int Id, string Number)> Children { get; private set; } = [];
    public List<TargetRow> Targets { get; private set; } = [];
    /// <summary>May change this plan and its targets.</summary>
    public bool CanEdit { get; private set; }
    /// <summary>May start a new plan from this one.</summary>
    public bool CanCopy { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!PlanningAccess.CanReadPlans(scope.Role))
        {
            return Forbid();
        }

        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == Id)
            .Select(p => new
            {
                Header = new PlanHeader(p.Id, p.Number, p.Title, p.Issuer, p.IssuedOn, p.PeriodFrom, p.PeriodTo, p.UnitId),
                UnitName = p.Unit == null ? "Toàn quốc" : p.Unit.Name,
                p.ParentId,
                ParentNumber = p.Parent == null ? null : p.Parent.Number,
                p.Note
            })
            .SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan.Header;
        UnitName = plan.UnitName;
        Note = plan.Note;
        Standing = new PlanPeriod(Plan.Id, Plan.UnitId, Plan.PeriodFrom, Plan.PeriodTo, Plan.IssuedOn).StandingOn(Display.Today(clock));
        Parent = plan.ParentId is int parent ? (parent, plan.ParentNumber!) : null;
        Children = (await db.Plans.AsNoTracking().Where(p => p.ParentId == Id).OrderBy(p => p.PeriodFrom).Select(p => new { p.Id, p.Number }).ToListAsync(ct))
            .Select(p => (p.Id, p.Number)).ToList();
        Targets = await db.PlanTargets.AsNoTracking().Where(t => t.PlanId == Id).OrderBy(t => t.SortOrder).ThenBy(t => t.Code)
            .Select(t => new TargetRow(t.Id, t.Code, t.Wording, t.Indicator!.Code, t.Indicator.Name, t.Indicator.Output, t.TargetValue, t.Direction, t.Deadline))
            .ToListAsync(ct);
        var reach = new PlanReach(scope, await directory.GetAsync(db, ct));
        CanEdit = reach.CanEdit(Plan.UnitId);
        CanCopy = reach.CanCreate;
        return Page();
    }
}
