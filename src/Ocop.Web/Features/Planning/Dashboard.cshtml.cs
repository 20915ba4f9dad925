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
public sealed class DashboardModel(OcopDbContext db, UserScopeLoader scopes, PlanFigures figures, TimeProvider clock, UnitDirectory directory) : PageModel
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

    /// <summary>"Chốt số liệu cuối năm": keeps each target's figure on 31/12 of the year for the unit; a second close of the same year is refused.</summary>
    public async Task<IActionResult> OnPostSnapshotAsync([FromForm] int plan, [FromForm] int? unit, [FromForm] int year, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!PlanningAccess.CanEditPlans(scope.Role))
        {
            return Forbid();
        }

        var header = await figures.PlanAsync(plan, ct);
        var figureUnit = header is null ? null : await figures.UnitAsync(unit ?? 0, scope, ct);
        if (header is null || figureUnit is null)
        {
            return NotFound();
        }

        if (year is < InputGuard.FirstYear or > InputGuard.LastYear)
        {
            // A year left out of the form binds as 0.
            return BadRequest();
        }

        var asOf = new DateOnly(year, 12, 31);
        var back = $"/Planning/Dashboard?plan={PlanDisplay.Id(plan)}&unit={PlanDisplay.Id(figureUnit.UnitId ?? 0)}&at={PlanDisplay.Iso(asOf)}";
        var message = await SnapshotAsync(header, figureUnit, asOf, scope, ct);
        TempData["Message"] = message;
        return Redirect(back);
    }

    private async Task<string> SnapshotAsync(PlanHeader plan, FigureUnit unit, DateOnly asOf, UserScope scope, CancellationToken ct)
    {
        if (asOf.Year < plan.PeriodFrom.Year || asOf.Year > plan.PeriodTo.Year)
        {
            return "Năm chốt số liệu phải nằm trong kỳ của kế hoạch.";
        }

        if (asOf > Display.Today(clock))
        {
            return "Chưa hết năm: chỉ chốt số liệu sau ngày 31/12.";
        }

        // A unit only partly inside the user's units would keep partial figures under the whole unit's name.
        var whole = await figures.UnitAsync(unit.UnitId ?? 0, new UserScope { UserId = scope.UserId, Role = Role.Administrator, CommuneIds = new HashSet<int>() }, ct);
        if (whole?.Communes?.Count != unit.Communes?.Count)
        {
            return "Bạn chỉ chốt được số liệu của đơn vị mình phụ trách.";
        }

        var targets = await figures.TargetsAsync(plan.Id, ct);
        var targetIds = targets.Select(t => t.Id).ToList();
        var unitId = unit.UnitId;
        if (await db.IndicatorSnapshots.AnyAsync(s => s.PlanTargetId != null && targetIds.Contains(s.PlanTargetId.Value) && s.UnitId == unitId && s.AsOf == asOf, ct))
        {
            return $"Số liệu ngày {Display.Date(asOf)} của {unit.Name} đã được chốt; số liệu đã chốt không thay đổi.";
        }

        var facts = await figures.FactsAsync(unit, ct);
        var contexts = await figures.ContextsAsync(plan, ct);
        var userName = User.Identity?.Name ?? scope.UserId;
        foreach (var t in targets)
        {
            var result = IndicatorEvaluation.Evaluate(t.Definition, facts, contexts(asOf));
            db.IndicatorSnapshots.Add(new IndicatorSnapshot
            {
                PlanTargetId = t.Id,
                IndicatorId = t.Indicator.Id,
                UnitId = unitId,
                AsOf = asOf,
                Value = result.Value,
                Numerator = result.Numerator,
                Denominator = result.Denominator,
                TakenAt = clock.GetUtcNow().UtcDateTime,
                TakenBy = userName,
            });
        }

        await db.SaveChangesAsync(ct);
        return $"Đã chốt số liệu ngày {Display.Date(asOf)} của {unit.Name}: {targets.Count.ToString(CultureInfo.InvariantCulture)} chỉ tiêu.";
    }

    /// <summary>The drill-down list of the records behind one figure, on the dashboard's date or another (a judged target's deadline).</summary>
    public string RecordsUrl(TargetFigure t, string part, DateOnly? on = null) =>
        $"/Planning/Records?plan={PlanDisplay.Id(PlanId!.Value)}&target={PlanDisplay.Id(t.TargetId)}&unit={PlanDisplay.Id(UnitId!.Value)}&at={PlanDisplay.Iso(on ?? Figures.At)}&part={part}";

    public string UnitUrl(int unitId) =>
        $"/Planning/Dashboard?plan={PlanDisplay.Id(PlanId!.Value)}&unit={PlanDisplay.Id(unitId)}&at={PlanDisplay.Iso(Figures.At)}";

    public string StarsUrl(int? group, int? stars) =>
        $"/Planning/Records?plan={PlanDisplay.Id(PlanId!.Value)}&unit={PlanDisplay.Id(UnitId!.Value)}&at={PlanDisplay.Iso(Figures.At)}&part=stars"
        + (group is int g ? "&group=" + PlanDisplay.Id(g) : "") + (stars is int s ? "&stars=" + PlanDisplay.Id(s) : "");
}
