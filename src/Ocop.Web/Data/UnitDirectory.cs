using Microsoft.EntityFrameworkCore;
using Ocop.Core.Units;

namespace Ocop.Web.Data;

/// <summary>
/// Every administrative unit and the taxonomy, held in memory: read on nearly every request (scopes, filters, forms),
/// changed a few times a year. Reloaded after any save that touches them (<see cref="DirectoryVersion"/>) and at least
/// every <see cref="MaxAge"/>, which bounds what another app instance on the same database could miss.
/// </summary>
public sealed class UnitDirectory(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly SnapshotCache<long, Snapshot> cache = new(clock);

    public Task<Snapshot> GetAsync(OcopDbContext db, CancellationToken ct)
    {
        return cache.GetAsync(() => DirectoryVersion.Current, async ct =>
        {
            var units = await db.Units.AsNoTracking()
                .Select(u => new UnitEntry(u.Id, u.Code, u.Name, u.Kind, u.Level, u.ParentId, u.ValidFrom, u.ValidTo, u.SuccessorId))
                .ToListAsync(ct);
            var categories = await db.ProductCategories.AsNoTracking().Where(c => !c.IsArchived)
                .Select(c => new CategoryEntry(c.Id, c.Code, c.Name, c.Level, c.ProductSet))
                .ToListAsync(ct);
            return new Snapshot(units, categories.OrderBy(c => c.Code, StringComparer.Ordinal).ToList());
        }, ct);
    }

    public void Dispose() => cache.Dispose();

    public sealed class Snapshot
    {
        public Snapshot(List<UnitEntry> units, List<CategoryEntry> categories)
        {
            Categories = categories;
            All = units;
            ById = units.ToDictionary(u => u.Id);
            Children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
            Communes = units.Where(u => u.Level == UnitLevel.Commune).Select(u => u.Id).ToHashSet();
            Provinces = units.Where(u => u.Level == UnitLevel.Province)
                .OrderBy(u => u.ValidTo == null ? 0 : 1).ThenBy(u => u.Name, StringComparer.Create(Shared.Display.Vi, false))
                .ToList();
        }

        public IReadOnlyList<UnitEntry> All { get; }
        public IReadOnlyDictionary<int, UnitEntry> ById { get; }
        public ILookup<int, UnitEntry> Children { get; }
        public IReadOnlySet<int> Communes { get; }
        public IReadOnlyList<UnitEntry> Provinces { get; }
        public IReadOnlyList<CategoryEntry> Categories { get; }

        /// <summary>
        /// Every commune as a filter or form offers it, sorted once here rather than on every page: those that exist
        /// first, then dissolved ones (saying until when); each by its parent's name, then its own, in Vietnamese order.
        /// </summary>
        public IReadOnlyList<(UnitEntry Unit, string Label)> CommuneChoices => communeChoices ??= SortCommuneChoices();

        private IReadOnlyList<(UnitEntry Unit, string Label)>? communeChoices;

        private List<(UnitEntry Unit, string Label)> SortCommuneChoices()
        {
            var names = StringComparer.Create(Shared.Display.Vi, false);
            return Communes.Select(id => ById[id])
                .Select(u => (Unit: u, ParentName: Parent(u)?.Name ?? ""))
                .OrderBy(x => x.Unit.ValidTo is null ? 0 : 1).ThenBy(x => x.ParentName, names).ThenBy(x => x.Unit.Name, names)
                .Select(x => (x.Unit, x.Unit.ValidTo is null
                    ? $"{x.Unit.Name} ({x.ParentName})"
                    : $"{x.Unit.Name} ({x.ParentName}, đến {Shared.Display.Date(x.Unit.ValidTo)})"))
                .ToList();
        }

        public UnitEntry? Parent(UnitEntry unit) => unit.ParentId is int id ? ById.GetValueOrDefault(id) : null;

        /// <summary>The province a unit lies in (itself for a province): through its district before the 2025 reform.</summary>
        public UnitEntry? ProvinceOf(UnitEntry unit)
        {
            for (var u = unit; u is not null; u = Parent(u))
            {
                if (u.Level == UnitLevel.Province)
                {
                    return u;
                }
            }

            return null;
        }

        /// <summary>The unit that stands for this one on a date: itself while it exists, else its successor (after a merger), and so on.</summary>
        public UnitEntry CurrentOn(UnitEntry unit, DateOnly date)
        {
            var current = unit;
            for (var hops = 0; hops < 10 && !current.Validity.IsValidOn(date) && current.SuccessorId is int next && ById.TryGetValue(next, out var successor); hops++)
            {
                current = successor;
            }

            return current;
        }

        /// <summary>The assigned units, their children and grandchildren, and the units that succeeded any of them.</summary>
        public HashSet<int> CommunesWithin(IEnumerable<int> assigned)
        {
            var within = new List<UnitEntry>();
            foreach (var id in assigned)
            {
                if (!ById.TryGetValue(id, out var unit))
                {
                    continue;
                }

                within.Add(unit);
                foreach (var child in Children[id])
                {
                    within.Add(child);
                    within.AddRange(Children[child.Id]);
                }
            }

            var ids = within.Select(u => u.Id).ToHashSet();
            ids.UnionWith(within.Where(u => u.SuccessorId is not null).Select(u => u.SuccessorId!.Value));
            return ids;
        }
    }
}

public sealed record UnitEntry(
    int Id, string Code, string Name, string Kind, UnitLevel Level, int? ParentId, DateOnly ValidFrom, DateOnly? ValidTo, int? SuccessorId)
{
    public UnitValidity Validity => new(ValidFrom, ValidTo);
}

public sealed record CategoryEntry(int Id, string Code, string Name, int Level, int? ProductSet);
