using Ocop.Core.Calendar;

namespace Ocop.Core.Tests.Calendar;

public class CalendarEntryTests
{
    [Theory]
    [InlineData("2027-01-01", false, null)]                                   // a Friday off: Tết Dương lịch
    [InlineData("2027-01-02", false, CalendarEntryField.Date)]                // a Saturday is off already
    [InlineData("2027-01-03", false, CalendarEntryField.Date)]                // so is a Sunday
    [InlineData("2027-01-09", true, null)]                                    // a Saturday worked in exchange
    [InlineData("2027-01-04", true, CalendarEntryField.WorkedWeekendDay)]     // a Monday is worked anyway
    public void A_day_off_falls_on_a_working_day_and_a_day_worked_in_exchange_on_a_weekend(string date, bool worked, CalendarEntryField? field) =>
        Assert.Equal(field, CalendarEntry.Problem(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), worked)?.Field);
}
