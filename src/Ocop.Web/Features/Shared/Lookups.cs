using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Shared;

/// <summary>Choices for filters and forms, limited to what the user may reach, read from the in-memory <see cref="UnitDirectory"/>.</summary>
public static class Lookups
{
    /// <summary>Above this many communes a list filter asks for the province first: a national user would otherwise get 3,300 options on every page.</summary>
    public const int ProvinceFirstAbove = 100;

    /// <summary>Above this many communes a form offers the deploying office's communes and a search instead of one long list.</summary>
    public const int SearchAbove = 200;

    /// <summary>
    /// Communes a form may assign: those that exist today, plus the record's current one even if it was dissolved
    /// (it then says until when it existed, so an edit does not silently move the record).
    /// </summary>
    public static Task<List<SelectListItem>> CommunesAsync(OcopDbContext db, UserScope scope, int? selected, CancellationToken ct) =>
        CommunesAsync(db, scope, selected, null, ct);

    /// <summary>
    /// The same, for a wide reach (an administrator or leader sees 3,321 communes): the communes of the deploying office's
    /// provinces, the record's own, and those a search typed in the form finds (name with or without diacritics, former
    /// name or code; a former commune found brings the commune of today that took it over).
    /// </summary>
    public static async Task<List<SelectListItem>> CommunesAsync(OcopDbContext db, UserScope scope, int? selected, string? query, CancellationToken ct)
    {
        var units = await db.GetService<UnitDirectory>().GetAsync(db, ct);
        var today = Display.Today(db.GetService<TimeProvider>());
        bool Offered(UnitEntry u) => Reaches(scope, u) && (u.Validity.IsValidOn(today) || u.Id == selected);
        if (!NeedsSearch(units, scope, today))
        {
            return Options(units, Offered, selected);
        }

        var near = units.HomeCommunes ?? new HashSet<int>();
        var found = new HashSet<int>();
        if (!string.IsNullOrWhiteSpace(query))
        {
            foreach (var row in new Units.UnitSearch(query, Core.Units.UnitLevel.Commune, null, null, PageSize: 30).Run(units).Rows)
            {
                found.Add(units.Latest(units.ById[row.Id]).Id);
            }
        }

        return Options(units, u => Offered(u) && (u.Id == selected || near.Contains(u.Id) || found.Contains(u.Id)), selected);
    }

    /// <summary>Whether a commune field of this user's forms needs the search (more communes of today in reach than a list should hold).</summary>
    public static async Task<bool> CommuneSearchNeededAsync(OcopDbContext db, UserScope scope, CancellationToken ct) =>
        NeedsSearch(await db.GetService<UnitDirectory>().GetAsync(db, ct), scope, Display.Today(db.GetService<TimeProvider>()));

    private static bool NeedsSearch(UnitDirectory.Snapshot units, UserScope scope, DateOnly today) =>
        units.CommuneChoices.Count(c => c.Unit.Validity.IsValidOn(today) && Reaches(scope, c.Unit)) > SearchAbove;

    /// <summary>The commune a new record placed where this one was would go today (its successor if it was merged).</summary>
    public static async Task<int> CommuneTodayAsync(OcopDbContext db, int commune, CancellationToken ct)
    {
        var units = await db.GetService<UnitDirectory>().GetAsync(db, ct);
        return units.ById.TryGetValue(commune, out var unit)
            ? units.CurrentOn(unit, Display.Today(db.GetService<TimeProvider>())).Id
            : commune;
    }

    /// <summary>
    /// Why a form may not put a record in this commune, or null: it must be a commune, and one that exists today unless
    /// the record already lies there (records keep the units they were registered in; new ones go to the successor).
    /// </summary>
    public static async Task<string?> CommuneProblemAsync(OcopDbContext db, int commune, int? current, CancellationToken ct)
    {
        var units = await db.GetService<UnitDirectory>().GetAsync(db, ct);
        if (!units.ById.TryGetValue(commune, out var unit) || unit.Level != Core.Units.UnitLevel.Commune)
        {
            return "Xã không tồn tại.";
        }

        var today = Display.Today(db.GetService<TimeProvider>());
        if (commune == current || unit.Validity.IsValidOn(today))
        {
            return null;
        }

        var successor = unit.SuccessorId is int s && units.ById.TryGetValue(s, out var next) ? $" Chọn {next.Kind} {next.Name}." : "";
        return $"{unit.Name} không còn là đơn vị hành chính từ {Display.Date(unit.ValidTo?.AddDays(1))}.{successor}";
    }

    /// <summary>
    /// The place filter of a list: every commune the user may see (former ones too, records keep them), or, for a wide
    /// scope, the province first. With no province in the URL the list opens on the deploying office's province when the
    /// user reaches it (<paramref name="provinceAsked"/> is whether the URL chose one, "all" included), so units elsewhere
    /// stay out of the way unless asked for.
    /// </summary>
    public static async Task<UnitFilter> UnitFilterAsync(OcopDbContext db, UserScope scope, int? province, int? commune, bool provinceAsked, CancellationToken ct)
    {
        var units = await db.GetService<UnitDirectory>().GetAsync(db, ct);
        if (units.Communes.Count(id => Reaches(scope, units.ById[id])) <= ProvinceFirstAbove)
        {
            return new UnitFilter([], Options(units, u => Reaches(scope, u), commune), null);
        }

        // The province of the chosen commune counts as chosen, so a shared link with only ?commune= still shows its list.
        if (province is null && commune is int c && units.ById.TryGetValue(c, out var chosen))
        {
            province = units.ProvinceOf(chosen)?.Id;
        }

        var reachable = units.Provinces.Where(p => scope.ReachesEveryUnit || scope.CommuneIds.Contains(p.Id)
            || units.Tree.Children(p.Id).Any(child => scope.CommuneIds.Contains(child.Id))).ToList();
        if (province is null && !provinceAsked && units.HomeUnits is [var home] && reachable.Any(p => p.Id == home))
        {
            province = home;
        }

        var provinces = reachable
            .Select(p => new SelectListItem(Label(p), Id(p.Id), p.Id == province))
            .ToList();
        var communes = province is int p
            ? Options(units, u => Reaches(scope, u) && units.ProvinceOf(u)?.Id == p, commune)
            : [];
        return new UnitFilter(provinces, communes, province);
    }

    /// <summary>The whole taxonomy, indented by level; only leaves (with a product set) can be chosen in forms.</summary>
    public static async Task<List<SelectListItem>> CategoriesAsync(OcopDbContext db, int? selected, bool leavesOnly, CancellationToken ct)
    {
        var units = await db.GetService<UnitDirectory>().GetAsync(db, ct);
        return units.Categories
            .Select(c => new SelectListItem(
                $"{new string('\u00A0', (c.Level - 1) * 3)}{c.Code} {c.Name}",
                Id(c.Id), c.Id == selected, disabled: leavesOnly && c.ProductSet is null))
            .ToList();
    }

    public static List<SelectListItem> Enum<TEnum>(TEnum? selected) where TEnum : struct, System.Enum =>
        Display.Values<TEnum>()
            .Select(v => new SelectListItem(Display.Name(v), v.ToString(), selected.HasValue && selected.Value.Equals(v)))
            .ToList();

    private static bool Reaches(UserScope scope, UnitEntry commune) => scope.ReachesEveryUnit || scope.CommuneIds.Contains(commune.Id);

    /// <summary>The chosen communes in the directory's order for choices (existing first, by parent then name).</summary>
    private static List<SelectListItem> Options(UnitDirectory.Snapshot units, Func<UnitEntry, bool> include, int? selected) =>
        units.CommuneChoices
            .Where(c => include(c.Unit))
            .Select(c => new SelectListItem(c.Label, Id(c.Unit.Id), c.Unit.Id == selected))
            .ToList();

    private static string Label(UnitEntry unit) => unit.ValidTo is null ? unit.Name : $"{unit.Name} (đến {Display.Date(unit.ValidTo)})";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A list's unit filter: provinces to choose from first (empty when the user's communes fit in one list), and the communes offered.</summary>
public sealed record UnitFilter(List<SelectListItem> Provinces, List<SelectListItem> Communes, int? Province)
{
    public bool ProvinceFirst => Provinces.Count > 0;
}

/// <summary>The search box beside a commune field (<c>_CommuneSearch</c>): shown when the user's reach needs it.</summary>
public sealed record CommuneSearchBox(bool Needed, string? Query);
