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
