using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Admin.Users;

/// <summary>
/// An administrator ends one session of a user (a lost phone, a shared computer) or all of them: the next request from
/// an ended session signs out. Audited under the acting administrator when anything was still standing.
/// </summary>
public sealed class EndUserSessions(OcopDbContext db, CurrentActor actor, Account.SessionRegistry sessions, Account.AccountAudit audit)
{
    public sealed class Command
    {
        public string UserId { get; set; } = "";
        /// <summary>The session to end; null ends every session of the user.</summary>
        public string? SessionId { get; set; }
    }

    /// <summary>How many sessions were still standing and are now ended.</summary>
    public sealed record Ended(string UserId, int Count);

    public async Task<WriteResult<Ended>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!RegistryAccess.CanManageUsers(scope.Role))
        {
            return WriteResult.Refused<Ended>("Chỉ quản trị hệ thống được quản lý người dùng.");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, ct);
        if (user is null)
        {
            return WriteResult.NotFound<Ended>("Không tìm thấy người dùng.");
        }

        var actorId = actor.UserId ?? scope.UserId;
        if (command.SessionId is { } sessionId)
        {
            var standing = await sessions.EndAsync(db, user.Id, sessionId, actor.UserName, ct);
            if (standing)
            {
                await audit.RecordAsync(AuditAction.SessionEnded, user, actorId, actor.UserName, ct, ("Session", sessionId));
            }

            return WriteResult.Done(new Ended(user.Id, standing ? 1 : 0));
        }

        var ended = await sessions.EndAllAsync(db, user.Id, actor.UserName, ct);
        if (ended > 0)
        {
            await audit.RecordAsync(AuditAction.SessionEnded, user, actorId, actor.UserName, ct,
                ("Sessions", ended.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return WriteResult.Done(new Ended(user.Id, ended));
    }
}
