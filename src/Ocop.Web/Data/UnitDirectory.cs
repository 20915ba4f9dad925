using Microsoft.EntityFrameworkCore;
using Ocop.Core.Text;
using Ocop.Core.Units;

namespace Ocop.Web.Data;

/// <summary>
/// Every administrative unit (about 14,000: the country before and after the 2025 reform), the taxonomy and the
/// deploying office, held in memory: read on nearly every request (scopes, filters, forms), changed a few times a year.
/// Reloaded after any save that touches them (<see cref="DirectoryVersion"/>) and at least every <see cref="MaxAge"/>,
/// which bounds what another app instance on the same database could miss.
/// </summary>
public sealed class UnitDirectory(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly SnapshotCache<long, Snapshot> cache = new(clock);

    public Task<Snapshot> GetAsync(OcopDbContext db, CancellationToken ct)
    {
        return cache.GetAsync(() => DirectoryVersion.Current, async ct =>
        {
            var links = (await db.UnitSuccessorLinks.AsNoTracking().Select(l => new { l.PredecessorId, l.SuccessorId }).ToListAsync(ct))
                .ToLookup(l => l.PredecessorId, l => l.SuccessorId);
            var units = await db.Units.AsNoTracking()
                .Select(u => new { u.Id, u.Code, u.Name, u.Kind, u.Level, u.ParentId, u.ValidFrom, u.ValidTo, u.SuccessorId, u.SuccessorChosenOn, u.NameVariants, u.IsStale })
                .ToListAsync(ct);
            var entries = units.Select(u => new UnitEntry(u.Id, u.Code, u.Name, u.Kind, u.Level, u.ParentId, u.ValidFrom, u.ValidTo, u.SuccessorId)
            {
                Successors = links[u.Id].ToList(),
                SuccessorChosenOn = u.SuccessorChosenOn,
                IsStale = u.IsStale,
                SearchKey = VietnameseText.SearchKey(u.Name, u.NameVariants?.Replace('|', ' '), u.Code),
            }).ToList();
            var categories = await db.ProductCategories.AsNoTracking().Where(c => !c.IsArchived)
                .Select(c => new CategoryEntry(c.Id, c.Code, c.Name, c.Level, c.ProductSet))
                .ToListAsync(ct);
            var office = await db.DeployingOffices.AsNoTracking()
                .Select(o => new DeployingOfficeEntry(o.Name, o.ShortName, o.UnitId, o.ServesWholeCountry, o.Served.Select(s => s.UnitId).ToList()))
                .FirstOrDefaultAsync(ct);
            return new Snapshot(entries, categories.OrderBy(c => c.Code, StringComparer.Ordinal).ToList(), office);
        }, ct);
    }

    public void Dispose() => cache.Dispose();

    public sealed class Snapshot
    {
        public Snapshot(List<UnitEntry> units, List<CategoryEntry> categories, DeployingOfficeEntry? office)
        {
            Categories = categories;
            All = units;
            ById = units.ToDictionary(u => u.Id);
            Tree = new UnitTree(units.Select(u => new UnitNode(u.Id, u.Code, u.Level, u.ParentId, u.Validity, u.SuccessorId, u.Successors)));
            Communes = units.Where(u => u.Level == UnitLevel.Commune).Select(u => u.Id).ToHashSet();
            var names = StringComparer.Create(Shared.Display.Vi, false);
            Provinces = units.Where(u => u.Level == UnitLevel.Province)
                .OrderBy(u => u.ValidTo == null ? 0 : 1).ThenBy(u => u.Name, names)
                .ToList();
            Office = office ?? DeployingOfficeEntry.Unset;
            HomeUnits = Office.ServesWholeCountry ? [] : Office.Served.Where(ById.ContainsKey).ToList();
            HomeCommunes = HomeUnits.Count == 0 ? null : CommunesCovered(HomeUnits);
        }

        public IReadOnlyList<UnitEntry> All { get; }
        public IReadOnlyDictionary<int, UnitEntry> ById { get; }
        /// <summary>The core's rules of time over these units: a code on a date, a unit's successor, what a unit covers.</summary>
        public UnitTree Tree { get; }
        public IReadOnlySet<int> Communes { get; }
        /// <summary>Current provinces first, then former ones, each in Vietnamese order.</summary>
        public IReadOnlyList<UnitEntry> Provinces { get; }
        public IReadOnlyList<CategoryEntry> Categories { get; }
        /// <summary>The office running this installation (<see cref="DeployingOffice"/>); <see cref="DeployingOfficeEntry.Unset"/> until set.</summary>
        public DeployingOfficeEntry Office { get; }
        /// <summary>The units the office serves, which lists and pickers open on; empty for the whole country or while unset.</summary>
        public IReadOnlyList<int> HomeUnits { get; }
        /// <summary>The communes those units cover (former ones included); null when the office serves the whole country.</summary>
        public IReadOnlySet<int>? HomeCommunes { get; }

        public UnitEntry? Parent(UnitEntry unit) => unit.ParentId is int id ? ById.GetValueOrDefault(id) : null;

        /// <summary>The province a unit lies in (itself for a province): through its district before the 2025 reform.</summary>
        public UnitEntry? ProvinceOf(UnitEntry unit) =>
            Tree.AncestorAt(Tree.ById[unit.Id], UnitLevel.Province) is { } province ? ById[province.Id] : null;

        /// <summary>The unit that stands for this one on a date: itself while it exists, else its successor (after a merger), and so on.</summary>
        public UnitEntry CurrentOn(UnitEntry unit, DateOnly date) => ById[Tree.CurrentOn(Tree.ById[unit.Id], date).Id];

        /// <summary>The unit that holds this one's records now and later: itself unless it ceased, else its last successor.</summary>
        public UnitEntry Latest(UnitEntry unit) => CurrentOn(unit, DateOnly.MaxValue);

        /// <summary>The unit a statistics code names on a date (a code names two units where a new one reused it).</summary>
        public UnitEntry? Named(string code, DateOnly date) => Tree.Named(code, date) is { } node ? ById[node.Id] : null;

        /// <summary>Every unit whose records these units hold: themselves, the units inside, and the former units merged into any of them.</summary>
        public HashSet<int> Covered(IEnumerable<int> units) => Tree.Covered(units);

        /// <summary>The communes among <see cref="Covered"/>: where the records of these units are registered.</summary>
        public HashSet<int> CommunesCovered(IEnumerable<int> units)
        {
            var covered = Tree.Covered(units);
            covered.IntersectWith(Communes);
            return covered;
        }

        /// <summary>Every unit in the order searches list them: units of today first, then by level, name (Vietnamese order) and code. Sorted once.</summary>
        public IReadOnlyList<UnitEntry> InSearchOrder => inSearchOrder ??= All
            .OrderBy(u => u.ValidTo is null ? 0 : 1).ThenBy(u => u.Level)
            .ThenBy(u => u.Name, StringComparer.Create(Shared.Display.Vi, false)).ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();

        private IReadOnlyList<UnitEntry>? inSearchOrder;

        /// <summary>
        /// Every commune as a filter or form offers it, sorted once here rather than on every page: those that exist
        /// first, then dissolved ones (saying until when and which commune took them over); each by its parent's name,
        /// then its own, in Vietnamese order. Stale units (no resolution names them) are left out.
        /// </summary>
        public IReadOnlyList<(UnitEntry Unit, string Label)> CommuneChoices => communeChoices ??= SortCommuneChoices();

        private IReadOnlyList<(UnitEntry Unit, string Label)>? communeChoices;

        private List<(UnitEntry Unit, string Label)> SortCommuneChoices()
        {
            var names = StringComparer.Create(Shared.Display.Vi, false);
            return Communes.Select(id => ById[id]).Where(u => !u.IsStale)
                .Select(u => (Unit: u, ParentName: Parent(u)?.Name ?? ""))
                .OrderBy(x => x.Unit.ValidTo is null ? 0 : 1).ThenBy(x => x.ParentName, names).ThenBy(x => x.Unit.Name, names)
                .Select(x => (x.Unit, Describe(x.Unit)))
                .ToList();
        }

        /// <summary>
        /// A unit as choices and lists name it: "Xã Châu Thành (Tỉnh Vĩnh Long)", or for a former one
        /// "Xã Đa Lộc (Huyện Châu Thành, đến 30/06/2025 → Xã Châu Thành)".
        /// </summary>
        public string Describe(UnitEntry unit)
        {
            var parent = Parent(unit)?.Name;
            if (unit.ValidTo is null)
            {
                return parent is null ? unit.Name : $"{unit.Name} ({parent})";
            }

            var successor = unit.SuccessorId is int s && ById.TryGetValue(s, out var next) ? $" → {next.Name}" : "";
            var until = $"đến {Shared.Display.Date(unit.ValidTo)}{successor}";
            return parent is null ? $"{unit.Name} ({until})" : $"{unit.Name} ({parent}, {until})";
        }

        /// <summary>The unit's name with, for a former unit, the unit that holds its records today: "Xã Đa Lộc (nay Xã Châu Thành)".</summary>
        public string NameWithCurrent(UnitEntry unit, DateOnly today)
        {
            var current = CurrentOn(unit, today);
            return current.Id == unit.Id ? unit.Name : $"{unit.Name} (nay {current.Name})";
        }
    }
}

public sealed record UnitEntry(
    int Id, string Code, string Name, string Kind, UnitLevel Level, int? ParentId, DateOnly ValidFrom, DateOnly? ValidTo, int? SuccessorId)
{
    public UnitValidity Validity => new(ValidFrom, ValidTo);

    /// <summary>Every successor the law names (several for a split commune); <see cref="SuccessorId"/> is the one holding its records.</summary>
    public IReadOnlyList<int> Successors { get; init; } = [];
    public DateOnly? SuccessorChosenOn { get; init; }
    public bool IsStale { get; init; }
    /// <summary>Folded name, other spellings and code: "xa da loc 29377".</summary>
    public string SearchKey { get; init; } = "";
}

public sealed record CategoryEntry(int Id, string Code, string Name, int Level, int? ProductSet);

/// <summary>The deploying office as pages need it.</summary>
public sealed record DeployingOfficeEntry(string Name, string ShortName, int? UnitId, bool ServesWholeCountry, IReadOnlyList<int> Served)
{
    /// <summary>Before an administrator sets the office: a neutral name, and the whole country.</summary>
    public static DeployingOfficeEntry Unset { get; } = new("Chương trình Mỗi xã một sản phẩm (OCOP)", "OCOP", null, true, []);

    public bool IsSet => !ReferenceEquals(this, Unset);
}
