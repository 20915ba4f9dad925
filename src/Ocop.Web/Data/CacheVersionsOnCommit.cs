using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ocop.Web.Data;

/// <summary>
/// The half of <see cref="CacheVersionsOnSave"/> for saves inside a transaction: their rows are not visible to other
/// connections until it commits, so the cache versions they touched move then (or after a rollback: a needless reload is
/// cheap), never before, or a request that reloaded a cache in between would keep the old rows.
/// </summary>
public sealed class CacheVersionsOnCommit : DbTransactionInterceptor
{
    public static readonly CacheVersionsOnCommit Instance = new();

    private static readonly ConditionalWeakTable<DbContext, CacheVersionsOnSave.Touched> OnCommit = new();

    /// <summary>What the saves inside the context's open transaction touched so far.</summary>
    internal static CacheVersionsOnSave.Touched Pending(DbContext context) => OnCommit.GetOrCreateValue(context);

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Bump(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Bump(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Bump(DbContext? context)
    {
        if (context is not null && OnCommit.TryGetValue(context, out var touched))
        {
            OnCommit.Remove(context);
            touched.Bump();
        }
    }
}
