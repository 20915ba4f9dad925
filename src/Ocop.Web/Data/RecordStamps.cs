using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ocop.Web.Data;

/// <summary>
/// Stamps what every saved record carries: its folded search key (<see cref="ISearchable"/>), its creation and update
/// times from the app's clock, and a changed record's version (<see cref="IVersioned"/>, the optimistic concurrency token).
/// </summary>
public sealed class RecordStamps : SaveChangesInterceptor
{
    public static readonly RecordStamps Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Stamp(DbContext? context)
    {
        if (context is not OcopDbContext db)
        {
            return;
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            if (entry.Entity is ISearchable searchable)
            {
                searchable.SearchText = searchable.BuildSearchText();
            }

            if (entry.State == EntityState.Added)
            {
                SetIfPresent(entry, "CreatedAt", now);
                SetIfPresent(entry, "UpdatedAt", now);
            }
            else
            {
                SetIfPresent(entry, "UpdatedAt", now);
                if (entry.Entity is IVersioned versioned)
                {
                    versioned.Version++;
                }
            }
        }
    }

    private static void SetIfPresent(EntityEntry entry, string property, DateTime value)
    {
        if (entry.Metadata.FindProperty(property) is not null)
        {
            entry.Property(property).CurrentValue = value;
        }
    }
}
