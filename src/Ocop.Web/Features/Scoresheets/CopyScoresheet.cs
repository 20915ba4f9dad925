using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>Copies a sheet into a new draft: the next version of its set, unverified, effective today (or its own date, if later) until edited.</summary>
public sealed class CopyScoresheet(OcopDbContext db, TimeProvider clock)
{
    public const string TakenMessage = "Vừa có người khác tạo phiên bản mới của bộ này. Xem lại rồi sao chép lại nếu vẫn cần.";

    public sealed class Command
    {
        public int Id { get; set; }
    }

    public sealed record Copied(int Id, int SheetVersion, int FromSheetVersion);

    public async Task<WriteResult<Copied>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!ScoresheetVersions.CanManage(scope.Role))
        {
            return WriteResult.Refused<Copied>(ScoresheetVersions.RefusedMessage);
        }

        var source = await db.Scoresheets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == command.Id, ct);
        if (source is null)
        {
            return WriteResult.NotFound<Copied>("Không tìm thấy phiếu chấm.");
        }

        var next = await ScoresheetVersions.NextAsync(db, source.LegalBasisCode, source.ProductSetNumber, ct);
        var today = Display.Today(clock);
        var draft = source.ToModel() with
        {
            Version = next,
            Status = ScoresheetStatus.Draft,
            Verified = false,
            EffectiveFrom = today > source.EffectiveFrom ? today : source.EffectiveFrom,
        };
        var record = EvaluationReferenceData.FromModel(draft);
        db.Scoresheets.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.Scoresheets.AnyAsync(s => s.LegalBasisCode == source.LegalBasisCode && s.ProductSetNumber == source.ProductSetNumber && s.SheetVersion == next, ct))
            {
                throw;
            }

            // Another administrator took the same version number a moment earlier.
            return WriteResult.Stale<Copied>(TakenMessage);
        }

        return WriteResult.Done(new Copied(record.Id, next, source.SheetVersion));
    }
}
