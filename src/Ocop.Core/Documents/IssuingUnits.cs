using Ocop.Core.Units;

namespace Ocop.Core.Documents;

/// <summary>The facts about a unit that deciding who issues on a date needs.</summary>
public sealed record IssuingUnit(int Id, UnitLevel Level, UnitValidity Validity, int? ParentId, int? SuccessorId);

/// <summary>
/// Which unit's authority issues a document on a date. A document is never issued in the name of a unit that no
/// longer exists: after a unit ceased, its successor issues; a unit abolished without one (every district on
/// 1 July 2025) hands over to its parent's stand-in on that date (a district of a merged province → the new province).
/// </summary>
public static class IssuingUnits
{
    /// <summary>
    /// The unit that stands for <paramref name="unitId"/> on <paramref name="date"/>: itself while valid, otherwise its
    /// successor (followed forward), or failing one its parent's stand-in. Null when the unit did not exist yet.
    /// </summary>
    public static int? On(int unitId, DateOnly date, IReadOnlyDictionary<int, IssuingUnit> units)
    {
        var seen = new HashSet<int>();
        int? current = unitId;
        while (current is int id && units.TryGetValue(id, out var unit) && seen.Add(id))
        {
            if (unit.Validity.IsValidOn(date))
            {
                return id;
            }

            if (date < unit.Validity.ValidFrom)
            {
                return null; // not yet in existence: predecessors are not guessed backward
            }

            current = unit.SuccessorId ?? unit.ParentId;
        }

        return null;
    }

    /// <summary>
    /// The unit of <paramref name="level"/> that contains <paramref name="unitId"/> (or its stand-in) on <paramref name="date"/>:
    /// the province of a commune on that date. Null when there is none, e.g. a district after 30 June 2025.
    /// </summary>
    public static int? AtLevel(int unitId, UnitLevel level, DateOnly date, IReadOnlyDictionary<int, IssuingUnit> units)
    {
        var seen = new HashSet<int>();
        var current = On(unitId, date, units);
        while (current is int id && units.TryGetValue(id, out var unit) && seen.Add(id))
        {
            if (unit.Level == level)
            {
                return unit.Validity.IsValidOn(date) ? id : null;
            }

            if (unit.Level < level)
            {
                return null; // went above the level asked for
            }

            current = unit.ParentId;
        }

        return null;
    }

    /// <summary>A unit and the units above it on the date, innermost first (commune, district if any, province).</summary>
    public static IReadOnlyList<int> Chain(int unitId, DateOnly date, IReadOnlyDictionary<int, IssuingUnit> units)
    {
        var chain = new List<int>();
        // A unit that did not exist yet on the date (a record moved to a successor before its old document was frozen)
        // is named as it is: there is no earlier name to go back to without guessing.
        var current = On(unitId, date, units) ?? unitId;
        var seen = new HashSet<int>();
        while (units.TryGetValue(current, out var unit) && seen.Add(current))
        {
            chain.Add(current);
            if (unit.ParentId is not int parent)
            {
                break;
            }

            current = parent;
        }

        return chain;
    }
}
