using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Ocop.Core.Evaluation;

/// <summary>Where one member's sheet for one product stands.</summary>
public enum MemberSheetState
{
    [Display(Name = "Chưa chấm")] NotStarted = 1,
    [Display(Name = "Đang chấm (nháp)")] Draft = 2,
    [Display(Name = "Đã nộp")] Submitted = 3,

    /// <summary>The member declared a conflict of interest: no sheet, never counted.</summary>
    [Display(Name = "Không chấm (xung đột lợi ích)")] Recused = 4,
}

/// <summary>
/// One council member's sheet for one product: the option number chosen per scored criterion code
/// (<see cref="ScoreOption.NoneApplies"/> when no option applies).
/// </summary>
public sealed record MemberSheet(int MemberId, string MemberName, MemberSheetState State, IReadOnlyDictionary<string, int> Answers);

/// <summary>A part's points on one sheet, next to the part's maximum.</summary>
public sealed record PartPoints(string Code, Points Points, Points Max);

/// <summary>
/// One member's sheet scored: totals per part and overall (running totals while typing, too),
/// points per criterion, and what is still missing before it can be submitted.
/// </summary>
/// <param name="CriterionPoints">Points per answered criterion code: scored criteria, and criteria with sub-criteria as the sum of those answered.</param>
/// <param name="Unanswered">Codes of scored criteria still to answer, or of a "choose one case" group where no case is chosen yet.</param>
/// <param name="Problems">Answers that cannot count: unknown criterion, unknown option, an option without points, two cases chosen.</param>
public sealed record SheetScore(
    Points Total,
    IReadOnlyList<PartPoints> Parts,
    IReadOnlyDictionary<string, Points> CriterionPoints,
    IReadOnlyList<string> Unanswered,
    IReadOnlyList<SheetIssue> Problems)
{
    /// <summary>Every criterion answered and nothing wrong: the sheet may be submitted.</summary>
    public bool IsComplete => Unanswered.Count == 0 && Problems.Count == 0;

    public Points PartTotal(string code) =>
        Parts.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.Ordinal))?.Points ?? Points.Zero;
}

/// <summary>Scores a member's answers on a sheet: one option per criterion, sub-criteria added up, one case per "choose one" group.</summary>
public static class SheetScoring
{
    public static SheetScore Score(Scoresheet sheet, IReadOnlyDictionary<string, int> answers)
    {
        var points = new Dictionary<string, Points>(StringComparer.Ordinal);
        var unanswered = new List<string>();
        var problems = new List<SheetIssue>();
        var parts = new List<PartPoints>();
        var known = new HashSet<string>(StringComparer.Ordinal);

        foreach (var part in sheet.Parts)
        {
            var partTotal = Points.Zero;
            foreach (var group in part.Groups)
            {
                foreach (var leaf in group.Criteria.SelectMany(c => c.Leaves()))
                {
                    known.Add(leaf.Code);
                }

                partTotal += group.ChooseOne
                    ? ScoreChooseOne(part, group, answers, points, unanswered, problems)
                    : ScoreCriteria(part, group, group.Criteria, answers, points, unanswered, problems);
            }

            parts.Add(new PartPoints(part.Code, partTotal, part.Max));
        }

        foreach (var code in answers.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal))
        {
            problems.Add(new SheetIssue(IssueSeverity.Error, "unknown-criterion", $"Tiêu chí {code}",
                $"Phiếu chấm không có tiêu chí mã {code}."));
        }

        return new SheetScore(Points.Sum(parts.Select(p => p.Points)), parts, points, unanswered, problems);
    }

    /// <summary>Only the case the member chose counts; choosing two is an error that counts neither.</summary>
    private static Points ScoreChooseOne(ScoresheetPart part, CriteriaGroup group, IReadOnlyDictionary<string, int> answers,
        Dictionary<string, Points> points, List<string> unanswered, List<SheetIssue> problems)
    {
        var chosen = ChooseOneCases.Answered(group, answers);
        if (chosen.Count == 0)
        {
            unanswered.Add(group.Code);
            return Points.Zero;
        }

        if (chosen.Count > 1)
        {
            problems.Add(new SheetIssue(IssueSeverity.Error, "two-cases", SheetLocation.Of(part, group),
                $"Nhóm chỉ được chấm một trường hợp, nhưng đã chấm {chosen.Count.ToString(CultureInfo.InvariantCulture)} trường hợp ({string.Join(", ", chosen.Select(c => c.Code))})."));
            return Points.Zero;
        }

        return ScoreCriteria(part, group, chosen, answers, points, unanswered, problems);
    }

    private static Points ScoreCriteria(ScoresheetPart part, CriteriaGroup group, IEnumerable<Criterion> criteria,
        IReadOnlyDictionary<string, int> answers, Dictionary<string, Points> points, List<string> unanswered, List<SheetIssue> problems)
    {
        var total = Points.Zero;
        foreach (var criterion in criteria)
        {
            total += ScoreCriterion(part, group, criterion, answers, points, unanswered, problems) ?? Points.Zero;
        }

        return total;
    }

    private static Points? ScoreCriterion(ScoresheetPart part, CriteriaGroup group, Criterion criterion,
        IReadOnlyDictionary<string, int> answers, Dictionary<string, Points> points, List<string> unanswered, List<SheetIssue> problems)
    {
        if (criterion.HasSubCriteria)
        {
            Points? sum = null;
            foreach (var sub in criterion.SubCriteria)
            {
                if (ScoreCriterion(part, group, sub, answers, points, unanswered, problems) is Points p)
                {
                    sum = (sum ?? Points.Zero) + p;
                }
            }

            if (sum is Points s)
            {
                points[criterion.Code] = s;
            }

            return sum;
        }

        if (!answers.TryGetValue(criterion.Code, out var number))
        {
            unanswered.Add(criterion.Code);
            return null;
        }

        if (number == ScoreOption.NoneApplies)
        {
            points[criterion.Code] = Points.Zero;
            return Points.Zero;
        }

        var location = SheetLocation.Of(part, group, criterion);
        var option = criterion.Option(number);
        if (option is null)
        {
            problems.Add(new SheetIssue(IssueSeverity.Error, "unknown-option", location,
                $"Tiêu chí không có phương án số {number.ToString(CultureInfo.InvariantCulture)}."));
            return null;
        }

        if (option.Points is not Points optionPoints)
        {
            problems.Add(new SheetIssue(IssueSeverity.Error, "option-no-points", SheetLocation.Of(part, group, criterion, option),
                "Phương án đã chọn chưa có điểm; phiếu cần được sửa trước khi chấm."));
            return null;
        }

        points[criterion.Code] = optionPoints;
        return optionPoints;
    }
}
