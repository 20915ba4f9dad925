using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Support;

namespace Ocop.Web.Data;

// The registers of promotion, protection and value chains (plan 46, III.2, III.5, IV.3, IV.5; targets T4, T6, T7).
// Periods end on the first day a fact no longer holds (EndedOn), as the subject's dated facts do.

/// <summary>A title of the IP register: a brand, trademark, collective or certification mark, or geographical indication used by a subject (and maybe for one product).</summary>
public class IpTitle : IAuditable, IVersioned
{
    public int Id { get; set; }
    public IpKind Kind { get; set; }
    /// <summary>The mark or indication as registered.</summary>
    [MaxLength(250)] public required string Name { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    /// <summary>The product it is for; target T7 counts products, so a title naming none counts for none.</summary>
    public int? ProductId { get; set; }
    public Product? Product { get; set; }
    /// <summary>The holder as written on the title (a cooperative, a commune committee for a collective mark).</summary>
    [MaxLength(250)] public required string Owner { get; set; }
    [MaxLength(60)] public string? ApplicationNumber { get; set; }
    public DateOnly? AppliedOn { get; set; }
    [MaxLength(60)] public string? GrantNumber { get; set; }
    public DateOnly? GrantedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public IpStatus Status { get; set; }
    /// <summary>The day it was refused, withdrawn or lapsed; null while it stands.</summary>
    public DateOnly? EndedOn { get; set; }
    [MaxLength(1000)] public string? Note { get; set; }
    public bool IsArchived { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>How a product is traced: the system used and the code printed on the label, from / until.</summary>
public class ProductTraceability : IAuditable, IVersioned
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    [MaxLength(200)] public required string System { get; set; }
    [MaxLength(200)] public required string LabelCode { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; }
}

/// <summary>A trade fair or exhibition that OCOP products took part in, with the sales recorded.</summary>
public class TradeFair : IAuditable, IVersioned
{
    public int Id { get; set; }
    [MaxLength(300)] public required string Name { get; set; }
    [MaxLength(300)] public required string Place { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    [MaxLength(200)] public required string Organiser { get; set; }
    /// <summary>The unit that took part (sent its producers): the province or a commune.</summary>
    public int UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
    public int? OfficeId { get; set; }
    public Office? Office { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; }
    public List<TradeFairEntry> Entries { get; set; } = [];
}

/// <summary>A product at a fair and what it sold there.</summary>
public class TradeFairEntry : IAuditable
{
    public int Id { get; set; }
    public int FairId { get; set; }
    public TradeFair? Fair { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public long? SalesVnd { get; set; }
}

/// <summary>An OCOP sales point (điểm giới thiệu và bán sản phẩm OCOP): operator, address, position, opening decision, products on sale.</summary>
public class SalesPoint : IAuditable, IVersioned
{
    public int Id { get; set; }
    [MaxLength(250)] public required string Name { get; set; }
    [MaxLength(250)] public required string Operator { get; set; }
    /// <summary>The operator when it is an OCOP subject.</summary>
    public int? OperatorSubjectId { get; set; }
    public Subject? OperatorSubject { get; set; }
    [MaxLength(300)] public required string Address { get; set; }
    public int CommuneId { get; set; }
    public AdministrativeUnit? Commune { get; set; }
    /// <summary>WGS 84 degrees, for the public map.</summary>
    public decimal? Latitude { get; set; }
    public decimal? Longitude { get; set; }
    [MaxLength(200)] public string? OpeningDecision { get; set; }
    public DateOnly OpenedOn { get; set; }
    /// <summary>The first day it no longer operates; null while it does.</summary>
    public DateOnly? ClosedOn { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; }
    public List<SalesPointProduct> Products { get; set; } = [];
}

/// <summary>A product on sale at a sales point, from / until: while both stand, its subject sells through an OCOP sales point (T6).</summary>
public class SalesPointProduct : IAuditable
{
    public int Id { get; set; }
    public int SalesPointId { get; set; }
    public SalesPoint? SalesPoint { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
}

/// <summary>A product listed on an e-commerce platform, from / until: its subject sells through e-commerce while it stands (T6).</summary>
public class EcommerceListing : IAuditable, IVersioned
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    [MaxLength(100)] public required string Platform { get; set; }
    [MaxLength(500)] public required string Url { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; }
}

public enum TourismPointKind
{
    [Display(Name = "Cơ sở sản xuất")] Producer = 1,
    [Display(Name = "Làng nghề")] CraftVillage = 2,
    [Display(Name = "Điểm bán sản phẩm OCOP")] SalesPoint = 3,
    [Display(Name = "Điểm du lịch cộng đồng")] CommunitySite = 4,
}

/// <summary>A community tourism point (plan IV.5): a producer, craft village, sales point or site visitors come to.</summary>
public class TourismPoint : IAuditable, IVersioned
{
    public int Id { get; set; }
    [MaxLength(250)] public required string Name { get; set; }
    public TourismPointKind Kind { get; set; }
    public int? SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public int? CraftVillageId { get; set; }
    public CraftVillage? CraftVillage { get; set; }
    public int? SalesPointId { get; set; }
    public SalesPoint? SalesPoint { get; set; }
    public int CommuneId { get; set; }
    public AdministrativeUnit? Commune { get; set; }
    [MaxLength(300)] public string? Address { get; set; }
    public decimal? Latitude { get; set; }
    public decimal? Longitude { get; set; }
    [MaxLength(2000)] public string? Description { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; }
}

/// <summary>A tourism route linking points, in order (the culture office's duty in plan IV.5).</summary>
public class TourismRoute : IAuditable, IVersioned
{
    public int Id { get; set; }
    [MaxLength(250)] public required string Name { get; set; }
    [MaxLength(2000)] public string? Description { get; set; }
    /// <summary>The unit the route is of: the province, a commune.</summary>
    public int UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
    public int? OfficeId { get; set; }
    public Office? Office { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; }
    public List<TourismRouteStop> Stops { get; set; } = [];
}

public class TourismRouteStop : IAuditable
{
    public int Id { get; set; }
    public int RouteId { get; set; }
    public TourismRoute? Route { get; set; }
    public int PointId { get; set; }
    public TourismPoint? Point { get; set; }
    public int Position { get; set; }
}

[Flags]
public enum AreaCertification
{
    None = 0,
    [Display(Name = "VietGAP")] VietGap = 1,
    [Display(Name = "GlobalGAP")] GlobalGap = 2,
    [Display(Name = "Hữu cơ")] Organic = 4,
    [Display(Name = "Mã số vùng trồng")] GrowingAreaCode = 8,
}

/// <summary>A raw-material area (vùng nguyên liệu): its size, place, certification and the subjects tied to it (target T4).</summary>
public class RawMaterialArea : IAuditable, IVersioned
{
    public int Id { get; set; }
    [MaxLength(250)] public required string Name { get; set; }
    public int CommuneId { get; set; }
    public AdministrativeUnit? Commune { get; set; }
    [MaxLength(300)] public required string Location { get; set; }
    public decimal AreaHa { get; set; }
    public AreaCertification Certification { get; set; }
    [MaxLength(100)] public string? CertificateNumber { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; }
    public List<RawMaterialAreaLink> Links { get; set; } = [];
}

/// <summary>A subject tied to an area (its own area, or by a linkage contract), from / until: its green value chain for T4.</summary>
public class RawMaterialAreaLink : IAuditable
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    public RawMaterialArea? Area { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    /// <summary>The linkage contract (number, date), or "vùng của chủ thể".</summary>
    [MaxLength(200)] public string? Contract { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
}

public enum RewardLevel
{
    [Display(Name = "Cấp xã")] Commune = 1,
    [Display(Name = "Cấp huyện")] District = 2,
    [Display(Name = "Cấp tỉnh")] Province = 3,
    [Display(Name = "Cấp bộ, ngành trung ương")] Ministry = 4,
    [Display(Name = "Cấp nhà nước")] State = 5,
}

/// <summary>A reward or commendation (khen thưởng) of a producer, perhaps for one product.</summary>
public class Reward : IAuditable, IVersioned
{
    public int Id { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public int? ProductId { get; set; }
    public Product? Product { get; set; }
    [MaxLength(300)] public required string Title { get; set; }
    public RewardLevel Level { get; set; }
    [MaxLength(200)] public required string Issuer { get; set; }
    [MaxLength(200)] public string? Decision { get; set; }
    public DateOnly On { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; }
}

public static class SectionRegisterModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<IpTitle>(e =>
        {
            e.HasIndex(t => t.SubjectId);
            e.HasIndex(t => t.ProductId);
            e.HasOne(t => t.Subject).WithMany().HasForeignKey(t => t.SubjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(t => t.Product).WithMany().HasForeignKey(t => t.ProductId).OnDelete(DeleteBehavior.Restrict);
            e.Property(t => t.Version).IsConcurrencyToken();
        });
        builder.Entity<ProductTraceability>(e =>
        {
            e.ToTable("ProductTraceability");
            e.HasIndex(t => t.ProductId);
            e.HasOne(t => t.Product).WithMany().HasForeignKey(t => t.ProductId).OnDelete(DeleteBehavior.Restrict);
            e.Property(t => t.Version).IsConcurrencyToken();
        });
        builder.Entity<TradeFair>(e =>
        {
            e.HasIndex(f => f.StartsOn);
            e.HasOne(f => f.Unit).WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(f => f.Office).WithMany().HasForeignKey(f => f.OfficeId).OnDelete(DeleteBehavior.Restrict);
            e.Property(f => f.Version).IsConcurrencyToken();
        });
        builder.Entity<TradeFairEntry>(e =>
        {
            e.HasIndex(x => new { x.FairId, x.ProductId }).IsUnique();
            e.HasOne(x => x.Fair).WithMany(f => f.Entries).HasForeignKey(x => x.FairId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Product).WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<SalesPoint>(e =>
        {
            e.HasIndex(p => p.CommuneId);
            e.HasOne(p => p.Commune).WithMany().HasForeignKey(p => p.CommuneId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.OperatorSubject).WithMany().HasForeignKey(p => p.OperatorSubjectId).OnDelete(DeleteBehavior.Restrict);
            e.Property(p => p.Latitude).HasPrecision(9, 6);
            e.Property(p => p.Longitude).HasPrecision(9, 6);
            e.Property(p => p.Version).IsConcurrencyToken();
        });
        builder.Entity<SalesPointProduct>(e =>
        {
            e.HasIndex(x => x.ProductId);
            e.HasOne(x => x.SalesPoint).WithMany(p => p.Products).HasForeignKey(x => x.SalesPointId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Product).WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<EcommerceListing>(e =>
        {
            e.HasIndex(l => l.ProductId);
            e.HasOne(l => l.Product).WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
            e.Property(l => l.Version).IsConcurrencyToken();
        });
        builder.Entity<TourismPoint>(e =>
        {
            e.HasIndex(p => p.CommuneId);
            e.HasOne(p => p.Commune).WithMany().HasForeignKey(p => p.CommuneId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Subject).WithMany().HasForeignKey(p => p.SubjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.CraftVillage).WithMany().HasForeignKey(p => p.CraftVillageId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.SalesPoint).WithMany().HasForeignKey(p => p.SalesPointId).OnDelete(DeleteBehavior.Restrict);
            e.Property(p => p.Latitude).HasPrecision(9, 6);
            e.Property(p => p.Longitude).HasPrecision(9, 6);
            e.Property(p => p.Version).IsConcurrencyToken();
        });
        builder.Entity<TourismRoute>(e =>
        {
            e.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.Office).WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        builder.Entity<TourismRouteStop>(e =>
        {
            e.HasIndex(s => new { s.RouteId, s.Position });
            e.HasOne(s => s.Route).WithMany(r => r.Stops).HasForeignKey(s => s.RouteId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(s => s.Point).WithMany().HasForeignKey(s => s.PointId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<RawMaterialArea>(e =>
        {
            e.HasIndex(a => a.CommuneId);
            e.HasOne(a => a.Commune).WithMany().HasForeignKey(a => a.CommuneId).OnDelete(DeleteBehavior.Restrict);
            e.Property(a => a.AreaHa).HasPrecision(12, 2);
            e.Property(a => a.Version).IsConcurrencyToken();
        });
        builder.Entity<RawMaterialAreaLink>(e =>
        {
            e.HasIndex(l => l.SubjectId);
            e.HasOne(l => l.Area).WithMany(a => a.Links).HasForeignKey(l => l.AreaId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(l => l.Subject).WithMany().HasForeignKey(l => l.SubjectId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Reward>(e =>
        {
            e.HasIndex(r => r.SubjectId);
            e.HasOne(r => r.Subject).WithMany().HasForeignKey(r => r.SubjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.Product).WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Restrict);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
    }
}
