using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>
/// "Chốt số liệu cuối năm": keeps each target's figure of a plan on 31/12 of a year for a unit (or the whole country), as
/// it stands when taken, so past reports never change. Only the program office and the administrator
/// (<see cref="PlanningAccess.CanEditPlans"/>), only for a unit wholly within the user's units, only a year of the plan's
/// period that has ended (<see cref="PlanTargetRules.CloseProblem"/>), and only once. All the targets' snapshots are one save.
/// </summary>
public sealed class CloseYearFigures(OcopDbContext db, PlanFigures figures, TimeProvider clock, CurrentActor actor)
{
    public sealed class Command
    {
        public int PlanId { get; set; }
        /// <summary>The unit; null or 0 for the whole country.</summary>
        public int? UnitId { get; set; }
        public int Year { get; set; }
    }

    public sealed record Closed(DateOnly AsOf, string UnitName, int Targets);

    public async Task<WriteResult<Closed>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!PlanningAccess.CanEditPlans(scope.Role))
        {
            return WriteResult.Refused<Closed>("Chỉ văn phòng Chương trình OCOP và quản trị hệ thống chốt số liệu.");
        }

        var plan = await figures.PlanAsync(command.PlanId, ct);
        var unit = plan is null ? null : await figures.UnitAsync(command.UnitId ?? 0, scope, ct);
        if (plan is null || unit is null)
        {
            return WriteResult.NotFound<Closed>("Không tìm thấy kế hoạch hoặc đơn vị.");
        }

        var errors = new FieldErrorList();
        if (command.Year is < InputGuard.FirstYear or > InputGuard.LastYear)
        {
            errors.Add(nameof(Command.Year), "Năm không hợp lệ.");
            return WriteResult.Invalid<Closed>(errors);
        }

        if (PlanTargetRules.CloseProblem(command.Year, plan.PeriodFrom, plan.PeriodTo, Display.Today(clock)) is { } problem)
        {
            errors.Add(nameof(Command.Year), problem);
            return WriteResult.Invalid<Closed>(errors);
        }

        // A unit only partly inside the user's units would keep partial figures under the whole unit's name.
        var whole = await figures.UnitAsync(unit.UnitId ?? 0, new UserScope { UserId = scope.UserId, Role = Role.Administrator, CommuneIds = new HashSet<int>() }, ct);
        if (whole?.Communes?.Count != unit.Communes?.Count)
        {
            errors.Add(nameof(Command.UnitId), "Bạn chỉ chốt được số liệu của đơn vị mình phụ trách.");
            return WriteResult.Invalid<Closed>(errors);
        }

        var asOf = PlanTargetRules.YearEnd(command.Year);
        var targets = await figures.TargetsAsync(plan.Id, ct);
        var targetIds = targets.Select(t => t.Id).ToList();
        var unitId = unit.UnitId;
        if (await db.IndicatorSnapshots.AnyAsync(s => s.PlanTargetId != null && targetIds.Contains(s.PlanTargetId.Value) && s.UnitId == unitId && s.AsOf == asOf, ct))
        {
            errors.Add(nameof(Command.Year), $"Số liệu ngày {Display.Date(asOf)} của {unit.Name} đã được chốt; số liệu đã chốt không thay đổi.");
            return WriteResult.Invalid<Closed>(errors);
        }

        var facts = await figures.FactsAsync(unit, ct);
        var contexts = await figures.ContextsAsync(plan, ct);
        var takenAt = clock.GetUtcNow().UtcDateTime;
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
                TakenAt = takenAt,
                TakenBy = actor.UserName,
            });
        }

        // Every target's snapshot in one save: one transaction, all or none.
        await db.SaveChangesAsync(ct);
        return WriteResult.Done(new Closed(asOf, unit.Name, targets.Count));
    }
}
