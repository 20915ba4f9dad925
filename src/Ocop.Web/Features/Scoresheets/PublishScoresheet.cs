using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>
/// Publishes a draft once the publishing checks pass against its legal basis; new rounds then use the newest published
/// version of its set. Only the status changes: the definition the sheet was checked with stays exactly as it was.
/// </summary>
public sealed class PublishScoresheet(OcopDbContext db)
{
    public sealed class Command
    {
        public int Id { get; set; }
        /// <summary>The version the action was made from.</summary>
        public int Version { get; set; }
    }

    public sealed record Published(int Id, int SheetVersion);

    /// <remarks>A refused publication is invalid with the checks' errors keyed by their place in the sheet.</remarks>
    public async Task<WriteResult<Published>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (record, refusal) = await ScoresheetVersions.ForChangeAsync<Published>(db, scope, command.Id, command.Version, ct);
        if (record is null)
        {
            return refusal!;
        }

        var errors = new FieldErrorList();
        var basis = await db.LegalBases.AsNoTracking().SingleOrDefaultAsync(b => b.Code == record.LegalBasisCode, ct);
        if (basis is null)
        {
            errors.Add("Phiếu", $"Không tìm thấy căn cứ pháp lý {record.LegalBasisCode}.");
            return WriteResult.Invalid<Published>(errors);
        }

        var outcome = ScoresheetChecks.Publish(record.ToModel(), basis.ToModel());
        if (!outcome.Published)
        {
            foreach (var issue in outcome.Issues.Where(i => i.Severity == IssueSeverity.Error))
            {
                errors.Add(issue.Location, issue.Message);
            }

            return WriteResult.Invalid<Published>(errors);
        }

        record.Status = ScoresheetStatus.Published;
        await db.SaveChangesAsync(ct);
        return WriteResult.Done(new Published(record.Id, record.SheetVersion));
    }
}
