using System.Globalization;
using Ocop.Core.Evaluation;

namespace Ocop.Core.Tests.Evaluation;

public class PostRecognitionCheckTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(AspectResult.Met, AspectResult.Met, AspectResult.Met, AspectResult.Met, null, true, null)]
    [InlineData(AspectResult.NotMet, AspectResult.Met, AspectResult.Met, AspectResult.NotChecked, null, false, RevocationGround.CriteriaNoLongerMet)]
    [InlineData(AspectResult.Met, AspectResult.Met, AspectResult.NotMet, AspectResult.Met, null, false, RevocationGround.LawBreach)]
    [InlineData(AspectResult.Met, AspectResult.Met, AspectResult.Met, AspectResult.NotMet, null, false, RevocationGround.LawBreach)]
    [InlineData(AspectResult.Met, AspectResult.Met, AspectResult.Met, AspectResult.Met, "2026-03-01", false, RevocationGround.LawBreach)]   // papers expired: not met whatever was ticked
    [InlineData(AspectResult.Met, AspectResult.NotChecked, AspectResult.Met, AspectResult.Met, "2026-09-01", true, null)]
    public void A_check_fails_on_any_aspect_not_met_and_names_the_revocation_ground_it_supports(
        AspectResult quality, AspectResult papers, AspectResult labels, AspectResult environment, string? papersExpire, bool passed, RevocationGround? ground)
    {
        var verdict = PostRecognitionChecks.Judge(
            [new(CheckAspect.Quality, quality), new(CheckAspect.FoodSafetyPapers, papers), new(CheckAspect.Labels, labels), new(CheckAspect.Environment, environment)],
            D("2026-06-15"), papersExpire is null ? null : D(papersExpire));
        Assert.Equal((passed, ground), (verdict.Passed, verdict.Ground));
        Assert.Equal(passed, verdict.Failed.Count == 0);
    }

    [Theory]
    [InlineData("2026-08-10", true)]
    [InlineData("2026-08-15", false)]
    [InlineData("2026-05-01", true)]
    public void Food_safety_papers_are_flagged_60_days_before_they_expire(string expires, bool flagged) =>
        Assert.Equal(flagged, PostRecognitionChecks.PapersNeedRenewal(D(expires), D("2026-06-15")));
}
