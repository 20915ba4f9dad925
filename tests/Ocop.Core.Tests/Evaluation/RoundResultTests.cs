using Ocop.Core.Evaluation;
using static Ocop.Core.Tests.Evaluation.TestSheets;

namespace Ocop.Core.Tests.Evaluation;

public class RoundResultTests
{
    private static ProductResult Result(params MemberSheet[] sheets) => RoundResults.ForProduct(Standard(), Basis, sheets);

    private static ProductResult Result(LegalBasis basis, params MemberSheet[] sheets) => RoundResults.ForProduct(Standard(), basis, sheets);

    [Fact]
    public void The_score_is_the_mean_of_submitted_totals_with_recused_members_left_out()
    {
        // Member 4 is recused: even a sheet of 100 would not count. Member 5 has not submitted.
        var result = Result(Submitted(1, 80), Submitted(2, 70), Submitted(3, 75), Recused(4), Draft(5, 100));
        Assert.Equal((3, 1, 1), (result.Submitted, result.Recused, result.Pending));
        Assert.Equal(75m, result.Total!.Value.Value);
        Assert.Equal(4, result.Star);
        Assert.False(result.IsFinal);   // member 5 still has to submit
        Assert.Equal([1, 2, 3], result.Members.Select(m => m.MemberId));
    }

    [Fact]
    public void Parts_are_averaged_like_the_total()
    {
        var result = Result(Submitted(1, 100), Submitted(2, 70), Recused(3));
        Assert.Equal(["A:40", "B:25", "C:20"], result.Parts.Select(p => $"{p.Code}:{p.Score}"));
        Assert.Equal(85m, result.Total!.Value.Value);
        Assert.True(result.IsFinal);
    }

    [Theory]
    [InlineData(new[] { 70, 69 }, "69.5", 3)]          // 69.5 is 3★
    [InlineData(new[] { 70, 70, 69 }, "69.67", 3)]   // shown rounded half-up; ranked on the exact 69.666…
    [InlineData(new[] { 90, 89 }, "89.5", 4)]
    [InlineData(new[] { 50, 49, 50 }, "49.67", 2)]
    [InlineData(new[] { 30, 29 }, "29.5", 1)]
    [InlineData(new[] { 100, 100 }, "100", 5)]
    public void The_mean_is_never_rounded_up_into_the_next_star(int[] totals, string mean, int stars)
    {
        var result = Result(totals.Select((t, i) => Submitted(i + 1, t)).ToArray());
        Assert.Equal(mean, result.Total.ToString());
        Assert.Equal(stars, result.Star);
    }

    [Fact]
    public void No_submitted_sheet_means_no_result_yet()
    {
        var result = Result(Recused(1), Draft(2, 80));
        Assert.Null(result.Total);
        Assert.Null(result.Star);
        Assert.False(result.Recognised);
        Assert.False(result.IsFinal);
    }

    [Fact]
    public void Scores_at_80_with_a_missing_mandatory_criterion_for_4_stars_rank_3_stars_and_name_it()
    {
        // Two of three members find no linkage contract (B1.2 below the 2 points 4★ asks for).
        var result = Result(Submitted(1, 80, linkage: 1), Submitted(2, 80, linkage: 0), Submitted(3, 80, linkage: 5));
        Assert.Equal((4, 3), (result.StarByScore, result.Star));
        Assert.True(result.IsCapped);
        var cap = Assert.Single(result.Caps);
        Assert.Equal(("B1.2", 4), (cap.Minimum.CriterionCode, cap.Minimum.Star));
        Assert.Equal((3, 1), (cap.MembersCounted, cap.MembersMeeting));
        Assert.Contains("tiêu chí B1.2 “Liên kết sản xuất” tối thiểu 2 điểm", result.CapExplanation, StringComparison.Ordinal);
        Assert.Contains("chỉ được xếp 3 sao", result.CapExplanation, StringComparison.Ordinal);
        Assert.True(result.Recognised);
    }

    [Fact]
    public void Scores_at_70_with_a_missing_mandatory_criterion_rank_3_stars()
    {
        var result = Result(Submitted(1, 70, ip: 0), Submitted(2, 70, ip: 0));   // no intellectual property: required above 0 from 4★
        Assert.Equal(3, result.Star);
        Assert.Equal("A1.3", Assert.Single(result.Caps).Minimum.CriterionCode);
        Assert.True(Assert.Single(result.Caps).Minimum.AboveZero);
    }

    // Consensus is the legal basis's data: majority by default, a tie misses.
    [Theory]
    [InlineData(new[] { 0, 5, 5 }, MinimumConsensus.Majority, 4)]     // one member of three misses: the council does not
    [InlineData(new[] { 0, 0, 5 }, MinimumConsensus.Majority, 3)]
    [InlineData(new[] { 0, 5 }, MinimumConsensus.Majority, 3)]        // a tie misses: the product must show it meets the minimum
    [InlineData(new[] { 0, 5, 5, 5 }, MinimumConsensus.Majority, 4)]
    [InlineData(new[] { 1, 2, 3 }, MinimumConsensus.Average, 4)]      // mean 2 reaches the 2 points asked
    [InlineData(new[] { 1, 1, 3 }, MinimumConsensus.Average, 3)]      // mean 1.67 does not
    [InlineData(new[] { 2, 2, 1 }, MinimumConsensus.Unanimous, 3)]
    [InlineData(new[] { 2, 2, 2 }, MinimumConsensus.Unanimous, 4)]
    public void Whether_the_council_meets_a_minimum_follows_the_consensus_rule_of_the_basis(int[] linkage, MinimumConsensus consensus, int stars)
    {
        var basis = Basis with { Minimums = Basis.Minimums with { Consensus = consensus } };
        // Totals fixed at 80 (4★ by score) whatever the linkage points.
        var result = Result(basis, linkage.Select((l, i) => Submitted(i + 1, 80, linkage: l)).ToArray());
        Assert.Equal(4, result.StarByScore);
        Assert.Equal(stars, result.Star);
    }

    [Theory]
    [InlineData(95, 3, 4)]   // misses the 5★ linkage minimum (4 points): capped at 4★
    [InlineData(80, 3, 4)]   // the same miss does not matter to a 4★ score
    [InlineData(95, 1, 3)]   // misses the 4★ minimum too: the lowest missed star decides
    [InlineData(60, 0, 3)]   // a 4★ minimum missed by a 3★ score changes nothing
    public void Minimums_above_the_score_star_do_not_cap(int total, int linkage, int stars)
    {
        var result = Result(Submitted(1, total, linkage: linkage), Submitted(2, total, linkage: linkage));
        Assert.Equal(stars, result.Star);
        Assert.All(result.Caps, c => Assert.True(c.Minimum.Star <= result.StarByScore));
    }

    [Fact]
    public void Missing_a_3_star_minimum_drops_the_product_to_2_stars_and_out_of_recognition()
    {
        var result = Result(Submitted(1, 60, environment: 0), Submitted(2, 60, environment: 0));
        Assert.Equal((3, 2), (result.StarByScore, result.Star));
        Assert.False(result.Recognised);
        Assert.Equal("C1.2", Assert.Single(result.Caps).Minimum.CriterionCode);
    }

    [Fact]
    public void A_submitted_sheet_that_is_incomplete_blocks_closing()
    {
        var answers = Answers(80);
        answers.Remove("A1.1");
        var result = Result(Submitted(1, answers), Submitted(2, 80));
        Assert.Contains(result.Problems, p => p.Kind == "submitted-incomplete");
        Assert.False(result.IsFinal);
    }

    [Fact]
    public void On_a_real_sheet_the_148_intellectual_property_mark_caps_a_5_star_score_at_3_stars()
    {
        var sheet = RealSheets.Sheet("148/2023", 3);   // rice; IP offers 1 or 2 points, no 0 option
        var answers = Best(sheet);
        answers["A3.e"] = ScoreOption.NoneApplies;     // no registered trademark: the row stays at 0
        var members = new[] { Submitted(1, answers), Submitted(2, answers) };
        var result = RoundResults.ForProduct(sheet, LegalBases.Decision148Of2023, members);
        Assert.Equal("98", result.Total.ToString());
        Assert.Equal((5, 3), (result.StarByScore, result.Star));
        var cap = Assert.Single(result.Caps);
        Assert.Equal(("A3.e", true, 4), (cap.Minimum.CriterionCode, cap.Minimum.AboveZero, cap.Minimum.Star));
    }

    [Fact]
    public void A_minimum_inside_a_tourism_case_binds_only_the_members_who_chose_that_case()
    {
        var sheet = RealSheets.Sheet("26/2026", 26);
        var minimums = StarMinimums.Of(sheet);
        Assert.All(minimums, m => Assert.Null(m.ChooseOneCase));   // in this data the starred tourism criteria are outside the cases
        Assert.Equal(["A3.4", "A3.5", "A3.5"], minimums.Select(m => m.CriterionCode));

        // Built case: a starred option in case C1.2 only binds those who scored C1.2.
        var built = Standard() with
        {
            Parts =
            [
                .. Standard().Parts.Where(p => p.Code != "C"),
                Part("C", new CriteriaGroup("C1", "Chọn một trường hợp", Points.FromWhole(35), true,
                    [Ladder("C1.1", "Trường hợp 1", 35), Ladder("C1.2", "Trường hợp 2", 35, (20, 3))])),
            ],
        };
        Assert.Empty(ScoresheetChecks.ForPublishing(built, Basis));
        var case1 = Answers(60).Where(a => a.Key.StartsWith('A') || a.Key.StartsWith('B')).ToDictionary();
        case1["C1.1"] = 11; // 10 points in case 1
        var case2 = new Dictionary<string, int>(case1) { ["C1.2"] = 6 };   // 5 points in case 2: below its 3★ minimum
        case2.Remove("C1.1");
        var result = RoundResults.ForProduct(built, Basis, [Submitted(1, case1), Submitted(2, case1), Submitted(3, case2)]);
        var verdict = Assert.Single(result.Minimums, m => m.Minimum.CriterionCode == "C1.2");
        Assert.Equal((1, 0, false), (verdict.MembersCounted, verdict.MembersMeeting, verdict.Met));
        Assert.Equal(2, result.Star);   // the one member who chose case 2 decides it alone
    }
}
