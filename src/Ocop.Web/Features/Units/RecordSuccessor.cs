using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Units;

/// <summary>
/// Records which of a split commune's successors holds its records from today (dated, audited). Only a successor the
/// resolution names can be chosen; the choice moves the unit directory's version, so every scope and list reads it.
/// </summary>
public sealed class RecordSuccessor(OcopDbContext db, TimeProvider clock)
{
    public sealed class Command
    {
        /// <summary>The former unit whose records are placed.</summary>
        public int UnitId { get; set; }
        /// <summary>One of its successors by the resolution.</summary>
        public int SuccessorId { get; set; }
    }

    public sealed record Recorded(int UnitId, string FormerCode, string FormerName, string SuccessorName, DateOnly ChosenOn);

    public async Task<WriteResult<Recorded>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!RegistryAccess.CanEditReferenceData(scope.Role))
        {
            return WriteResult.Refused<Recorded>("Bạn không được ghi nhận đơn vị kế thừa.");
        }

        var former = await db.Units.SingleOrDefaultAsync(u => u.Id == command.UnitId, ct);
        if (former is null || (!scope.ReachesEveryUnit && !scope.CommuneIds.Contains(former.Id)))
        {
            return WriteResult.NotFound<Recorded>("Không tìm thấy đơn vị hành chính.");
        }

        if (!await db.UnitSuccessorLinks.AnyAsync(l => l.PredecessorId == former.Id && l.SuccessorId == command.SuccessorId, ct))
        {
            var errors = new FieldErrorList();
            errors.Add(nameof(Command.SuccessorId),
                $"{former.Name} không có đơn vị kế thừa đã chọn; chỉ chọn được một trong các đơn vị kế thừa theo nghị quyết.");
            return WriteResult.Invalid<Recorded>(errors);
        }

        former.SuccessorId = command.SuccessorId;
        former.SuccessorChosenOn = Display.Today(clock);
        await db.SaveChangesAsync(ct);
        var chosen = await db.Units.AsNoTracking().Where(u => u.Id == command.SuccessorId).Select(u => u.Name).SingleAsync(ct);
        return WriteResult.Done(new Recorded(former.Id, former.Code, former.Name, chosen, former.SuccessorChosenOn.Value));
    }
}
