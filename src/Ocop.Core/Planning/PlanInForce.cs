using System.ComponentModel.DataAnnotations;

namespace Ocop.Core.Planning;

/// <summary>A plan as far as choosing one goes: its unit (null for a national program), its period and its date of issue.</summary>
public sealed record PlanPeriod(int Id, int? UnitId, DateOnly From, DateOnly To, DateOnly IssuedOn)
{
    /// <summary>In force from the period's first day to its last, both included.</summary>
    public bool InForceOn(DateOnly date) => From <= date && date <= To;

    public PlanStanding StandingOn(DateOnly date) =>
        date < From ? PlanStanding.Upcoming : date > To ? PlanStanding.Ended : PlanStanding.InForce;
}

public enum PlanStanding
{
    [Display(Name = "Đang thực hiện")] InForce = 1,
    [Display(Name = "Chưa đến kỳ")] Upcoming = 2,
    [Display(Name = "Đã kết thúc")] Ended = 3,
}

/// <summary>
/// Which plan a unit's figures are judged against on a date, and the order plans are offered in. A unit is judged
/// against the nearest plan in force: its own, else that of the unit above it, and so on up to a national program.
/// </summary>
public static class PlanInForce
{
    /// <summary>
    /// The plan for the units the <paramref name="rank"/> names (lower is nearer: the unit itself, then the unit above, …;
    /// null for a unit that does not apply; the key null is a national program): the nearest plan in force on the date,
    /// the latest issued among equally near ones. With none in force, the plan of those units that ended last (the
    /// nearest among those ending together), else the one that starts first. Null when none of the units has a plan.
    /// </summary>
    public static PlanPeriod? Choose(IEnumerable<PlanPeriod> plans, Func<int?, int?> rank, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(rank);
        var ranked = plans.Select(p => (Plan: p, Rank: rank(p.UnitId))).Where(p => p.Rank is not null).ToList();
        var inForce = ranked.Where(p => p.Plan.InForceOn(on))
            .OrderBy(p => p.Rank).ThenByDescending(p => p.Plan.IssuedOn).ThenByDescending(p => p.Plan.Id)
            .Select(p => p.Plan).FirstOrDefault();
        if (inForce is not null)
        {
            return inForce;
        }

        var ended = ranked.Where(p => p.Plan.To < on)
            .OrderByDescending(p => p.Plan.To).ThenBy(p => p.Rank).ThenByDescending(p => p.Plan.IssuedOn).ThenByDescending(p => p.Plan.Id)
            .Select(p => p.Plan).FirstOrDefault();
        return ended ?? ranked.OrderBy(p => p.Plan.From).ThenBy(p => p.Rank).ThenByDescending(p => p.Plan.Id).Select(p => p.Plan).FirstOrDefault();
    }

    /// <summary>
    /// Plans as a picker offers them: those in force on the date first (latest issued first), then those still to come
    /// (soonest first), then those ended (latest ended first).
    /// </summary>
    public static List<PlanPeriod> PickerOrder(IEnumerable<PlanPeriod> plans, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(plans);
        return plans.OrderBy(p => p.StandingOn(on))
            .ThenBy(p => p.StandingOn(on) == PlanStanding.Upcoming ? p.From.DayNumber : 0)
            .ThenByDescending(p => p.StandingOn(on) == PlanStanding.Ended ? p.To.DayNumber : 0)
            .ThenByDescending(p => p.IssuedOn).ThenByDescending(p => p.Id)
            .ToList();
    }

    /// <summary>
    /// A copy's period: starting the day after the source ends and as long: whole months stay whole months (2026–2030 →
    /// 2031–2035, a second half-year → the next first half), any other period the same number of days.
    /// </summary>
    public static (DateOnly From, DateOnly To) NextPeriod(DateOnly from, DateOnly to)
    {
        var nextFrom = to.AddDays(1);
        if (from.Day == 1 && to.AddDays(1).Day == 1)
        {
            var months = ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
            return (nextFrom, nextFrom.AddMonths(months).AddDays(-1));
        }

        return (nextFrom, nextFrom.AddDays(to.DayNumber - from.DayNumber));
    }
}
