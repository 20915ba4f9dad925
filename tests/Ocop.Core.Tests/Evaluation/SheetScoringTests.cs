using Ocop.Core.Evaluation;
using static Ocop.Core.Tests.Evaluation.TestSheets;

namespace Ocop.Core.Tests.Evaluation;

public class SheetScoringTests
{
    [Theory]
    [InlineData(100, "40", "25", "35")]
    [InlineData(70, "40", "25", "5")]
    [InlineData(15, "5", "5", "5")]
    public void A_complete_sheet_adds_up_by_part_and_in_total(int total, string a, string b, string c)
    {
        var score = SheetScoring.Score(Standard(), Answers(total));
        Assert.True(score.IsComplete);
        Assert.Equal(Points.FromWhole(total), score.Total);
        Assert.Equal([a, b, c], score.Parts.Select(p => p.Points.ToString()));
    }

    [Fact]
    public void A_partly_answered_sheet_shows_running_totals_and_what_is_missing()
    {
        var answers = Answers(80);
        answers.Remove("B1.1");
        answers.Remove("C1.2");
        var score = SheetScoring.Score(Standard(), answers);
        Assert.False(score.IsComplete);
        Assert.Equal(["B1.1", "C1.2"], score.Unanswered);
        Assert.Equal(Points.FromWhole(80 - 20 - 5), score.Total);
    }

    [Theory]
    [InlineData("A1.1", 99, "unknown-option")]
    [InlineData("Z9.9", 1, "unknown-criterion")]
    public void Answers_that_do_not_fit_the_sheet_are_problems(string code, int option, string kind)
    {
        var answers = Answers(60);
        answers[code] = option;
        var score = SheetScoring.Score(Standard(), answers);
        Assert.False(score.IsComplete);
        Assert.Contains(score.Problems, p => p.Kind == kind);
    }

    [Fact]
    public void Sub_criteria_are_scored_each_and_added_to_their_criterion()
    {
        var tea = RealSheets.Sheet("148/2023", 11);
        var answers = Best(tea);
        answers["C1.a.1"] = tea.FindScored("C1.a.1")!.Leaf.Options.Single(o => o.Points == Points.FromWhole(1)).Number;
        var score = SheetScoring.Score(tea, answers);
        Assert.Equal(Points.FromWhole(1), score.CriterionPoints["C1.a.1"]);
        Assert.Equal(Points.FromWhole(2), score.CriterionPoints["C1.a.2"]);
        Assert.Equal(Points.FromWhole(3), score.CriterionPoints["C1.a"]);   // the criterion is the sum of its sub-criteria
        Assert.Equal(Points.FromWhole(96), score.Total);                    // 97 at best (part C sums to 32), one point off
    }

    public static TheoryData<string, string[], string?, string?> TourismCases => new()
    {
        { "one case chosen in every group", ["C3.1", "C4.2", "C10.1"], null, null },
        { "no case chosen in C4", ["C3.1", "C10.1"], "C4", null },
        { "both cases chosen in C3", ["C3.1", "C3.2", "C4.1", "C10.2"], null, "two-cases" },
    };

    [Theory]
    [MemberData(nameof(TourismCases))]
    public void Tourism_groups_score_only_the_chosen_case(string situation, string[] cases, string? unanswered, string? problem)
    {
        var tourism = RealSheets.Sheet("26/2026", 26);
        var chooseOne = new[] { "C3.1", "C3.2", "C4.1", "C4.2", "C10.1", "C10.2" };
        var best = Best(tourism).Where(a => !chooseOne.Contains(a.Key)).ToDictionary();
        foreach (var code in cases)
        {
            var leaf = tourism.FindScored(code)!.Leaf;
            best[code] = leaf.Options.MaxBy(o => o.Points)!.Number;
        }

        var score = SheetScoring.Score(tourism, best);
        Assert.Equal(unanswered is null ? [] : [unanswered], score.Unanswered);
        Assert.Equal(problem is null ? [] : [problem], score.Problems.Select(p => p.Kind));
        var missing = (unanswered is null ? 0 : 2) + (problem is null ? 0 : 3); // C4 is worth 2, C3 is worth 3
        Assert.True(Points.FromWhole(100 - missing) == score.Total, situation);
    }

    [Fact]
    public void None_applies_is_an_answer_worth_0_points()
    {
        var answers = Answers(100);
        answers["A1.3"] = ScoreOption.NoneApplies;
        var score = SheetScoring.Score(Standard(), answers);
        Assert.True(score.IsComplete);
        Assert.Equal(Points.FromWhole(95), score.Total);
        Assert.Equal(Points.Zero, score.CriterionPoints["A1.3"]);
    }

    [Fact]
    public void An_option_without_points_cannot_be_scored()
    {
        var coconut = RealSheets.Sheet("26/2026", 7);   // draft: a blank points cell in A1.2
        var answers = Best(coconut);
        answers["A1.2"] = 1;
        var score = SheetScoring.Score(coconut, answers);
        Assert.Contains(score.Problems, p => p.Kind == "option-no-points");
        Assert.False(score.IsComplete);
    }
}
