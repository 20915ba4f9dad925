using Ocop.Core.Planning;

namespace Ocop.Core.Tests.Planning;

/// <summary>Plan from 01/01/2023 to the deadline 31/12/2025 (1,094 days); halfway is 01/07/2024.</summary>
public class TargetStatusTests
{
    private static readonly DateOnly Start = new(2023, 1, 1);
    private static readonly DateOnly Deadline = new(2025, 12, 31);

    [Theory]
    [InlineData(60.0, 60.0, TargetDirection.AtLeast, "2024-01-01", null, TargetState.Achieved)]
    [InlineData(61.0, 60.0, TargetDirection.AtLeast, "2026-06-01", null, TargetState.Achieved)]
    [InlineData(30.0, 60.0, TargetDirection.AtLeast, "2024-07-01", null, TargetState.OnTrack)]   // half the way at half the time
    [InlineData(29.0, 60.0, TargetDirection.AtLeast, "2024-07-01", null, TargetState.Behind)]
    [InlineData(40.0, 60.0, TargetDirection.AtLeast, "2024-07-01", 20.0, TargetState.OnTrack)]   // baseline 20: expected 40
    [InlineData(39.0, 60.0, TargetDirection.AtLeast, "2024-07-01", 20.0, TargetState.Behind)]
    [InlineData(59.0, 60.0, TargetDirection.AtLeast, "2025-12-31", null, TargetState.NotAchieved)] // the deadline has come: judged
    [InlineData(59.0, 60.0, TargetDirection.AtLeast, "2025-12-30", null, TargetState.Behind)]    // the day before: still behind
    [InlineData(0.0, 1.0, TargetDirection.AtLeast, "2023-01-01", null, TargetState.OnTrack)]     // first day: nothing expected yet
    [InlineData(10.0, 10.0, TargetDirection.AtMost, "2024-01-01", 30.0, TargetState.Achieved)]
    [InlineData(20.0, 10.0, TargetDirection.AtMost, "2024-07-01", 30.0, TargetState.OnTrack)]
    [InlineData(25.0, 10.0, TargetDirection.AtMost, "2024-07-01", 30.0, TargetState.Behind)]
    [InlineData(null, 30.0, TargetDirection.AtLeast, "2024-07-01", null, TargetState.NoValue)]
    public void Status_follows_a_straight_line_from_the_baseline_to_the_target(double? value, double target, TargetDirection direction, string at, double? baseline, TargetState expected) =>
        Assert.Equal(expected, TargetStatus.Of((decimal?)value, (decimal)target, direction, Start, Deadline,
            DateOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture), (decimal?)baseline));

    /// <summary>From the deadline on, the state is the verdict on the figure at the deadline, whatever the date asked.</summary>
    [Theory]
    [InlineData(60.0, 60.0, TargetDirection.AtLeast, "2025-12-31", TargetState.Achieved)]
    [InlineData(59.9, 60.0, TargetDirection.AtLeast, "2025-12-31", TargetState.NotAchieved)]
    [InlineData(59.9, 60.0, TargetDirection.AtLeast, "2026-12-04", TargetState.NotAchieved)]   // a year later: still judged, never "behind"
    [InlineData(75.0, 60.0, TargetDirection.AtLeast, "2027-06-30", TargetState.Achieved)]
    [InlineData(10.0, 10.0, TargetDirection.AtMost, "2026-01-01", TargetState.Achieved)]
    [InlineData(10.5, 10.0, TargetDirection.AtMost, "2026-01-01", TargetState.NotAchieved)]
    [InlineData(null, 30.0, TargetDirection.AtLeast, "2026-01-01", TargetState.NotAchieved)] // no figure at the deadline: not shown to be reached
    public void A_target_past_its_deadline_is_judged_on_its_figure_at_the_deadline(double? valueAtDeadline, double target, TargetDirection direction, string at, TargetState expected)
    {
        var on = DateOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(TargetStatus.IsJudged(Deadline, on));
        Assert.Equal(expected, TargetStatus.Verdict((decimal?)valueAtDeadline, (decimal)target, direction));
        Assert.Equal(expected, TargetStatus.Of((decimal?)valueAtDeadline, (decimal)target, direction, Start, Deadline, on, baseline: 0));
    }

    [Theory]
    [InlineData("2025-12-30", false)]
    [InlineData("2025-12-31", true)]
    [InlineData("2026-01-01", true)]
    public void A_target_is_judged_from_its_deadline_on(string at, bool judged) =>
        Assert.Equal(judged, TargetStatus.IsJudged(Deadline, DateOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(30.0, 60.0, TargetDirection.AtLeast, 50)]
    [InlineData(90.0, 60.0, TargetDirection.AtLeast, 100)]
    [InlineData(null, 60.0, TargetDirection.AtLeast, 0)]
    [InlineData(5.0, 10.0, TargetDirection.AtMost, 100)]
    [InlineData(20.0, 10.0, TargetDirection.AtMost, 50)]
    public void Progress_bar_is_the_share_of_the_way(double? value, double target, TargetDirection direction, int percent) =>
        Assert.Equal(percent, TargetStatus.Progress((decimal?)value, (decimal)target, direction));
}
