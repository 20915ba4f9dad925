using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Ocop.Web.Data;

/// <summary>
/// The one database of the product. Saving keeps search keys and versions current and writes the audit trail
/// in the same transaction as the change it records.
/// </summary>
public class OcopDbContext(DbContextOptions options, CurrentActor actor, TimeProvider clock) : IdentityDbContext<AppUser>(options),
    Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    public DbSet<AdministrativeUnit> Units => Set<AdministrativeUnit>();
    public DbSet<UnitSuccessorLink> UnitSuccessorLinks => Set<UnitSuccessorLink>();
    public DbSet<ReferenceFileImport> ReferenceFileImports => Set<ReferenceFileImport>();
    public DbSet<DeployingOffice> DeployingOffices => Set<DeployingOffice>();
    public DbSet<ProductCategory> ProductCategories => Set<ProductCategory>();
    public DbSet<CraftVillage> CraftVillages => Set<CraftVillage>();
    public DbSet<Subject> Subjects => Set<Subject>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductPhoto> ProductPhotos => Set<ProductPhoto>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UserUnit> UserUnits => Set<UserUnit>();
    public DbSet<LegalBasisRecord> LegalBases => Set<LegalBasisRecord>();
    public DbSet<EvaluationProcessRecord> EvaluationProcesses => Set<EvaluationProcessRecord>();
    public DbSet<ScoresheetRecord> Scoresheets => Set<ScoresheetRecord>();
    public DbSet<DossierChecklistItem> DossierChecklist => Set<DossierChecklistItem>();
    public DbSet<Dossier> Dossiers => Set<Dossier>();
    public DbSet<DossierDocument> DossierDocuments => Set<DossierDocument>();
    public DbSet<EvaluationRound> EvaluationRounds => Set<EvaluationRound>();
    public DbSet<CouncilMember> CouncilMembers => Set<CouncilMember>();
    public DbSet<ConflictDeclaration> ConflictDeclarations => Set<ConflictDeclaration>();
    public DbSet<RoundProduct> RoundProducts => Set<RoundProduct>();
    public DbSet<MemberScoresheet> MemberScoresheets => Set<MemberScoresheet>();
    public DbSet<Recognition> Recognitions => Set<Recognition>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<PlanTarget> PlanTargets => Set<PlanTarget>();
    public DbSet<IndicatorSnapshot> IndicatorSnapshots => Set<IndicatorSnapshot>();
    public DbSet<SupportRecord> SupportRecords => Set<SupportRecord>();
    public DbSet<Office> Offices => Set<Office>();
    public DbSet<OfficeMember> OfficeMembers => Set<OfficeMember>();
    public DbSet<CycleEntry> CycleEntries => Set<CycleEntry>();
    public DbSet<CycleStepEvent> CycleStepEvents => Set<CycleStepEvent>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<TaskReport> TaskReports => Set<TaskReport>();
    public DbSet<TaskReportFigure> TaskReportFigures => Set<TaskReportFigure>();
    public DbSet<TaskAttachment> TaskAttachments => Set<TaskAttachment>();
    public DbSet<IssuingAuthority> IssuingAuthorities => Set<IssuingAuthority>();
    public DbSet<Signatory> Signatories => Set<Signatory>();
    public DbSet<IssuedDocument> IssuedDocuments => Set<IssuedDocument>();
    public DbSet<Features.Account.UserSession> UserSessions => Set<Features.Account.UserSession>();
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    // Fields that change on every sign-in or are secrets: never worth an audit row.
    private static readonly HashSet<string> UnauditedFields =
    [
        nameof(ISearchable.SearchText), nameof(IVersioned.Version), "UpdatedAt",
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "AccessFailedCount", "NormalizedUserName", "NormalizedEmail",
    ];

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AdministrativeUnit>(e =>
        {
            e.HasIndex(u => new { u.Code, u.ValidFrom }).IsUnique();
            e.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(u => u.Successor).WithMany().HasForeignKey(u => u.SuccessorId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(u => u.Validity);
        });
        builder.Entity<ProductCategory>(e =>
        {
            e.HasIndex(c => new { c.Code, c.LegalBasis }).IsUnique();
            e.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.Property(c => c.Version).IsConcurrencyToken();
        });
        builder.Entity<CraftVillage>(e =>
        {
            e.HasOne(v => v.Commune).WithMany().HasForeignKey(v => v.CommuneId).OnDelete(DeleteBehavior.Restrict);
            e.Property(v => v.Version).IsConcurrencyToken();
        });
        builder.Entity<Subject>(e =>
        {
            e.HasIndex(s => s.CommuneId);
            e.HasIndex(s => s.LegalForm);
            e.HasIndex(s => s.Name);
            e.HasIndex(s => s.UpdatedAt);
            e.HasOne(s => s.Commune).WithMany().HasForeignKey(s => s.CommuneId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(s => s.CraftVillage).WithMany().HasForeignKey(s => s.CraftVillageId).OnDelete(DeleteBehavior.Restrict);
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        builder.Entity<Product>(e =>
        {
            e.HasIndex(p => p.CommuneId);
            e.HasIndex(p => p.CategoryId);
            e.HasIndex(p => p.SubjectId);
            e.HasIndex(p => p.Status);
            e.HasIndex(p => p.Name);
            e.HasIndex(p => p.UpdatedAt);
            e.HasOne(p => p.Subject).WithMany(s => s.Products).HasForeignKey(p => p.SubjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Commune).WithMany().HasForeignKey(p => p.CommuneId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
            e.Property(p => p.Version).IsConcurrencyToken();
        });
        builder.Entity<ProductPhoto>(e =>
        {
            e.HasOne(p => p.Product).WithMany(p => p.Photos).HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<AuditEntry>(e => e.HasIndex(a => new { a.EntityType, a.EntityId }));
        builder.Entity<AppUser>(e =>
            e.HasOne(u => u.Subject).WithMany().HasForeignKey(u => u.SubjectId).OnDelete(DeleteBehavior.Restrict));
        builder.Entity<UserUnit>(e =>
        {
            e.HasKey(u => new { u.UserId, u.UnitId });
            e.HasOne<AppUser>().WithMany(u => u.Units).HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        // "Contains" search on the folded keys uses a trigram index: pg_trgm here, an FTS5 trigram table on SQLite
        // (raw SQL in its migration, unknown to the model). See Data/TextSearch.cs.
        if (Database.IsNpgsql())
        {
            builder.HasPostgresExtension("pg_trgm");
            builder.Entity<Subject>().HasIndex(s => s.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
            builder.Entity<Product>().HasIndex(p => p.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        }

        ConfigureEvaluation(builder);
        PlanningModel.Configure(builder);
        CycleAndTaskModel.Configure(builder);
        SubjectFactModel.Configure(builder);
        UnitRegistryModel.Configure(builder);
        DocumentModel.Configure(builder);
        Features.Account.SessionModel.Configure(builder);
        SupportModel.Configure(builder);
        EvaluationProcedureModel.Configure(builder);
    }

    private static void ConfigureEvaluation(ModelBuilder builder)
    {
        builder.Entity<LegalBasisRecord>(e =>
        {
            e.HasIndex(b => b.Code).IsUnique();
            e.Property(b => b.Version).IsConcurrencyToken();
        });
        builder.Entity<EvaluationProcessRecord>(e =>
        {
            e.HasIndex(p => p.Code).IsUnique();
            e.Property(p => p.Version).IsConcurrencyToken();
        });
        builder.Entity<ScoresheetRecord>(e =>
        {
            e.HasIndex(s => new { s.LegalBasisCode, s.ProductSetNumber, s.SheetVersion }).IsUnique();
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        builder.Entity<DossierChecklistItem>(e => e.Property(i => i.Version).IsConcurrencyToken());
        builder.Entity<Dossier>(e =>
        {
            e.HasIndex(d => new { d.ProductId, d.Year });
            e.HasIndex(d => d.State);
            e.HasOne(d => d.Product).WithMany().HasForeignKey(d => d.ProductId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Dossier>().WithMany().HasForeignKey(d => d.CopiedFromId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Certificate>().WithMany().HasForeignKey(d => d.CertificateId).OnDelete(DeleteBehavior.Restrict);
            e.Property(d => d.Version).IsConcurrencyToken();
        });
        builder.Entity<DossierDocument>(e =>
        {
            e.HasOne(d => d.Dossier).WithMany(d => d.Documents).HasForeignKey(d => d.DossierId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(d => d.ChecklistItem).WithMany().HasForeignKey(d => d.ChecklistItemId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<EvaluationRound>(e =>
        {
            e.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        builder.Entity<CouncilMember>(e =>
        {
            e.HasIndex(m => new { m.RoundId, m.UserId });
            e.HasOne(m => m.Round).WithMany(r => r.Members).HasForeignKey(m => m.RoundId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ConflictDeclaration>(e =>
        {
            e.HasIndex(c => new { c.CouncilMemberId, c.SubjectId }).IsUnique();
            e.HasOne(c => c.CouncilMember).WithMany(m => m.Conflicts).HasForeignKey(c => c.CouncilMemberId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(c => c.Subject).WithMany().HasForeignKey(c => c.SubjectId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<RoundProduct>(e =>
        {
            e.HasIndex(p => new { p.RoundId, p.ProductId }).IsUnique();
            e.HasIndex(p => p.ProductId);
            e.HasOne(p => p.Round).WithMany(r => r.Products).HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Product).WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Dossier).WithMany().HasForeignKey(p => p.DossierId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Scoresheet).WithMany().HasForeignKey(p => p.ScoresheetId).OnDelete(DeleteBehavior.Restrict);
            e.Property(p => p.Version).IsConcurrencyToken();
        });
        builder.Entity<MemberScoresheet>(e =>
        {
            e.HasIndex(s => new { s.RoundProductId, s.CouncilMemberId }).IsUnique();
            e.HasOne(s => s.RoundProduct).WithMany(p => p.Sheets).HasForeignKey(s => s.RoundProductId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(s => s.CouncilMember).WithMany().HasForeignKey(s => s.CouncilMemberId).OnDelete(DeleteBehavior.Restrict);
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        builder.Entity<Recognition>(e =>
        {
            e.HasOne(r => r.Round).WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        builder.Entity<Certificate>(e =>
        {
            e.HasIndex(c => c.Number).IsUnique();
            e.HasIndex(c => c.ProductId);
            e.HasIndex(c => c.ExpiresOn);
            e.HasOne(c => c.Recognition).WithMany(r => r.Certificates).HasForeignKey(c => c.RecognitionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.Product).WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.RoundProduct).WithMany().HasForeignKey(c => c.RoundProductId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Certificate>().WithMany().HasForeignKey(c => c.SupersededById).OnDelete(DeleteBehavior.Restrict);
            e.Property(c => c.Version).IsConcurrencyToken();
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await SubjectFactHistory.KeepInStepAsync(this, DateOnly.FromDateTime(now.AddHours(7)), cancellationToken);
        var touchesDirectory = ChangeTracker.Entries().Any(DirectoryVersion.Touches);
        var touchesLists = ChangeTracker.Entries().Any(RegistryListVersion.Touches);
        // Inside a caller's transaction the change is not visible to other connections until it commits: the caches
        // move then (CacheVersionsOnCommit), not now, or a reload in between would keep the rows before it.
        if (Database.CurrentTransaction is not null)
        {
            pendingOnCommit.Directory |= touchesDirectory;
            pendingOnCommit.Lists |= touchesLists;
            touchesDirectory = touchesLists = false;
        }

        // SQLite has one writer at a time; saves that meet its lock back off and sleep (a council's nine members saving
        // at once had a p95 of 0.4 s with a p50 of 40 ms). Queued here in the app instead, each waits only its turn.
        var writeTurn = Database.CurrentTransaction is null && Database.IsSqlite()
            ? SqliteWriters.For(Database.GetConnectionString() ?? "")
            : null;
        if (writeTurn is not null)
        {
            await writeTurn.WaitAsync(cancellationToken);
        }

        try
        {
            return await SaveWithAuditAsync(now, acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            writeTurn?.Release();
            // Also after a failed save: a needless reload is cheap, a stale scope is not.
            if (touchesDirectory)
            {
                DirectoryVersion.Bump();
            }

            if (touchesLists)
            {
                RegistryListVersion.Bump();
            }
        }
    }

    private (bool Directory, bool Lists) pendingOnCommit;

    /// <summary>
    /// Off while the registry file loads thousands of units at once: the load's own audit row
    /// (<see cref="ReferenceFileImport"/>) stands for them. Renames and other changes of units are audited as always.
    /// </summary>
    internal bool AuditAddedUnits { get; set; } = true;

    /// <summary>Moves the cache versions that saves inside the transaction just committed touched (see <see cref="CacheVersionsOnCommit"/>).</summary>
    internal void BumpPendingVersions()
    {
        if (pendingOnCommit.Directory)
        {
            DirectoryVersion.Bump();
        }

        if (pendingOnCommit.Lists)
        {
            RegistryListVersion.Bump();
        }

        pendingOnCommit = default;
    }

    private async Task<int> SaveWithAuditAsync(DateTime now, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var pending = PrepareEntries(now);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The change and its audit rows commit together or not at all.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            AuditEntries.AddRange(pending.Select(p => p.ToEntry(now, actor)).OfType<AuditEntry>());
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private List<PendingAudit> PrepareEntries(DateTime now)
    {
        var pending = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The audit trail is append-only.");
            }

            if (entry.Entity is IndicatorSnapshot or IssuedDocument && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Snapshots are kept as taken: never changed, never deleted.");
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is ISearchable searchable && entry.State is not EntityState.Deleted)
            {
                searchable.SearchText = searchable.BuildSearchText();
            }

            if (entry.State == EntityState.Added)
            {
                SetIfPresent(entry, "CreatedAt", now);
                SetIfPresent(entry, "UpdatedAt", now);
            }
            else if (entry.State == EntityState.Modified)
            {
                SetIfPresent(entry, "UpdatedAt", now);
                if (entry.Entity is IVersioned versioned)
                {
                    versioned.Version++;
                }
            }

            if (entry.Entity is not IAuditable || (entry.State == EntityState.Added && entry.Entity is AdministrativeUnit && !AuditAddedUnits))
            {
                continue;
            }

            if (entry.State == EntityState.Deleted && entry.Metadata.FindProperty("IsArchived") is not null)
            {
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} records are archived, never deleted.");
            }

            var audit = PendingAudit.From(entry);
            if (audit is not null)
            {
                pending.Add(audit);
            }
        }

        return pending;
    }

    private static void SetIfPresent(EntityEntry entry, string property, DateTime value)
    {
        if (entry.Metadata.FindProperty(property) is not null)
        {
            entry.Property(property).CurrentValue = value;
        }
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

/// <summary>One write turn per SQLite database file in this process (see <see cref="OcopDbContext.SaveChangesAsync(bool, CancellationToken)"/>).</summary>
internal static class SqliteWriters
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Turns = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string connectionString) => Turns.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
}

public static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

/// <summary>The context as generated migrations see it on SQLite (the embedded default).</summary>
public sealed class SqliteOcopDbContext(DbContextOptions<SqliteOcopDbContext> options, CurrentActor actor, TimeProvider clock)
    : OcopDbContext(options, actor, clock);

/// <summary>The context as generated migrations see it on PostgreSQL (production).</summary>
public sealed class PostgresOcopDbContext(DbContextOptions<PostgresOcopDbContext> options, CurrentActor actor, TimeProvider clock)
    : OcopDbContext(options, actor, clock);
