using Ocop.Core.Evaluation;
using static Ocop.Core.Tests.Evaluation.TestSheets;

namespace Ocop.Core.Tests.Evaluation;

/// <summary>
/// What the score page's panel shows a member while scoring <see cref="TestSheets.Standard"/>: A1.3 above 0 from 4★,
/// B1.2 at least 2 for 4★ and 4 for 5★, C1.2 at least 1 for 3★.
/// </summary>
public class MemberStarStandingTests
{
    public static TheoryData<string, int, int, int, int, int?, int?, string[]> Cases => new()
    {
        // situation, total, ip (A1.3), linkage (B1.2), environment (C1.2), star by total, star after minimums, minimums still missing
        { "every minimum met at 95", 95, 5, 5, 5, 5, 5, [] },
        { "5★ total, linkage 3: the 5★ minimum is missing", 95, 5, 3, 5, 5, 4, ["B1.2:5"] },
        { "5★ total, no IP: the 4★ minimum caps at 3★", 95, 0, 5, 5, 5, 3, ["A1.3:4"] },
        { "4★ total, linkage 3: the 5★ minimum is listed but does not cap", 75, 5, 3, 5, 4, 4, ["B1.2:5"] },
        { "3★ total, no environment point: capped at 2★", 60, 5, 5, 0, 3, 2, ["C1.2:3"] },
        { "every minimum missing, lowest star first", 55, 0, 0, 0, 3, 2, ["C1.2:3", "A1.3:4", "B1.2:4", "B1.2:5"] },
        { "2★ total: minimums above it listed, nothing capped", 40, 5, 1, 5, 2, 2, ["B1.2:4", "B1.2:5"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_running_sheet_shows_its_star_and_the_minimums_still_missing(
        string situation, int total, int ip, int linkage, int environment, int? byTotal, int? afterMinimums, string[] missing)
    {
        var sheet = Standard();
        var score = SheetScoring.Score(sheet, Answers(total, ip, linkage, environment));
        var standing = MemberStarStanding.Of(Basis, StarMinimums.Of(sheet), score);
        Assert.True(byTotal == standing.StarByTotal, situation);
        Assert.True(afterMinimums == standing.StarAfterMinimums, situation);
        Assert.Equal(missing, standing.Missing.Select(m => $"{m.CriterionCode}:{m.Star}"));
    }

    [Fact]
    public void An_unanswered_starred_criterion_does_not_meet_its_minimum_yet()
    {
        var sheet = Standard();
        var answers = Answers(80);
        answers.Remove("C1.2");
        var standing = MemberStarStanding.Of(Basis, StarMinimums.Of(sheet), SheetScoring.Score(sheet, answers));
        Assert.Equal(["C1.2:3"], standing.Missing.Select(m => $"{m.CriterionCode}:{m.Star}"));
        Assert.Equal(4, standing.StarByTotal);
        Assert.Equal(2, standing.StarAfterMinimums);
    }

    [Theory]
    [InlineData("C3.1", true, false)]
    [InlineData("C3.2", false, true)]
    [InlineData(null, false, false)]
    public void A_minimum_in_a_choose_one_case_binds_only_when_that_case_is_chosen(string? chosenCase, bool firstBinds, bool secondBinds)
    {
        var tourism = RealSheets.Sheet("26/2026", 26);
        var minimums = StarMinimums.Of(tourism);
        var answers = Best(tourism).Where(a => !a.Key.StartsWith("C3.", StringComparison.Ordinal)).ToDictionary();
        if (chosenCase is not null)
        {
            foreach (var leaf in tourism.FindScored(chosenCase) is { } scored ? scored.Criterion.Leaves() : [])
            {
                answers[leaf.Code] = leaf.Options.MaxBy(o => o.Points)!.Number;
            }
        }

        var score = SheetScoring.Score(tourism, answers);
        var caseMinimums = minimums.Where(m => m.ChooseOneCase is "C3.1" or "C3.2").ToList();
        Assert.All(caseMinimums.Where(m => m.ChooseOneCase == "C3.1"), m => Assert.Equal(firstBinds, MemberStarStanding.Binds(m, score)));
        Assert.All(caseMinimums.Where(m => m.ChooseOneCase == "C3.2"), m => Assert.Equal(secondBinds, MemberStarStanding.Binds(m, score)));
    }
}
