using System.ComponentModel.DataAnnotations;

namespace Ocop.Core.Planning;

public enum TargetDirection
{
    [Display(Name = "Ít nhất (≥)")] AtLeast = 1,
    [Display(Name = "Nhiều nhất (≤)")] AtMost = 2,
}

public enum TargetState
{
    [Display(Name = "Đạt")] Achieved = 1,
    [Display(Name = "Đúng tiến độ")] OnTrack = 2,
    [Display(Name = "Chậm")] Behind = 3,
    [Display(Name = "Chưa có số liệu")] NoValue = 4,
    /// <summary>The verdict on a target whose deadline has come and whose figure at the deadline missed it.</summary>
    [Display(Name = "Không đạt")] NotAchieved = 5,
}

/// <summary>
/// Where a target stands on a date. Before the deadline: a value that reaches the target is achieved; otherwise the
/// expected value moves in a straight line from the baseline (the value on the plan's first day) on that day to the
/// target on the deadline, and a value at or beyond the expected one is on track, anything else behind. From the
/// deadline on, the target is judged once and for all on its figure at the deadline: achieved or not achieved, whatever
/// the figures do afterwards.
/// </summary>
public static class TargetStatus
{
    /// <summary>Whether the target has its verdict on the date: the deadline has come.</summary>
    public static bool IsJudged(DateOnly deadline, DateOnly at) => at >= deadline;

    /// <summary>
    /// The verdict on the figure at the deadline: achieved or not achieved. A target without a figure at its deadline
    /// (an empty denominator) was not shown to be reached: not achieved.
    /// </summary>
    public static TargetState Verdict(decimal? valueAtDeadline, decimal target, TargetDirection direction) =>
        valueAtDeadline is decimal v && Reached(v, target, direction) ? TargetState.Achieved : TargetState.NotAchieved;

    /// <summary>
    /// The state on <paramref name="at"/>. Before the deadline <paramref name="value"/> is the figure on that date; from
    /// the deadline on it must be the figure at the deadline, and the state is its verdict.
    /// </summary>
    public static TargetState Of(decimal? value, decimal target, TargetDirection direction, DateOnly planStart, DateOnly deadline, DateOnly at, decimal? baseline = null)
    {
        if (IsJudged(deadline, at))
        {
            return Verdict(value, target, direction);
        }

        if (value is not decimal v)
        {
            return TargetState.NoValue;
        }

        if (Reached(v, target, direction))
        {
            return TargetState.Achieved;
        }

        var expected = Expected(target, planStart, deadline, at, baseline ?? 0);
        return Reached(v, expected, direction) ? TargetState.OnTrack : TargetState.Behind;
    }

    /// <summary>The value the straight line from the baseline on the plan's first day to the target on the deadline expects on the date.</summary>
    public static decimal Expected(decimal target, DateOnly planStart, DateOnly deadline, DateOnly at, decimal baseline)
    {
        var span = deadline.DayNumber - planStart.DayNumber;
        if (span <= 0)
        {
            return target;
        }

        var elapsed = Math.Clamp(at.DayNumber - planStart.DayNumber, 0, span);
        return baseline + ((target - baseline) * elapsed / span);
    }

    /// <summary>Share of the way to the target, 0–100, for a progress bar; for "at most" targets, 100 once under the ceiling.</summary>
    public static int Progress(decimal? value, decimal target, TargetDirection direction)
    {
        if (value is not decimal v)
        {
            return 0;
        }

        if (direction == TargetDirection.AtMost)
        {
            return v <= target ? 100 : target <= 0 ? 0 : (int)Math.Clamp(Math.Round(target * 100 / v), 0, 100);
        }

        return target <= 0 ? 100 : (int)Math.Clamp(Math.Floor(v * 100 / target), 0, 100);
    }

    private static bool Reached(decimal value, decimal target, TargetDirection direction) =>
        direction == TargetDirection.AtLeast ? value >= target : value <= target;
}
