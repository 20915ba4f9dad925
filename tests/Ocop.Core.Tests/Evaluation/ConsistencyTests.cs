using Ocop.Core.Evaluation;
using static Ocop.Core.Tests.Evaluation.TestSheets;

namespace Ocop.Core.Tests.Evaluation;

public class ConsistencyTests
{
    private static Dictionary<string, int> With(Dictionary<string, int> answers, string code, int points)
    {
        answers[code] = points + 1;   // ladder: option number = points + 1
        return answers;
    }

    // C1.2 is worth 5: a spread of more than 2.5 points is flagged.
    [Theory]
    [InlineData(new[] { 5, 2 }, true)]       // 3 > 2.5
    [InlineData(new[] { 5, 3 }, false)]      // 2 is within half
    [InlineData(new[] { 5, 5, 5, 1 }, true)]
    [InlineData(new[] { 4, 4, 4 }, false)]
    public void Criteria_where_members_diverge_by_more_than_half_the_maximum_are_flagged(int[] environment, bool flagged)
    {
        var sheets = environment.Select((e, i) => Submitted(i + 1, 80, environment: e)).ToList();
        var flags = Consistency.Flags(Standard(), sheets).Where(f => f.Kind == ConsistencyFlagKind.CriterionDivergence && f.Code == "C1.2").ToList();
        Assert.Equal(flagged, flags.Count == 1);
        if (flagged)
        {
            Assert.StartsWith("Tiêu chí C1.2 “Bảo vệ môi trường”: các thành viên chấm từ", flags[0].Description, StringComparison.Ordinal);
            Assert.Equal(environment.Max() - environment.Min(), flags[0].Spread);
        }
    }

    [Fact]
    public void On_a_criterion_worth_20_a_spread_of_exactly_half_is_not_flagged_and_one_more_point_is()
    {
        var even = new[] { Submitted(1, With(Answers(80), "A1.1", 20)), Submitted(2, With(Answers(80), "A1.1", 10)) };
        Assert.DoesNotContain(Consistency.Flags(Standard(), even), f => f.Code == "A1.1");
        var wider = new[] { Submitted(1, With(Answers(80), "A1.1", 20)), Submitted(2, With(Answers(80), "A1.1", 9)) };
        Assert.Contains(Consistency.Flags(Standard(), wider), f => f.Code == "A1.1");
    }

    [Theory]
    [InlineData(new[] { 70, 72, 74, 90 }, 4, "17")]   // the council's median is 73
    [InlineData(new[] { 70, 72, 74, 89 }, 4, "16")]
    [InlineData(new[] { 70, 72, 74, 88 }, null, null)] // exactly 15 is not beyond 15
    [InlineData(new[] { 70, 70, 70, 86 }, 4, "16")]
    [InlineData(new[] { 40, 70, 72 }, 1, "30")]       // one outlier of three; 72 is not dragged into a flag
    [InlineData(new[] { 70, 70, 90, 90 }, null, null)] // a split council is discussed per criterion, not as outliers
    [InlineData(new[] { 50, 90 }, null, null)]        // with two members neither is "the outlier"
    public void Members_whose_totals_sit_more_than_15_points_from_the_council_median_are_flagged(int[] totals, int? member, string? spread)
    {
        var sheets = totals.Select((t, i) => Submitted(i + 1, t)).ToList();
        var flags = Consistency.Flags(Standard(), sheets).Where(f => f.Kind == ConsistencyFlagKind.OutlyingMember).ToList();
        if (member is null)
        {
            Assert.Empty(flags);
            return;
        }

        var flag = Assert.Single(flags);
        Assert.Equal(member, flag.MemberId);
        Assert.Equal(spread, flag.Spread.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains($"Tổng điểm của Thành viên {member}", flag.Description, StringComparison.Ordinal);
        Assert.Contains("vượt ngưỡng 15 điểm", flag.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Recused_and_unsubmitted_sheets_are_not_compared()
    {
        var sheets = new[] { Submitted(1, 70), Submitted(2, 71), Submitted(3, 72), Recused(4), Draft(5, 15) };
        Assert.Empty(Consistency.Flags(Standard(), sheets));
    }

    [Fact]
    public void The_thresholds_are_parameters()
    {
        var sheets = new[] { Submitted(1, 70), Submitted(2, 70), Submitted(3, 80) };
        Assert.DoesNotContain(Consistency.Flags(Standard(), sheets), f => f.Kind == ConsistencyFlagKind.OutlyingMember);
        var strict = ConsistencyRules.Default with { MemberDeviation = Points.FromWhole(5) };
        Assert.Single(Consistency.Flags(Standard(), sheets, strict), f => f.Kind == ConsistencyFlagKind.OutlyingMember);
    }

    [Fact]
    public void Members_who_score_different_tourism_cases_are_flagged()
    {
        var tourism = RealSheets.Sheet("26/2026", 26);
        var first = TestSheets.Best(tourism);                  // case 1 everywhere
        var second = new Dictionary<string, int>(first);
        second.Remove("C4.1");
        second["C4.2"] = tourism.FindScored("C4.2")!.Leaf.Options[^1].Number;
        var flags = Consistency.Flags(tourism, [Submitted(1, first), Submitted(2, second)]);
        var flag = Assert.Single(flags, f => f.Kind == ConsistencyFlagKind.DifferentCasesChosen);
        Assert.Equal("C4", flag.Code);
        Assert.Contains("hội đồng cần thống nhất một trường hợp", flag.Description, StringComparison.Ordinal);
    }
}
