using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>
/// The dashboard's plan picker (plans in force first) and what it opens on when the address names no plan or unit: the
/// plan in force on the date for the user's own unit (a commune officer: their commune's plan, else the plan of the
/// province above it; a province office: the province's plan), shown for that unit, so a commune is judged against its
/// own plan and headed with its own name. Users without units of their own (administrators, leaders) open the plan
/// nearest the deploying office's provinces, or the widest plan in force when the office serves the whole country. The rule of nearness is the core's (<see cref="PlanInForce"/>).
/// </summary>
public sealed class PlanChoices
{
    /// <summary>Rank of a national program for a user with units of their own: after any plan of their units.</summary>
    private const int NationalRank = 1000;

    private readonly UnitDirectory.Snapshot units;
    private readonly UserScope scope;
    private readonly List<UnitEntry> own;

    private PlanChoices(UnitDirectory.Snapshot units, UserScope scope, List<UnitEntry> own, List<(int Id, string Label)> picker, int? defaultPlanId)
    {
        this.units = units;
        this.scope = scope;
        this.own = own;
        Picker = picker;
        DefaultPlanId = defaultPlanId;
    }

    /// <summary>Every plan, labelled with its period and whether it is in force on the date, those in force first.</summary>
    public List<(int Id, string Label)> Picker { get; }

    /// <summary>The plan to open when none is asked for; null only when there is no plan at all.</summary>
    public int? DefaultPlanId { get; }

    public static async Task<PlanChoices> LoadAsync(OcopDbContext db, UnitDirectory directory, UserScope scope, DateOnly at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(scope);
        var units = await directory.GetAsync(db, ct);
        var plans = await db.Plans.AsNoTracking()
            .Select(p => new { Period = new PlanPeriod(p.Id, p.UnitId, p.PeriodFrom, p.PeriodTo, p.IssuedOn), p.Number, p.Title })
            .ToListAsync(ct);
        var byId = plans.ToDictionary(p => p.Period.Id);
        var picker = PlanInForce.PickerOrder(plans.Select(p => p.Period), at)
            .Select(p => (p.Id, $"{byId[p.Id].Number} – {byId[p.Id].Title} ({p.From.Year}–{p.To.Year}, {Display.Name(p.StandingOn(at)).ToLower(Display.Vi)})"))
            .ToList();

        // The user's own units as they stand on the date: a commune merged in 2025 stands for its successor afterwards.
        var assigned = await db.UserUnits.AsNoTracking().Where(u => u.UserId == scope.UserId).Select(u => u.UnitId).ToListAsync(ct);
        if (assigned.Count == 0)
        {
            // Without units of their own (leaders, administrators): the plans nearest the deploying office's provinces.
            assigned = units.HomeUnits.ToList();
        }

        var own = assigned.Where(units.ById.ContainsKey).Select(id => units.CurrentOn(units.ById[id], at))
            .DistinctBy(u => u.Id).OrderBy(u => u.Level).ThenBy(u => u.Id).ToList();
        var ranks = own.Count == 0 ? null : Ranks(units, own);
        Func<int?, int?> rank = ranks is null
            ? unit => unit is int id ? (int?)(units.ById.TryGetValue(id, out var u) ? (int)u.Level : null) : 0
            : unit => unit is int id ? ranks.TryGetValue(id, out var r) ? r : null : NationalRank;
        var chosen = PlanInForce.Choose(plans.Select(p => p.Period), rank, at)?.Id ?? (picker.Count > 0 ? picker[0].Id : null);
        return new PlanChoices(units, scope, own, picker, chosen);
    }

    /// <summary>
    /// The unit to show a plan for when none is asked for: the plan's unit when the user reaches all of it; else the
    /// user's own unit inside it (a commune officer's commune under a province or former district plan); else the plan's
    /// unit, narrowed to the user's units by the figures. 0 is the whole country.
    /// </summary>
    public int DefaultUnitFor(int? planUnitId)
    {
        if (scope.ReachesEveryUnit)
        {
            return planUnitId ?? 0;
        }

        var single = own.Count == 1 ? own[0] : null;
        if (planUnitId is not int planUnit)
        {
            return single?.Id ?? 0;
        }

        var planCommunes = CommunesOf(planUnit);
        if (planCommunes.Count > 0 && planCommunes.All(scope.CommuneIds.Contains))
        {
            return planUnit;
        }

        return single is not null && CommunesOf(single.Id).Overlaps(planCommunes) ? single.Id : planUnit;
    }

    private HashSet<int> CommunesOf(int unitId) => units.CommunesCovered([unitId]);

    /// <summary>
    /// Nearness of each unit to the user's own units: the unit and the units it succeeded first, then the units above
    /// them (and those they succeeded), and so on; at the same step the more local unit comes first.
    /// </summary>
    private static Dictionary<int, int> Ranks(UnitDirectory.Snapshot units, List<UnitEntry> own)
    {
        var predecessors = units.All.Where(u => u.SuccessorId is not null).ToLookup(u => u.SuccessorId!.Value);
        var ranks = new Dictionary<int, int>();
        foreach (var start in own)
        {
            var seen = new HashSet<int>();
            var frontier = WithPredecessors([start], predecessors, seen);
            for (var step = 0; frontier.Count > 0; step++)
            {
                foreach (var unit in frontier)
                {
                    var rank = (step * 4) + (4 - (int)unit.Level);
                    ranks[unit.Id] = ranks.TryGetValue(unit.Id, out var known) ? Math.Min(known, rank) : rank;
                }

                frontier = WithPredecessors(frontier.Select(units.Parent).OfType<UnitEntry>(), predecessors, seen);
            }
        }

        return ranks;
    }

    private static List<UnitEntry> WithPredecessors(IEnumerable<UnitEntry> start, ILookup<int, UnitEntry> predecessors, HashSet<int> seen)
    {
        var result = new List<UnitEntry>();
        var queue = new Queue<UnitEntry>(start);
        while (queue.TryDequeue(out var unit))
        {
            if (!seen.Add(unit.Id))
            {
                continue;
            }

            result.Add(unit);
            foreach (var before in predecessors[unit.Id])
            {
                queue.Enqueue(before);
            }
        }

        return result;
    }
}
