using System.Text.Json;

namespace Ocop.Core.Units;

/// <summary>
/// One unit of the registry file: its level, code and names, the period it belongs to, its parent (by code, in the same
/// period) and the codes of the units that succeeded it on 1 July 2025. A unit is identified by its period and code.
/// </summary>
public sealed record UnitDefinition(
    UnitValidity Validity, UnitLevel Level, string Code, string Name, string Kind, string? ParentCode,
    IReadOnlyList<string> SuccessorCodes, bool Split, bool Stale, IReadOnlyList<string> NameVariants, string? Note, string LegalBasis)
{
    /// <summary>
    /// The successor that takes the unit's records until an office records otherwise: the only one, or, for a commune
    /// split between several, the one that kept its code (the part the law names first), else the first listed.
    /// </summary>
    public string? DefaultRecordSuccessor =>
        SuccessorCodes.Count == 0 ? null : SuccessorCodes.Contains(Code) ? Code : SuccessorCodes[0];
}

/// <summary>
/// Reads the registry of Vietnam's administrative units before and after the 2025 reorganisation
/// (<c>units-vietnam-2025.json</c>: <c>before2025</c> provinces → districts → communes with successor codes,
/// <c>after2025</c> provinces → communes). Pure: the caller opens the file.
/// </summary>
public static class UnitRegistryFile
{
    /// <summary>Units before the reform have no founding date in the file; their history before is out of scope.</summary>
    public static readonly DateOnly KnownSince = new(1992, 5, 1);

    public static IReadOnlyList<UnitDefinition> Read(JsonDocument file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var root = file.RootElement;
        var before = root.GetProperty("before2025");
        var after = root.GetProperty("after2025");
        var lastOldDay = DateOnly.Parse(before.GetProperty("valid_until").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var firstNewDay = DateOnly.Parse(after.GetProperty("valid_from").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var old = new UnitValidity(KnownSince, lastOldDay);
        var current = new UnitValidity(firstNewDay, null);

        var units = new List<UnitDefinition>();
        foreach (var province in before.GetProperty("provinces").EnumerateArray())
        {
            var provinceCode = Text(province, "code")!;
            units.Add(Define(province, old, UnitLevel.Province, null, OldBasis));
            foreach (var district in province.GetProperty("districts").EnumerateArray())
            {
                units.Add(Define(district, old, UnitLevel.District, provinceCode, OldBasis));
                if (district.TryGetProperty("communes", out var communes))
                {
                    var districtCode = Text(district, "code")!;
                    units.AddRange(communes.EnumerateArray().Select(c => Define(c, old, UnitLevel.Commune, districtCode, OldBasis)));
                }
            }
        }

        foreach (var province in after.GetProperty("provinces").EnumerateArray())
        {
            var provinceCode = Text(province, "code")!;
            var resolution = Text(province, "resolution");
            var basis = resolution is null ? NewBasis : $"{NewBasis}; Nghị quyết {resolution}";
            units.Add(Define(province, current, UnitLevel.Province, null, basis));
            units.AddRange(province.GetProperty("communes").EnumerateArray().Select(c => Define(c, current, UnitLevel.Commune, provinceCode,
                c.TryGetProperty("clause", out var clause) && clause.ValueKind == JsonValueKind.Number
                    ? $"{basis}, khoản {clause.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)} Điều 1" : basis)));
        }

        return units;
    }

    /// <summary>
    /// The units linked as the file links them, numbered from 1 in file order: parents by code in the same period,
    /// successors by code among the units after the reform, records going to each unit's default successor.
    /// </summary>
    public static UnitTree BuildTree(IReadOnlyList<UnitDefinition> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var ids = new Dictionary<(DateOnly, string), int>();
        for (var i = 0; i < units.Count; i++)
        {
            ids[(units[i].Validity.ValidFrom, units[i].Code)] = i + 1;
        }

        var reform = units.Where(u => u.Validity.ValidTo is null).Select(u => u.Validity.ValidFrom).DefaultIfEmpty().Max();
        int? Find(DateOnly from, string? code) => code is not null && ids.TryGetValue((from, code), out var id) ? id : null;
        return new UnitTree(units.Select((u, i) => new UnitNode(
            i + 1, u.Code, u.Level, Find(u.Validity.ValidFrom, u.ParentCode), u.Validity,
            Find(reform, u.DefaultRecordSuccessor),
            u.SuccessorCodes.Select(c => Find(reform, c)).OfType<int>().ToList())));
    }

    private const string OldBasis = "Danh mục đơn vị hành chính của Tổng cục Thống kê (01/03/2025)";
    private const string NewBasis = "Nghị quyết 202/2025/QH15; Quyết định 19/2025/QĐ-TTg";

    private static UnitDefinition Define(JsonElement e, UnitValidity validity, UnitLevel level, string? parentCode, string legalBasis)
    {
        var successors = e.TryGetProperty("successor_codes", out var many) ? many.EnumerateArray().Select(s => s.GetString()!).ToList()
            : Text(e, "successor_code") is string one ? [one] : [];
        return new UnitDefinition(
            validity, level, Text(e, "code")!, Text(e, "name")!, Text(e, "type")!, parentCode, successors,
            Split: e.TryGetProperty("split", out var split) && split.GetBoolean(),
            Stale: e.TryGetProperty("stale", out var stale) && stale.GetBoolean(),
            NameVariants: e.TryGetProperty("name_variants", out var variants) ? variants.EnumerateArray().Select(v => v.GetString()!).ToList() : [],
            Note: Text(e, "note"), LegalBasis: legalBasis);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
