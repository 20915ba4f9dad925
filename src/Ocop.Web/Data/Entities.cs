using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Ocop.Core.Access;
using Ocop.Core.Registry;
using Ocop.Core.Units;

namespace Ocop.Web.Data;

/// <summary>Records whose every create, change and archive goes into the audit trail.</summary>
public interface IAuditable;

/// <summary>Records that carry a folded search key ("banh tet" finds "Bánh tét"), kept current on every save.</summary>
public interface ISearchable
{
    string SearchText { get; set; }
    string BuildSearchText();
}

/// <summary>Records edited in forms: the version guards against two people silently overwriting each other.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>Province, district or commune (xã, phường, thị trấn), with its validity and its successor after a merger.</summary>
public class AdministrativeUnit : IAuditable
{
    public int Id { get; set; }
    [MaxLength(10)] public required string Code { get; set; }
    [MaxLength(120)] public required string Name { get; set; }
    public UnitLevel Level { get; set; }
    /// <summary>The unit's own kind as the law names it: tỉnh, thành phố, huyện, thị xã, xã, phường, thị trấn.</summary>
    [MaxLength(20)] public required string Kind { get; set; }
    public int? ParentId { get; set; }
    public AdministrativeUnit? Parent { get; set; }
    public DateOnly ValidFrom { get; set; }
    /// <summary>Last day the unit existed; null while it still exists.</summary>
    public DateOnly? ValidTo { get; set; }
    /// <summary>
    /// The unit that took over this one's records when it ceased. For a commune split between several successors
    /// (<see cref="UnitSuccessorLink"/>), the one the office recorded on <see cref="SuccessorChosenOn"/>; until then the
    /// one the registry file suggests.
    /// </summary>
    public int? SuccessorId { get; set; }
    public AdministrativeUnit? Successor { get; set; }
    public DateOnly? SuccessorChosenOn { get; set; }
    [MaxLength(300)] public string? LegalBasis { get; set; }
    /// <summary>Other spellings of the name (tone-mark placement "Hoà"/"Hòa"), "|"-separated, for search.</summary>
    [MaxLength(300)] public string? NameVariants { get; set; }
    /// <summary>Listed by the statistics office but named by no 2025 resolution: kept for old references, out of pickers.</summary>
    public bool IsStale { get; set; }
    [MaxLength(1000)] public string? Note { get; set; }

    public UnitValidity Validity => new(ValidFrom, ValidTo);
}

/// <summary>A node of the product taxonomy (sector → group → sub-group). Leaves carry the scoresheet's product set.</summary>
public class ProductCategory : IAuditable, IVersioned
{
    public int Id { get; set; }
    [MaxLength(12)] public required string Code { get; set; }
    [MaxLength(300)] public required string Name { get; set; }
    public int Level { get; set; }
    public int? ParentId { get; set; }
    public ProductCategory? Parent { get; set; }
    /// <summary>The scoresheet product set (1–26) of a leaf; null for sectors and groups that have sub-groups.</summary>
    public int? ProductSet { get; set; }
    [MaxLength(120)] public required string LegalBasis { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; }
}

public class CraftVillage : IAuditable, IVersioned, ISearchable
{
    public int Id { get; set; }
    [MaxLength(200)] public required string Name { get; set; }
    public int CommuneId { get; set; }
    public AdministrativeUnit? Commune { get; set; }
    [MaxLength(200)] public string? RecognitionDecision { get; set; }
    public bool IsTraditional { get; set; }
    /// <summary>The day the village was recognised; null when not recorded (it then counts as recognised on every date).</summary>
    public DateOnly? RecognisedOn { get; set; }
    /// <summary>The first day the village's recognition no longer stands; null while it does.</summary>
    public DateOnly? EndedOn { get; set; }
    [MaxLength(1000)] public string? Description { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; }
    [MaxLength(400)] public string SearchText { get; set; } = "";

    public string BuildSearchText() => Core.Text.VietnameseText.SearchKey(Name);
}

/// <summary>An OCOP subject (chủ thể): the cooperative, enterprise or household business behind products.</summary>
public class Subject : IAuditable, IVersioned, ISearchable
{
    public int Id { get; set; }
    [MaxLength(250)] public required string Name { get; set; }
    public LegalForm LegalForm { get; set; }
    [MaxLength(50)] public string? RegistrationNumber { get; set; }
    [MaxLength(20)] public string? TaxCode { get; set; }
    [MaxLength(300)] public required string Address { get; set; }
    public int CommuneId { get; set; }
    public AdministrativeUnit? Commune { get; set; }
    /// <summary>
    /// The day the subject was registered or established: it counts in the figures from then. Its dated facts (legal
    /// form, green value chain, channels: Data/SubjectFactEntities.cs) begin no earlier; the columns below are today's.
    /// </summary>
    public DateOnly RegisteredOn { get; set; }
    [MaxLength(120)] public required string Representative { get; set; }
    [MaxLength(20)] public string? Phone { get; set; }
    [MaxLength(120)] public string? Email { get; set; }
    public bool WomenLed { get; set; }
    public bool EthnicMinorityLed { get; set; }
    public int WorkersTotal { get; set; }
    public int WorkersLocal { get; set; }
    public int WorkersTrained { get; set; }
    public int? CraftVillageId { get; set; }
    public CraftVillage? CraftVillage { get; set; }
    /// <summary>"Green OCOP": a value chain tied to a stable raw-material area (plan target T4), with its evidence.</summary>
    public bool GreenValueChain { get; set; }
    [MaxLength(1000)] public string? RawMaterialEvidence { get; set; }
    public SalesChannels SalesChannels { get; set; }
    public bool IsArchived { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    [MaxLength(600)] public string SearchText { get; set; } = "";

    public List<Product> Products { get; set; } = [];

    public string BuildSearchText() => Core.Text.VietnameseText.SearchKey(Name, Representative, TaxCode, RegistrationNumber);
}

public class Product : IAuditable, IVersioned, ISearchable
{
    public int Id { get; set; }
    [MaxLength(250)] public required string Name { get; set; }
    public int CategoryId { get; set; }
    public ProductCategory? Category { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    /// <summary>Commune of production; may differ from the subject's seat.</summary>
    public int CommuneId { get; set; }
    public AdministrativeUnit? Commune { get; set; }
    [MaxLength(4000)] public string? Description { get; set; }
    [MaxLength(8000)] public string? Story { get; set; }
    public ProductStandards Standards { get; set; }
    [MaxLength(14)] public string? Gtin { get; set; }
    public ProductStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    [MaxLength(600)] public string SearchText { get; set; } = "";

    public List<ProductPhoto> Photos { get; set; } = [];

    public string BuildSearchText() => Core.Text.VietnameseText.SearchKey(Name, Gtin);
}

/// <summary>A photo's metadata; the file itself lives in the data folder, outside the web root.</summary>
public class ProductPhoto : IAuditable
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    [MaxLength(80)] public required string StoredName { get; set; }
    [MaxLength(255)] public required string OriginalName { get; set; }
    [MaxLength(40)] public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    [MaxLength(300)] public string? Caption { get; set; }
    public DateTime UploadedAt { get; set; }
    public bool IsArchived { get; set; }
}

/// <summary>One change to one record: who, when, what, each field's old and new value. Never updated, never deleted.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    [MaxLength(450)] public string? UserId { get; set; }
    [MaxLength(256)] public required string UserName { get; set; }
    [MaxLength(60)] public required string EntityType { get; set; }
    [MaxLength(60)] public required string EntityId { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>JSON array of {field, old, new}.</summary>
    public required string Changes { get; set; }
}

public enum AuditAction
{
    [Display(Name = "Tạo mới")] Created = 1,
    [Display(Name = "Sửa")] Updated = 2,
    [Display(Name = "Lưu trữ")] Archived = 3,
    [Display(Name = "Khôi phục")] Restored = 4,
    [Display(Name = "Gỡ bỏ")] Removed = 5,
    // Account events (Features/Account/AccountAudit): the entry's user is who acted, its record the account concerned.
    [Display(Name = "Đăng nhập")] SignedIn = 6,
    [Display(Name = "Đăng nhập thất bại")] SignInFailed = 7,
    [Display(Name = "Tạm khóa đăng nhập")] LockedOut = 8,
    [Display(Name = "Đăng xuất")] SignedOut = 9,
    [Display(Name = "Đổi mật khẩu")] PasswordChanged = 10,
    [Display(Name = "Đặt lại mật khẩu")] PasswordReset = 11,
    [Display(Name = "Kết thúc phiên")] SessionEnded = 12,
}

public class AppUser : IdentityUser, IAuditable
{
    [MaxLength(120)] public string FullName { get; set; } = "";
    public Role Role { get; set; }
    /// <summary>The producer's own subject; only for the producer role.</summary>
    public int? SubjectId { get; set; }
    public Subject? Subject { get; set; }
    [MaxLength(200)] public string? Organisation { get; set; }
    public bool IsArchived { get; set; }
    public List<UserUnit> Units { get; set; } = [];
    /// <summary>
    /// The level whose decisions this office records (the province's program office, the ministry's); revocation is
    /// allowed only at the level the process makes competent. Null for everyone else.
    /// </summary>
    public Ocop.Core.Evaluation.EvaluationLevel? DecisionLevel { get; set; }
}

/// <summary>A unit assigned to a user: the district of an office, the communes of a commune officer.</summary>
public class UserUnit : IAuditable
{
    [MaxLength(450)] public required string UserId { get; set; }
    public int UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
}
