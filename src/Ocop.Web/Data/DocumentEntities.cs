using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Ocop.Web.Data;

/// <summary>
/// A body that issues documents in a unit's name (the People's Committee of a province or a district) or nationally
/// (a ministry: no unit), with what its documents print: letterhead, the place of the date line and the signature
/// block. Valid from/to: the committee of a district stops on the day the district ceased.
/// </summary>
public class IssuingAuthority : IAuditable, IVersioned
{
    public int Id { get; set; }
    /// <summary>The unit it acts for; null for a national body.</summary>
    public int? UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
    /// <summary>The full name in a sentence: "Ủy ban nhân dân tỉnh A".</summary>
    [MaxLength(250)] public required string Name { get; set; }
    /// <summary>The short name in lists: "UBND tỉnh A".</summary>
    [MaxLength(120)] public required string ShortName { get; set; }
    /// <summary>A line printed above the letterhead (the governing body of an office); null for a committee.</summary>
    [MaxLength(250)] public string? ParentLine { get; set; }
    /// <summary>The issuer as the header prints it: "UBND TỈNH A".</summary>
    [MaxLength(250)] public required string Letterhead { get; set; }
    /// <summary>The place of the date line: "A".</summary>
    [MaxLength(120)] public required string Place { get; set; }
    /// <summary>"TM. ỦY BAN NHÂN DÂN" for a collective body; null when the head signs in their own name (a minister).</summary>
    [MaxLength(120)] public string? OnBehalfOf { get; set; }
    /// <summary>The head's title: "Chủ tịch", "Bộ trưởng". A deputy signs "KT." this title.</summary>
    [MaxLength(60)] public required string HeadTitle { get; set; }
    public DateOnly ValidFrom { get; set; }
    /// <summary>Last day it issued; null while it still does.</summary>
    public DateOnly? ValidTo { get; set; }
    [MaxLength(500)] public string? Note { get; set; }
    public int Version { get; set; }

    public List<Signatory> Signatories { get; set; } = [];

    public bool IsValidOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo.Value);
}

/// <summary>A person who signs an authority's documents over a period: the chair, or a deputy who signs for the chair.</summary>
public class Signatory : IAuditable, IVersioned
{
    public int Id { get; set; }
    public int AuthorityId { get; set; }
    public IssuingAuthority? Authority { get; set; }
    [MaxLength(120)] public required string FullName { get; set; }
    /// <summary>"Chủ tịch", "Phó Chủ tịch".</summary>
    [MaxLength(120)] public required string Title { get; set; }
    /// <summary>Signs for the head ("KT. CHỦ TỊCH").</summary>
    public bool IsDeputy { get; set; }
    /// <summary>Proposed first when a document of the authority is drafted (notices, decisions).</summary>
    public bool IsDefault { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    [MaxLength(500)] public string? Note { get; set; }
    public int Version { get; set; }

    public bool IsValidOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo.Value);
}

public enum IssuedDocumentKind
{
    [Display(Name = "Quyết định công nhận")] Decision = 1,
    [Display(Name = "Giấy chứng nhận")] Certificate = 2,
    [Display(Name = "Biên bản họp hội đồng")] Minutes = 3,
    [Display(Name = "Thông báo nộp hồ sơ đánh giá lại")] ReevaluationNotice = 4,
    [Display(Name = "Thông báo giấy chứng nhận sắp hết hạn")] ExpiryNotice = 5,
}

/// <summary>
/// A document as issued: the facts it was rendered from (JSON, as they stood on the day) and the Word file itself.
/// Written once, never changed (OcopDbContext refuses it): later edits of products, subjects or units do not reach it.
/// Exactly one of <see cref="RecognitionId"/>, <see cref="CertificateId"/>, <see cref="RoundId"/> is set, by kind.
/// </summary>
public class IssuedDocument
{
    public int Id { get; set; }
    public IssuedDocumentKind Kind { get; set; }
    public int? RecognitionId { get; set; }
    public int? CertificateId { get; set; }
    public int? RoundId { get; set; }
    /// <summary>The date the document bears.</summary>
    public DateOnly IssuedOn { get; set; }
    [MaxLength(60)] public string? Number { get; set; }
    /// <summary>The issuer's short name ("UBND tỉnh A"), for lists.</summary>
    [MaxLength(250)] public required string Issuer { get; set; }
    /// <summary>The facts rendered, as JSON (Features/Documents/AsIssued.cs).</summary>
    public required string Facts { get; set; }
    public required byte[] Docx { get; set; }
    /// <summary>SHA-256 of <see cref="Docx"/> in hex: anyone can check that the file handed out is the one issued.</summary>
    [MaxLength(64)] public required string Sha256 { get; set; }
    /// <summary>
    /// Frozen when this version first started on a database that already held the record (from the data as it stood
    /// then), not at issue.
    /// </summary>
    public bool FrozenFromExisting { get; set; }
    public DateTime CreatedAt { get; set; }
    [MaxLength(256)] public string? CreatedBy { get; set; }
}

public static class DocumentModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<IssuingAuthority>(e =>
        {
            e.HasIndex(a => new { a.UnitId, a.ValidFrom }).IsUnique();
            e.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.Property(a => a.Version).IsConcurrencyToken();
        });
        builder.Entity<Signatory>(e =>
        {
            e.HasOne(s => s.Authority).WithMany(a => a.Signatories).HasForeignKey(s => s.AuthorityId).OnDelete(DeleteBehavior.Restrict);
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        builder.Entity<IssuedDocument>(e =>
        {
            // One document of a kind per record; the filters keep rows of other kinds (null there) out of each index.
            e.HasIndex(d => new { d.RecognitionId, d.Kind }).IsUnique().HasFilter("\"RecognitionId\" IS NOT NULL");
            e.HasIndex(d => new { d.CertificateId, d.Kind }).IsUnique().HasFilter("\"CertificateId\" IS NOT NULL");
            e.HasIndex(d => new { d.RoundId, d.Kind }).IsUnique().HasFilter("\"RoundId\" IS NOT NULL");
            e.HasOne<Recognition>().WithMany().HasForeignKey(d => d.RecognitionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Certificate>().WithMany().HasForeignKey(d => d.CertificateId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<EvaluationRound>().WithMany().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
