using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Subjects;

/// <summary>
/// Archives a subject (out of the working lists, kept with its history) or restores it. Producers keep their own
/// subject current but do not archive it. The page and the API call this one handler.
/// </summary>
public sealed class ArchiveSubject(OcopDbContext db)
{
    public sealed record Command(int Id, int Version, bool Restore);

    public async Task<WriteResult<int>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var subject = await scope.Visible(db.Subjects).SingleOrDefaultAsync(s => s.Id == command.Id, ct);
        if (subject is null)
        {
            return WriteResult.NotFound<int>("Không tìm thấy chủ thể.");
        }

        if (!CanArchive(scope, subject))
        {
            return WriteResult.Refused<int>("Bạn không được lưu trữ chủ thể này.");
        }

        if (subject.Version != command.Version)
        {
            return WriteResult.Stale<int>("Chủ thể vừa được người khác thay đổi. Hãy xem lại rồi thử lại.");
        }

        subject.IsArchived = !command.Restore;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Stale<int>("Chủ thể vừa được người khác thay đổi. Hãy xem lại rồi thử lại.");
        }

        return WriteResult.Done<int>(subject.Version);
    }

    public static bool CanArchive(UserScope scope, Subject subject) =>
        scope.CanEdit(subject.CommuneId, subject.Id) && scope.Role != Role.Producer;
}
