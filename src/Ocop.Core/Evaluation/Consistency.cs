using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Ocop.Core.Evaluation;

/// <summary>
/// When a council's sheets disagree enough to discuss before the round closes. Parameters, not law:
/// the decisions say nothing on this, so an office may tune them.
/// </summary>
/// <param name="CriterionRangePercentOfMax">A criterion is flagged when the members' highest minus lowest points exceed this share of its maximum (50: more than half).</param>
/// <param name="MemberDeviation">A member is flagged when their total sits more than this far from the median of the council's totals.</param>
/// <param name="MinimumMembersForOutliers">Fewer submitted members than this and no member is called an outlier (with two, each is as far from the other).</param>
public sealed record ConsistencyRules(int CriterionRangePercentOfMax, Points MemberDeviation, int MinimumMembersForOutliers)
{
    public static readonly ConsistencyRules Default = new(50, Points.FromWhole(15), 3);
}

public enum ConsistencyFlagKind
{
    [Display(Name = "Tiêu chí chấm chênh lệch lớn")] CriterionDivergence = 1,
    [Display(Name = "Thành viên chấm lệch nhiều so với hội đồng")] OutlyingMember = 2,
    [Display(Name = "Các thành viên chọn trường hợp khác nhau")] DifferentCasesChosen = 3,
}

/// <summary>A point for the council to discuss, with a Vietnamese description.</summary>
/// <param name="Code">The criterion or group concerned; null for a member flag.</param>
/// <param name="MemberId">The member concerned; null for a criterion flag.</param>
/// <param name="Spread">The measured gap: the points range on the criterion, or the member's distance from the median.</param>
public sealed record ConsistencyFlag(
    ConsistencyFlagKind Kind,
    string? Code,
    int? MemberId,
    string Location,
    decimal Spread,
    string Description);

public static class Consistency
{
    /// <summary>Flags over the submitted sheets of one product; recused and unsubmitted sheets are ignored.</summary>
    public static IReadOnlyList<ConsistencyFlag> Flags(Scoresheet sheet, IEnumerable<MemberSheet> sheets, ConsistencyRules? rules = null)
    {
        rules ??= ConsistencyRules.Default;
        var submitted = sheets
            .Where(s => s.State == MemberSheetState.Submitted)
            .Select(s => (Sheet: s, Score: SheetScoring.Score(sheet, s.Answers)))
            .ToList();
        var flags = new List<ConsistencyFlag>();

        foreach (var scored in sheet.ScoredCriteria)
        {
            var given = submitted
                .Where(x => x.Score.CriterionPoints.ContainsKey(scored.Leaf.Code))
                .Select(x => x.Score.CriterionPoints[scored.Leaf.Code])
                .ToList();
            if (given.Count < 2)
            {
                continue;
            }

            var range = given.Max() - given.Min();
            if ((long)range.Tenths * 100 > (long)scored.Leaf.Max.Tenths * rules.CriterionRangePercentOfMax)
            {
                flags.Add(new ConsistencyFlag(ConsistencyFlagKind.CriterionDivergence, scored.Leaf.Code, null, scored.Location, range.Value,
                    $"Tiêu chí {scored.Leaf.Code} “{scored.Leaf.Text}”: các thành viên chấm từ {given.Min().ToVietnamese()} đến {given.Max().ToVietnamese()} điểm " +
                    $"(chênh {range.ToVietnamese()} trên tối đa {scored.Leaf.Max.ToVietnamese()}), cần thảo luận."));
            }
        }

        foreach (var part in sheet.Parts)
        {
            foreach (var group in part.Groups.Where(g => g.ChooseOne))
            {
                var cases = submitted
                    .Select(x => group.Criteria.FirstOrDefault(c => x.Score.CriterionPoints.ContainsKey(c.Code))?.Code)
                    .OfType<string>()
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                if (cases.Count > 1)
                {
                    flags.Add(new ConsistencyFlag(ConsistencyFlagKind.DifferentCasesChosen, group.Code, null, SheetLocation.Of(part, group), cases.Count,
                        $"Nhóm {group.Code} “{group.Name}”: các thành viên chấm theo các trường hợp khác nhau ({string.Join(", ", cases)}); hội đồng cần thống nhất một trường hợp."));
                }
            }
        }

        // The median of all submitted totals, the member's own included: with three members the "median of
        // the other two" is their mean, so one outlier would drag it and get a normal member flagged too.
        if (submitted.Count >= Math.Max(3, rules.MinimumMembersForOutliers))
        {
            var median = Median(submitted.Select(x => x.Score.Total.Value).ToList());
            foreach (var (member, score) in submitted)
            {
                var deviation = Math.Abs(score.Total.Value - median);
                if (deviation > rules.MemberDeviation.Value)
                {
                    flags.Add(new ConsistencyFlag(ConsistencyFlagKind.OutlyingMember, null, member.MemberId, $"Phiếu của {member.MemberName}", deviation,
                        $"Tổng điểm của {member.MemberName} ({score.Total.ToVietnamese()}) lệch {Vi(deviation)} điểm so với trung vị tổng điểm của hội đồng ({Vi(median)}), " +
                        $"vượt ngưỡng {rules.MemberDeviation.ToVietnamese()} điểm."));
                }
            }
        }

        return flags;
    }

    private static decimal Median(List<decimal> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static string Vi(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');
}
