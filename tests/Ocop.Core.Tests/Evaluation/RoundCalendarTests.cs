using System.Globalization;
using Ocop.Core.Evaluation;

namespace Ocop.Core.Tests.Evaluation;

public class RoundCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-12-05", "2026-06-26", DeadlineState.Done, DeadlineState.DueSoon)]
    [InlineData("2026-12-05", "2026-07-03", DeadlineState.DoneLate, DeadlineState.DueSoon)]
    [InlineData("2027-01-05", null, DeadlineState.Late, DeadlineState.Late)]
    [InlineData("2026-04-01", null, DeadlineState.Upcoming, DeadlineState.Upcoming)]
    public void The_province_rounds_of_26_2026_are_due_by_30_June_and_30_December(string today, string? firstClosedOn, DeadlineState first, DeadlineState second)
    {
        HeldRound[] held = firstClosedOn is null ? [] : [new HeldRound(1, "Đợt 1", D("2026-05-25"), D("2026-06-28"), D(firstClosedOn))];
        var rounds = RoundCalendar.For(EvaluationProcesses.Decision26, EvaluationLevel.Province, 2026, held, D(today));
        Assert.Equal([(1, D("2026-06-30"), first), (2, D("2026-12-30"), second)], rounds.Select(r => (r.Window.Round, r.Window.EndsBy, r.State)));
    }

    [Fact]
    public void The_central_rounds_end_on_30_March_and_30_September_and_older_processes_fix_none()
    {
        var central = RoundCalendar.For(EvaluationProcesses.Decision26, EvaluationLevel.Central, 2027, [], D("2027-01-10"));
        Assert.Equal([D("2027-03-30"), D("2027-09-30")], central.Select(r => r.Window.EndsBy));
        // In 2026 the centre's March round was before 26/2026 existed.
        Assert.Single(RoundCalendar.For(EvaluationProcesses.Decision26, EvaluationLevel.Central, 2026, [], D("2026-06-01")));
        Assert.Empty(RoundCalendar.For(EvaluationProcesses.Amended1489, EvaluationLevel.Province, 2026, [], D("2026-01-01")));
    }
}
