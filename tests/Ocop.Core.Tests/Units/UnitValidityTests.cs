using Ocop.Core.Units;

namespace Ocop.Core.Tests.Units;

public class UnitValidityTests
{
    private static readonly DateOnly Founded = new(1992, 5, 1);
    private static readonly DateOnly LastOldDay = new(2025, 6, 30);
    private static readonly DateOnly Merger = new(2025, 7, 1);

    public static TheoryData<DateOnly, DateOnly?, DateOnly, bool> Dates => new()
    {
        { Founded, LastOldDay, new DateOnly(2023, 5, 11), true },  // the plan's date
        { Founded, LastOldDay, Founded, true },                    // first day counts
        { Founded, LastOldDay, LastOldDay, true },                 // last day counts
        { Founded, LastOldDay, Merger, false },                    // the day after the merger
        { Founded, LastOldDay, Founded.AddDays(-1), false },
        { Merger, null, Merger, true },
        { Merger, null, new DateOnly(2030, 1, 1), true },          // still exists
        { Merger, null, LastOldDay, false },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void A_unit_is_valid_from_its_first_to_its_last_day(DateOnly from, DateOnly? to, DateOnly on, bool valid) =>
        Assert.Equal(valid, new UnitValidity(from, to).IsValidOn(on));

    [Fact]
    public void Old_and_new_units_sharing_a_code_do_not_overlap()
    {
        var township = new UnitValidity(Founded, LastOldDay);   // Thị trấn Châu Thành 29374
        var mergedCommune = new UnitValidity(Merger, null);     // Xã Châu Thành 29374
        Assert.False(township.Overlaps(mergedCommune));
        Assert.True(mergedCommune.Overlaps(new UnitValidity(new DateOnly(2026, 1, 1), null)));
    }

    // Đa Lộc (1) merged into Xã Châu Thành (2) on 1 July 2025; Hòa Minh (3) was kept; (4) is an unrelated new unit.
    private static readonly UnitTree Units = new(
    [
        Node(1, new UnitValidity(Founded, LastOldDay), successor: 2),
        Node(2, new UnitValidity(Merger, null)),
        Node(3, new UnitValidity(Founded, null)),
        Node(4, new UnitValidity(Merger, null)),
        Node(5, new UnitValidity(Founded, LastOldDay)),                // abolished district
        Node(6, new UnitValidity(Founded, LastOldDay), successor: 6),  // bad data: loops to itself
    ]);

    private static UnitNode Node(int id, UnitValidity validity, int? successor = null) =>
        new(id, id.ToString(System.Globalization.CultureInfo.InvariantCulture), UnitLevel.Commune, null, validity, successor, successor is int s ? [s] : []);

    [Theory]
    [InlineData(1, "2024-01-01", 1)]   // before the merger the old commune stands for itself
    [InlineData(1, "2025-07-01", 2)]   // after it, its successor does
    [InlineData(1, "2026-11-28", 2)]
    [InlineData(3, "2026-11-28", 3)]   // a kept unit stays itself
    [InlineData(4, "2024-01-01", 4)]   // a new unit before it existed is not followed backward
    [InlineData(5, "2026-01-01", 5)]   // an abolished unit without successor still names its own records
    [InlineData(6, "2026-01-01", 6)]   // a successor loop ends instead of spinning
    public void Records_of_old_units_stand_for_the_unit_valid_on_a_date(int unitId, string on, int expected) =>
        Assert.Equal(expected, Units.CurrentOn(Units.ById[unitId], DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)).Id);
}
