using Ocop.Core.Documents;
using Ocop.Core.Units;

namespace Ocop.Core.Tests.Documents;

/// <summary>Who issues on a date, on a slice of the real units: Trà Vinh (84), Châu Thành district (847), Đa Lộc, the new Vĩnh Long (86).</summary>
public class IssuingUnitsTests
{
    private const int OldProvince = 84, District = 847, DaLoc = 29377, Township = 29374, NewProvince = 86, NewCommune = 129374, CityDistrict = 842;
    private static readonly DateOnly Founded = new(1992, 5, 1), LastOldDay = new(2025, 6, 30), Merger = new(2025, 7, 1);

    private static readonly Dictionary<int, IssuingUnit> Units = new[]
    {
        new IssuingUnit(NewProvince, UnitLevel.Province, new(Merger, null), null, null),
        new IssuingUnit(NewCommune, UnitLevel.Commune, new(Merger, null), NewProvince, null),
        new IssuingUnit(OldProvince, UnitLevel.Province, new(Founded, LastOldDay), null, NewProvince),
        new IssuingUnit(District, UnitLevel.District, new(Founded, LastOldDay), OldProvince, null),
        new IssuingUnit(CityDistrict, UnitLevel.District, new(Founded, LastOldDay), OldProvince, null),
        new IssuingUnit(DaLoc, UnitLevel.Commune, new(Founded, LastOldDay), District, NewCommune),
        new IssuingUnit(Township, UnitLevel.Commune, new(Founded, LastOldDay), District, NewCommune),
    }.ToDictionary(u => u.Id);

    public static TheoryData<int, DateOnly, int?> Issuers => new()
    {
        { District, new DateOnly(2024, 3, 15), District },          // the district issues while it exists
        { District, LastOldDay, District },                          // its last day
        { District, Merger, NewProvince },                           // abolished without successor: the parent's stand-in
        { District, new DateOnly(2026, 12, 1), NewProvince },
        { OldProvince, new DateOnly(2024, 5, 1), OldProvince },
        { OldProvince, new DateOnly(2026, 12, 1), NewProvince },     // merged: its successor
        { DaLoc, new DateOnly(2026, 12, 1), NewCommune },            // a commune: its successor commune
        { NewProvince, new DateOnly(2026, 12, 1), NewProvince },
        { NewProvince, new DateOnly(2024, 1, 1), null },             // did not exist yet
    };

    [Theory]
    [MemberData(nameof(Issuers))]
    public void A_document_dated_after_a_unit_ceased_is_issued_by_its_stand_in(int unit, DateOnly date, int? expected) =>
        Assert.Equal(expected, IssuingUnits.On(unit, date, Units));

    public static TheoryData<int, UnitLevel, DateOnly, int?> Levels => new()
    {
        { DaLoc, UnitLevel.Province, new DateOnly(2024, 3, 15), OldProvince },
        { DaLoc, UnitLevel.Province, new DateOnly(2026, 12, 1), NewProvince },
        { DaLoc, UnitLevel.District, new DateOnly(2024, 3, 15), District },
        { DaLoc, UnitLevel.District, new DateOnly(2026, 12, 1), null },   // no district level any more
        { NewCommune, UnitLevel.Province, new DateOnly(2026, 12, 1), NewProvince },
        { District, UnitLevel.Province, new DateOnly(2024, 3, 15), OldProvince },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void The_province_or_district_of_a_commune_is_the_one_on_that_date(int unit, UnitLevel level, DateOnly date, int? expected) =>
        Assert.Equal(expected, IssuingUnits.AtLevel(unit, level, date, Units));

    public static TheoryData<int, DateOnly, int[]> Chains => new()
    {
        { DaLoc, new DateOnly(2024, 3, 15), [DaLoc, District, OldProvince] },
        { DaLoc, new DateOnly(2026, 12, 1), [NewCommune, NewProvince] },
        { NewCommune, new DateOnly(2024, 3, 15), [NewCommune, NewProvince] },   // no guessing backward
    };

    [Theory]
    [MemberData(nameof(Chains))]
    public void An_address_names_the_units_of_its_date(int unit, DateOnly date, int[] expected) =>
        Assert.Equal(expected, IssuingUnits.Chain(unit, date, Units));
}
