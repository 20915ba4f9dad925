namespace Ocop.Core.Calendar;

/// <summary>The field of a calendar entry a rule speaks of.</summary>
public enum CalendarEntryField
{
    Date,
    WorkedWeekendDay,
}

/// <summary>
/// What a day entered in the calendar must be: a day off falls on a working day (a holiday on a weekend is given on the
/// next working day, Labour Code 2019 art. 112), and a day worked in exchange falls on a Saturday or Sunday.
/// </summary>
public static class CalendarEntry
{
    /// <summary>Why the day cannot be entered as such, or null.</summary>
    public static (CalendarEntryField Field, string Message)? Problem(DateOnly date, bool workedWeekendDay)
    {
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (workedWeekendDay && !weekend)
        {
            return (CalendarEntryField.WorkedWeekendDay, "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.");
        }

        return !workedWeekendDay && weekend
            ? (CalendarEntryField.Date, "Thứ Bảy, Chủ nhật vốn là ngày nghỉ: ghi ngày nghỉ bù vào ngày làm việc kế tiếp.")
            : null;
    }
}
