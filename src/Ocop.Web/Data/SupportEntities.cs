using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Core.Support;

namespace Ocop.Web.Data;

// Section III of plan 46 as records (issue 15): support policies by star level, budget allocations against the support
// committed and paid, training and communication events, files attached to them. Promotion, protection and value
// chains are in SectionRegisterEntities.cs. Docs: docs/support.md.

/// <summary>A support policy (a resolution's article, a programme's rule): its legal basis, period, kind and what it gives per star level.</summary>
public class SupportPolicy : IAuditable, IVersioned
{
    public int Id { get; set; }
    [MaxLength(300)] public required string Name { get; set; }
    /// <summary>The document it rests on, e.g. "Nghị quyết 03/2021/NQ-HĐND, Điều 6".</summary>
    [MaxLength(300)] public required string LegalBasis { get; set; }
    public SupportKind Kind { get; set; }
    /// <summary>The source that usually pays for it; null when several may.</summary>
    public FundingSource? Source { get; set; }
    public DateOnly ValidFrom { get; set; }
    /// <summary>The last day it applies; null while it stands.</summary>
    public DateOnly? ValidTo { get; set; }
    [MaxLength(2000)] public string? Description { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; }
    public List<SupportPolicyRate> Rates { get; set; } = [];

    public SupportPolicyTerms ToTerms() => new(Id, Name, ValidFrom, ValidTo,
        Rates.Select(r => new StarRate(r.Stars, r.MaxAmountVnd, r.RatePercent)).ToList(), IsArchived);
}

/// <summary>What a policy gives a product of one star level ("theo từng hạng sao").</summary>
public class SupportPolicyRate : IAuditable
{
    public int Id { get; set; }
    public int PolicyId { get; set; }
    public SupportPolicy? Policy { get; set; }
    public int Stars { get; set; }
    public long? MaxAmountVnd { get; set; }
    public decimal? RatePercent { get; set; }
}

/// <summary>
/// Money set aside for a year from one source (plan IV.2: the finance office allocates): made by an office of a unit, or by a
/// commune from its own budget, for an office to spend, perhaps earmarked for one commune.
/// </summary>
public class BudgetAllocation : IAuditable, IVersioned
{
    public int Id { get; set; }
    public int Year { get; set; }
    public FundingSource Source { get; set; }
    /// <summary>The unit whose budget it is: the province (or a former district), or a commune.</summary>
    public int UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
    /// <summary>The office that made the allocation (the finance office); null for a commune's own budget.</summary>
    public int? AllocatedByOfficeId { get; set; }
    public Office? AllocatedByOffice { get; set; }
    /// <summary>The office responsible for spending it (e.g. the agriculture office); null when the commune spends it.</summary>
    public int? OfficeId { get; set; }
    public Office? Office { get; set; }
    /// <summary>The commune it is earmarked for, if any.</summary>
    public int? CommuneId { get; set; }
    public AdministrativeUnit? Commune { get; set; }
    public long AmountVnd { get; set; }
    [MaxLength(200)] public string? Decision { get; set; }
    [MaxLength(1000)] public string? Note { get; set; }
    public bool IsArchived { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public AllocationFact ToFact() => new(Id, Year, Source, AmountVnd, OfficeId, CommuneId, IsArchived);
}

public enum TrainingKind
{
    [Display(Name = "Hội nghị, hội thảo")] Conference = 1,
    [Display(Name = "Lớp đào tạo, tập huấn")] Course = 2,
    [Display(Name = "Tin, bài, phóng sự truyền thông")] MediaItem = 3,
    [Display(Name = "Sổ tay, tài liệu hướng dẫn")] Handbook = 4,
}

/// <summary>A training or communication event (plan III.1, III.3): a conference, course, media item or handbook, with who came and what was handed out.</summary>
public class TrainingEvent : IAuditable, IVersioned
{
    public int Id { get; set; }
    public TrainingKind Kind { get; set; }
    [MaxLength(300)] public required string Title { get; set; }
    public DateOnly On { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>The unit it was held in or for: the province, a commune.</summary>
    public int UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
    public int? OfficeId { get; set; }
    public Office? Office { get; set; }
    /// <summary>The organiser as named (an office, a commune committee, a ministry's centre).</summary>
    [MaxLength(200)] public required string Organiser { get; set; }
    public int Participants { get; set; }
    public int Women { get; set; }
    /// <summary>The materials: handouts, slides, the media item's address.</summary>
    [MaxLength(2000)] public string? Materials { get; set; }
    public FundingSource? Source { get; set; }
    public long? CostVnd { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; }
    public List<TrainingAttendee> Attendees { get; set; } = [];
}

/// <summary>A subject that sent people to a training event.</summary>
public class TrainingAttendee : IAuditable
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public TrainingEvent? Event { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
}

/// <summary>A file kept for a record of section III: a support's evidence, a training event's material. Checked by content, kept outside the web root.</summary>
public class SectionFile : IAuditable
{
    public int Id { get; set; }
    /// <summary>The record's type: <see cref="SupportRecord"/> or <see cref="TrainingEvent"/>.</summary>
    [MaxLength(40)] public required string OwnerType { get; set; }
    public int OwnerId { get; set; }
    [MaxLength(80)] public required string StoredName { get; set; }
    [MaxLength(255)] public required string OriginalName { get; set; }
    [MaxLength(100)] public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public DateTime UploadedAt { get; set; }
    public bool IsArchived { get; set; }
}

public static class SupportModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<SupportPolicy>(e =>
        {
            e.Property(p => p.Version).IsConcurrencyToken();
        });
        builder.Entity<SupportPolicyRate>(e =>
        {
            e.HasIndex(r => new { r.PolicyId, r.Stars }).IsUnique();
            e.HasOne(r => r.Policy).WithMany(p => p.Rates).HasForeignKey(r => r.PolicyId).OnDelete(DeleteBehavior.Cascade);
            e.Property(r => r.RatePercent).HasPrecision(5, 2);
        });
        builder.Entity<BudgetAllocation>(e =>
        {
            e.HasIndex(a => new { a.Year, a.Source });
            e.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(a => a.AllocatedByOffice).WithMany().HasForeignKey(a => a.AllocatedByOfficeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(a => a.Office).WithMany().HasForeignKey(a => a.OfficeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(a => a.Commune).WithMany().HasForeignKey(a => a.CommuneId).OnDelete(DeleteBehavior.Restrict);
            e.Property(a => a.Version).IsConcurrencyToken();
        });
        builder.Entity<SupportRecord>(e =>
        {
            e.HasOne(r => r.Policy).WithMany().HasForeignKey(r => r.PolicyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.Office).WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.BudgetAllocation).WithMany().HasForeignKey(r => r.BudgetAllocationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<TrainingEvent>(e =>
        {
            e.HasIndex(t => t.On);
            e.HasOne(t => t.Unit).WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(t => t.Office).WithMany().HasForeignKey(t => t.OfficeId).OnDelete(DeleteBehavior.Restrict);
            e.Property(t => t.Version).IsConcurrencyToken();
        });
        builder.Entity<TrainingAttendee>(e =>
        {
            e.HasIndex(a => new { a.EventId, a.SubjectId }).IsUnique();
            e.HasOne(a => a.Event).WithMany(t => t.Attendees).HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(a => a.Subject).WithMany().HasForeignKey(a => a.SubjectId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<SectionFile>(e => e.HasIndex(f => new { f.OwnerType, f.OwnerId }));
        SectionRegisterModel.Configure(builder);
    }
}

/// <summary>The tables of section III, read as <c>db.SupportPolicies</c> and so on, without adding to the shared context file.</summary>
public static class SupportSets
{
    extension(OcopDbContext db)
    {
        public DbSet<SupportPolicy> SupportPolicies => db.Set<SupportPolicy>();

        public DbSet<SupportPolicyRate> SupportPolicyRates => db.Set<SupportPolicyRate>();

        public DbSet<BudgetAllocation> BudgetAllocations => db.Set<BudgetAllocation>();

        public DbSet<TrainingEvent> TrainingEvents => db.Set<TrainingEvent>();

        public DbSet<TrainingAttendee> TrainingAttendees => db.Set<TrainingAttendee>();

        public DbSet<SectionFile> SectionFiles => db.Set<SectionFile>();

        public DbSet<IpTitle> IpTitles => db.Set<IpTitle>();

        public DbSet<ProductTraceability> Traceability => db.Set<ProductTraceability>();

        public DbSet<TradeFair> TradeFairs => db.Set<TradeFair>();

        public DbSet<TradeFairEntry> TradeFairEntries => db.Set<TradeFairEntry>();

        public DbSet<SalesPoint> SalesPoints => db.Set<SalesPoint>();

        public DbSet<SalesPointProduct> SalesPointProducts => db.Set<SalesPointProduct>();

        public DbSet<EcommerceListing> EcommerceListings => db.Set<EcommerceListing>();

        public DbSet<TourismPoint> TourismPoints => db.Set<TourismPoint>();

        public DbSet<TourismRoute> TourismRoutes => db.Set<TourismRoute>();

        public DbSet<TourismRouteStop> TourismRouteStops => db.Set<TourismRouteStop>();

        public DbSet<RawMaterialArea> RawMaterialAreas => db.Set<RawMaterialArea>();

        public DbSet<RawMaterialAreaLink> RawMaterialAreaLinks => db.Set<RawMaterialAreaLink>();

        public DbSet<Reward> Rewards => db.Set<Reward>();
    }
}
