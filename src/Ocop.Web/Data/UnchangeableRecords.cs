using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ocop.Web.Data;

/// <summary>
/// Refuses a save that would change what is kept as written: the audit trail (append-only), year-end snapshots and
/// issued documents (kept as taken), and records that are archived rather than deleted. A refusal here is a bug in the
/// caller, never a user's mistake, so it throws before anything is written.
/// </summary>
public sealed class UnchangeableRecords : SaveChangesInterceptor
{
    public static readonly UnchangeableRecords Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is AuditEntry)
            {
                throw new InvalidOperationException("The audit trail is append-only.");
            }

            if (entry.Entity is IndicatorSnapshot or IssuedDocument)
            {
                throw new InvalidOperationException("Snapshots are kept as taken: never changed, never deleted.");
            }

            if (entry.State == EntityState.Deleted && entry.Entity is IAuditable && entry.Metadata.FindProperty("IsArchived") is not null)
            {
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} records are archived, never deleted.");
            }
        }
    }
}
