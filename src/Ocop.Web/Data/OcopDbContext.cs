using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ocop.Web.Data;

/// <summary>
/// The one database of the product. What every save does besides writing its rows — dated facts in step, search keys,
/// times and versions, the audit trail in the same transaction as the change, cache versions — is done by the
/// interceptors of <see cref="SaveInterceptors"/>, one job each.
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
    public DbSet<Features.Api.ApiToken> ApiTokens => Set<Features.Api.ApiToken>();

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
        Features.Api.ApiTokenModel.Configure(builder);
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

    /// <summary>Who makes the changes this context saves, for the audit trail (<see cref="AuditTrail"/>).</summary>
    internal CurrentActor Actor => actor;

    /// <summary>The app's clock: record times and today's date of the dated facts (<see cref="RecordStamps"/>, <see cref="SubjectFactsOnSave"/>).</summary>
    internal TimeProvider Clock => clock;

    /// <summary>
    /// Off while the registry file loads thousands of units at once: the load's own audit row
    /// (<see cref="ReferenceFileImport"/>) stands for them. Renames and other changes of units are audited as always.
    /// </summary>
    internal bool AuditAddedUnits { get; set; } = true;
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
