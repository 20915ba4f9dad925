using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Public;

/// <summary>
/// A counter that moves whenever a save touches what the public face shows beyond the registry's lists
/// (<see cref="RegistryListVersion"/> covers products, subjects and the taxonomy): certificates and their decisions,
/// photos, and the registers of where to buy (<see cref="WhereToBuy.Touches"/>). <see cref="PublicCatalog"/> is valid
/// for one value of it; <see cref="CacheVersionMoves"/> carries it to the other instances (ADR 0010).
/// </summary>
public static class PublicCatalogVersion
{
    private static long current;

    public static long Current => Interlocked.Read(ref current);

    public static void Bump()
    {
        Interlocked.Increment(ref current);
        CacheVersionMoves.Moved(CacheVersionMoves.PublicCatalog);
    }

    /// <summary>Another instance saved such a change: move, without telling them back.</summary>
    internal static void MoveForPeer() => Interlocked.Increment(ref current);

    public static bool Touches(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && (entry.Entity is Certificate or Recognition or ProductPhoto || WhereToBuy.Touches(entry.Entity));

    /// <summary>The interceptor that moves the counter once the save's rows are visible to other connections.</summary>
    public static readonly Interceptor OnSave = new();

    /// <summary>
    /// Moves the counter after a save that touched the public face, or, for a save inside a caller's transaction, when
    /// that transaction ends: before the commit another request could reload the old rows and keep them.
    /// </summary>
    public sealed class Interceptor : ISaveChangesInterceptor, IDbTransactionInterceptor
    {
        private static readonly ConditionalWeakTable<DbContext, StrongBox<bool>> PendingOnCommit = [];

        public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Note(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Note(eventData.Context);
            return result;
        }

        public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Settle(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Settle(eventData.Context);
            return result;
        }

        public void SaveChangesFailed(DbContextErrorEventData eventData) => Settle(eventData.Context);

        public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Settle(eventData.Context);
            return Task.CompletedTask;
        }

        public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

        public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Ended(eventData.Context);
            return Task.CompletedTask;
        }

        public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

        public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Ended(eventData.Context);
            return Task.CompletedTask;
        }

        private static void Note(DbContext? context)
        {
            if (context is not null && context.ChangeTracker.Entries().Any(Touches))
            {
                PendingOnCommit.GetOrCreateValue(context).Value = true;
            }
        }

        // A save outside any transaction is visible now; one inside a transaction waits for its end.
        private static void Settle(DbContext? context)
        {
            if (context is not null && context.Database.CurrentTransaction is null)
            {
                Ended(context);
            }
        }

        private static void Ended(DbContext? context)
        {
            if (context is not null && PendingOnCommit.TryGetValue(context, out var pending) && pending.Value)
            {
                pending.Value = false;
                Bump();
            }
        }
    }
}
