using System.Globalization;

namespace Ocop.Core.Evaluation;

/// <summary>
/// Scoresheet points, stored as whole tenths so that half points survive in SQLite and PostgreSQL alike
/// and no floating-point sum ever lands a hair below a star threshold.
/// </summary>
public readonly record struct Points(int Tenths) : IComparable<Points>
{
    public static readonly Points Zero = new(0);

    public static Points FromWhole(int points) => new(checked(points * 10));

    /// <summary>Parses "3", "2.5" or "2,5" (the Vietnamese decimal comma); at most one decimal place.</summary>
    public static bool TryParse(string? text, out Points points)
    {
        points = Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = text.Trim().Replace(',', '.');
        if (!decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var tenths = value * 10m;
        if (tenths != decimal.Truncate(tenths) || tenths > int.MaxValue || tenths < int.MinValue)
        {
            return false;
        }

        points = new Points((int)tenths);
        return true;
    }

    public decimal Value => Tenths / 10m;

    public int CompareTo(Points other) => Tenths.CompareTo(other.Tenths);

    public static Points operator +(Points a, Points b) => new(checked(a.Tenths + b.Tenths));

    public static Points operator -(Points a, Points b) => new(checked(a.Tenths - b.Tenths));

    public static bool operator <(Points a, Points b) => a.Tenths < b.Tenths;

    public static bool operator >(Points a, Points b) => a.Tenths > b.Tenths;

    public static bool operator <=(Points a, Points b) => a.Tenths <= b.Tenths;

    public static bool operator >=(Points a, Points b) => a.Tenths >= b.Tenths;

    public static Points Sum(IEnumerable<Points> points) => points.Aggregate(Zero, (a, b) => a + b);

    /// <summary>"12", "12.5": invariant, for storage and logs. The UI formats <see cref="Value"/> in its own culture.</summary>
    public override string ToString() => Value.ToString(Tenths % 10 == 0 ? "0" : "0.0", CultureInfo.InvariantCulture);

    /// <summary>"12", "12,5": the Vietnamese decimal comma, for messages shown to people.</summary>
    public string ToVietnamese() => ToString().Replace('.', ',');
}

/// <summary>
/// An exact mean of point totals (the council's average), kept as sum and count so that comparing it with a
/// threshold never rounds: 69.95 stays below 70.
/// </summary>
public readonly record struct MeanScore
{
    public MeanScore(long sumTenths, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        SumTenths = sumTenths;
        Count = count;
    }

    public long SumTenths { get; }

    public int Count { get; }

    public static MeanScore Of(IReadOnlyCollection<Points> values)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        return new MeanScore(values.Sum(v => (long)v.Tenths), values.Count);
    }

    public static MeanScore OfOne(Points value) => new(value.Tenths, 1);

    /// <summary>The exact value, as far as decimal carries it (28 digits): for display and sorting, not for thresholds.</summary>
    public decimal Value => Count == 0 ? 0m : SumTenths / (10m * Count); // default(MeanScore) reads as 0, not a crash

    public bool IsAtLeast(Points threshold) => SumTenths >= (long)threshold.Tenths * Count;

    public bool IsBelow(Points threshold) => !IsAtLeast(threshold);

    /// <summary>
    /// The value cut (not rounded) to <paramref name="decimals"/> places, for comparisons that must never reach a
    /// threshold the exact mean did not. Display uses <see cref="Rounded"/>.
    /// </summary>
    public decimal Truncated(int decimals = 2)
    {
        var factor = (decimal)Math.Pow(10, decimals);
        return decimal.Truncate(Value * factor) / factor;
    }

    /// <summary>
    /// The value rounded half-up (away from zero: scores are never negative) to <paramref name="decimals"/> places, as
    /// people write a mean: 29.665 → 29.67, 89.666… → 89.67. Only for display and storage of the shown figure; the star
    /// is always decided on the exact mean (<see cref="IsAtLeast"/>), so 69.95 shown as 69.95 stays 3★. With fewer than
    /// twenty members a mean below a band never rounds up to the band's bound (it is at most 1/(10n) below it).
    /// </summary>
    public decimal Rounded(int decimals = 2) => Math.Round(Value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>The mean in whole hundredths of a point, rounded like <see cref="Rounded"/>: the figure shown, as an integer to store.</summary>
    public int ToHundredths() => (int)(Rounded(2) * 100m);

    public override string ToString() => Rounded(2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"69,95": rounded half-up to two places, with the Vietnamese decimal comma.</summary>
    public string ToVietnamese() => ToString().Replace('.', ',');
}
