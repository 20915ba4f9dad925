using Ocop.Core.Evaluation;

namespace Ocop.Core.Tests.Evaluation;

/// <summary>Results are named as the law names them: a province's 90+ is "đề xuất công nhận 5 sao", never "5 sao".</summary>
public class RankingOutcomeTests
{
    [Theory]
    [InlineData("26/2026", EvaluationLevel.Province, 920, 5, RankingOutcomeKind.ProposedFiveStar, null, 5, "Đề xuất công nhận 5 sao")]
    [InlineData("26/2026", EvaluationLevel.Province, 950, 4, RankingOutcomeKind.Recognised, 4, null, "Đủ điều kiện công nhận 4 sao")]   // capped by a minimum
    [InlineData("26/2026", EvaluationLevel.Province, 650, 3, RankingOutcomeKind.Recognised, 3, null, "Đủ điều kiện công nhận 3 sao")]
    [InlineData("26/2026", EvaluationLevel.Province, 450, 2, RankingOutcomeKind.NotRecognised, 2, null, "Không đủ điều kiện công nhận (2 sao)")]
    [InlineData("148/2023", EvaluationLevel.District, 750, 4, RankingOutcomeKind.ProposedOnward, null, 4, "Đề xuất cấp tỉnh công nhận 4 sao")]
    [InlineData("148/2023", EvaluationLevel.District, 930, 5, RankingOutcomeKind.ProposedFiveStar, null, 5, "Đề xuất công nhận 5 sao")]
    [InlineData("26/2026", EvaluationLevel.Central, 850, 4, RankingOutcomeKind.RecognisedByOtherLevel, 4, null, "4 sao, do cấp tỉnh công nhận")]
    [InlineData("26/2026", EvaluationLevel.Central, 960, 5, RankingOutcomeKind.Recognised, 5, null, "Đủ điều kiện công nhận 5 sao")]
    public void The_outcome_names_what_was_decided_and_never_ranks_a_star_only_proposed(
        string process, EvaluationLevel level, int tenths, int star, RankingOutcomeKind kind, int? ranked, int? proposed, string name)
    {
        var outcome = EvaluationProcesses.ByCode(process)!.OutcomeAt(level, new MeanScore(tenths, 1), star);
        var named = RankingOutcomes.Of(outcome);
        Assert.Equal((kind, ranked, proposed, name), (named.Kind, named.Star, named.ProposedStar, named.Name));
        Assert.DoesNotContain("5 sao (đủ", outcome.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_proposal_for_5_stars_reads_the_same_and_a_round_without_result_is_pending()
    {
        Assert.Equal(RankingOutcomeKind.ProposedFiveStar, RankingOutcomes.Of(LevelOutcomeKind.ProposedOnward, 5, true, EvaluationLevel.Central).Kind);
        Assert.Null(RankingOutcomes.Of(LevelOutcomeKind.ProposedOnward, 5, true, EvaluationLevel.Central).Star);
        Assert.Equal(RankingOutcomeKind.Pending, RankingOutcomes.Of(null, null, false, null).Kind);
    }
}
