using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ocop.Web.Data;

/// <summary>
/// A save inside an explicit transaction moves the cache versions at once, before its rows are visible to other
/// connections; a request that reloaded a cache in between would keep the old rows. After the commit (or rollback)
/// the versions move again, so the next request reloads what was really written.
/// </summary>
public sealed class CacheVersionsOnCommit : DbTransactionInterceptor
{
    public static readonly CacheVersionsOnCommit Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Bump(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Bump(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Bump(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Bump(eventData);
        return Task.CompletedTask;
    }

    private static void Bump(TransactionEndEventData eventData) => (eventData.Context as OcopDbContext)?.BumpPendingVersions();
}
