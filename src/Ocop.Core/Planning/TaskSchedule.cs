using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Ocop.Core.Planning;

/// <summary>How often a plan task is due.</summary>
public enum Recurrence
{
    [Display(Name = "Một lần")] Once = 1,
    [Display(Name = "Hằng năm")] Yearly = 2,
    [Display(Name = "Hằng quý")] Quarterly = 3,
}

/// <summary>Where a task stands on a date.</summary>
public enum PlanTaskStatus
{
    [Display(Name = "Chưa thực hiện")] NotStarted = 1,
    [Display(Name = "Đang thực hiện")] InProgress = 2,
    [Display(Name = "Hoàn thành")] Done = 3,
    [Display(Name = "Quá hạn")] Overdue = 4,
}

/// <summary>
/// When a task falls due: once on a date; yearly on a day and month; quarterly a number of days after each quarter ends.
/// The task runs from <see cref="StartsOn"/>: its first period is the one holding that date.
/// </summary>
public sealed record TaskSchedule(Recurrence Kind, DateOnly StartsOn, DateOnly? DueOn = null, int DueMonth = 12, int DueDay = 31, int DaysAfterQuarter = 0)
{
    public static TaskSchedule Once(DateOnly startsOn, DateOnly dueOn) => new(Recurrence.Once, startsOn, dueOn);

    public static TaskSchedule Yearly(DateOnly startsOn, int month, int day) => new(Recurrence.Yearly, startsOn, DueMonth: month, DueDay: day);

    public static TaskSchedule Quarterly(DateOnly startsOn, int daysAfterQuarter) => new(Recurrence.Quarterly, startsOn, DaysAfterQuarter: daysAfterQuarter);

    /// <summary>Why the schedule cannot be used, in Vietnamese, or null when it is sound.</summary>
    public string? Problem() => Kind switch
    {
        Recurrence.Once when DueOn is null => "Nhập hạn hoàn thành.",
        Recurrence.Once when DueOn < StartsOn => "Hạn hoàn thành phải sau ngày bắt đầu.",
        Recurrence.Yearly when DueMonth is < 1 or > 12 || DueDay is < 1 or > 31 => "Ngày, tháng đến hạn hằng năm không hợp lệ.",
        Recurrence.Quarterly when DaysAfterQuarter is < 0 or > 90 => "Số ngày sau khi hết quý phải từ 0 đến 90.",
        _ => null,
    };
}

/// <summary>One period of a task: what it covers, when its report is due, and the label reports carry.</summary>
public sealed record TaskPeriod(DateOnly Start, DateOnly End, DateOnly Due, string Label);

/// <summary>What has been reported for one period.</summary>
public readonly record struct PeriodProgress(bool Reported, bool Done);

/// <summary>A task on a date: its status, the period to report on next, and the periods past due and not done.</summary>
public sealed record TaskAssessment(PlanTaskStatus Status, TaskPeriod? Open, IReadOnlyList<TaskPeriod> OverduePeriods);

/// <summary>Periods, due dates and status of plan tasks. A task is overdue once a period's due date has passed without a "done" report.</summary>
public static class TaskSchedules
{
    /// <summary>The period holding a date (for a one-off task: its only period).</summary>
    public static TaskPeriod PeriodOf(TaskSchedule schedule, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        switch (schedule.Kind)
        {
            case Recurrence.Once:
                var due = schedule.DueOn ?? schedule.StartsOn;
                return new TaskPeriod(schedule.StartsOn, due, due, "Hạn " + due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            case Recurrence.Yearly:
                var year = date.Year;
                var day = Math.Min(schedule.DueDay, DateTime.DaysInMonth(year, schedule.DueMonth));
                return new TaskPeriod(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), new DateOnly(year, schedule.DueMonth, day),
                    "Năm " + year.ToString(CultureInfo.InvariantCulture));
            default:
                var quarter = ((date.Month - 1) / 3) + 1;
                var start = new DateOnly(date.Year, ((quarter - 1) * 3) + 1, 1);
                var end = start.AddMonths(3).AddDays(-1);
                return new TaskPeriod(start, end, end.AddDays(schedule.DaysAfterQuarter),
                    $"Quý {quarter.ToString(CultureInfo.InvariantCulture)}/{date.Year.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>Every period from the task's start whose start lies on or before <paramref name="until"/>, oldest first.</summary>
    public static IReadOnlyList<TaskPeriod> PeriodsUntil(TaskSchedule schedule, DateOnly until)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var first = PeriodOf(schedule, schedule.StartsOn);
        if (schedule.Kind == Recurrence.Once)
        {
            return [first];
        }

        var periods = new List<TaskPeriod>();
        for (var period = first; period.Start <= until; period = PeriodOf(schedule, period.End.AddDays(1)))
        {
            periods.Add(period);
        }

        return periods;
    }

    /// <summary>
    /// The task on <paramref name="today"/>: the open period is the oldest started one not yet done; it is overdue once
    /// its due date has passed (the due date itself is still on time). A task with every started period done is done.
    /// </summary>
    public static TaskAssessment Assess(TaskSchedule schedule, DateOnly today, IReadOnlyDictionary<DateOnly, PeriodProgress> progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var periods = PeriodsUntil(schedule, today);
        if (periods.Count == 0)
        {
            return new TaskAssessment(PlanTaskStatus.NotStarted, PeriodOf(schedule, schedule.StartsOn), []);
        }

        PeriodProgress Of(TaskPeriod p) => progress.TryGetValue(p.Start, out var found) ? found : default;
        var overdue = periods.Where(p => p.Due < today && !Of(p).Done).ToList();
        var open = periods.FirstOrDefault(p => !Of(p).Done);
        if (open is null)
        {
            return new TaskAssessment(PlanTaskStatus.Done, null, []);
        }

        var status = overdue.Count > 0 ? PlanTaskStatus.Overdue
            : Of(open).Reported ? PlanTaskStatus.InProgress
            : PlanTaskStatus.NotStarted;
        return new TaskAssessment(status, open, overdue);
    }
}
