using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Account;

/// <summary>
/// The server's list of sign-in sessions. A request's cookie is good only while its session stands; whether it does is
/// held in memory for the current <see cref="SessionVersion"/>, which every ending moves (on every instance, through
/// <see cref="CacheVersionNotifications"/>), so an ended session is refused by the very next request.
/// </summary>
public sealed class SessionRegistry(TimeProvider clock)
{
    /// <summary>The claim in the sign-in cookie that names its session.</summary>
    public const string SessionClaim = "sid";

    /// <summary>How stale a session's "last seen" may get: it is written at most this often, not on every request.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(5);

    private sealed record Known(bool Active, string UserId, DateTime LastSeenAt);

    private ConcurrentDictionary<string, Known> known = new(StringComparer.Ordinal);
    private long knownVersion = -1;

    public async Task<string> StartAsync(OcopDbContext db, string userId, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            Address = ClientAddress.Of(http),
            UserAgent = Truncate(InputText.Clean(http.Request.Headers.UserAgent.ToString()), 200),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>Whether the session stands and belongs to this user; notes the request as its last sign of life.</summary>
    public async Task<bool> IsActiveAsync(OcopDbContext db, string sessionId, string userId, CancellationToken ct)
    {
        var version = SessionVersion.Current;
        if (Interlocked.Read(ref knownVersion) != version)
        {
            known = new ConcurrentDictionary<string, Known>(StringComparer.Ordinal);
            Interlocked.Exchange(ref knownVersion, version);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!known.TryGetValue(sessionId, out var session) || (session.Active && now - session.LastSeenAt > TouchInterval))
        {
            var row = await db.UserSessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new { s.UserId, s.EndedAt, s.LastSeenAt }).SingleOrDefaultAsync(ct);
            session = row is null ? new Known(false, "", now) : new Known(row.EndedAt is null, row.UserId, row.LastSeenAt);
            if (session.Active && now - session.LastSeenAt > TouchInterval)
            {
                // Written straight, outside the audit: a session's pulse is no change to any record.
                await db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
                session = session with { LastSeenAt = now };
            }

            known[sessionId] = session;
        }

        return session.Active && session.UserId == userId;
    }

    /// <summary>Ends one session of a user; returns whether it was still standing.</summary>
    public async Task<bool> EndAsync(OcopDbContext db, string userId, string sessionId, string endedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndedBy, endedBy), ct);
        SessionVersion.Bump();
        return ended > 0;
    }

    /// <summary>Ends every session of a user (archived, password reset, changed role, or an administrator's order).</summary>
    public async Task<int> EndAllAsync(OcopDbContext db, string userId, string endedBy, CancellationToken ct, string? except = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null && s.Id != except)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndedBy, endedBy), ct);
        SessionVersion.Bump();
        return ended;
    }

    private static string? Truncate(string value, int length) =>
        value.Length == 0 ? null : value.Length <= length ? value : value[..length];
}
