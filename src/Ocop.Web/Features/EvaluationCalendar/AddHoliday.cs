using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Calendar;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.EvaluationCalendar;

/// <summary>
/// Adds a day off (a public holiday, a day given in its place) or a weekend day worked in exchange to the calendar
/// every working-day deadline counts on. The office keeps it from the government's notice each year.
/// </summary>
public sealed class AddHoliday(OcopDbContext db)
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Nhập ngày.")] public DateOnly? Date { get; set; }
        [Required(ErrorMessage = "Nhập tên ngày nghỉ."), StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string Name { get; set; } = "";
        public bool WorkedWeekendDay { get; set; }
    }

    public sealed record Added(int Id, DateOnly Date);

    /// <summary>Who keeps the calendar: the program office and administrators.</summary>
    public static bool MayEdit(Role role) => RegistryAccess.CanEditReferenceData(role);

    public async Task<WriteResult<Added>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!MayEdit(scope.Role))
        {
            return WriteResult.Refused<Added>("Bạn không được sửa lịch ngày nghỉ.");
        }

        var errors = FieldErrorList.Annotations(command);
        if (command.Date is DateOnly date)
        {
            if (CalendarEntry.Problem(date, command.WorkedWeekendDay) is { } problem)
            {
                errors.Add(problem.Field == CalendarEntryField.Date ? nameof(Command.Date) : nameof(Command.WorkedWeekendDay), problem.Message);
            }

            if (await db.PublicHolidays().AnyAsync(h => h.Date == date, ct))
            {
                errors.Add(nameof(Command.Date), "Ngày này đã có trong danh sách.");
            }
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Added>(errors);
        }

        var day = db.PublicHolidays().Add(new PublicHoliday { Date = command.Date!.Value, Name = command.Name.Trim(), WorkedWeekendDay = command.WorkedWeekendDay }).Entity;
        await db.SaveChangesAsync(ct);
        return WriteResult.Done(new Added(day.Id, day.Date));
    }
}
