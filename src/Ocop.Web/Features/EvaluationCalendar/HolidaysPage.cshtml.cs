using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.EvaluationCalendar;

/// <summary>
/// The days off of a year (public holidays, days given in their place) and the weekend days worked in exchange, as data:
/// the commune's 15 working days and every working-day deadline count over them. The office keeps them each year from
/// the government's notice; everyone who follows deadlines reads them.
/// </summary>
public sealed class HolidaysPageModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "year")] public int? Year { get; set; }
    [BindProperty] public HolidayInput Input { get; set; } = new();

    public int ShownYear { get; private set; }
    public List<PublicHoliday> Days { get; private set; } = [];
    public List<int> Years { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public sealed class HolidayInput
    {
        [Required(ErrorMessage = "Nhập ngày.")] public DateOnly? Date { get; set; }
        [Required(ErrorMessage = "Nhập tên ngày nghỉ."), StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string Name { get; set; } = "";
        public bool WorkedWeekendDay { get; set; }
    }

    public static bool MayRead(Role role) => role is Role.Administrator or Role.ProgramOffice or Role.Department or Role.Leader or Role.CommuneOfficer;

    public static bool MayEdit(Role role) => role is Role.Administrator or Role.ProgramOffice;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        if (Input.Date is DateOnly date)
        {
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (Input.WorkedWeekendDay && !weekend)
            {
                ModelState.AddModelError("Input.WorkedWeekendDay", "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.");
            }
            else if (!Input.WorkedWeekendDay && weekend)
            {
                ModelState.AddModelError("Input.Date", "Thứ Bảy, Chủ nhật vốn là ngày nghỉ: ghi ngày nghỉ bù vào ngày làm việc kế tiếp.");
            }

            if (await db.PublicHolidays().AnyAsync(h => h.Date == date, ct))
            {
                ModelState.AddModelError("Input.Date", "Ngày này đã có trong danh sách.");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.PublicHolidays().Add(new PublicHoliday { Date = Input.Date!.Value, Name = Input.Name.Trim(), WorkedWeekendDay = Input.WorkedWeekendDay });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã thêm ngày {Display.Date(Input.Date)}.";
        return Redirect($"/EvaluationCalendar/Holidays?year={Input.Date!.Value.Year}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int holidayId, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var day = await db.PublicHolidays().SingleOrDefaultAsync(h => h.Id == holidayId, ct);
        if (day is null)
        {
            return NotFound();
        }

        // A wrong day is removed (the audit trail keeps it); deadlines already shown are recomputed on the next read.
        db.PublicHolidays().Remove(day);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã bỏ ngày {Display.Date(day.Date)}.";
        return Redirect($"/EvaluationCalendar/Holidays?year={day.Date.Year}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!MayRead(scope.Role))
        {
            return Forbid();
        }

        CanEdit = MayEdit(scope.Role);
        ShownYear = Year is int y && y is >= 2000 and <= 2100 ? y : Display.Today(clock).Year;
        Years = (await Holidays.YearsAsync(db, ct)).Append(ShownYear).Distinct().Order().ToList();
        var from = new DateOnly(ShownYear, 1, 1);
        var to = new DateOnly(ShownYear, 12, 31);
        Days = await db.PublicHolidays().AsNoTracking().Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date).ToListAsync(ct);
        return null;
    }
}
