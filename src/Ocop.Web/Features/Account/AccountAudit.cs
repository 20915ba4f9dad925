using System.Text.Json;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Account;

/// <summary>
/// Writes account events into the audit trail: sign-ins, failed sign-ins, lockouts, sign-outs, password changes and
/// resets, ended sessions. The entry's user is who acted (the administrator for a reset), its record the account.
/// A failed sign-in for a name that has no account is kept under that name, so repeated guessing shows.
/// </summary>
public sealed class AccountAudit(OcopDbContext db, TimeProvider clock)
{
    public Task RecordAsync(AuditAction action, AppUser account, string actorId, string actorName, CancellationToken ct, params (string Field, string? Value)[] details)
    {
        Add(action, account, actorId, actorName, details);
        return db.SaveChangesAsync(ct);
    }

    /// <summary>Adds the entry to the context's pending changes: it is written by the caller's next save, with them.</summary>
    public void Add(AuditAction action, AppUser account, string actorId, string actorName, params (string Field, string? Value)[] details) =>
        db.AuditEntries.Add(Entry(action, account.Id, actorId, actorName, details));

    public Task RecordUnknownAsync(string attemptedName, HttpContext http, CancellationToken ct)
    {
        var name = InputText.Clean(attemptedName);
        db.AuditEntries.Add(Entry(AuditAction.SignInFailed, UnknownAccountId(name), null, name.Length <= 256 ? name : name[..256],
            [("Address", ClientAddress.Of(http)), ("Reason", "Không có tài khoản")]));
        return db.SaveChangesAsync(ct);
    }

    /// <summary>The record id under which failures for a name with no account are kept.</summary>
    public static string UnknownAccountId(string attemptedName)
    {
        var id = "?" + attemptedName;
        return id.Length <= 60 ? id : id[..60];
    }

    private AuditEntry Entry(AuditAction action, string entityId, string? actorId, string actorName, (string Field, string? Value)[] details) =>
        new()
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = actorId,
            UserName = actorName,
            EntityType = nameof(AppUser),
            EntityId = entityId,
            Action = action,
            Changes = JsonSerializer.Serialize(details.Select(d => new { Field = d.Field, Old = (string?)null, New = d.Value }), AuditJson.Options),
        };
}
