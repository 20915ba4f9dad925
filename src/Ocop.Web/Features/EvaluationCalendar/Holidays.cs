using Microsoft.EntityFrameworkCore;
using Ocop.Core.Calendar;
using Ocop.Web.Data;

namespace Ocop.Web.Features.EvaluationCalendar;

/// <summary>The public holidays as stored (per year, kept by the office): the calendar working-day deadlines count on.</summary>
public static class Holidays
{
    public static async Task<WorkingCalendar> CalendarAsync(OcopDbContext db, CancellationToken ct)
    {
        var days = await db.PublicHolidays().AsNoTracking().Select(h => new { h.Date, h.WorkedWeekendDay }).ToListAsync(ct);
        return new WorkingCalendar(days.Where(d => !d.WorkedWeekendDay).Select(d => d.Date), days.Where(d => d.WorkedWeekendDay).Select(d => d.Date));
    }

    /// <summary>Years with holiday data: a deadline in another year counts weekends only, and the page says so.</summary>
    public static async Task<HashSet<int>> YearsAsync(OcopDbContext db, CancellationToken ct) =>
        (await db.PublicHolidays().AsNoTracking().Select(h => h.Date).ToListAsync(ct)).Select(d => d.Year).ToHashSet();
}
