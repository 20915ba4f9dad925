using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>Records that an administrator checked the sheet against the gazette: who and when (the audit trail keeps it too).</summary>
public sealed class VerifyScoresheet(OcopDbContext db, TimeProvider clock, CurrentActor actor)
{
    public sealed class Command
    {
        public int Id { get; set; }
        /// <summary>The version the action was made from.</summary>
        public int Version { get; set; }
    }

    public sealed record Verified(int Id);

    public async Task<WriteResult<Verified>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (record, refusal) = await ScoresheetVersions.ForChangeAsync<Verified>(db, scope, command.Id, command.Version, ct);
        if (record is null)
        {
            return refusal!;
        }

        record.Verified = true;
        record.VerifiedBy = actor.UserName;
        record.VerifiedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return WriteResult.Done(new Verified(record.Id));
    }
}
