using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Access;

/// <summary>
/// What the signed-in user may reach: their role, the units their assigned units cover (the communes inside them and
/// the former units merged into them, so an office of today works with the records of the old district years), their
/// own subject.
/// Every page and API query of the registry filters through it; it is loaded once per request.
/// </summary>
public sealed class UserScope
{
    public required string UserId { get; init; }
    public required Role Role { get; init; }
    public int? SubjectId { get; init; }
    public required IReadOnlySet<int> CommuneIds { get; init; }
    /// <summary>Assigned units that take in every commune (a central office): list queries then need no commune filter.</summary>
    public bool CoversEveryCommune { get; init; }

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
        _ when ReachesEveryUnit || CoversEveryCommune => subjects,
        Role.Producer => subjects.Where(s => s.Id == SubjectId),
        _ => subjects.Where(s => CommuneIds.Contains(s.CommuneId)),
    };

    public IQueryable<Product> Visible(IQueryable<Product> products) => Role switch
    {
        _ when ReachesEveryUnit || CoversEveryCommune => products,
        Role.Producer => products.Where(p => p.SubjectId == SubjectId),
        _ => products.Where(p => CommuneIds.Contains(p.CommuneId)),
    };

    /// <summary>The rule of <see cref="Visible(IQueryable{Product})"/> for a product held in memory.</summary>
    public bool Sees(int communeId, int subjectId) => Role switch
    {
        _ when ReachesEveryUnit || CoversEveryCommune => true,
        Role.Producer => subjectId == SubjectId,
        _ => CommuneIds.Contains(communeId),
    };
}

/// <summary>
/// Builds the <see cref="UserScope"/> of the current request. The account facts and the scope are cached per process
/// for the current <see cref="DirectoryVersion"/> (any change to users, units or a subject's commune moves it) and at
/// most <see cref="UnitDirectory.MaxAge"/>: an office assigned a whole country would otherwise load 3,400 communes on
/// every request.
/// </summary>
public sealed class UserScopeLoader(OcopDbContext db, IHttpContextAccessor http, UnitDirectory directory, AccountCache accounts)
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
        var account = await accounts.GetAsync(db, userId, ct) ?? throw new InvalidOperationException("Unknown user.");
        if (account.Scope is null)
        {
            var units = await directory.GetAsync(db, ct);
            IReadOnlySet<int> communes = account.Role switch
            {
                _ when RegistryAccess.ReachesEveryUnit(account.Role) => new HashSet<int>(),
                // A producer's reach is their own subject; its commune is what their forms may show.
                Role.Producer => (await db.Subjects.Where(s => s.Id == account.SubjectId).Select(s => s.CommuneId).ToListAsync(ct)).ToHashSet(),
                _ => units.Covered(account.Units),
            };
            account.Scope = new UserScope
            {
                UserId = userId,
                Role = account.Role,
                SubjectId = account.SubjectId,
                CommuneIds = communes,
                CoversEveryCommune = account.Role != Role.Producer && units.Communes.IsSubsetOf(communes),
            };
        }

        loaded = account.Scope;
        return loaded;
    }
}

/// <summary>What each request needs to know of its account: whether the session still stands, and the user's reach.</summary>
public sealed class AccountFacts
{
    public required long Version { get; init; }
    public required DateTimeOffset LoadedAt { get; init; }
    public string? SecurityStamp { get; init; }
    public bool IsArchived { get; init; }
    public Role Role { get; init; }
    public int? SubjectId { get; init; }
    public required List<int> Units { get; init; }
    /// <summary>Built on first use from the facts above.</summary>
    public UserScope? Scope { get; set; }
    /// <summary>The user's chosen columns per list, read on first use and replaced when they save a choice (<c>ListColumns</c>).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string?> ListColumns { get; } = new(StringComparer.Ordinal);
}

public sealed class AccountCache(TimeProvider clock)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AccountFacts> byUser = new();

    public async Task<AccountFacts?> GetAsync(OcopDbContext db, string userId, CancellationToken ct)
    {
        var version = DirectoryVersion.Current;
        var now = clock.GetUtcNow();
        if (byUser.TryGetValue(userId, out var cached) && cached.Version == version && now - cached.LoadedAt < UnitDirectory.MaxAge)
        {
            return cached;
        }

        var facts = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new AccountFacts
            {
                Version = version,
                LoadedAt = now,
                SecurityStamp = u.SecurityStamp,
                IsArchived = u.IsArchived,
                Role = u.Role,
                SubjectId = u.SubjectId,
                Units = u.Units.Select(x => x.UnitId).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (facts is null)
        {
            byUser.TryRemove(userId, out _);
            return null;
        }

        byUser[userId] = facts;
        return facts;
    }
}
