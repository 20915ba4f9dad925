using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Ocop.Core.Units;

namespace Ocop.Web.Data;

/// <summary>
/// Loads the reference data the law sets (administrative units, product taxonomy) from the JSON files shipped in
/// Data/Seed. Runs after every migration; units are kept in step with their file (matched by period and code), the
/// rest only filled where missing, so administrators' corrections survive.
/// </summary>
public static class ReferenceData
{
    /// <summary>The day the 2025 reorganisation took effect: districts abolished, provinces merged.</summary>
    public static readonly DateOnly Reorganisation2025 = new(2025, 7, 1);

    /// <summary>Units whose founding date the seed files do not give start here; the history before is out of scope.</summary>
    public static readonly DateOnly KnownSince = UnitRegistryFile.KnownSince;

    /// <summary>Every administrative unit of Vietnam before and after the 2025 reform, with successors (Data/Seed).</summary>
    public const string UnitsFile = "units-vietnam-2025.json";

    public static async Task SeedAsync(OcopDbContext db, CancellationToken ct = default)
    {
        var seedFolder = Path.Combine(AppContext.BaseDirectory, "Data", "Seed");
        await SeedUnitsAsync(db, Path.Combine(seedFolder, UnitsFile), ct);

        if (!await db.ProductCategories.AnyAsync(ct))
        {
            await SeedTaxonomyAsync(db, Path.Combine(seedFolder, "product-taxonomy.json"), ct);
        }

        await EvaluationReferenceData.SeedAsync(db, seedFolder, ct);
        await PlanningReferenceData.SeedAsync(db, ct);
    }

    /// <summary>
    /// Loads the registry of units (every unit before and after the 2025 reform) and keeps it in step with the file: a
    /// unit is matched by its period and code, so a corrected file renames units without touching the records that
    /// reference them; a split commune keeps the successor an office recorded for its records. Skipped when the file's
    /// hash is the one last loaded, so running it again changes nothing.
    /// </summary>
    public static async Task SeedUnitsAsync(OcopDbContext db, string file, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(file, ct);
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));
        var name = Path.GetFileName(file);
        var import = await db.ReferenceFileImports.SingleOrDefaultAsync(f => f.Name == name, ct);
        if (import?.Sha256 == hash)
        {
            return;
        }

        IReadOnlyList<UnitDefinition> definitions;
        using (var json = JsonDocument.Parse(bytes))
        {
            definitions = UnitRegistryFile.Read(json);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.AuditAddedUnits = false;
        var existing = await db.Units.ToDictionaryAsync(u => (u.ValidFrom, u.Code), ct);
        var links = await db.UnitSuccessorLinks.ToDictionaryAsync(l => (l.PredecessorId, l.SuccessorId), ct);
        var wanted = new HashSet<(AdministrativeUnit, AdministrativeUnit)>();
        var reform = definitions.Where(d => d.Validity.ValidTo is null).Max(d => d.Validity.ValidFrom);
        var (added, renamed) = (0, 0);
        // The units after the reform first, so that a former unit meets its successors; parents before children.
        var order = definitions
            .OrderBy(d => d.Validity.ValidTo is null ? 0 : 1)
            .ThenBy(d => d.Level)
            .GroupBy(d => (d.Validity.ValidTo is null, d.Level));
        foreach (var batch in order)
        {
            foreach (var d in batch)
            {
                var parent = d.ParentCode is null ? null : existing[(d.Validity.ValidFrom, d.ParentCode)];
                if (!existing.TryGetValue((d.Validity.ValidFrom, d.Code), out var unit))
                {
                    unit = new AdministrativeUnit { Code = d.Code, Name = d.Name, Kind = d.Kind, ValidFrom = d.Validity.ValidFrom };
                    db.Units.Add(unit);
                    existing[(d.Validity.ValidFrom, d.Code)] = unit;
                    added++;
                }
                else if (unit.Name != d.Name)
                {
                    renamed++;
                }

                unit.Name = d.Name;
                unit.Kind = d.Kind;
                unit.Level = d.Level;
                unit.Parent = parent;
                unit.ValidTo = d.Validity.ValidTo;
                unit.LegalBasis = d.LegalBasis;
                unit.NameVariants = d.NameVariants.Count == 0 ? null : string.Join('|', d.NameVariants);
                unit.IsStale = d.Stale;
                unit.Note = d.Note;

                var successors = d.SuccessorCodes.Select(c => existing[(reform, c)]).ToList();
                // An office's choice among a split commune's successors stands while the law still names that successor.
                if (successors.Count == 0)
                {
                    (unit.Successor, unit.SuccessorId, unit.SuccessorChosenOn) = (null, null, null);
                }
                else if (unit.SuccessorChosenOn is null || !successors.Any(s => s.Id == unit.SuccessorId))
                {
                    var chosen = existing[(reform, d.DefaultRecordSuccessor!)];
                    if (unit.SuccessorId != chosen.Id)
                    {
                        unit.Successor = chosen;
                    }

                    unit.SuccessorChosenOn = null;
                }

                foreach (var successor in successors)
                {
                    wanted.Add((unit, successor));
                    if (unit.Id != 0 && successor.Id != 0 && links.TryGetValue((unit.Id, successor.Id), out var link))
                    {
                        link.IsPartial = d.Split;
                    }
                    else
                    {
                        db.UnitSuccessorLinks.Add(new UnitSuccessorLink { Predecessor = unit, Successor = successor, IsPartial = d.Split });
                    }
                }
            }

            await db.SaveChangesAsync(ct);
        }

        var wantedIds = wanted.Select(w => (w.Item1.Id, w.Item2.Id)).ToHashSet();
        db.UnitSuccessorLinks.RemoveRange(links.Where(l => !wantedIds.Contains(l.Key)).Select(l => l.Value));
        var summary = $"{definitions.Count} đơn vị: {added} thêm mới, {renamed} đổi tên";
        var now = db.GetService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (import is null)
        {
            db.ReferenceFileImports.Add(new ReferenceFileImport { Name = name, Sha256 = hash, Summary = summary, ImportedAt = now });
        }
        else
        {
            (import.Sha256, import.Summary, import.ImportedAt) = (hash, summary, now);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.AuditAddedUnits = true;
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
