using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Planning;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Support;

/// <summary>
/// The signed-in user as the registers of section III see them: the registry scope, the office they work in, and which
/// units lie wholly inside their reach. A record of a commune is in scope when the commune is one of the user's; a record
/// of a unit (an allocation, an event, a fair, a route of the province) when every commune the unit covers is.
/// </summary>
public sealed class SectionScope(UserScope user, UnitDirectory.Snapshot units, int? officeId, DateOnly today)
{
    private readonly Dictionary<int, HashSet<int>> covered = [];

    public UserScope User { get; } = user;
    public UnitDirectory.Snapshot Units { get; } = units;
    /// <summary>The office the user works in (office staff and the program office); null for everyone else.</summary>
    public int? OfficeId { get; } = officeId;
    public DateOnly Today { get; } = today;
    public Role Role => User.Role;

    public bool InScope(int communeId) => User.ReachesEveryUnit || User.CoversEveryCommune || User.CommuneIds.Contains(communeId);

    public bool Own(int? subjectId) => Role == Role.Producer && User.SubjectId is int own && subjectId == own;

    /// <summary>The communes a unit holds (itself if a commune, those inside it, the former ones merged into them).</summary>
    public HashSet<int> CommunesOf(int unitId)
    {
        if (!covered.TryGetValue(unitId, out var communes))
        {
            communes = Units.CommunesCovered([unitId]);
            covered[unitId] = communes;
        }

        return communes;
    }

    /// <summary>Every commune of the unit is the user's: a record of that unit is theirs to act on.</summary>
    public bool UnitInReach(int unitId)
    {
        if (User.ReachesEveryUnit || User.CoversEveryCommune)
        {
            return true;
        }

        var communes = CommunesOf(unitId);
        return communes.Count > 0 && communes.IsSubsetOf(User.CommuneIds);
    }

    public RecordAccess Access(SectionRegister register, int communeId, int? subjectId = null) =>
        SupportAccess.ForRegister(register, Role, InScope(communeId), Own(subjectId));

    public RecordAccess AccessToUnit(SectionRegister register, int unitId) =>
        SupportAccess.ForRegister(register, Role, UnitInReach(unitId), own: false);

    /// <summary>A list's place filter keeps a record of a unit when the unit lies inside the chosen one.</summary>
    public static bool Inside(HashSet<int> unitCommunes, IReadOnlySet<int>? filter) =>
        filter is null || (unitCommunes.Count > 0 && unitCommunes.IsSubsetOf(filter));
}

/// <summary>Loads the <see cref="SectionScope"/> of the request and the choices the forms of section III offer.</summary>
public sealed class SectionContext(OcopDbContext db, UserScopeLoader scopes, UnitDirectory directory, TimeProvider clock, PlanFigures figures)
{
    private SectionScope? loaded;

    public OcopDbContext Db => db;

    public DateOnly Today => Display.Today(clock);

    public async Task<SectionScope> ScopeAsync(CancellationToken ct)
    {
        if (loaded is not null)
        {
            return loaded;
        }

        loaded = await SectionLookups.ScopeAsync(db, directory, clock, await scopes.GetAsync(ct), ct);
        return loaded;
    }

    /// <summary>The communes a list's unit (by id; 0 or null: no filter) holds, or null when no unit was chosen.</summary>
    public async Task<IReadOnlySet<int>?> CommunesOfUnitAsync(int? unitId, CancellationToken ct)
    {
        if (unitId is not int id || id == 0)
        {
            return null;
        }

        return (await ScopeAsync(ct)).CommunesOf(id);
    }

    /// <summary>Units a list or form may pick (the dashboard's choice: never thousands), without the whole-country entry.</summary>
    public async Task<List<SelectListItem>> UnitOptionsAsync(int? selected, bool withAll, CancellationToken ct)
    {
        var scope = await ScopeAsync(ct);
        var rows = await figures.PickableUnitsAsync(scope.User, selected, ct);
        var options = rows.Where(r => r.Id != 0).Select(r => new SelectListItem(r.Label, PlanDisplay.Id(r.Id), r.Id == selected)).ToList();
        if (withAll)
        {
            options.Insert(0, new SelectListItem("Tất cả đơn vị bạn phụ trách", "", selected is null or 0));
        }

        return options;
    }

    /// <summary>Units a record may be placed in: those wholly inside the user's reach.</summary>
    public async Task<List<SelectListItem>> UnitsInReachAsync(int? selected, CancellationToken ct)
    {
        var scope = await ScopeAsync(ct);
        var options = await UnitOptionsAsync(selected, withAll: false, ct);
        return options.Where(o => scope.UnitInReach(int.Parse(o.Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    public async Task<List<SelectListItem>> SubjectOptionsAsync(int? selected, CancellationToken ct)
    {
        var scope = await ScopeAsync(ct);
        var rows = await scope.User.Visible(db.Subjects).AsNoTracking().Where(s => !s.IsArchived || s.Id == selected)
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, Commune = s.Commune!.Name }).Take(500).ToListAsync(ct);
        return rows.Select(s => new SelectListItem($"{s.Name} ({s.Commune})", PlanDisplay.Id(s.Id), s.Id == selected)).ToList();
    }

    public async Task<List<SelectListItem>> ProductOptionsAsync(int? selected, int? subjectId, CancellationToken ct)
    {
        var scope = await ScopeAsync(ct);
        var rows = await scope.User.Visible(db.Products).AsNoTracking()
            .Where(p => (subjectId == null || p.SubjectId == subjectId) && (p.Status != Core.Registry.ProductStatus.Archived || p.Id == selected))
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, Subject = p.Subject!.Name }).Take(500).ToListAsync(ct);
        return rows.Select(p => new SelectListItem($"{p.Name} ({p.Subject})", PlanDisplay.Id(p.Id), p.Id == selected)).ToList();
    }

    /// <summary>Offices of the units the user works in (a handful per province).</summary>
    public async Task<List<SelectListItem>> OfficeOptionsAsync(int? selected, CancellationToken ct)
    {
        var scope = await ScopeAsync(ct);
        var offices = await db.Offices.AsNoTracking().Where(o => !o.IsArchived || o.Id == selected)
            .OrderBy(o => o.SortOrder).Select(o => new { o.Id, o.Name, o.UnitId, Unit = o.Unit!.Name }).ToListAsync(ct);
        return offices.Where(o => o.Id == selected || scope.User.ReachesEveryUnit || scope.CommunesOf(o.UnitId).Overlaps(scope.User.CommuneIds))
            .Select(o => new SelectListItem($"{o.Name} ({o.Unit})", PlanDisplay.Id(o.Id), o.Id == selected)).ToList();
    }
}

/// <summary>
/// What the forms and the use cases of section III look up for a user, whether the user is the request's or one a caller
/// acts for (the API, the importer): their scope, and the subjects, products and offices they may name.
/// </summary>
public static class SectionLookups
{
    /// <summary>The user as the registers of section III see them.</summary>
    public static async Task<SectionScope> ScopeAsync(OcopDbContext db, UnitDirectory directory, TimeProvider clock, UserScope user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(user);
        var units = await directory.GetAsync(db, ct);
        var office = await db.OfficeMembers.AsNoTracking().Where(m => m.UserId == user.UserId).Select(m => (int?)m.OfficeId).SingleOrDefaultAsync(ct);
        return new SectionScope(user, units, office, Display.Today(clock));
    }

    /// <summary>Why the office may not be named by this user, or null: an office of the units the user works in, not archived (the forms offer these).</summary>
    public static async Task<string?> OfficeProblemAsync(OcopDbContext db, SectionScope scope, int officeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var office = await db.Offices.AsNoTracking().Where(o => o.Id == officeId && !o.IsArchived).Select(o => new { o.UnitId }).SingleOrDefaultAsync(ct);
        return office is not null && (scope.User.ReachesEveryUnit || scope.CommunesOf(office.UnitId).Overlaps(scope.User.CommuneIds))
            ? null : "Phòng, ban không có hoặc không thuộc đơn vị bạn phụ trách.";
    }

    /// <summary>A subject the user may attach a record to, with its commune; null when out of reach.</summary>
    public static async Task<(int Id, int CommuneId)?> SubjectAsync(OcopDbContext db, SectionScope scope, int subjectId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var row = await scope.User.Visible(db.Subjects).AsNoTracking().Where(s => s.Id == subjectId).Select(s => new { s.Id, s.CommuneId }).SingleOrDefaultAsync(ct);
        return row is null ? null : (row.Id, row.CommuneId);
    }

    /// <summary>A product the user may attach a record to, with its subject and commune of production; null when out of reach.</summary>
    public static async Task<(int Id, int SubjectId, int CommuneId)?> ProductAsync(OcopDbContext db, SectionScope scope, int productId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var row = await scope.User.Visible(db.Products).AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.Id, p.SubjectId, p.CommuneId }).SingleOrDefaultAsync(ct);
        return row is null ? null : (row.Id, row.SubjectId, row.CommuneId);
    }
}
