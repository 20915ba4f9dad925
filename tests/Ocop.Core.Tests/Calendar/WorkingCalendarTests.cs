using System.Globalization;
using Ocop.Core.Calendar;
using Ocop.Core.Evaluation;

namespace Ocop.Core.Tests.Calendar;

/// <summary>The commune's 15 working days, counted over the holiday data the app ships (Data/Seed/holidays-vietnam.json).</summary>
public class WorkingCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly IReadOnlyList<HolidayYear> Years =
        HolidayFile.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calendar", "Data", "holidays-vietnam.json")));

    private static WorkingCalendar Shipped => new(Years.SelectMany(y => y.DaysOff).Select(d => d.Date), Years.SelectMany(y => y.WorkedWeekendDays).Select(d => d.Date));

    [Theory]
    [InlineData("2026-04-24", "2026-05-20")]   // Giỗ Tổ (compensated Monday 27/4), 30/4 and 1/5 are skipped
    [InlineData("2026-02-12", "2026-03-12")]   // the five working days of Tết Bính Ngọ are skipped
    [InlineData("2026-08-26", "2026-09-18")]   // 1 and 2 September
    [InlineData("2025-04-24", "2025-05-19")]   // Saturday 26/4/2025 was worked in exchange for 2/5
    [InlineData("2027-01-04", "2027-01-25")]   // a year without data: weekends only
    public void The_commune_check_is_due_15_working_days_after_receipt(string received, string due) =>
        Assert.Equal(D(due), EvaluationProcesses.Decision26.CommuneCheckDueOn(D(received), Shipped));

    [Theory]
    [InlineData("2026-02-16", false)]   // Tết
    [InlineData("2026-04-27", false)]   // the compensated Giỗ Tổ
    [InlineData("2025-04-26", true)]    // a Saturday worked
    [InlineData("2026-04-25", false)]   // an ordinary Saturday
    [InlineData("2026-04-28", true)]
    public void Working_days_follow_the_data(string date, bool working) => Assert.Equal(working, Shipped.IsWorkingDay(D(date)));

    [Fact]
    public void Every_year_of_the_data_has_the_labour_code_holidays_and_no_weekend_day_off()
    {
        Assert.Contains(Years, y => y.Year == 2026);
        foreach (var year in Years)
        {
            Assert.True(year.DaysOff.Count >= 11, $"{year.Year}: {year.DaysOff.Count} days off");
            Assert.All(year.DaysOff, d => Assert.Equal(year.Year, d.Date.Year));
            Assert.All(year.DaysOff, d => Assert.False(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, d.Date.ToString("o", CultureInfo.InvariantCulture)));
            Assert.All(year.WorkedWeekendDays, d => Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
        }
    }

    [Fact]
    public void Working_days_between_two_dates_count_after_the_first() =>
        Assert.Equal(15, Shipped.WorkingDaysBetween(D("2026-04-24"), D("2026-05-20")));
}
