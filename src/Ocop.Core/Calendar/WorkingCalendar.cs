using System.Globalization;
using System.Text.Json;

namespace Ocop.Core.Calendar;

/// <summary>A public holiday or a day off in its place (nghỉ bù, hoán đổi), as the government announces it each year.</summary>
public sealed record DayOff(DateOnly Date, string Name);

/// <summary>
/// Which days government offices work: Monday to Friday, less the public holidays and the days given in their place,
/// plus the Saturdays worked to make up a swapped day (đi làm bù). Deadlines counted in working days (the commune's
/// 15 working days to check a dossier) count on it. Built from data, one list per year, never from constants.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> daysOff;
    private readonly HashSet<DateOnly> workedWeekendDays;

    public WorkingCalendar(IEnumerable<DateOnly> daysOff, IEnumerable<DateOnly>? workedWeekendDays = null)
    {
        this.daysOff = [.. daysOff];
        this.workedWeekendDays = [.. workedWeekendDays ?? []];
    }

    /// <summary>Weekends only: what a deadline counts on when no holiday data covers the year.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([]);

    public bool IsWorkingDay(DateOnly date) =>
        workedWeekendDays.Contains(date) || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !daysOff.Contains(date));

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="start"/>; the day of receipt does not count.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when <paramref name="to"/> is not later).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>One year of the holiday data file: its days off and the weekend days worked in exchange.</summary>
/// <param name="Source">Where the year's schedule comes from (the Labour Code and the ministry's yearly notice).</param>
public sealed record HolidayYear(int Year, string Source, IReadOnlyList<DayOff> DaysOff, IReadOnlyList<DayOff> WorkedWeekendDays);

/// <summary>Reads holidays-vietnam.json: {"years":[{"year":2026,"source":"…","daysOff":[{"date":"2026-01-01","name":"…"}],"workedWeekendDays":[…]}]}.</summary>
public static class HolidayFile
{
    public static IReadOnlyList<HolidayYear> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var years = new List<HolidayYear>();
        foreach (var year in document.RootElement.GetProperty("years").EnumerateArray())
        {
            years.Add(new HolidayYear(
                year.GetProperty("year").GetInt32(),
                year.TryGetProperty("source", out var source) ? source.GetString() ?? "" : "",
                Days(year, "daysOff"),
                Days(year, "workedWeekendDays")));
        }

        return years;
    }

    private static List<DayOff> Days(JsonElement year, string name) =>
        year.TryGetProperty(name, out var days)
            ? days.EnumerateArray().Select(d => new DayOff(
                DateOnly.ParseExact(d.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                d.GetProperty("name").GetString() ?? "")).ToList()
            : [];
}
