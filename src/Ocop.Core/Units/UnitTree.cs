namespace Ocop.Core.Units;

/// <summary>
/// One administrative unit as the rules of time need it. <paramref name="SuccessorId"/> is the unit that took over its
/// records when it ceased (for a commune split between several, the one the office recorded); <paramref name="Successors"/>
/// are every unit the law names as its successor.
/// </summary>
public sealed record UnitNode(
    int Id, string Code, UnitLevel Level, int? ParentId, UnitValidity Validity, int? SuccessorId, IReadOnlyList<int> Successors);

/// <summary>
/// Every administrative unit with its parents and successors: which unit a code names on a date, which unit stands for
/// a ceased one today, and which former units a current unit covers. A code alone is not a unit: 29374 was the township
/// of Châu Thành until 30/06/2025 and is the merged commune Châu Thành since; 86 was the old Vĩnh Long province and is
/// the merged one.
/// </summary>
public sealed class UnitTree
{
    private readonly Dictionary<int, UnitNode> byId;
    private readonly ILookup<int, UnitNode> children;
    private readonly ILookup<int, UnitNode> predecessors;
    private readonly ILookup<string, UnitNode> byCode;

    public UnitTree(IEnumerable<UnitNode> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        byId = units.ToDictionary(u => u.Id);
        children = byId.Values.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        predecessors = byId.Values.Where(u => u.SuccessorId is int s && s != u.Id).ToLookup(u => u.SuccessorId!.Value);
        byCode = byId.Values.ToLookup(u => u.Code, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<int, UnitNode> ById => byId;

    public IEnumerable<UnitNode> Children(int id) => children[id];

    /// <summary>The units whose records went to this one when they ceased.</summary>
    public IEnumerable<UnitNode> Predecessors(int id) => predecessors[id];

    /// <summary>Every unit that ever carried the code, oldest first.</summary>
    public IEnumerable<UnitNode> WithCode(string code) => byCode[code].OrderBy(u => u.Validity.ValidFrom);

    /// <summary>
    /// The unit a code names on a date: the one valid that day; when none is, the one that ended last before it (a ceased
    /// unit still names its own records), else the first that began after it. Null for a code that names no unit.
    /// </summary>
    public UnitNode? Named(string code, DateOnly on)
    {
        UnitNode? endedBefore = null, beganAfter = null;
        foreach (var unit in byCode[code])
        {
            if (unit.Validity.IsValidOn(on))
            {
                return unit;
            }

            if (unit.Validity.ValidTo is DateOnly to && to < on)
            {
                if (endedBefore is null || to > endedBefore.Validity.ValidTo)
                {
                    endedBefore = unit;
                }
            }
            else if (beganAfter is null || unit.Validity.ValidFrom < beganAfter.Validity.ValidFrom)
            {
                beganAfter = unit;
            }
        }

        return endedBefore ?? beganAfter;
    }

    /// <summary>The unit that stands for this one on a date: itself while it exists, else its successor, and so on.</summary>
    public UnitNode CurrentOn(UnitNode unit, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var current = unit;
        var seen = new HashSet<int> { current.Id };
        while (!current.Validity.IsValidOn(on) && on > current.Validity.ValidFrom
               && current.SuccessorId is int next && byId.TryGetValue(next, out var successor) && seen.Add(next))
        {
            current = successor;
        }

        return current;
    }

    /// <summary>
    /// The units whose records a unit holds: itself, the units inside it, and — through the successor links — every unit
    /// that ceased into any of those, with the units inside them. A current commune thus covers the former communes
    /// merged into it, a current province its former provinces with their districts and communes; a former unit covers
    /// what it held in its life.
    /// </summary>
    public HashSet<int> Covered(int unitId)
    {
        var covered = new HashSet<int>();
        if (!byId.ContainsKey(unitId))
        {
            return covered;
        }

        var pending = new Stack<int>();
        pending.Push(unitId);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (!covered.Add(id))
            {
                continue;
            }

            foreach (var child in children[id])
            {
                pending.Push(child.Id);
            }

            foreach (var predecessor in predecessors[id])
            {
                pending.Push(predecessor.Id);
            }
        }

        return covered;
    }

    /// <summary>The units covered by any of these (see <see cref="Covered(int)"/>).</summary>
    public HashSet<int> Covered(IEnumerable<int> unitIds)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        var all = new HashSet<int>();
        foreach (var id in unitIds)
        {
            if (!all.Contains(id))
            {
                all.UnionWith(Covered(id));
            }
        }

        return all;
    }

    /// <summary>The nearest unit of the level above or at this one (its province for a commune, through its district before 2025).</summary>
    public UnitNode? AncestorAt(UnitNode unit, UnitLevel level)
    {
        for (var u = unit; u is not null; u = u.ParentId is int p ? byId.GetValueOrDefault(p) : null)
        {
            if (u.Level == level)
            {
                return u;
            }
        }

        return null;
    }
}
