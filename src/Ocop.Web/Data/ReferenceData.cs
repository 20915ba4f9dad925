using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Units;

namespace Ocop.Web.Data;

/// <summary>
/// Loads the reference data the law sets (administrative units, product taxonomy) from the JSON files shipped in
/// Data/Seed. Runs after every migration and only fills what is missing, so administrators' corrections survive.
/// </summary>
public static class ReferenceData
{
    /// <summary>The day the 2025 reorganisation took effect: districts abolished, provinces merged.</summary>
    public static readonly DateOnly Reorganisation2025 = new(2025, 7, 1);

    /// <summary>Units whose founding date the seed files do not give start here; the history before is out of scope.</summary>
    public static readonly DateOnly KnownSince = new(1992, 5, 1);

    public static async Task SeedAsync(OcopDbContext db, CancellationToken ct = default)
    {
        var seedFolder = Path.Combine(AppContext.BaseDirectory, "Data", "Seed");
        if (!await db.Units.AnyAsync(ct))
        {
            await SeedUnitsAsync(db, Path.Combine(seedFolder, "units-tra-vinh.json"), ct);
        }

        if (!await db.ProductCategories.AnyAsync(ct))
        {
            await SeedTaxonomyAsync(db, Path.Combine(seedFolder, "product-taxonomy.json"), ct);
        }

        await EvaluationReferenceData.SeedAsync(db, seedFolder, ct);
        await PlanningReferenceData.SeedAsync(db, ct);
    }

    private static async Task SeedUnitsAsync(OcopDbContext db, string file, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file, ct));
        var before = json.RootElement.GetProperty("before2025");
        var after = json.RootElement.GetProperty("after2025");
        var lastOldDay = Reorganisation2025.AddDays(-1);
        const string OldBasis = "Danh mục ĐVHC của Tổng cục Thống kê (01/03/2025)";
        const string NewBasis = "Nghị quyết 202/2025/QH15; Nghị quyết 1687/NQ-UBTVQH15; Quyết định 19/2025/QĐ-TTg";

        var newProvinceElement = after.GetProperty("province");
        var newProvince = new AdministrativeUnit
        {
            Code = newProvinceElement.GetProperty("code").GetString()!,
            Name = newProvinceElement.GetProperty("name").GetString()!,
            Level = UnitLevel.Province, Kind = "tỉnh", ValidFrom = Reorganisation2025, LegalBasis = NewBasis,
        };
        var newCommunes = new Dictionary<string, AdministrativeUnit>();
        foreach (var c in after.GetProperty("communes").EnumerateArray())
        {
            var unit = new AdministrativeUnit
            {
                Code = c.GetProperty("code").GetString()!, Name = c.GetProperty("name").GetString()!,
                Level = UnitLevel.Commune, Kind = c.GetProperty("type").GetString()!,
                Parent = newProvince, ValidFrom = Reorganisation2025, LegalBasis = NewBasis,
            };
            newCommunes[unit.Code] = unit;
        }

        var oldProvinceElement = before.GetProperty("province");
        var oldProvince = new AdministrativeUnit
        {
            Code = oldProvinceElement.GetProperty("code").GetString()!, Name = oldProvinceElement.GetProperty("name").GetString()!,
            Level = UnitLevel.Province, Kind = "tỉnh", ValidFrom = KnownSince, ValidTo = lastOldDay,
            Successor = newProvince, LegalBasis = OldBasis,
        };
        db.Units.AddRange(newProvince, oldProvince);
        db.Units.AddRange(newCommunes.Values);
        foreach (var d in before.GetProperty("districts").EnumerateArray())
        {
            var district = new AdministrativeUnit
            {
                Code = d.GetProperty("code").GetString()!, Name = d.GetProperty("name").GetString()!,
                Level = UnitLevel.District, Kind = d.GetProperty("type").GetString()!,
                Parent = oldProvince, ValidFrom = KnownSince, ValidTo = lastOldDay, LegalBasis = OldBasis,
            };
            db.Units.Add(district);
            foreach (var c in d.GetProperty("communes").EnumerateArray())
            {
                var successorCode = c.TryGetProperty("successor_code", out var s) ? s.GetString() : null;
                db.Units.Add(new AdministrativeUnit
                {
                    Code = c.GetProperty("code").GetString()!, Name = c.GetProperty("name").GetString()!,
                    Level = UnitLevel.Commune, Kind = c.GetProperty("type").GetString()!,
                    Parent = district, ValidFrom = KnownSince, ValidTo = lastOldDay, LegalBasis = OldBasis,
                    Successor = successorCode is null ? null : newCommunes.GetValueOrDefault(successorCode),
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedTaxonomyAsync(OcopDbContext db, string file, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file, ct));
        var basis = json.RootElement.GetProperty("legalBasis").GetString()!;
        foreach (var sector in json.RootElement.GetProperty("sectors").EnumerateArray())
        {
            var sectorNode = Category(sector, 1, null, basis);
            db.ProductCategories.Add(sectorNode);
            foreach (var group in sector.GetProperty("groups").EnumerateArray())
            {
                var groupNode = Category(group, 2, sectorNode, basis);
                db.ProductCategories.Add(groupNode);
                if (group.TryGetProperty("subgroups", out var subgroups))
                {
                    foreach (var sub in subgroups.EnumerateArray())
                    {
                        db.ProductCategories.Add(Category(sub, 3, groupNode, basis));
                    }
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static ProductCategory Category(JsonElement e, int level, ProductCategory? parent, string basis) => new()
    {
        Code = e.GetProperty("code").GetString()!,
        Name = e.GetProperty("name").GetString()!,
        Level = level,
        Parent = parent,
        ProductSet = e.TryGetProperty("productSet", out var set) ? set.GetInt32() : null,
        LegalBasis = basis,
    };
}
