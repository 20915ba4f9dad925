using System.ComponentModel.DataAnnotations;
using Ocop.Core.Evaluation;

namespace Ocop.Web.Data;

// Evaluation and ranking (issue 3). The law's records — legal bases, processes, scoresheets — are stored
// as JSON documents of the core model (LawJson) with their identifying columns beside them, so a published
// version is kept exactly as it was given and every score points at the version it was given on.

/// <summary>A decision that sets parts, star bands and the star-minimum rule (148/2023, 26/2026, …).</summary>
public class LegalBasisRecord : IAuditable, IVersioned
{
    public int Id { get; set; }
    [MaxLength(20)] public required string Code { get; set; }
    [MaxLength(400)] public required string Title { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    /// <summary>The core <see cref="LegalBasis"/> as JSON.</summary>
    public required string Definition { get; set; }
    public int Version { get; set; }

    public LegalBasis ToModel() => LawJson.Read<LegalBasis>(Definition);
}

/// <summary>An evaluation process (148 original, 1489 amended, 26/2026): levels, who recognises which stars, deadlines.</summary>
public class EvaluationProcessRecord : IAuditable, IVersioned
{
    public int Id { get; set; }
    [MaxLength(20)] public required string Code { get; set; }
    [MaxLength(400)] public required string Title { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    /// <summary>The core <see cref="EvaluationProcess"/> as JSON.</summary>
    public required string Definition { get; set; }
    public int Version { get; set; }

    public EvaluationProcess ToModel() => LawJson.Read<EvaluationProcess>(Definition);
}

/// <summary>One version of the scoresheet of one product set under one legal basis. Published versions never change.</summary>
public class ScoresheetRecord : IAuditable, IVersioned
{
    public int Id { get; set; }
    [MaxLength(20)] public required string LegalBasisCode { get; set; }
    public int ProductSetNumber { get; set; }
    [MaxLength(12)] public required string ProductSetCode { get; set; }
    [MaxLength(300)] public required string ProductSetName { get; set; }
    public int SheetVersion { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public ScoresheetStatus Status { get; set; }
    public bool Verified { get; set; }
    [MaxLength(256)] public string? VerifiedBy { get; set; }
    public DateTime? VerifiedAt { get; set; }
    /// <summary>The core <see cref="Scoresheet"/> as JSON (parts, groups, criteria, options, gaps, provenance).</summary>
    public required string Definition { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public Scoresheet ToModel() => LawJson.Read<Scoresheet>(Definition) with { Status = Status, Verified = Verified, Version = SheetVersion };
}

/// <summary>A document the dossier of a product group must or may hold (editable reference data).</summary>
public class DossierChecklistItem : IAuditable, IVersioned
{
    public int Id { get; set; }
    /// <summary>Taxonomy code prefix the item applies to ("I", "I.3", "VI.1"); empty for every product.</summary>
    [MaxLength(12)] public string CategoryPrefix { get; set; } = "";
    [MaxLength(400)] public required string Title { get; set; }
    public bool Required { get; set; }
    /// <summary>Only for these dossier variants; null for all.</summary>
    public DossierVariant? OnlyFor { get; set; }
    public int SortOrder { get; set; }
    [MaxLength(20)] public required string LegalBasisCode { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; }
}

public enum DossierState
{
    [Display(Name = "Đang chuẩn bị")] Draft = 1,
    [Display(Name = "Đã nộp")] Submitted = 2,
    [Display(Name = "Trả lại để bổ sung")] Returned = 3,
    [Display(Name = "Đã tiếp nhận")] Accepted = 4,
    [Display(Name = "Đã đánh giá")] Evaluated = 5,
}

/// <summary>A product's dossier (hồ sơ) for one evaluation: first, upgrade or re-evaluation.</summary>
public class Dossier : IAuditable, IVersioned
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public int Year { get; set; }
    public DossierVariant Variant { get; set; }
    public DossierState State { get; set; }
    [MaxLength(2000)] public string? ReturnReason { get; set; }
    /// <summary>Upgrades and re-evaluations start from a copy of the last dossier.</summary>
    public int? CopiedFromId { get; set; }
    /// <summary>The certificate a re-evaluation or upgrade starts from.</summary>
    public int? CertificateId { get; set; }
    [MaxLength(4000)] public string? Notes { get; set; }
    public DateTime? SubmittedAt { get; set; }
    /// <summary>When the dossier was found complete (accepted): the 45 days to a re-evaluation's result count from it.</summary>
    public DateTime? AcceptedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<DossierDocument> Documents { get; set; } = [];
}

/// <summary>An uploaded file of a dossier; the file lives in the data folder, outside the web root.</summary>
public class DossierDocument : IAuditable
{
    public int Id { get; set; }
    public int DossierId { get; set; }
    public Dossier? Dossier { get; set; }
    public int? ChecklistItemId { get; set; }
    public DossierChecklistItem? ChecklistItem { get; set; }
    [MaxLength(80)] public required string StoredName { get; set; }
    [MaxLength(255)] public required string OriginalName { get; set; }
    [MaxLength(100)] public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public DateTime UploadedAt { get; set; }
    public bool IsArchived { get; set; }
}

public enum RoundState
{
    [Display(Name = "Đang chấm")] Open = 1,
    [Display(Name = "Đã kết thúc")] Closed = 2,
}

/// <summary>An evaluation round (đợt đánh giá) of one level, under one process and legal basis.</summary>
public class EvaluationRound : IAuditable, IVersioned
{
    public int Id { get; set; }
    [MaxLength(250)] public required string Name { get; set; }
    public EvaluationLevel Level { get; set; }
    [MaxLength(20)] public required string ProcessCode { get; set; }
    [MaxLength(20)] public required string LegalBasisCode { get; set; }
    /// <summary>The unit whose council evaluates (district or province).</summary>
    public int UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public RoundState State { get; set; }
    public DateTime? ClosedAt { get; set; }
    [MaxLength(256)] public string? ClosedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<CouncilMember> Members { get; set; } = [];
    public List<RoundProduct> Products { get; set; } = [];
}

public enum CouncilPosition
{
    [Display(Name = "Chủ tịch hội đồng")] Chair = 1,
    [Display(Name = "Thư ký")] Secretary = 2,
    [Display(Name = "Thành viên")] Member = 3,
}

/// <summary>A member of a round's council; a signed-in user scores through <see cref="UserId"/>.</summary>
public class CouncilMember : IAuditable
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public EvaluationRound? Round { get; set; }
    [MaxLength(450)] public string? UserId { get; set; }
    [MaxLength(120)] public required string FullName { get; set; }
    [MaxLength(200)] public required string Organisation { get; set; }
    public CouncilPosition Position { get; set; }
    public List<ConflictDeclaration> Conflicts { get; set; } = [];
}

/// <summary>A member's declared relation to a subject: the member is recused from that subject's products.</summary>
public class ConflictDeclaration : IAuditable
{
    public int Id { get; set; }
    public int CouncilMemberId { get; set; }
    public CouncilMember? CouncilMember { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    [MaxLength(500)] public required string Relation { get; set; }
    public DateTime DeclaredAt { get; set; }
}

/// <summary>A product in a round, scored on one scoresheet version; the result is written when the round closes.</summary>
public class RoundProduct : IAuditable, IVersioned
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public EvaluationRound? Round { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public int? DossierId { get; set; }
    public Dossier? Dossier { get; set; }
    public int ScoresheetId { get; set; }
    public ScoresheetRecord? Scoresheet { get; set; }
    /// <summary>Mean of the submitted totals in hundredths of a point, truncated (never rounded across a band).</summary>
    public int? ScoreHundredths { get; set; }
    public int? PartAHundredths { get; set; }
    public int? PartBHundredths { get; set; }
    public int? PartCHundredths { get; set; }
    public int? StarByScore { get; set; }
    public int? Star { get; set; }
    [MaxLength(1000)] public string? CapExplanation { get; set; }
    public LevelOutcomeKind? Outcome { get; set; }
    public bool PotentialFiveStar { get; set; }
    /// <summary>Consistency flags found when the round closed, as JSON.</summary>
    public string? Flags { get; set; }
    public int Version { get; set; }

    public List<MemberScoresheet> Sheets { get; set; } = [];
}

/// <summary>One council member's scoresheet for one product: chosen option per criterion, a note per part.</summary>
public class MemberScoresheet : IAuditable, IVersioned
{
    public int Id { get; set; }
    public int RoundProductId { get; set; }
    public RoundProduct? RoundProduct { get; set; }
    public int CouncilMemberId { get; set; }
    public CouncilMember? CouncilMember { get; set; }
    public MemberSheetState State { get; set; }
    /// <summary>Criterion code → chosen option number, as JSON.</summary>
    public string Answers { get; set; } = "{}";
    /// <summary>Part code → note, as JSON.</summary>
    public string PartNotes { get; set; } = "{}";
    public int TotalTenths { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A recognition decision (quyết định công nhận) of some level, with the products it recognises.</summary>
public class Recognition : IAuditable, IVersioned
{
    public int Id { get; set; }
    [MaxLength(60)] public required string DecisionNumber { get; set; }
    public DateOnly SignedOn { get; set; }
    [MaxLength(120)] public required string Signer { get; set; }
    [MaxLength(200)] public required string SignerTitle { get; set; }
    [MaxLength(250)] public required string Issuer { get; set; }
    public EvaluationLevel Level { get; set; }
    public int? RoundId { get; set; }
    public EvaluationRound? Round { get; set; }
    /// <summary>
    /// Transcribed from a paper decision already issued (its printed number kept): recorded, never issued anew here. A
    /// decision under rules no longer in force (a district's, a ceased province's) can only be recorded this way.
    /// </summary>
    public bool Transcribed { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    public List<Certificate> Certificates { get; set; } = [];
}

/// <summary>The certificate of one recognised product: stars, 36 months of validity, re-evaluation and revocation.</summary>
public class Certificate : IAuditable, IVersioned
{
    public int Id { get; set; }
    [MaxLength(60)] public required string Number { get; set; }
    public int RecognitionId { get; set; }
    public Recognition? Recognition { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public int? RoundProductId { get; set; }
    public RoundProduct? RoundProduct { get; set; }
    public int Stars { get; set; }
    public int? ScoreHundredths { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public DateOnly? ReevaluationFiledOn { get; set; }
    public DateOnly? ReevaluationDecidedOn { get; set; }
    /// <summary>What the re-evaluation concluded: renewed (<see cref="SupersededById"/> is the new certificate) or not.</summary>
    public ReevaluationOutcome? ReevaluationOutcome { get; set; }
    /// <summary>The document that concluded a re-evaluation without renewal (a council's conclusion, a notice), as written.</summary>
    [MaxLength(250)] public string? ReevaluationNote { get; set; }
    public DateOnly? RevokedOn { get; set; }
    public RevocationGround? RevocationGround { get; set; }
    [MaxLength(60)] public string? RevocationDecision { get; set; }
    /// <summary>The failed post-recognition check the revocation rests on, when it does.</summary>
    public int? RevokingCheckId { get; set; }
    /// <summary>The certificate that replaced this one after re-evaluation or upgrade.</summary>
    public int? SupersededById { get; set; }
    public int Version { get; set; }

    public CertificateFacts ToFacts() => new(IssuedOn, ExpiresOn, ReevaluationFiledOn, ReevaluationDecidedOn,
        RevokedOn is { } on && RevocationGround is { } ground ? new Revocation(on, ground, RevocationDecision ?? "") : null, ReevaluationOutcome);
}
