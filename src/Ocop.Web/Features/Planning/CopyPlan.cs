using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Planning;

/// <summary>
/// Starts a plan for a new period from an existing one: the new plan with the fields given (checked as a new plan is,
/// <see cref="SavePlan"/>) and a copy of each of the source's targets, bound to the same indicator with the same value
/// and direction, its deadline moved to the new period's end. Plan, targets and their audit rows are one transaction:
/// a refused copy writes nothing.
/// </summary>
public sealed class CopyPlan(OcopDbContext db, UnitDirectory directory)
{
    public async Task<PlanSaveResult> HandleAsync(int sourceId, PlanFields fields, UserScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(scope);
        var source = await db.Plans.AsNoTracking().Include(p => p.Targets).SingleOrDefaultAsync(p => p.Id == sourceId, ct);
        if (source is null)
        {
            return new PlanSaveResult.NotFound();
        }

        var reach = new PlanReach(scope, await directory.GetAsync(db, ct));
        if (!reach.CanCreate)
        {
            return new PlanSaveResult.Forbidden();
        }

        var save = new SavePlan(db, directory);
        var problems = await save.ProblemsAsync(fields, null, reach, ct);
        if (problems.Count > 0)
        {
            return new PlanSaveResult.Invalid(problems);
        }

        var copy = new Plan
        {
            Number = fields.Number.Trim(),
            Title = fields.Title.Trim(),
            Issuer = fields.Issuer.Trim(),
            IssuedOn = fields.IssuedOn,
            PeriodFrom = fields.PeriodFrom,
            PeriodTo = fields.PeriodTo,
            UnitId = fields.UnitId,
            ParentId = fields.ParentId,
            Note = string.IsNullOrWhiteSpace(fields.Note) ? null : fields.Note.Trim(),
            Targets = source.Targets.OrderBy(t => t.SortOrder).ThenBy(t => t.Code).Select(t => new PlanTarget
            {
                Code = t.Code,
                Wording = t.Wording,
                IndicatorId = t.IndicatorId,
                TargetValue = t.TargetValue,
                Direction = t.Direction,
                Deadline = fields.PeriodTo,
                SortOrder = t.SortOrder,
            }).ToList(),
        };
        db.Plans.Add(copy);
        return await save.CommitAsync(copy, ct);
    }
}
