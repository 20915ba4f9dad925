using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ocop.Web.Data;

/// <summary>
/// The work every save does besides writing its rows, one interceptor per job, in the order EF Core calls them:
/// a subject's dated facts are brought in step with its columns first (they are rows to save and audit too), then
/// what may never change is refused, search keys, times and versions are stamped, the SQLite write turn is taken,
/// the audit trail is written in the save's transaction, and the in-memory caches are told once the rows are visible.
/// </summary>
public static class SaveInterceptors
{
    public static IInterceptor[] All { get; } =
    [
        SubjectFactsOnSave.Instance,
        UnchangeableRecords.Instance,
        RecordStamps.Instance,
        SqliteWriteTurn.Instance,
        AuditTrail.Instance,
        CacheVersionsOnSave.Instance,
        CacheVersionsOnCommit.Instance,
    ];
}
