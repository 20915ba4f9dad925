using System.Globalization;
using System.Text.Json;
using Ocop.Core.Import;
using Ocop.Core.Units;

namespace Ocop.Core.Tests.Import;

/// <summary>
/// An office's list names communes by their old or new names: a pre-2025 name is the former commune while the record's
/// date lies in its life, and its successor after; a name that fits several communes needs its district or province.
/// Checked on the registry the product ships, with the reach of the Vĩnh Long province office (its former provinces too).
/// </summary>
public class CommuneNamesTests
{
    private static readonly Lazy<(IReadOnlyList<UnitDefinition> Units, UnitTree Tree, CommuneNames Names)> Registry = new(() =>
    {
        using var file = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Units", "Data", "units-vietnam-2025.json")));
        var units = UnitRegistryFile.Read(file);
        var tree = UnitRegistryFile.BuildTree(units);
        var names = units.Select((u, i) => (Id: i + 1, u.Name)).ToDictionary(x => x.Id, x => x.Name);
        var vinhLong = tree.WithCode("86").Last();
        return (units, tree, new CommuneNames(tree, names, tree.Covered(vinhLong.Id)));
    });

    private static string Describe(int? id)
    {
        if (id is null)
        {
            return "none";
        }

        var node = Registry.Value.Tree.ById[id.Value];
        return $"{node.Code} {Registry.Value.Units[id.Value - 1].Name} {(node.Validity.ValidTo is null ? "today" : "former")}";
    }

    [Theory]
    [InlineData("Đa Lộc", null, "2023-05-10", "29377 Xã Đa Lộc former")]
    [InlineData("xã Đa Lộc", "Châu Thành", "2025-06-30", "29377 Xã Đa Lộc former")]
    [InlineData("Da Loc", null, "2025-07-01", "29374 Xã Châu Thành today")]     // after the merger: its successor
    [InlineData("29377", null, "2024-01-01", "29377 Xã Đa Lộc former")]        // by code
    [InlineData("29377", null, "2026-01-01", "29374 Xã Châu Thành today")]
    [InlineData("Thị trấn Châu Thành", "Trà Vinh", "2023-01-01", "29374 Thị trấn Châu Thành former")]
    [InlineData("Châu Thành", "Trà Vinh", "2026-03-01", "29374 Xã Châu Thành today")]  // the former township's place, after the merger
    [InlineData("Xã Châu Thành", "Trà Vinh", "2026-03-01", "29374 Xã Châu Thành today")]
    [InlineData("Hoà Tân", "Cầu Kè", "2021-03-30", "29320 Xã Hoà Tân former")]  // old spelling, either way
    [InlineData("Hòa Tân", "Cầu Kè", "2021-03-30", "29320 Xã Hoà Tân former")]
    [InlineData("Phường 4", "Thành phố Trà Vinh", "2020-03-18", "29236 Phường 4 former")]
    [InlineData("Huyền Hội", "Càng Long", "2018-04-14", "29278 Xã Huyền Hội former")]   // a name that begins like a kind (huyện)
    public void A_name_or_code_is_the_commune_that_held_records_on_the_date(string text, string? within, string on, string expected)
    {
        var match = Registry.Value.Names.Find(text, within, DateOnly.Parse(on, CultureInfo.InvariantCulture));
        Assert.Null(match.Problem);
        Assert.Equal(expected, Describe(match.UnitId));
    }

    [Theory]
    [InlineData("Phường 4", null, "xã tên")]           // more than one city of the province had a Phường 4
    [InlineData("Châu Thành", null, "xã tên")]         // the former Trà Vinh and Bến Tre both had a Châu Thành
    [InlineData("Xã Không Có Thật", null, "Không tìm thấy")]
    [InlineData("Bến Nghé", null, "Không tìm thấy")]     // a commune of another province: out of reach
    [InlineData("", null, "Thiếu xã")]
    [InlineData("Phường 6", "Thành phố Trà Vinh", "thuộc Thành phố Trà Vinh")]   // only the former Vĩnh Long city had one: never guessed
    public void A_name_that_fits_no_commune_or_several_is_refused_with_a_reason(string text, string? within, string reason)
    {
        var match = Registry.Value.Names.Find(text, within, new DateOnly(2022, 8, 22));
        Assert.Null(match.UnitId);
        Assert.Contains(reason, match.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Xã Hoà Tân", "hoa tan")]
    [InlineData("Thành phố Trà Vinh", "tra vinh")]
    [InlineData("Phường 4", "4")]
    [InlineData("Thị trấn Châu Thành", "chau thanh")]
    [InlineData("TP Trà Vinh", "tra vinh")]
    public void Names_are_compared_without_their_kind_or_diacritics(string name, string key) => Assert.Equal(key, CommuneNames.Key(name));
}
