using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>Takes a version out of use for new rounds; scores already given on it keep pointing at it.</summary>
public sealed class RetireScoresheet(OcopDbContext db)
{
    public sealed class Command
    {
        public int Id { get; set; }
        /// <summary>The version the action was made from.</summary>
        public int Version { get; set; }
    }

    /// <param name="WasRetired">It had been retired before: nothing changed.</param>
    public sealed record Retired(int Id, int SheetVersion, bool WasRetired);

    public async Task<WriteResult<Retired>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (record, refusal) = await ScoresheetVersions.ForChangeAsync<Retired>(db, scope, command.Id, command.Version, ct);
        if (record is null)
        {
            return refusal!;
        }

        if (record.Status == ScoresheetStatus.Retired)
        {
            return WriteResult.Done(new Retired(record.Id, record.SheetVersion, true));
        }

        record.Status = ScoresheetStatus.Retired;
        await db.SaveChangesAsync(ct);
        return WriteResult.Done(new Retired(record.Id, record.SheetVersion, false));
    }
}
