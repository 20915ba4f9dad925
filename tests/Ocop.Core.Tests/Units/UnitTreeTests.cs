using System.Text.Json;
using Ocop.Core.Units;

namespace Ocop.Core.Tests.Units;

/// <summary>
/// The registry the product ships (src/Ocop.Web/Data/Seed/units-vietnam-2025.json) read by the core, checked against the
/// hand-checked Trà Vinh file (Data/units-tra-vinh.json) code by code.
/// </summary>
public class UnitTreeTests
{
    private static readonly DateOnly LastOldDay = new(2025, 6, 30);
    private static readonly DateOnly FirstNewDay = new(2025, 7, 1);

    private static readonly Lazy<(IReadOnlyList<UnitDefinition> Units, UnitTree Tree)> Registry = new(() =>
    {
        using var file = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Units", "Data", "units-vietnam-2025.json")));
        var units = UnitRegistryFile.Read(file);
        return (units, UnitRegistryFile.BuildTree(units));
    });

    private static readonly Lazy<JsonDocument> TraVinh = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Units", "Data", "units-tra-vinh.json"))));

    private static UnitTree Tree => Registry.Value.Tree;

    private static UnitNode Named(string code, DateOnly on) => Tree.Named(code, on) ?? throw new Xunit.Sdk.XunitException($"{code} names nothing on {on}");

    private static string NameOf(UnitNode node) => Registry.Value.Units[node.Id - 1].Name;

    // Every commune of the Trà Vinh file: before the reform its code, name and successor; after, its predecessors.
    public static TheoryData<string, string, string> FormerCommunes()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var district in TraVinh.Value.RootElement.GetProperty("before2025").GetProperty("districts").EnumerateArray())
        {
            foreach (var c in district.GetProperty("communes").EnumerateArray())
            {
                data.Add(c.GetProperty("code").GetString()!, c.GetProperty("name").GetString()!, c.GetProperty("successor_code").GetString()!);
            }
        }

        return data;
    }

    public static TheoryData<string, string, string[]> CurrentCommunes()
    {
        var data = new TheoryData<string, string, string[]>();
        foreach (var c in TraVinh.Value.RootElement.GetProperty("after2025").GetProperty("communes").EnumerateArray())
        {
            data.Add(c.GetProperty("code").GetString()!, c.GetProperty("name").GetString()!,
                c.GetProperty("predecessors").EnumerateArray().Select(p => p.GetString()!).ToArray());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormerCommunes))]
    public void A_former_commune_is_named_by_its_code_until_the_reform_and_stands_as_its_successor_after(string code, string name, string successor)
    {
        var former = Named(code, LastOldDay);
        Assert.Equal((name, UnitLevel.Commune, (DateOnly?)LastOldDay), (NameOf(former), former.Level, former.Validity.ValidTo));

        var today = Tree.CurrentOn(former, new DateOnly(2026, 12, 4));
        Assert.Equal((successor, (DateOnly?)null), (today.Code, today.Validity.ValidTo));
        Assert.Contains(former.Id, Tree.Covered(today.Id));
        // Before the reform the former commune stands for itself.
        Assert.Equal(former.Id, Tree.CurrentOn(former, new DateOnly(2024, 12, 31)).Id);
    }

    [Theory]
    [MemberData(nameof(CurrentCommunes))]
    public void A_current_commune_covers_exactly_the_former_communes_merged_into_it(string code, string name, string[] predecessors)
    {
        var current = Named(code, FirstNewDay);
        Assert.Equal((name, UnitLevel.Commune, FirstNewDay), (NameOf(current), current.Level, current.Validity.ValidFrom));
        var coveredFormer = Tree.Covered(current.Id).Where(id => id != current.Id).Select(id => Tree.ById[id].Code).Order(StringComparer.Ordinal);
        Assert.Equal(predecessors.Order(StringComparer.Ordinal), coveredFormer);
    }

    [Fact]
    public void Every_code_of_Tra_Vinh_that_names_two_units_resolves_by_date()
    {
        var before = FormerCommunes().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var reused = CurrentCommunes().Select(row => (string)row[0]).Where(before.Contains).ToList();
        Assert.Equal(41, reused.Count); // every current commune of former Trà Vinh reuses a predecessor's code
        foreach (var code in reused)
        {
            var (old, now) = (Named(code, LastOldDay), Named(code, FirstNewDay));
            Assert.NotEqual(old.Id, now.Id);
            Assert.Equal((LastOldDay, (DateOnly?)null), (old.Validity.ValidTo!.Value, now.Validity.ValidTo));
        }
    }

    [Theory]
    [InlineData("29374", "2025-06-30", "Thị trấn Châu Thành")]
    [InlineData("29374", "2025-07-01", "Xã Châu Thành")]
    [InlineData("29374", "2026-12-04", "Xã Châu Thành")]
    [InlineData("29254", "2024-01-01", "Phường 7")]
    [InlineData("29254", "2026-01-01", "Phường Nguyệt Hóa")]
    [InlineData("29398", "2025-06-30", "Xã Hòa Thuận")]
    [InlineData("29398", "2025-07-01", "Phường Hòa Thuận")]
    [InlineData("86", "2025-06-30", "Tỉnh Vĩnh Long")]   // the old province …
    [InlineData("86", "2026-12-04", "Tỉnh Vĩnh Long")]   // … and the merged one (asserted apart below)
    [InlineData("84", "2026-12-04", "Tỉnh Trà Vinh")]    // ceased: the code still names it, for its records
    [InlineData("847", "2026-12-04", "Huyện Châu Thành")]
    [InlineData("847", "2020-01-01", "Huyện Châu Thành")]
    [InlineData("29377", "2026-12-04", "Xã Đa Lộc")]
    public void A_code_names_one_unit_on_a_date(string code, string on, string name) =>
        Assert.Equal(name, NameOf(Named(code, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void The_province_code_86_names_the_old_Vinh_Long_before_the_reform_and_the_merged_province_after()
    {
        var (old, merged) = (Named("86", LastOldDay), Named("86", FirstNewDay));
        Assert.NotEqual(old.Id, merged.Id);
        Assert.Equal(merged.Id, old.SuccessorId);
        var covered = Tree.Covered(merged.Id);
        foreach (var former in new[] { "83", "84" })
        {
            Assert.Contains(Named(former, LastOldDay).Id, covered);
        }

        Assert.Contains(old.Id, covered);
        Assert.Contains(Named("847", LastOldDay).Id, covered);   // Châu Thành district, Trà Vinh
        Assert.Contains(Named("29377", LastOldDay).Id, covered); // Đa Lộc
        Assert.DoesNotContain(Named("82", LastOldDay).Id, covered); // Tiền Giang went to Đồng Tháp
        Assert.DoesNotContain(Named("01", FirstNewDay).Id, covered);
    }

    [Fact]
    public void A_former_district_covers_what_it_held_and_not_the_communes_that_came_after()
    {
        var district = Named("847", new DateOnly(2024, 12, 31));
        var covered = Tree.Covered(district.Id);
        Assert.Equal(15, covered.Count); // the district, its township and 13 communes
        Assert.Contains(Named("29377", LastOldDay).Id, covered);
        Assert.DoesNotContain(Named("29374", FirstNewDay).Id, covered);
    }

    [Fact]
    public void The_registry_holds_every_unit_before_and_after_the_reform()
    {
        var units = Registry.Value.Units;
        int Count(bool before, UnitLevel level) => units.Count(u => (u.Validity.ValidTo is not null) == before && u.Level == level);
        Assert.Equal((63, 696, 10_047), (Count(true, UnitLevel.Province), Count(true, UnitLevel.District), Count(true, UnitLevel.Commune)));
        Assert.Equal((34, 0, 3_321), (Count(false, UnitLevel.Province), Count(false, UnitLevel.District), Count(false, UnitLevel.Commune)));
    }

    [Fact]
    public void Every_former_commune_has_a_successor_that_exists_and_every_current_commune_a_predecessor()
    {
        var nodes = Tree.ById.Values.ToList();
        var formerCommunes = nodes.Where(n => n.Level == UnitLevel.Commune && n.Validity.ValidTo is not null).ToList();
        Assert.All(formerCommunes, n =>
        {
            Assert.NotEmpty(n.Successors);
            Assert.Contains(n.SuccessorId!.Value, n.Successors);
            Assert.All(n.Successors, s => Assert.Null(Tree.ById[s].Validity.ValidTo));
        });
        var withPredecessor = formerCommunes.SelectMany(n => n.Successors).ToHashSet();
        // The five special zones (đặc khu) formed from districts without communes have a district as predecessor.
        withPredecessor.UnionWith(nodes.Where(n => n.Level == UnitLevel.District).SelectMany(n => n.Successors));
        Assert.All(nodes.Where(n => n.Level == UnitLevel.Commune && n.Validity.ValidTo is null), n => Assert.Contains(n.Id, withPredecessor));
    }

    [Fact]
    public void A_split_commune_sends_its_records_to_the_successor_that_kept_its_code_or_else_the_first_named()
    {
        var split = Registry.Value.Units.Where(u => u.Split).ToList();
        Assert.Equal(441, split.Count);
        Assert.All(split, u => Assert.Equal(u.SuccessorCodes.Contains(u.Code) ? u.Code : u.SuccessorCodes[0], u.DefaultRecordSuccessor));
        // Phường Cống Vị (Hà Nội) went partly to Ngọc Hà (00008) and partly to Giảng Võ (00025).
        var congVi = Named("00007", LastOldDay);
        Assert.Equal(["00008", "00025"], congVi.Successors.Select(s => Tree.ById[s].Code));
        Assert.Equal("00008", Tree.ById[congVi.SuccessorId!.Value].Code);
    }
}
