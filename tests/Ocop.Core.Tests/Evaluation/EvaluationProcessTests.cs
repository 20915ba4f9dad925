using System.Globalization;
using Ocop.Core.Evaluation;

namespace Ocop.Core.Tests.Evaluation;

public class EvaluationProcessTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static MeanScore Score(int total) => MeanScore.OfOne(Points.FromWhole(total));

    [Theory]
    [InlineData("2023-02-23", null)]
    [InlineData("2023-02-24", "148/2023")]
    [InlineData("2023-05-11", "148/2023")]     // the plan's date
    [InlineData("2025-07-05", "148/2023")]
    [InlineData("2025-07-06", "1489/2025")]    // 1489: commune check, province 3–4★, ministry 5★
    [InlineData("2026-05-21", "1489/2025")]
    [InlineData("2026-05-22", "26/2026")]
    [InlineData("2026-11-28", "26/2026")]
    public void The_process_in_force_follows_the_decisions(string date, string? code) =>
        Assert.Equal(code, EvaluationProcesses.InForceOn(D(date))?.Code);

    [Theory]
    [InlineData("148/2023", "2025-07-05", ProcessStanding.InForce, null)]
    [InlineData("148/2023", "2025-07-06", ProcessStanding.OutOfForce, null)]     // 1489 set no transition
    [InlineData("1489/2025", "2025-07-05", ProcessStanding.NotYetInForce, null)]
    [InlineData("1489/2025", "2026-05-21", ProcessStanding.InForce, null)]
    [InlineData("1489/2025", "2026-05-22", ProcessStanding.Transition, "2026-07-21")]   // 60 days for dossiers filed before
    [InlineData("1489/2025", "2026-07-21", ProcessStanding.Transition, "2026-07-21")]
    [InlineData("1489/2025", "2026-07-22", ProcessStanding.OutOfForce, null)]
    [InlineData("26/2026", "2026-05-21", ProcessStanding.NotYetInForce, null)]
    [InlineData("26/2026", "2026-05-22", ProcessStanding.InForce, null)]
    public void A_round_knows_whether_its_process_is_still_in_force(string process, string date, ProcessStanding standing, string? transitionEnds)
    {
        var check = EvaluationProcesses.Check(EvaluationProcesses.ByCode(process)!, D(date));
        Assert.Equal(standing, check.Standing);
        Assert.Equal(transitionEnds is null ? null : D(transitionEnds), check.TransitionEndsOn);
        Assert.Equal(standing == ProcessStanding.InForce, check.Warning is null);
    }

    [Theory]
    [InlineData("2026-06-21", ProcessStanding.Transition)]   // re-evaluations get 30 days
    [InlineData("2026-06-22", ProcessStanding.OutOfForce)]
    public void Re_evaluations_filed_under_the_old_process_have_a_shorter_transition(string date, ProcessStanding standing) =>
        Assert.Equal(standing, EvaluationProcesses.Check(EvaluationProcesses.Amended1489, D(date), DossierVariant.Reevaluation).Standing);

    [Fact]
    public void The_warning_for_a_lapsed_process_names_the_one_in_force()
    {
        var check = EvaluationProcesses.Check(EvaluationProcesses.Original148, D("2025-09-01"));
        Assert.Equal("Quy trình theo Quyết định 148/QĐ-TTg (ba cấp: huyện, tỉnh, trung ương) đã hết hiệu lực từ ngày 06/07/2025. " +
            "Quy trình đang áp dụng: " + EvaluationProcesses.Amended1489.Name + ".", check.Warning);
    }

    [Theory]
    // 148 as issued: the district recognises 3★ and sends 70+ to the province, which sends 90+ to the centre.
    [InlineData("148/2023", EvaluationLevel.District, 65, 3, LevelOutcomeKind.RecognisedHere, null, false)]
    [InlineData("148/2023", EvaluationLevel.District, 75, 4, LevelOutcomeKind.ProposedOnward, EvaluationLevel.Province, false)]
    [InlineData("148/2023", EvaluationLevel.District, 75, 3, LevelOutcomeKind.RecognisedHere, null, false)]   // capped by a minimum: stays
    [InlineData("148/2023", EvaluationLevel.District, 95, 5, LevelOutcomeKind.ProposedOnward, EvaluationLevel.Province, true)]
    [InlineData("148/2023", EvaluationLevel.Province, 80, 4, LevelOutcomeKind.RecognisedHere, null, false)]
    [InlineData("148/2023", EvaluationLevel.Province, 92, 5, LevelOutcomeKind.ProposedOnward, EvaluationLevel.Central, true)]
    [InlineData("148/2023", EvaluationLevel.District, 45, 2, LevelOutcomeKind.NotRecognised, null, false)]
    // 1489 and 26/2026: the province recognises 3–4★ and sends 90+ to the ministry as potential 5★.
    [InlineData("1489/2025", EvaluationLevel.Province, 55, 3, LevelOutcomeKind.RecognisedHere, null, false)]
    [InlineData("1489/2025", EvaluationLevel.Province, 85, 4, LevelOutcomeKind.RecognisedHere, null, false)]
    [InlineData("1489/2025", EvaluationLevel.Province, 90, 5, LevelOutcomeKind.ProposedOnward, EvaluationLevel.Central, true)]
    [InlineData("26/2026", EvaluationLevel.Province, 89, 4, LevelOutcomeKind.RecognisedHere, null, false)]
    [InlineData("26/2026", EvaluationLevel.Province, 94, 4, LevelOutcomeKind.RecognisedHere, null, false)]    // 90+ but capped at 4★
    [InlineData("26/2026", EvaluationLevel.Province, 96, 5, LevelOutcomeKind.ProposedOnward, EvaluationLevel.Central, true)]
    [InlineData("26/2026", EvaluationLevel.Central, 96, 5, LevelOutcomeKind.RecognisedHere, null, false)]
    [InlineData("26/2026", EvaluationLevel.Province, 29, 1, LevelOutcomeKind.NotRecognised, null, false)]
    [InlineData("26/2026", EvaluationLevel.Central, 88, 4, LevelOutcomeKind.RecognisedByOtherLevel, null, false)]   // back to the province
    [InlineData("26/2026", EvaluationLevel.CommuneCheck, 80, 4, LevelOutcomeKind.NotScoredHere, EvaluationLevel.Province, false)] // checks and forwards
    [InlineData("26/2026", EvaluationLevel.District, 80, 4, LevelOutcomeKind.NotScoredHere, null, false)]    // no districts any more
    public void Products_are_recognised_or_proposed_to_the_next_level_by_the_thresholds_of_their_process(
        string process, EvaluationLevel level, int total, int stars, LevelOutcomeKind kind, EvaluationLevel? to, bool potentialFiveStar)
    {
        var outcome = EvaluationProcesses.ByCode(process)!.OutcomeAt(level, Score(total), stars);
        Assert.Equal((kind, to, potentialFiveStar), (outcome.Kind, outcome.ProposedTo, outcome.PotentialFiveStar));
        if (kind == LevelOutcomeKind.RecognisedHere)
        {
            Assert.Equal(level, outcome.RecognisedBy);
        }

        if (kind == LevelOutcomeKind.RecognisedByOtherLevel)
        {
            Assert.Equal(EvaluationLevel.Province, outcome.RecognisedBy);
        }
        Assert.False(string.IsNullOrWhiteSpace(outcome.Description));
    }

    [Theory]
    [InlineData(3, EvaluationLevel.Province)]
    [InlineData(4, EvaluationLevel.Province)]
    [InlineData(5, EvaluationLevel.Central)]
    [InlineData(2, null)]
    public void Revocation_lies_with_the_level_that_recognises_the_star(int stars, EvaluationLevel? level) =>
        Assert.Equal(level, EvaluationProcesses.Decision26.RecognisingLevel(stars));

    [Theory]
    [InlineData(EvaluationLevel.Province, "2026-04-29", 1, "2026-04-30", "2026-06-30")]
    [InlineData(EvaluationLevel.Province, "2026-04-30", 2, "2026-10-30", "2026-12-30")]   // "before 30/4": on the day is too late
    [InlineData(EvaluationLevel.Province, "2026-10-29", 2, "2026-10-30", "2026-12-30")]
    [InlineData(EvaluationLevel.Province, "2026-10-30", 1, "2027-04-30", "2027-06-30")]
    [InlineData(EvaluationLevel.Central, "2026-01-29", 2, "2026-01-30", "2026-03-30")]    // the centre's round 2 ends in March
    [InlineData(EvaluationLevel.Central, "2026-07-29", 1, "2026-07-30", "2026-09-30")]
    [InlineData(EvaluationLevel.Central, "2026-08-01", 2, "2027-01-30", "2027-03-30")]
    public void Under_26_2026_a_proposal_goes_to_the_next_fixed_round(EvaluationLevel level, string proposedOn, int round, string proposalsBefore, string endsBy)
    {
        var window = EvaluationProcesses.Decision26.RoundForProposal(level, D(proposedOn))!;
        Assert.Equal((round, D(proposalsBefore), D(endsBy)), (window.Round, window.ProposalsBefore, window.EndsBy));
    }

    [Fact]
    public void Older_processes_fix_no_rounds_and_no_commune_deadline()
    {
        Assert.Null(EvaluationProcesses.Amended1489.RoundForProposal(EvaluationLevel.Province, D("2026-01-01")));
        Assert.Null(EvaluationProcesses.Amended1489.CommuneCheckDueOn(D("2026-01-01")));
        Assert.Equal([DossierVariant.FirstEvaluation, DossierVariant.Upgrade, DossierVariant.Reevaluation], EvaluationProcesses.Decision26.Variants);
        Assert.Equal(2, EvaluationProcesses.Decision26.MinimumRoundsPerYear);
    }

    [Theory]
    [InlineData("2026-05-22", "2026-06-12")]   // received on a Friday: three working weeks
    [InlineData("2026-05-23", "2026-06-12")]   // received on a Saturday: counting starts Monday
    [InlineData("2026-08-26", "2026-09-17")]   // 2 September (national day) is a holiday
    public void The_commune_checks_a_dossier_within_15_working_days(string received, string due)
    {
        var holidays = new HashSet<DateOnly> { D("2026-09-02") };
        Assert.Equal(D(due), EvaluationProcesses.Decision26.CommuneCheckDueOn(D(received), holidays));
    }
}
