using Ocop.Core.Access;
using Ocop.Core.Planning;

namespace Ocop.Core.Tests.Planning;

public class CycleRulesTests
{
    [Theory]
    [InlineData(CycleStep.Communication, CycleState.Active, CycleAction.Advance, false, CycleStep.IdeaRegistration, CycleState.Active)]
    [InlineData(CycleStep.IdeaRegistration, CycleState.Active, CycleAction.Advance, false, CycleStep.FeasibilityReview, CycleState.Active)]
    [InlineData(CycleStep.FeasibilityReview, CycleState.Active, CycleAction.Advance, false, CycleStep.BusinessPlan, CycleState.Active)]
    [InlineData(CycleStep.BusinessPlan, CycleState.Active, CycleAction.Advance, false, CycleStep.Implementation, CycleState.Active)]
    [InlineData(CycleStep.Implementation, CycleState.Active, CycleAction.Advance, false, CycleStep.Evaluation, CycleState.Active)]
    [InlineData(CycleStep.Evaluation, CycleState.Active, CycleAction.Advance, true, CycleStep.TradePromotion, CycleState.Active)]
    [InlineData(CycleStep.TradePromotion, CycleState.Active, CycleAction.Advance, false, CycleStep.TradePromotion, CycleState.Completed)]
    [InlineData(CycleStep.FeasibilityReview, CycleState.Active, CycleAction.Return, false, CycleStep.IdeaRegistration, CycleState.Returned)]
    [InlineData(CycleStep.IdeaRegistration, CycleState.Returned, CycleAction.Resubmit, false, CycleStep.FeasibilityReview, CycleState.Active)]
    [InlineData(CycleStep.BusinessPlan, CycleState.Active, CycleAction.Drop, false, CycleStep.BusinessPlan, CycleState.Dropped)]
    [InlineData(CycleStep.IdeaRegistration, CycleState.Returned, CycleAction.Drop, false, CycleStep.IdeaRegistration, CycleState.Dropped)]
    public void Allowed_moves_go_forward_one_step_or_back_from_the_review(
        CycleStep step, CycleState state, CycleAction action, bool linked, CycleStep toStep, CycleState toState) =>
        Assert.Equal(new CyclePosition(toStep, toState), CycleRules.Apply(new CyclePosition(step, state), action, linked));

    [Theory]
    [InlineData(CycleStep.Evaluation, CycleState.Active, CycleAction.Advance, false)]     // no round product linked yet
    [InlineData(CycleStep.BusinessPlan, CycleState.Active, CycleAction.Return, false)]    // only the review returns
    [InlineData(CycleStep.IdeaRegistration, CycleState.Active, CycleAction.Return, false)]
    [InlineData(CycleStep.FeasibilityReview, CycleState.Active, CycleAction.Resubmit, false)] // not returned
    [InlineData(CycleStep.IdeaRegistration, CycleState.Returned, CycleAction.Advance, false)]  // resubmit, not advance
    [InlineData(CycleStep.BusinessPlan, CycleState.Dropped, CycleAction.Advance, false)]
    [InlineData(CycleStep.BusinessPlan, CycleState.Dropped, CycleAction.Drop, false)]
    [InlineData(CycleStep.TradePromotion, CycleState.Completed, CycleAction.Advance, false)]
    [InlineData(CycleStep.TradePromotion, CycleState.Completed, CycleAction.Drop, false)]
    public void Other_moves_are_refused(CycleStep step, CycleState state, CycleAction action, bool linked) =>
        Assert.Null(CycleRules.Apply(new CyclePosition(step, state), action, linked));

    [Theory]
    [InlineData(Role.ProgramOffice, RecordAccess.Edit, CycleStep.FeasibilityReview, CycleAction.Return, true)]
    [InlineData(Role.ProgramOffice, RecordAccess.Edit, CycleStep.FeasibilityReview, CycleAction.Advance, true)]
    [InlineData(Role.CommuneOfficer, RecordAccess.Edit, CycleStep.FeasibilityReview, CycleAction.Return, false)]
    [InlineData(Role.CommuneOfficer, RecordAccess.Edit, CycleStep.FeasibilityReview, CycleAction.Advance, false)]
    [InlineData(Role.CommuneOfficer, RecordAccess.Edit, CycleStep.BusinessPlan, CycleAction.Advance, true)]
    [InlineData(Role.CommuneOfficer, RecordAccess.Edit, CycleStep.IdeaRegistration, CycleAction.Resubmit, true)]
    [InlineData(Role.CommuneOfficer, RecordAccess.None, CycleStep.BusinessPlan, CycleAction.Advance, false)] // another commune
    [InlineData(Role.Producer, RecordAccess.Edit, CycleStep.IdeaRegistration, CycleAction.Advance, true)]
    [InlineData(Role.Producer, RecordAccess.Edit, CycleStep.BusinessPlan, CycleAction.Advance, false)]
    [InlineData(Role.Producer, RecordAccess.Edit, CycleStep.IdeaRegistration, CycleAction.Resubmit, true)]
    [InlineData(Role.Producer, RecordAccess.Edit, CycleStep.BusinessPlan, CycleAction.Drop, true)]
    [InlineData(Role.Leader, RecordAccess.Read, CycleStep.BusinessPlan, CycleAction.Advance, false)]
    [InlineData(Role.Department, RecordAccess.Read, CycleStep.Communication, CycleAction.Advance, false)]
    public void The_review_decision_belongs_to_the_program_office(Role role, RecordAccess access, CycleStep step, CycleAction action, bool allowed) =>
        Assert.Equal(allowed, CycleRules.MayTake(role, access, step, action));

    [Theory]
    [InlineData("2026-03-01", "2026-03-01", 0)]
    [InlineData("2026-03-01", "2026-03-02", 1)]
    [InlineData("2026-02-28", "2026-03-01", 1)]
    [InlineData("2024-02-28", "2024-03-01", 2)] // leap year
    [InlineData("2025-12-31", "2026-01-01", 1)]
    [InlineData("2026-01-01", "2026-07-20", 200)]
    [InlineData("2026-03-05", "2026-03-01", 0)] // entered "after" today (clock skew): never negative
    public void Days_in_step_are_whole_calendar_days(string entered, string today, int days) =>
        Assert.Equal(days, CycleRules.DaysInStep(DateOnly.Parse(entered, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(CycleState.Active, 59, false)]
    [InlineData(CycleState.Active, 60, true)]
    [InlineData(CycleState.Returned, 90, true)]
    [InlineData(CycleState.Completed, 300, false)]
    [InlineData(CycleState.Dropped, 300, false)]
    public void Open_entries_are_stuck_after_two_months_in_one_step(CycleState state, int days, bool stuck) =>
        Assert.Equal(stuck, CycleRules.IsStuck(state, days));
}
