using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>
/// The leader's morning page: a plan's targets for a unit on a date, with the breakdown, stars by product group, the trend
/// and the certificates expiring soon. Plan, unit and date sit in the query string so the address can be shared.
/// </summary>
public sealed class DashboardModel(OcopDbContext db, UserScopeLoader scopes, PlanFigures figures, TimeProvider clock, UnitDirectory directory, CloseYearFigures closeYear) : PageModel
{
    [FromQuery(Name = "plan")] public int? PlanId { get; set; }
    [FromQuery(Name = "unit")] public int? UnitId { get; set; }
    [FromQuery(Name = "at")] public DateOnly? At { get; set; }

    public DashboardFigures Figures { get; private set; } = null!;
    public List<(int Id, string Label)> Plans { get; private set; } = [];
    public List<(int Id, string Label)> Units { get; private set; } = [];
    public bool CanSnapshot { get; private set; }
    public List<int> SnapshotYears { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!PlanningAccess.CanReadPlans(scope.Role))
        {
            return Forbid();
        }

        Today = Display.Today(clock);
        var at = At ?? Today;
        // Without a plan in the address: the plan in force on the date for the user's own unit, shown for that unit.
        var choices = await PlanChoices.LoadAsync(db, directory, scope, at, ct);
        Plans = choices.Picker;
        var plan = await figures.PlanAsync(PlanId ?? choices.DefaultPlanId ?? 0, ct);
        if (plan is null)
        {
            return NotFound();
        }

        var unit = await figures.UnitAsync(UnitId ?? choices.DefaultUnitFor(plan.UnitId), scope, ct);
        if (unit is null)
        {
            return UnitId is null ? Forbid() : NotFound();
        }

        PlanId = plan.Id;
        UnitId = unit.UnitId ?? 0;
        Figures = await figures.DashboardAsync(plan, unit, at, ct);
        Units = await figures.PickableUnitsAsync(scope, UnitId, ct);
        CanSnapshot = PlanningAccess.CanEditPlans(scope.Role);
        SnapshotYears = Enumerable.Range(plan.PeriodFrom.Year, plan.PeriodTo.Year - plan.PeriodFrom.Year + 1)
            .Where(y => new DateOnly(y, 12, 31) <= Today).ToList();
        return Page();
    }

    /// <summary>"Chốt số liệu cuối năm" (<see cref="CloseYearFigures"/>): back on the dashboard at 31/12 of the year, with what was kept or why not.</summary>
    public async Task<IActionResult> OnPostSnapshotAsync([FromForm] int plan, [FromForm] int? unit, [FromForm] int year, CancellationToken ct)
    {
        var command = new CloseYearFigures.Command { PlanId = plan, UnitId = unit, Year = year };
        var result = await closeYear.RunAsync(await scopes.GetAsync(ct), command, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Refused:
                return Forbid();
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Invalid when year is < InputGuard.FirstYear or > InputGuard.LastYear:
                // A year left out of the form binds as 0.
                return BadRequest();
        }

        TempData["Message"] = result.Value is { } closed
            ? $"Đã chốt số liệu ngày {Display.Date(closed.AsOf)} của {closed.UnitName}: {closed.Targets.ToString(CultureInfo.InvariantCulture)} chỉ tiêu."
            : string.Join(" ", result.AllMessages());
        return RedirectToPage("/Planning/Dashboard", new { plan, unit = unit ?? 0, at = PlanDisplay.Iso(PlanTargetRules.YearEnd(year)) });
    }

    /// <summary>The drill-down list of the records behind one figure, on the dashboard's date or another (a judged target's deadline).</summary>
    public string RecordsUrl(TargetFigure t, string part, DateOnly? on = null) =>
        Url.Page("/Planning/Records", new { plan = PlanId!.Value, target = t.TargetId, unit = UnitId!.Value, at = PlanDisplay.Iso(on ?? Figures.At), part })!;

    public string UnitUrl(int unitId) =>
        Url.Page("/Planning/Dashboard", new { plan = PlanId!.Value, unit = unitId, at = PlanDisplay.Iso(Figures.At) })!;

    /// <summary>The products behind a cell of the stars table; a group or a star count left out means all of them.</summary>
    public string StarsUrl(int? group, int? stars) =>
        Url.Page("/Planning/Records", new { plan = PlanId!.Value, unit = UnitId!.Value, at = PlanDisplay.Iso(Figures.At), part = "stars", group, stars })!;
}
