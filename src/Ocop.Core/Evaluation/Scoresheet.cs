using System.ComponentModel.DataAnnotations;

namespace Ocop.Core.Evaluation;

/// <summary>A published sheet is never changed in place: a change is a new version, and scores keep the version they were given on.</summary>
public enum ScoresheetStatus
{
    [Display(Name = "Bản nháp")] Draft = 1,
    [Display(Name = "Đã ban hành")] Published = 2,
    [Display(Name = "Ngừng sử dụng")] Retired = 3,
}

/// <summary>
/// The official 100-point sheet of one product set under one legal basis, in one version.
/// </summary>
/// <param name="LegalBasisCode">Key of the <see cref="LegalBasis"/>, e.g. "148/2023".</param>
/// <param name="ProductSetNumber">1–26, the sheet's number in the decision's appendix.</param>
/// <param name="ProductSetCode">Taxonomy code of the set, e.g. "I.1.a".</param>
/// <param name="Verified">False until an administrator has checked it against the gazette.</param>
/// <param name="Provenance">Where the text and points were taken from.</param>
/// <param name="KnownGaps">Defects known in the source, shown to administrators as warnings.</param>
/// <param name="RejectionRules">"Hồ sơ bị loại khi …": when a dossier is rejected outright, as printed.</param>
/// <param name="Corrections">Evident corrections of the printed text applied to this version, each with the printed value; null when none.</param>
public sealed record Scoresheet(
    string LegalBasisCode,
    int ProductSetNumber,
    string ProductSetCode,
    string ProductSetName,
    int Version,
    DateOnly EffectiveFrom,
    ScoresheetStatus Status,
    bool Verified,
    string Provenance,
    IReadOnlyList<SheetIssue> KnownGaps,
    IReadOnlyList<string> RejectionRules,
    IReadOnlyList<ScoresheetPart> Parts,
    IReadOnlyList<ScoresheetCorrection>? Corrections = null)
{
    public Points TotalMax => Points.Sum(Parts.Select(p => p.Max));

    /// <summary>Every scored criterion (leaves: a criterion without sub-criteria, or a sub-criterion), in sheet order.</summary>
    public IEnumerable<ScoredCriterion> ScoredCriteria =>
        from part in Parts
        from gr in part.Groups
        from criterion in gr.Criteria
        from leaf in criterion.Leaves()
        select new ScoredCriterion(part, gr, criterion, leaf);

    public ScoredCriterion? FindScored(string code) =>
        ScoredCriteria.FirstOrDefault(s => string.Equals(s.Leaf.Code, code, StringComparison.Ordinal));

    /// <summary>A draft copy to edit: the next version, unverified until checked again.</summary>
    public Scoresheet NextVersion(DateOnly effectiveFrom) =>
        this with { Version = Version + 1, EffectiveFrom = effectiveFrom, Status = ScoresheetStatus.Draft, Verified = false };
}

/// <summary>A part (A, B, C) with its maximum.</summary>
public sealed record ScoresheetPart(string Code, string Name, Points Max, IReadOnlyList<CriteriaGroup> Groups, string? Remark = null);

/// <summary>
/// A numbered group of criteria ("1. TỔ CHỨC SẢN XUẤT"). When <paramref name="ChooseOne"/> is set (tourism:
/// "Lựa chọn một trong hai trường hợp sau") its criteria are alternative cases: exactly one is scored,
/// and each is worth the group's maximum.
/// </summary>
public sealed record CriteriaGroup(
    string Code,
    string Name,
    Points Max,
    bool ChooseOne,
    IReadOnlyList<Criterion> Criteria,
    string? Note = null,
    string? Remark = null);

/// <summary>
/// A criterion ("a) Nguồn gốc sản phẩm"). It is scored either by choosing one of its options or, when it
/// has "-" sub-criteria, by scoring each sub-criterion (a criterion of its own) and adding them up.
/// </summary>
/// <param name="RequiredFromStar">Criterion marked as a whole (148: intellectual property for 4★): must score above 0 from that star up.</param>
/// <param name="Note">Guidance printed with the criterion.</param>
/// <param name="Remark">The transcriber's remark on the source.</param>
public sealed record Criterion(
    string Code,
    string Text,
    Points Max,
    IReadOnlyList<ScoreOption> Options,
    IReadOnlyList<Criterion> SubCriteria,
    int? RequiredFromStar = null,
    string? Note = null,
    string? Remark = null)
{
    public bool HasSubCriteria => SubCriteria.Count > 0;

    public IEnumerable<Criterion> Leaves() => HasSubCriteria ? SubCriteria.SelectMany(s => s.Leaves()) : [this];

    public ScoreOption? Option(int number) => Options.FirstOrDefault(o => o.Number == number);
}

/// <summary>
/// One answer a council member may choose. Options are identified by their number (1-based, in sheet
/// order), not by their points: some criteria print two options with the same points.
/// </summary>
/// <param name="Points">Null when the source gives no usable number; such a sheet cannot be published.</param>
/// <param name="MinimumForStar">Starred option: the least the product must reach on the criterion to rank at this star or above.</param>
public sealed record ScoreOption(int Number, string Text, Points? Points, int? MinimumForStar = null)
{
    /// <summary>
    /// The answer "none of the options applies" (0 points). Many criteria print no 0-point option (148:
    /// intellectual property starts at 1), yet on paper a member leaves such a row at 0; this is that answer.
    /// </summary>
    public const int NoneApplies = 0;
}

/// <summary>A scored criterion with the part, group and (for a sub-criterion) the criterion it sits in.</summary>
public sealed record ScoredCriterion(ScoresheetPart Part, CriteriaGroup Group, Criterion Criterion, Criterion Leaf)
{
    public bool IsSubCriterion => !ReferenceEquals(Criterion, Leaf);

    /// <summary>"Phần C › Nhóm C1 › Tiêu chí C1.a.1": where a message points, for people.</summary>
    public string Location => SheetLocation.Of(Part, Group, Leaf);
}

public enum IssueSeverity
{
    [Display(Name = "Thông tin")] Info = 1,
    [Display(Name = "Cảnh báo")] Warning = 2,
    [Display(Name = "Lỗi")] Error = 3,
}

/// <summary>What a check or the reader found, in Vietnamese, with where it is. Errors block publishing.</summary>
/// <param name="Kind">A stable key for the kind of issue, for filtering and tests (e.g. "part-sum").</param>
public sealed record SheetIssue(IssueSeverity Severity, string Kind, string Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>Locations read the same everywhere: "Phần C › Nhóm C1 › Tiêu chí C1.d › Phương án 3".</summary>
public static class SheetLocation
{
    public static string Of(ScoresheetPart part) => $"Phần {part.Code}";

    public static string Of(ScoresheetPart part, CriteriaGroup group) => $"Phần {part.Code} › Nhóm {group.Code}";

    public static string Of(ScoresheetPart part, CriteriaGroup group, Criterion criterion) =>
        $"Phần {part.Code} › Nhóm {group.Code} › Tiêu chí {criterion.Code}";

    public static string Of(ScoresheetPart part, CriteriaGroup group, Criterion criterion, ScoreOption option) =>
        $"{Of(part, group, criterion)} › Phương án {option.Number}";
}
