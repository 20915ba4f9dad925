using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>
/// Starts a plan for a new period from an existing one: the new plan with the fields given (checked as a new plan is,
/// <see cref="SavePlan"/>) and a copy of each of the source's targets, bound to the same indicator with the same value
/// and direction, its deadline moved to the new period's end. Whoever may make plans copies any plan they can read.
/// Plan, targets and their audit rows are one transaction: a refused copy writes nothing.
/// </summary>
public sealed class CopyPlan(OcopDbContext db, UnitDirectory directory, SavePlan plans)
{
    public sealed class Command : PlanFieldsCommand
    {
        /// <summary>The plan copied. Set by the caller from the route, never from the body.</summary>
        [BindNever, JsonIgnore]
        public int SourceId { get; set; }
    }

    public sealed record Copied(int PlanId, string Number, string SourceNumber, int Targets);

    /// <param name="save">False when the caller only wants the command checked (a form with a value it could not read).</param>
    public async Task<WriteResult<Copied>> RunAsync(UserScope scope, Command command, bool save = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var sourceId = command.SourceId;
        var source = await db.Plans.AsNoTracking().Include(p => p.Targets).SingleOrDefaultAsync(p => p.Id == sourceId, ct);
        if (source is null)
        {
            return WriteResult.NotFound<Copied>("Không tìm thấy kế hoạch.");
        }

        var reach = new PlanReach(scope, await directory.GetAsync(db, ct));
        if (!reach.CanCreate)
        {
            return WriteResult.Refused<Copied>("Bạn không được lập kế hoạch.");
        }

        var errors = await plans.ErrorsAsync(command, null, reach, ct);
        if (errors.Any)
        {
            return WriteResult.Invalid<Copied>(errors);
        }

        if (!save)
        {
            return WriteResult.Done(new Copied(0, command.Number.Trim(), source.Number, source.Targets.Count));
        }

        var copy = new Plan
        {
            Number = "",
            Title = "",
            Issuer = "",
            Targets = source.Targets.OrderBy(t => t.SortOrder).ThenBy(t => t.Code).Select(t => new PlanTarget
            {
                Code = t.Code,
                Wording = t.Wording,
                IndicatorId = t.IndicatorId,
                TargetValue = t.TargetValue,
                Direction = t.Direction,
                Deadline = command.PeriodTo!.Value,
                SortOrder = t.SortOrder,
            }).ToList(),
        };
        command.ApplyTo(copy);
        db.Plans.Add(copy);
        return await plans.CommitAsync(copy, () => new Copied(copy.Id, copy.Number, source.Number, copy.Targets.Count), ct);
    }
}
