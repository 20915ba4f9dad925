using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ocop.Web.Data;

/// <summary>
/// Appends an <see cref="AuditEntry"/> per changed record (<see cref="IAuditable"/>) with each field's old and new
/// value, under the user of <see cref="CurrentActor"/>, in the same transaction as the change: the change and its audit
/// rows commit together or not at all. Added records are described after their rows are written, when their keys and
/// the keys of records added beside them are real; so a save without a caller's transaction gets one of its own here.
/// </summary>
public sealed class AuditTrail : SaveChangesInterceptor
{
    public static readonly AuditTrail Instance = new();

    // Fields that change on every sign-in or are secrets: never worth an audit row.
    private static readonly HashSet<string> UnauditedFields = new(StringComparer.Ordinal)
    {
        nameof(ISearchable.SearchText), nameof(IVersioned.Version), "UpdatedAt",
        "PasswordHash", "TokenHash", "SecurityStamp", "ConcurrencyStamp", "AccessFailedCount", "NormalizedUserName", "NormalizedEmail",
    };

    private readonly ConditionalWeakTable<DbContext, Pending> pending = new();

    private sealed class Pending(List<PendingAudit> records, IDbContextTransaction? ownTransaction)
    {
        public List<PendingAudit> Records { get; } = records;
        public IDbContextTransaction? OwnTransaction { get; } = ownTransaction;
        /// <summary>The audit rows are being saved: that inner save has nothing to audit.</summary>
        public bool Writing { get; set; }
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is OcopDbContext db && !IsWriting(db))
        {
            var records = Prepare(db);
            if (records.Count > 0)
            {
                var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
                pending.AddOrUpdate(db, new Pending(records, own));
            }
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not OcopDbContext db || !pending.TryGetValue(db, out var state) || state.Writing)
        {
            return result;
        }

        try
        {
            state.Writing = true;
            var now = db.Clock.GetUtcNow().UtcDateTime;
            db.AuditEntries.AddRange(state.Records.Select(p => p.ToEntry(now, db.Actor)).OfType<AuditEntry>());
            await db.SaveChangesAsync(cancellationToken);
            if (state.OwnTransaction is not null)
            {
                await state.OwnTransaction.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            await EndAsync(db, state);
            throw;
        }

        await EndAsync(db, state);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => AbandonAsync(eventData.Context).GetAwaiter().GetResult();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) => AbandonAsync(eventData.Context).GetAwaiter().GetResult();

    /// <summary>The rows were not written: the save's own transaction is rolled back (the audit rows' own failure is handled where they are saved).</summary>
    private async Task AbandonAsync(DbContext? db)
    {
        if (db is not null && pending.TryGetValue(db, out var state) && !state.Writing)
        {
            await EndAsync(db, state);
        }
    }

    private bool IsWriting(DbContext db) => pending.TryGetValue(db, out var state) && state.Writing;

    /// <summary>Forgets the save; its own transaction, if not committed, is rolled back (always ended, so the write turn ends too).</summary>
    private async Task EndAsync(DbContext db, Pending state)
    {
        pending.Remove(db);
        if (state.OwnTransaction is { } own)
        {
            if (db.Database.CurrentTransaction == own)
            {
                await own.RollbackAsync(CancellationToken.None);
            }

            await own.DisposeAsync();
        }
    }

    private static List<PendingAudit> Prepare(OcopDbContext db)
    {
        var records = new List<PendingAudit>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || entry.Entity is not IAuditable
                || (entry.State == EntityState.Added && entry.Entity is AdministrativeUnit && !db.AuditAddedUnits))
            {
                continue;
            }

            if (PendingAudit.From(entry) is { } audit)
            {
                records.Add(audit);
            }
        }

        return records;
    }

    private sealed record FieldChange(string Field, string? Old, string? New);

    private sealed class PendingAudit(EntityEntry entry, AuditAction action, List<FieldChange> changes)
    {
        public static PendingAudit? From(EntityEntry entry)
        {
            // An added record is described after the first save (see ToEntry): before it, its key and its foreign keys to
            // records added alongside are EF's temporary values (-2147482647 …), not ids that exist.
            if (entry.State == EntityState.Added)
            {
                return new PendingAudit(entry, AuditAction.Created, []);
            }

            var changes = new List<FieldChange>();
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (UnauditedFields.Contains(name))
                {
                    continue;
                }

                switch (entry.State)
                {
                    case EntityState.Deleted:
                        changes.Add(new FieldChange(name, Format(property.OriginalValue), null));
                        break;
                    case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                        changes.Add(new FieldChange(name, Format(property.OriginalValue), Format(property.CurrentValue)));
                        break;
                }
            }

            if (changes.Count == 0)
            {
                return null;
            }

            var action = entry.State == EntityState.Deleted ? AuditAction.Removed : ArchiveChange(changes) ?? AuditAction.Updated;
            return new PendingAudit(entry, action, changes);
        }

        /// <summary>
        /// Every value an added record was saved with, read once the save has given it (and its neighbours) real keys.
        /// Key parts that point to other records stay in: a link row such as a user's unit is nothing but those.
        /// </summary>
        private static List<FieldChange> SavedValues(EntityEntry entry) =>
            entry.Properties
                .Where(p => !UnauditedFields.Contains(p.Metadata.Name) && (!p.Metadata.IsPrimaryKey() || p.Metadata.IsForeignKey()) && p.CurrentValue is not null)
                .Select(p => new FieldChange(p.Metadata.Name, null, Format(p.CurrentValue)))
                .ToList();

        private static AuditAction? ArchiveChange(List<FieldChange> changes)
        {
            foreach (var c in changes)
            {
                if (c.Field == "IsArchived" || (c.Field == "Status" && (c.New == "Archived" || c.Old == "Archived")))
                {
                    return c.New is "True" or "Archived" ? AuditAction.Archived : AuditAction.Restored;
                }
            }

            return null;
        }

        /// <summary>The audit row, or null for an added record with nothing to tell. Called after the first save.</summary>
        public AuditEntry? ToEntry(DateTime now, CurrentActor actor)
        {
            var recorded = action == AuditAction.Created
                ? SavedValues(entry)
                // A foreign key changed to a record added in the same save only has its real value now.
                : changes.Select(c => c.New is null ? c : c with { New = Format(entry.Property(c.Field).CurrentValue) }).ToList();
            if (recorded.Count == 0)
            {
                return null;
            }

            // Keys are read after the first save so that generated ids are known.
            var key = entry.Metadata.FindPrimaryKey()!;
            var id = string.Join('/', key.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));
            return new AuditEntry
            {
                At = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = id,
                Action = action,
                Changes = JsonSerializer.Serialize(recorded, AuditJson.Options),
            };
        }

        private static string? Format(object? value) => value switch
        {
            null => null,
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }
}
