using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ocop.Web.Data;

/// <summary>
/// Moves the cache versions (<see cref="DirectoryVersion"/>, <see cref="RegistryListVersion"/>) that a save touches once
/// its rows are visible to other connections: right after a save outside any transaction — also after a failed one (a
/// needless reload is cheap, a stale scope is not) — and, for a save inside a transaction (a caller's, or the one
/// <see cref="AuditTrail"/> opens), when that transaction ends (<see cref="CacheVersionsOnCommit"/>): moved earlier, a
/// request reloading in between would keep the rows from before the change.
/// </summary>
public sealed class CacheVersionsOnSave : SaveChangesInterceptor
{
    public static readonly CacheVersionsOnSave Instance = new();

    private readonly ConditionalWeakTable<DbContext, Touched> afterSave = new();

    internal sealed class Touched
    {
        public bool Directory { get; set; }
        public bool Lists { get; set; }

        public void Bump()
        {
            if (Directory)
            {
                DirectoryVersion.Bump();
            }

            if (Lists)
            {
                RegistryListVersion.Bump();
            }

            Directory = Lists = false;
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        BumpAfterSave(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        BumpAfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => BumpAfterSave(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        BumpAfterSave(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => BumpAfterSave(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        BumpAfterSave(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var entries = context.ChangeTracker.Entries().ToList();
        var directory = entries.Any(DirectoryVersion.Touches);
        var lists = entries.Any(RegistryListVersion.Touches);
        if (!directory && !lists)
        {
            return;
        }

        var touched = context.Database.CurrentTransaction is null ? afterSave.GetOrCreateValue(context) : CacheVersionsOnCommit.Pending(context);
        touched.Directory |= directory;
        touched.Lists |= lists;
    }

    private void BumpAfterSave(DbContext? context)
    {
        if (context is not null && afterSave.TryGetValue(context, out var touched))
        {
            afterSave.Remove(context);
            touched.Bump();
        }
    }
}
