using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.EvaluationCalendar;

/// <summary>
/// Removes a day entered by mistake from the calendar. The audit trail keeps it; deadlines already shown are recomputed
/// on the next read.
/// </summary>
public sealed class RemoveHoliday(OcopDbContext db)
{
    public sealed class Command
    {
        public int HolidayId { get; set; }
    }

    public sealed record Removed(DateOnly Date);

    public async Task<WriteResult<Removed>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!AddHoliday.MayEdit(scope.Role))
        {
            return WriteResult.Refused<Removed>("Bạn không được sửa lịch ngày nghỉ.");
        }

        var day = await db.PublicHolidays().SingleOrDefaultAsync(h => h.Id == command.HolidayId, ct);
        if (day is null)
        {
            return WriteResult.NotFound<Removed>("Không tìm thấy ngày nghỉ.");
        }

        db.PublicHolidays().Remove(day);
        await db.SaveChangesAsync(ct);
        return WriteResult.Done(new Removed(day.Date));
    }
}
