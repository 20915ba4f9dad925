namespace Ocop.Core.Units;

/// <summary>
/// A unit's validity period. Codes are reused after mergers (29374 was a township, then a merged commune),
/// so a unit is identified by its code and its period together.
/// </summary>
public readonly record struct UnitValidity(DateOnly ValidFrom, DateOnly? ValidTo)
{
    /// <summary>ValidTo is the last day the unit existed (inclusive).</summary>
    public bool IsValidOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo.Value);

    public bool Overlaps(UnitValidity other) =>
        ValidFrom <= (other.ValidTo ?? DateOnly.MaxValue) && other.ValidFrom <= (ValidTo ?? DateOnly.MaxValue);
}

/// <summary>The minimal facts about a unit that the successor rule needs.</summary>
public sealed record UnitLink(int Id, UnitValidity Validity, int? SuccessorId);

public static class UnitSuccession
{
    /// <summary>
    /// The unit that stands for <paramref name="unitId"/> on <paramref name="date"/>: the unit itself while it is valid,
    /// otherwise its successor chain followed forward. Null when the chain ends before the date.
    /// </summary>
    public static int? ResolveOn(int unitId, DateOnly date, IReadOnlyDictionary<int, UnitLink> units)
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
                return null; // the unit did not exist yet; predecessors are not followed backward
            }

            current = unit.SuccessorId;
        }

        return null;
    }
}
