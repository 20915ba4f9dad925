using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Access;

/// <summary>
/// What the signed-in user may reach: their role, the communes inside their assigned units, their own subject.
/// Every page and API query of the registry filters through it; it is loaded once per request.
/// </summary>
public sealed class UserScope
{
    public required string UserId { get; init; }
    public required Role Role { get; init; }
    public int? SubjectId { get; init; }
    public required IReadOnlySet<int> CommuneIds { get; init; }

    public bool ReachesEveryUnit => RegistryAccess.ReachesEveryUnit(Role);

    public RecordAccess ForRecord(int communeId, int? subjectId) =>
        RegistryAccess.ForRecord(Role, ReachesEveryUnit || CommuneIds.Contains(communeId), SubjectId is not null && SubjectId == subjectId);

    public bool CanRead(int communeId, int? subjectId = null) => ForRecord(communeId, subjectId) >= RecordAccess.Read;

    public bool CanEdit(int communeId, int? subjectId = null) => ForRecord(communeId, subjectId) == RecordAccess.Edit;

    /// <summary>Communes where this user may register new records (a producer only through their subject).</summary>
    public bool CanCreateIn(int communeId) =>
        RegistryAccess.CanCreateSubject(Role) && (ReachesEveryUnit || CommuneIds.Contains(communeId)) && Role != Role.Leader;

    public IQueryable<Subject> Visible(IQueryable<Subject> subjects) => Role switch
    {
        _ when ReachesEveryUnit => subjects,
        Role.Producer => subjects.Where(s => s.Id == SubjectId),
        _ => subjects.Where(s => CommuneIds.Contains(s.CommuneId)),
    };

    public IQueryable<Product> Visible(IQueryable<Product> products) => Role switch
    {
        _ when ReachesEveryUnit => products,
        Role.Producer => products.Where(p => p.SubjectId == SubjectId),
        _ => products.Where(p => CommuneIds.Contains(p.CommuneId)),
    };

    public IQueryable<AdministrativeUnit> VisibleCommunes(IQueryable<AdministrativeUnit> units) =>
        ReachesEveryUnit
            ? units.Where(u => u.Level == Core.Units.UnitLevel.Commune)
            : units.Where(u => CommuneIds.Contains(u.Id));
}

/// <summary>Builds the <see cref="UserScope"/> of the current request from the user's assigned units.</summary>
public sealed class UserScopeLoader(OcopDbContext db, IHttpContextAccessor http)
{
    private UserScope? loaded;

    public async Task<UserScope> GetAsync(CancellationToken ct = default)
    {
        if (loaded is not null)
        {
            return loaded;
        }

        var principal = http.HttpContext?.User ?? throw new InvalidOperationException("No request.");
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Role, u.SubjectId, Units = u.Units.Select(x => x.UnitId).ToList() })
            .SingleAsync(ct);

        IReadOnlySet<int> communes = user.Role switch
        {
            _ when RegistryAccess.ReachesEveryUnit(user.Role) => new HashSet<int>(),
            // A producer's reach is their own subject; its commune is what their forms may show.
            Role.Producer => (await db.Subjects.Where(s => s.Id == user.SubjectId).Select(s => s.CommuneId).ToListAsync(ct)).ToHashSet(),
            _ => await CommunesWithinAsync(user.Units, ct),
        };
        loaded = new UserScope { UserId = userId, Role = user.Role, SubjectId = user.SubjectId, CommuneIds = communes };
        return loaded;
    }

    /// <summary>The assigned units, their children and grandchildren, and the units that succeeded any of them.</summary>
    private async Task<HashSet<int>> CommunesWithinAsync(List<int> assigned, CancellationToken ct)
    {
        var within = await db.Units.AsNoTracking()
            .Where(u => assigned.Contains(u.Id)
                || (u.ParentId != null && assigned.Contains(u.ParentId.Value))
                || (u.Parent != null && u.Parent.ParentId != null && assigned.Contains(u.Parent.ParentId.Value)))
            .Select(u => new { u.Id, u.SuccessorId })
            .ToListAsync(ct);
        var ids = within.Select(u => u.Id).ToHashSet();
        ids.UnionWith(within.Where(u => u.SuccessorId != null).Select(u => u.SuccessorId!.Value));
        return ids;
    }
}
