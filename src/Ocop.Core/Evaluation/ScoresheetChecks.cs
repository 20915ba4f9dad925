using System.Globalization;

namespace Ocop.Core.Evaluation;

/// <summary>
/// The structural checks a sheet must pass before it is published: the parts and the total add up to the
/// legal basis's maxima, every criterion has options, no option is worth more than its criterion.
/// </summary>
public static class ScoresheetChecks
{
    public static IReadOnlyList<SheetIssue> ForPublishing(Scoresheet sheet, LegalBasis basis)
    {
        var issues = new List<SheetIssue>();
        var sheetLocation = $"Bộ {sheet.ProductSetNumber.ToString(CultureInfo.InvariantCulture)}";

        if (!string.Equals(sheet.LegalBasisCode, basis.Code, StringComparison.Ordinal))
        {
            issues.Add(Error("basis-mismatch", sheetLocation,
                $"Phiếu thuộc căn cứ {sheet.LegalBasisCode}, không phải {basis.Code}."));
        }

        CheckParts(sheet, basis, issues, sheetLocation);

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in sheet.Parts)
        {
            CheckPart(part, basis, issues, codes);
        }

        return issues;
    }

    public static bool CanPublish(IEnumerable<SheetIssue> issues) => issues.All(i => i.Severity != IssueSeverity.Error);

    /// <summary>Publishes a draft that passes the checks; anything else comes back unchanged with the reasons.</summary>
    public static PublishOutcome Publish(Scoresheet sheet, LegalBasis basis)
    {
        if (sheet.Status != ScoresheetStatus.Draft)
        {
            return new PublishOutcome(false, sheet,
                [Error("not-draft", $"Bộ {sheet.ProductSetNumber.ToString(CultureInfo.InvariantCulture)}",
                    "Chỉ phiếu ở trạng thái bản nháp mới được ban hành; muốn sửa phiếu đã ban hành hãy tạo phiên bản mới.")]);
        }

        var issues = ForPublishing(sheet, basis);
        return CanPublish(issues)
            ? new PublishOutcome(true, sheet with { Status = ScoresheetStatus.Published }, issues)
            : new PublishOutcome(false, sheet, issues);
    }

    private static void CheckParts(Scoresheet sheet, LegalBasis basis, List<SheetIssue> issues, string sheetLocation)
    {
        foreach (var spec in basis.Parts)
        {
            var part = sheet.Parts.FirstOrDefault(p => string.Equals(p.Code, spec.Code, StringComparison.Ordinal));
            if (part is null)
            {
                issues.Add(Error("part-missing", sheetLocation,
                    $"Thiếu Phần {spec.Code} ({spec.Max.ToVietnamese()} điểm) theo căn cứ {basis.Code}."));
            }
            else if (part.Max != spec.Max)
            {
                issues.Add(Error("part-max", SheetLocation.Of(part),
                    $"Điểm tối đa của Phần {part.Code} là {part.Max.ToVietnamese()}, căn cứ {basis.Code} quy định {spec.Max.ToVietnamese()}."));
            }
        }

        foreach (var part in sheet.Parts.Where(p => !basis.Parts.Any(s => string.Equals(s.Code, p.Code, StringComparison.Ordinal))))
        {
            issues.Add(Error("part-unexpected", SheetLocation.Of(part), $"Căn cứ {basis.Code} không có Phần {part.Code}."));
        }

        if (sheet.TotalMax != basis.TotalPoints)
        {
            issues.Add(Error("total", sheetLocation,
                $"Tổng điểm tối đa các phần là {sheet.TotalMax.ToVietnamese()}, phải bằng {basis.TotalPoints.ToVietnamese()}."));
        }
    }

    private static void CheckPart(ScoresheetPart part, LegalBasis basis, List<SheetIssue> issues, HashSet<string> codes)
    {
        if (part.Groups.Count == 0)
        {
            issues.Add(Error("part-empty", SheetLocation.Of(part), "Phần chưa có nhóm tiêu chí nào."));
            return;
        }

        var groupSum = Points.Sum(part.Groups.Select(g => g.Max));
        if (groupSum != part.Max)
        {
            issues.Add(Error("part-sum", SheetLocation.Of(part),
                $"Tổng điểm tối đa các nhóm tiêu chí là {groupSum.ToVietnamese()}, khác điểm tối đa của phần ({part.Max.ToVietnamese()})."));
        }

        foreach (var group in part.Groups)
        {
            CheckGroup(part, group, basis, issues, codes);
        }
    }

    private static void CheckGroup(ScoresheetPart part, CriteriaGroup group, LegalBasis basis, List<SheetIssue> issues, HashSet<string> codes)
    {
        var location = SheetLocation.Of(part, group);
        if (group.Criteria.Count == 0)
        {
            issues.Add(Error("group-empty", location, "Nhóm chưa có tiêu chí nào."));
            return;
        }

        if (group.ChooseOne)
        {
            if (group.Criteria.Count < 2)
            {
                issues.Add(Error("choose-one-single", location, "Nhóm “chọn một trường hợp” phải có ít nhất hai trường hợp."));
            }

            foreach (var alternative in group.Criteria.Where(c => c.Max != group.Max))
            {
                issues.Add(Error("choose-one-max", SheetLocation.Of(part, group, alternative),
                    $"Mỗi trường hợp của nhóm “chọn một” phải có điểm tối đa bằng của nhóm ({group.Max.ToVietnamese()}), ở đây là {alternative.Max.ToVietnamese()}."));
            }
        }
        else
        {
            var criteriaSum = Points.Sum(group.Criteria.Select(c => c.Max));
            if (criteriaSum != group.Max)
            {
                issues.Add(Error("group-sum", location,
                    $"Tổng điểm tối đa các tiêu chí là {criteriaSum.ToVietnamese()}, khác điểm tối đa của nhóm ({group.Max.ToVietnamese()})."));
            }
        }

        foreach (var criterion in group.Criteria)
        {
            CheckCriterion(part, group, criterion, basis, issues, codes);
        }
    }

    private static void CheckCriterion(ScoresheetPart part, CriteriaGroup group, Criterion criterion, LegalBasis basis, List<SheetIssue> issues, HashSet<string> codes)
    {
        var location = SheetLocation.Of(part, group, criterion);
        if (!codes.Add(criterion.Code))
        {
            issues.Add(Error("duplicate-code", location, $"Mã tiêu chí {criterion.Code} bị trùng; mỗi tiêu chí cần một mã riêng."));
        }

        if (string.IsNullOrWhiteSpace(criterion.Text))
        {
            issues.Add(Error("criterion-text-blank", location, "Tiêu chí chưa có nội dung."));
        }

        if (criterion.Max <= Points.Zero)
        {
            issues.Add(Error("criterion-max", location, $"Điểm tối đa của tiêu chí phải lớn hơn 0 (đang là {criterion.Max.ToVietnamese()})."));
        }

        if (criterion.RequiredFromStar is int required && basis.Band(required) is null)
        {
            issues.Add(Error("star-unknown", location, $"Tiêu chí được đánh dấu bắt buộc từ {required} sao, nhưng căn cứ không có hạng này."));
        }

        if (criterion.HasSubCriteria)
        {
            if (criterion.Options.Count > 0)
            {
                issues.Add(Error("options-and-subcriteria", location,
                    "Tiêu chí vừa có phương án chấm vừa có tiêu chí con; chỉ được có một trong hai."));
            }

            var subSum = Points.Sum(criterion.SubCriteria.Select(s => s.Max));
            if (subSum != criterion.Max)
            {
                issues.Add(Error("criterion-sum", location,
                    $"Tổng điểm tối đa các tiêu chí con là {subSum.ToVietnamese()}, khác điểm tối đa của tiêu chí ({criterion.Max.ToVietnamese()})."));
            }

            foreach (var sub in criterion.SubCriteria)
            {
                CheckCriterion(part, group, sub, basis, issues, codes);
            }

            return;
        }

        CheckOptions(part, group, criterion, basis, issues, location);
    }

    private static void CheckOptions(ScoresheetPart part, CriteriaGroup group, Criterion criterion, LegalBasis basis, List<SheetIssue> issues, string location)
    {
        if (criterion.Options.Count == 0)
        {
            issues.Add(Error("no-options", location, "Tiêu chí chưa có phương án chấm nào."));
            return;
        }

        foreach (var option in criterion.Options)
        {
            var optionLocation = SheetLocation.Of(part, group, criterion, option);
            if (string.IsNullOrWhiteSpace(option.Text))
            {
                issues.Add(Error("option-text-blank", optionLocation, "Phương án chưa có nội dung."));
            }

            if (option.Points is not Points points)
            {
                issues.Add(Error("option-no-points", optionLocation, "Phương án chưa có điểm."));
            }
            else if (points < Points.Zero)
            {
                issues.Add(Error("option-negative", optionLocation, $"Điểm của phương án không được âm ({points.ToVietnamese()})."));
            }
            else if (points > criterion.Max)
            {
                issues.Add(Error("option-above-max", optionLocation,
                    $"Phương án được {points.ToVietnamese()} điểm, vượt điểm tối đa của tiêu chí ({criterion.Max.ToVietnamese()})."));
            }

            if (option.MinimumForStar is int star && basis.Band(star) is null)
            {
                issues.Add(Error("star-unknown", optionLocation, $"Phương án được đánh dấu tối thiểu cho {star} sao, nhưng căn cứ không có hạng này."));
            }
        }

        var best = criterion.Options.Where(o => o.Points is not null).Select(o => o.Points!.Value).DefaultIfEmpty(Points.Zero).Max();
        if (best < criterion.Max && criterion.Options.All(o => o.Points is not null))
        {
            issues.Add(Warning("max-unreachable", location,
                $"Phương án cao nhất chỉ được {best.ToVietnamese()} điểm trong khi tiêu chí tối đa {criterion.Max.ToVietnamese()} điểm: không thể đạt điểm tối đa."));
        }

        // A higher star asking for fewer points than a lower star cannot be what the decision meant.
        var marks = criterion.Options
            .Where(o => o.MinimumForStar is not null && o.Points is not null)
            .OrderBy(o => o.MinimumForStar)
            .ToList();
        for (var i = 1; i < marks.Count; i++)
        {
            if (marks[i].Points < marks[i - 1].Points)
            {
                issues.Add(Warning("star-marks-order", location,
                    $"Mức tối thiểu cho {marks[i].MinimumForStar} sao ({marks[i].Points!.Value.ToVietnamese()} điểm) thấp hơn mức cho {marks[i - 1].MinimumForStar} sao ({marks[i - 1].Points!.Value.ToVietnamese()} điểm)."));
            }
        }
    }

    private static SheetIssue Error(string kind, string location, string message) => new(IssueSeverity.Error, kind, location, message);

    private static SheetIssue Warning(string kind, string location, string message) => new(IssueSeverity.Warning, kind, location, message);
}

public sealed record PublishOutcome(bool Published, Scoresheet Sheet, IReadOnlyList<SheetIssue> Issues);
