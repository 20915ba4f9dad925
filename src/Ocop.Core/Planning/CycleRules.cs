using System.ComponentModel.DataAnnotations;
using Ocop.Core.Access;

namespace Ocop.Core.Planning;

/// <summary>The seven steps of the annual OCOP cycle (Decision 919/QĐ-TTg, plan 46/KH-UBND).</summary>
public enum CycleStep
{
    [Display(Name = "Tuyên truyền")] Communication = 1,
    [Display(Name = "Đăng ký ý tưởng")] IdeaRegistration = 2,
    [Display(Name = "Đánh giá khả thi")] FeasibilityReview = 3,
    [Display(Name = "Phương án kinh doanh")] BusinessPlan = 4,
    [Display(Name = "Triển khai")] Implementation = 5,
    [Display(Name = "Đánh giá, phân hạng")] Evaluation = 6,
    [Display(Name = "Xúc tiến thương mại")] TradePromotion = 7,
}

/// <summary>Where an entry stands apart from its step.</summary>
public enum CycleState
{
    [Display(Name = "Đang thực hiện")] Active = 1,
    [Display(Name = "Trả lại chủ thể")] Returned = 2,
    [Display(Name = "Dừng")] Dropped = 3,
    [Display(Name = "Hoàn thành chu trình")] Completed = 4,
}

/// <summary>What a person does to a cycle entry.</summary>
public enum CycleAction
{
    [Display(Name = "Chuyển bước tiếp theo")] Advance = 1,
    [Display(Name = "Trả lại kèm lý do")] Return = 2,
    [Display(Name = "Nộp lại")] Resubmit = 3,
    [Display(Name = "Dừng")] Drop = 4,
}

/// <summary>The step and state an entry is in after an action.</summary>
public readonly record struct CyclePosition(CycleStep Step, CycleState State);

/// <summary>
/// How an idea moves through the cycle: forward one step at a time; the feasibility review either accepts it (forward)
/// or returns it to the producer with reasons (back to idea registration, state Returned) until it is resubmitted
/// (straight back to the review); any open entry may be dropped. The evaluation step only moves on once the entry is
/// linked to a product of an evaluation round, so the board's "evaluated" count always has a result behind it.
/// Passing trade promotion completes the cycle.
/// </summary>
public static class CycleRules
{
    /// <summary>The position after the action, or null when the action is not allowed from here.</summary>
    public static CyclePosition? Apply(CyclePosition position, CycleAction action, bool linkedToRoundProduct = false) => (action, position.State) switch
    {
        (CycleAction.Advance, CycleState.Active) when position.Step == CycleStep.Evaluation && !linkedToRoundProduct => null,
        (CycleAction.Advance, CycleState.Active) when position.Step == CycleStep.TradePromotion => position with { State = CycleState.Completed },
        (CycleAction.Advance, CycleState.Active) => new CyclePosition(position.Step + 1, CycleState.Active),
        (CycleAction.Return, CycleState.Active) when position.Step == CycleStep.FeasibilityReview =>
            new CyclePosition(CycleStep.IdeaRegistration, CycleState.Returned),
        (CycleAction.Resubmit, CycleState.Returned) => new CyclePosition(CycleStep.FeasibilityReview, CycleState.Active),
        (CycleAction.Drop, CycleState.Active or CycleState.Returned) => position with { State = CycleState.Dropped },
        _ => null,
    };

    /// <summary>
    /// Who may take an action, on top of being allowed to edit the entry at all (<see cref="RegistryAccess.ForRecord"/>):
    /// the review's decision (accept or return) is the program office's; a producer moves only their own idea up to the
    /// review, resubmits it or withdraws it; commune officers guide every other step of their communes' entries.
    /// </summary>
    public static bool MayTake(Role role, RecordAccess access, CycleStep step, CycleAction action)
    {
        if (access != RecordAccess.Edit)
        {
            return false;
        }

        var decidesReview = role is Role.Administrator or Role.ProgramOffice;
        return action switch
        {
            CycleAction.Return => decidesReview,
            CycleAction.Advance when step == CycleStep.FeasibilityReview => decidesReview,
            CycleAction.Advance when role == Role.Producer => step <= CycleStep.IdeaRegistration,
            _ => true,
        };
    }

    /// <summary>Producers register ideas for their own subject; officers record what their survey found.</summary>
    public static bool CanCreate(Role role) =>
        role is Role.Administrator or Role.ProgramOffice or Role.CommuneOfficer or Role.Producer;

    /// <summary>A new entry starts at the survey (communication) or at the registration of an idea; later steps are reached by moving.</summary>
    public static bool StartsAt(CycleStep step) => step is CycleStep.Communication or CycleStep.IdeaRegistration;

    /// <summary>
    /// At the evaluation step an entry is tied to its product in an evaluation round, by an officer who edits it (not the
    /// producer: the round's product list is the office's).
    /// </summary>
    public static bool MayLink(Role role, RecordAccess access, CyclePosition position) =>
        position is { Step: CycleStep.Evaluation, State: CycleState.Active } && access == RecordAccess.Edit && role != Role.Producer;

    /// <summary>Whole days since the entry entered its step, counted on Vietnam dates; never negative.</summary>
    public static int DaysInStep(DateOnly enteredOn, DateOnly today) => Math.Max(0, today.DayNumber - enteredOn.DayNumber);

    /// <summary>Two months in one step without a move: the board flags the entry as stuck.</summary>
    public const int StuckAfterDays = 60;

    public static bool IsStuck(CycleState state, int daysInStep) => IsOpen(state) && daysInStep >= StuckAfterDays;

    /// <summary>Open entries are the ones a board counts as stuck when they wait long enough.</summary>
    public static bool IsOpen(CycleState state) => state is CycleState.Active or CycleState.Returned;
}
