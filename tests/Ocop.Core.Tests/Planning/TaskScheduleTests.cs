using System.Globalization;
using Ocop.Core.Access;
using Ocop.Core.Planning;

namespace Ocop.Core.Tests.Planning;

public class TaskScheduleTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static readonly Dictionary<DateOnly, PeriodProgress> Nothing = [];

    [Theory]
    [InlineData("2026-02-10", "2026-01-01", "2026-03-31", "2026-04-15", "Quý 1/2026")]
    [InlineData("2026-03-31", "2026-01-01", "2026-03-31", "2026-04-15", "Quý 1/2026")]
    [InlineData("2026-04-01", "2026-04-01", "2026-06-30", "2026-07-15", "Quý 2/2026")]
    [InlineData("2026-12-31", "2026-10-01", "2026-12-31", "2027-01-15", "Quý 4/2026")]
    public void A_quarterly_task_is_due_days_after_each_quarter_ends(string date, string start, string end, string due, string label) =>
        Assert.Equal(new TaskPeriod(D(start), D(end), D(due), label), TaskSchedules.PeriodOf(TaskSchedule.Quarterly(D("2026-01-01"), 15), D(date)));

    [Theory]
    [InlineData(12, 15, "2026-05-01", "2026-12-15")]
    [InlineData(2, 31, "2026-05-01", "2026-02-28")] // day clamped to the month
    [InlineData(2, 29, "2028-05-01", "2028-02-29")] // leap year keeps the 29th
    public void A_yearly_task_is_due_on_its_day_and_month(int month, int day, string date, string due) =>
        Assert.Equal(D(due), TaskSchedules.PeriodOf(TaskSchedule.Yearly(D("2023-05-11"), month, day), D(date)).Due);

    [Fact]
    public void Periods_run_from_the_period_holding_the_start_to_the_one_started_by_the_date()
    {
        var periods = TaskSchedules.PeriodsUntil(TaskSchedule.Quarterly(D("2025-11-20"), 10), D("2026-04-01"));
        Assert.Equal(["Quý 4/2025", "Quý 1/2026", "Quý 2/2026"], periods.Select(p => p.Label));
        Assert.Single(TaskSchedules.PeriodsUntil(TaskSchedule.Once(D("2026-01-01"), D("2026-06-30")), D("2030-01-01")));
    }

    [Theory]
    [InlineData("2026-06-29", PlanTaskStatus.NotStarted)]
    [InlineData("2026-06-30", PlanTaskStatus.NotStarted)] // the due date itself is on time
    [InlineData("2026-07-01", PlanTaskStatus.Overdue)]    // the day after is late
    public void A_one_off_task_is_overdue_the_day_after_its_due_date(string today, PlanTaskStatus status) =>
        Assert.Equal(status, TaskSchedules.Assess(TaskSchedule.Once(D("2026-01-01"), D("2026-06-30")), D(today), Nothing).Status);

    [Theory]
    [InlineData("2026-04-15", false, false, PlanTaskStatus.NotStarted, "Quý 1/2026", 0)]
    [InlineData("2026-04-15", true, false, PlanTaskStatus.InProgress, "Quý 1/2026", 0)]
    [InlineData("2026-04-16", true, false, PlanTaskStatus.Overdue, "Quý 1/2026", 1)]
    [InlineData("2026-04-16", true, true, PlanTaskStatus.NotStarted, "Quý 2/2026", 0)]
    [InlineData("2026-07-16", true, true, PlanTaskStatus.Overdue, "Quý 2/2026", 1)]
    public void A_quarterly_task_is_overdue_once_a_period_is_past_due_without_a_done_report(
        string today, bool reported, bool done, PlanTaskStatus status, string open, int overdue)
    {
        var progress = new Dictionary<DateOnly, PeriodProgress> { [D("2026-01-01")] = new(reported, done) };
        var result = TaskSchedules.Assess(TaskSchedule.Quarterly(D("2026-01-01"), 15), D(today), progress);
        Assert.Equal(status, result.Status);
        Assert.Equal(open, result.Open?.Label);
        Assert.Equal(overdue, result.OverduePeriods.Count);
    }

    [Fact]
    public void A_one_off_task_done_is_done_for_good()
    {
        var progress = new Dictionary<DateOnly, PeriodProgress> { [D("2026-01-01")] = new(true, true) };
        var result = TaskSchedules.Assess(TaskSchedule.Once(D("2026-01-01"), D("2026-03-31")), D("2027-01-01"), progress);
        Assert.Equal(PlanTaskStatus.Done, result.Status);
        Assert.Null(result.Open);
    }

    [Fact]
    public void A_task_that_has_not_started_yet_is_not_started()
    {
        var result = TaskSchedules.Assess(TaskSchedule.Yearly(D("2027-01-01"), 12, 31), D("2026-06-01"), Nothing);
        Assert.Equal(PlanTaskStatus.NotStarted, result.Status);
        Assert.Equal("Năm 2027", result.Open?.Label);
    }

    [Theory]
    [InlineData(Recurrence.Once, null, 12, 31, 0, true)]
    [InlineData(Recurrence.Once, "2025-12-31", 12, 31, 0, true)] // before the start
    [InlineData(Recurrence.Once, "2026-12-31", 12, 31, 0, false)]
    [InlineData(Recurrence.Yearly, null, 13, 1, 0, true)]
    [InlineData(Recurrence.Yearly, null, 2, 30, 0, false)] // clamped, like the 31st of short months
    [InlineData(Recurrence.Quarterly, null, 12, 31, 91, true)]
    [InlineData(Recurrence.Quarterly, null, 12, 31, 15, false)]
    public void A_schedule_is_checked_before_it_is_saved(Recurrence kind, string? due, int month, int day, int after, bool problem) =>
        Assert.Equal(problem, new TaskSchedule(kind, D("2026-01-01"), due is null ? null : D(due), month, day, after).Problem() is not null);

    [Theory]
    [InlineData(Role.ProgramOffice, false, true, false, true)]
    [InlineData(Role.ProgramOffice, true, true, true, true)]
    [InlineData(Role.Leader, false, true, false, false)]
    [InlineData(Role.Administrator, true, true, false, true)]
    [InlineData(Role.Department, true, true, true, false)]
    [InlineData(Role.Department, false, false, false, false)]
    [InlineData(Role.CommuneOfficer, true, true, true, false)]
    [InlineData(Role.CommuneOfficer, false, false, false, false)]
    [InlineData(Role.Producer, true, false, false, false)]
    [InlineData(Role.CouncilMember, true, false, false, false)]
    public void Only_the_owning_unit_reports_and_the_program_office_manages(Role role, bool owns, bool read, bool report, bool manage)
    {
        Assert.Equal(read, TaskAccess.CanRead(role, owns));
        Assert.Equal(report, TaskAccess.CanReport(role, owns));
        Assert.Equal(manage, TaskAccess.CanManage(role));
    }

    [Theory]
    [InlineData(Role.CommuneOfficer, false, true, true)]
    [InlineData(Role.Department, false, true, false)] // the district is their unit, the commune's job is not theirs
    [InlineData(Role.ProgramOffice, false, true, false)]
    [InlineData(Role.ProgramOffice, true, false, true)]
    [InlineData(Role.Department, true, false, true)]
    public void A_commune_task_belongs_to_the_communes_officers_not_to_district_staff(Role role, bool ownOffice, bool communeInUnits, bool owns) =>
        Assert.Equal(owns, TaskAccess.Owns(role, ownOffice, communeInUnits));
}
