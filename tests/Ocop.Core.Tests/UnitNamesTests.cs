using Ocop.Core.Units;

namespace Ocop.Core.Tests;

/// <summary>Unit names as the data holds them (kind included) written into documents: never a kind twice.</summary>
public class UnitNamesTests
{
    [Theory]
    [InlineData("Tỉnh Vĩnh Long", "Tỉnh", "Vĩnh Long")]
    [InlineData("Huyện Châu Thành", "Huyện", "Châu Thành")]
    [InlineData("Xã Đa Lộc", "Xã", "Đa Lộc")]
    [InlineData("Thành phố Trà Vinh", "Thành phố", "Trà Vinh")]
    [InlineData("Thị trấn Châu Thành", "Thị trấn", "Châu Thành")]
    [InlineData("Thị xã Duyên Hải", "Thị xã", "Duyên Hải")]
    [InlineData("Phường 5", "Phường", "5")]
    [InlineData("Đặc khu Côn Đảo", "Đặc khu", "Côn Đảo")]
    [InlineData("Vĩnh Long", null, "Vĩnh Long")]
    [InlineData("Xã", null, "Xã")]                       // a kind alone is not a kind and a name
    [InlineData("Xà Phiên", null, "Xà Phiên")]           // a word that only looks like a kind
    [InlineData("  tỉnh   Trà Vinh ", "tỉnh", "Trà Vinh")]
    public void A_name_splits_into_its_kind_and_its_proper_name(string name, string? kind, string proper) =>
        Assert.Equal((kind, proper), UnitNames.Split(name));

    [Theory]
    [InlineData("Tỉnh Vĩnh Long", "tỉnh", "Tỉnh Vĩnh Long")]       // the data's names already carry their kind
    [InlineData("Huyện Châu Thành", "huyện", "Huyện Châu Thành")]
    [InlineData("Xã Đa Lộc", "xã", "Xã Đa Lộc")]
    [InlineData("Thành phố Trà Vinh", "thành phố", "Thành phố Trà Vinh")]
    [InlineData("Thành phố Hà Nội", "thành phố trung ương", "Thành phố Hà Nội")]
    [InlineData("Vĩnh Long", "tỉnh", "Tỉnh Vĩnh Long")]             // a bare name gets its kind once
    [InlineData("Hà Nội", "thành phố trung ương", "Thành phố Hà Nội")]
    [InlineData("Đa Lộc", "xã", "Xã Đa Lộc")]
    [InlineData("Xã Xã Đa Lộc", "xã", "Xã Đa Lộc")]                // a doubled kind is written once
    [InlineData("Vĩnh Long", null, "Vĩnh Long")]
    public void The_full_name_carries_its_kind_exactly_once(string name, string? kind, string expected) =>
        Assert.Equal(expected, UnitNames.Full(name, kind));

    [Theory]
    [InlineData("Tỉnh Vĩnh Long", "Vĩnh Long")]
    [InlineData("Tỉnh Trà Vinh", "Trà Vinh")]
    [InlineData("Huyện Châu Thành", "Châu Thành")]
    [InlineData("Xã Châu Thành", "Châu Thành")]
    [InlineData("Thành phố Trà Vinh", "Trà Vinh")]
    [InlineData("Thị xã Duyên Hải", "Duyên Hải")]
    [InlineData("Phường 5", "Phường 5")]                 // a number alone is no place
    [InlineData("Phường IV", "Phường IV")]
    [InlineData("Vĩnh Long", "Vĩnh Long")]
    [InlineData("Tỉnh Tỉnh Vĩnh Long", "Vĩnh Long")]
    public void The_place_of_a_date_line_is_the_name_without_its_kind(string name, string expected) =>
        Assert.Equal(expected, UnitNames.Place(name));

    [Theory]
    [InlineData("Tỉnh Vĩnh Long", null, "UBND tỉnh Vĩnh Long", "Ủy ban nhân dân tỉnh Vĩnh Long", "UBND TỈNH VĨNH LONG")]
    [InlineData("Huyện Châu Thành", "huyện", "UBND huyện Châu Thành", "Ủy ban nhân dân huyện Châu Thành", "UBND HUYỆN CHÂU THÀNH")]
    [InlineData("Xã Đa Lộc", "xã", "UBND xã Đa Lộc", "Ủy ban nhân dân xã Đa Lộc", "UBND XÃ ĐA LỘC")]
    [InlineData("Thành phố Trà Vinh", "thành phố", "UBND thành phố Trà Vinh", "Ủy ban nhân dân thành phố Trà Vinh", "UBND THÀNH PHỐ TRÀ VINH")]
    [InlineData("Trà Vinh", "tỉnh", "UBND tỉnh Trà Vinh", "Ủy ban nhân dân tỉnh Trà Vinh", "UBND TỈNH TRÀ VINH")]
    [InlineData("Huyện Huyện Châu Thành", "huyện", "UBND huyện Châu Thành", "Ủy ban nhân dân huyện Châu Thành", "UBND HUYỆN CHÂU THÀNH")]
    public void The_committee_of_a_unit_names_the_unit_once(string name, string? kind, string shortName, string fullName, string letterhead)
    {
        Assert.Equal(shortName, UnitNames.CommitteeShort(name, kind));
        Assert.Equal(fullName, UnitNames.Committee(name, kind));
        Assert.Equal(letterhead, UnitNames.Letterhead(name, kind));
        Assert.False(UnitNames.HasDoubledKind(letterhead));
    }

    [Theory]
    [InlineData("UBND HUYỆN HUYỆN CHÂU THÀNH", true, "UBND HUYỆN CHÂU THÀNH")]
    [InlineData("UBND TỈNH TỈNH TRÀ VINH", true, "UBND TỈNH TRÀ VINH")]
    [InlineData("UBND huyện Huyện Châu Thành", true, "UBND huyện Châu Thành")]
    [InlineData("Xã Xã Đa Lộc", true, "Xã Đa Lộc")]
    [InlineData("UBND thành phố Thành phố Trà Vinh", true, "UBND thành phố Trà Vinh")]
    [InlineData("UBND TỈNH VĨNH LONG", false, "UBND TỈNH VĨNH LONG")]
    [InlineData("Thị xã Duyên Hải", false, "Thị xã Duyên Hải")]
    [InlineData("Xã Châu Thành, tỉnh Vĩnh Long", false, "Xã Châu Thành, tỉnh Vĩnh Long")]
    public void A_doubled_kind_is_found_and_written_once(string text, bool doubled, string corrected)
    {
        Assert.Equal(doubled, UnitNames.HasDoubledKind(text));
        Assert.Equal(corrected, UnitNames.WithoutDoubledKind(text));
    }

    [Theory]
    [InlineData("Ấp 3, Xã Đa Lộc, huyện Châu Thành, tỉnh Trà Vinh", "Ấp 3")]
    [InlineData("Số 12 đường 30/4, Phường 5, Thành phố Trà Vinh, Tỉnh Trà Vinh", "Số 12 đường 30/4")]
    [InlineData("Khóm 2, TT. Châu Thành, H. Châu Thành", "Khóm 2, TT. Châu Thành, H. Châu Thành")] // "H." is not known: kept, then named again
    [InlineData("Ấp Phước Hảo", "Ấp Phước Hảo")]
    [InlineData("Xã Đa Lộc, huyện Châu Thành", "")]
    [InlineData("Ấp Đa Cần, Đa Lộc, Châu Thành, Trà Vinh", "Ấp Đa Cần")]   // bare names of the units it lies in
    public void The_locality_of_a_typed_address_drops_the_units_it_lies_in(string address, string expected) =>
        Assert.Equal(expected, UnitNames.Locality(address, ["Xã Đa Lộc", "Huyện Châu Thành", "Tỉnh Trà Vinh"]));

    [Theory]
    [InlineData("Ấp 3", new[] { "Xã Đa Lộc", "Huyện Châu Thành", "Tỉnh Trà Vinh" }, "Ấp 3, xã Đa Lộc, huyện Châu Thành, tỉnh Trà Vinh")]
    [InlineData("Ấp 3", new[] { "Xã Châu Thành", "Tỉnh Vĩnh Long" }, "Ấp 3, xã Châu Thành, tỉnh Vĩnh Long")]
    [InlineData("", new[] { "Phường Hòa Thuận", "Tỉnh Vĩnh Long" }, "phường Hòa Thuận, tỉnh Vĩnh Long")]
    [InlineData(null, new[] { "Thành phố Trà Vinh", "Tỉnh Trà Vinh" }, "thành phố Trà Vinh, tỉnh Trà Vinh")]
    public void An_address_names_each_unit_in_lower_case_kind(string? locality, string[] units, string expected) =>
        Assert.Equal(expected, UnitNames.Address(locality, units));
}
