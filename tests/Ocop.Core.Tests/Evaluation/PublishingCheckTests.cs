using Ocop.Core.Evaluation;
using static Ocop.Core.Tests.Evaluation.TestSheets;

namespace Ocop.Core.Tests.Evaluation;

public class PublishingCheckTests
{
    private static IReadOnlyList<SheetIssue> Check(Scoresheet sheet) => ScoresheetChecks.ForPublishing(sheet, Basis);

    [Fact]
    public void A_well_formed_sheet_passes_and_publishes()
    {
        var sheet = Standard();
        Assert.Empty(Check(sheet));

        var outcome = ScoresheetChecks.Publish(sheet, Basis);
        Assert.True(outcome.Published);
        Assert.Equal(ScoresheetStatus.Published, outcome.Sheet.Status);
    }

    [Fact]
    public void A_published_sheet_is_not_published_again_but_versioned()
    {
        var published = Standard() with { Status = ScoresheetStatus.Published };
        var outcome = ScoresheetChecks.Publish(published, Basis);
        Assert.False(outcome.Published);
        Assert.Contains(outcome.Issues, i => i.Kind == "not-draft");

        var next = published.NextVersion(new DateOnly(2026, 5, 22));
        Assert.Equal((2, ScoresheetStatus.Draft, false), (next.Version, next.Status, next.Verified));
        Assert.True(ScoresheetChecks.Publish(next, Basis).Published);
    }

    // Each defect is built by changing one thing in the standard sheet.
    public static TheoryData<string, string, string, string> Defects => new()
    {
        { "part B is worth 20", "part-max", "Phần B", "Điểm tối đa của Phần B là 20, căn cứ 148/2023 quy định 25." },
        { "part B is worth 20", "total", "Bộ 99", "Tổng điểm tối đa các phần là 95, phải bằng 100." },
        { "groups do not add up to the part", "part-sum", "Phần A", "Tổng điểm tối đa các nhóm tiêu chí là 35, khác điểm tối đa của phần (40)." },
        { "criteria do not add up to the group", "group-sum", "Phần C › Nhóm C1", "Tổng điểm tối đa các tiêu chí là 34, khác điểm tối đa của nhóm (35)." },
        { "a criterion without options", "no-options", "Phần A › Nhóm A1 › Tiêu chí A1.2", "Tiêu chí chưa có phương án chấm nào." },
        { "an option above the criterion max", "option-above-max", "Phần C › Nhóm C1 › Tiêu chí C1.2 › Phương án 6", "Phương án được 13 điểm, vượt điểm tối đa của tiêu chí (5)." },
        { "an option without points", "option-no-points", "Phần B › Nhóm B1 › Tiêu chí B1.2 › Phương án 2", "Phương án chưa có điểm." },
        { "a negative option", "option-negative", "Phần B › Nhóm B1 › Tiêu chí B1.2 › Phương án 1", "Điểm của phương án không được âm (-1)." },
        { "a duplicate criterion code", "duplicate-code", "Phần B › Nhóm B1 › Tiêu chí B1.1", "Mã tiêu chí B1.1 bị trùng; mỗi tiêu chí cần một mã riêng." },
        { "a star the basis does not have", "star-unknown", "Phần C › Nhóm C1 › Tiêu chí C1.2 › Phương án 2", "Phương án được đánh dấu tối thiểu cho 6 sao, nhưng căn cứ không có hạng này." },
        { "a missing part", "part-missing", "Bộ 99", "Thiếu Phần C (35 điểm) theo căn cứ 148/2023." },
        { "sub-criteria that do not add up", "criterion-sum", "Phần A › Nhóm A1 › Tiêu chí A1.1", "Tổng điểm tối đa các tiêu chí con là 19, khác điểm tối đa của tiêu chí (20)." },
        { "a choose-one case worth less than its group", "choose-one-max", "Phần C › Nhóm C1 › Tiêu chí C1.2", "Mỗi trường hợp của nhóm “chọn một” phải có điểm tối đa bằng của nhóm (35), ở đây là 5." },
        { "a half-point option above a half-point max", "option-above-max", "Phần C › Nhóm C1 › Tiêu chí C1.2 › Phương án 6", "Phương án được 5,5 điểm, vượt điểm tối đa của tiêu chí (5)." },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public void Each_kind_of_defect_is_reported_in_Vietnamese_with_its_location(string defect, string kind, string location, string message)
    {
        var issues = Check(Break(Standard(), defect));
        var issue = Assert.Single(issues, i => i.Kind == kind && i.Location == location);
        Assert.Equal(message, issue.Message);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.False(ScoresheetChecks.CanPublish(issues));
        Assert.False(ScoresheetChecks.Publish(Break(Standard(), defect), Basis).Published);
    }

    [Fact]
    public void A_criterion_whose_best_option_is_below_its_max_is_a_warning_that_does_not_block()
    {
        var sheet = Replace(Standard(), "C1.2", c => c with { Options = c.Options.Where(o => o.Points < Points.FromWhole(5)).ToList() });
        var issues = Check(sheet);
        var issue = Assert.Single(issues);
        Assert.Equal(("max-unreachable", IssueSeverity.Warning), (issue.Kind, issue.Severity));
        Assert.True(ScoresheetChecks.CanPublish(issues));
    }

    private static Scoresheet Break(Scoresheet sheet, string defect) => defect switch
    {
        "part B is worth 20" => sheet with
        {
            Parts = [.. sheet.Parts.Where(p => p.Code != "B"), Part("B", Group("B1", Ladder("B1.1", "Tiếp thị", 15), Ladder("B1.2", "Liên kết sản xuất", 5, (2, 4), (4, 5))))],
        },
        "groups do not add up to the part" => ReplacePart(sheet, "A", p => p with { Groups = [p.Groups[0] with { Max = Points.FromWhole(35) }] }),
        "criteria do not add up to the group" => Replace(sheet, "C1.1", c => c with { Max = Points.FromWhole(29), Options = c.Options.Take(30).ToList() }),
        "a criterion without options" => Replace(sheet, "A1.2", c => c with { Options = [] }),
        "an option above the criterion max" => Replace(sheet, "C1.2", c => c with { Options = [.. c.Options.Take(5), c.Options[5] with { Points = Points.FromWhole(13) }] }),
        "an option without points" => Replace(sheet, "B1.2", c => c with { Options = [c.Options[0], c.Options[1] with { Points = null }, .. c.Options.Skip(2)] }),
        "a negative option" => Replace(sheet, "B1.2", c => c with { Options = [c.Options[0] with { Points = Points.FromWhole(-1) }, .. c.Options.Skip(1)] }),
        "a duplicate criterion code" => Replace(sheet, "B1.2", c => c with { Code = "B1.1" }),
        "a star the basis does not have" => Replace(sheet, "C1.2", c => c with { Options = [c.Options[0], c.Options[1] with { MinimumForStar = 6 }, .. c.Options.Skip(2)] }),
        "a missing part" => sheet with { Parts = [.. sheet.Parts.Where(p => p.Code != "C")] },
        "sub-criteria that do not add up" => Replace(sheet, "A1.1", c => c with { Options = [], SubCriteria = [Ladder("A1.1.1", "Con 1", 10), Ladder("A1.1.2", "Con 2", 9)] }),
        "a choose-one case worth less than its group" => ReplacePart(sheet, "C", p => p with { Groups = [p.Groups[0] with { ChooseOne = true, Criteria = [Ladder("C1.1", "Trường hợp 1", 35), p.Groups[0].Criteria[1]] }] }),
        "a half-point option above a half-point max" => Replace(sheet, "C1.2", c => c with { Options = [.. c.Options.Take(5), c.Options[5] with { Points = new Points(55) }] }),
        _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, null),
    };

    private static Scoresheet ReplacePart(Scoresheet sheet, string code, Func<ScoresheetPart, ScoresheetPart> change) =>
        sheet with { Parts = sheet.Parts.Select(p => p.Code == code ? change(p) : p).ToList() };

    private static Scoresheet Replace(Scoresheet sheet, string code, Func<Criterion, Criterion> change) =>
        sheet with
        {
            Parts = sheet.Parts.Select(p => p with
            {
                Groups = p.Groups.Select(g => g with { Criteria = g.Criteria.Select(c => c.Code == code ? change(c) : c).ToList() }).ToList(),
            }).ToList(),
        };
}
