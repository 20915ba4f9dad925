using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
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
public sealed class HolidaysPageModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock, AddHoliday addHoliday, RemoveHoliday removeHoliday) : PageModel
{
    [FromQuery(Name = "year")] public int? Year { get; set; }
    /// <summary>Checked by <see cref="AddHoliday"/>, not by MVC: one set of messages, whoever sends the command.</summary>
    [BindProperty, ValidateNever] public AddHoliday.Command Input { get; set; } = new();

    public int ShownYear { get; private set; }
    public List<PublicHoliday> Days { get; private set; } = [];
    public List<int> Years { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public static bool MayRead(Role role) => role is Role.Administrator or Role.ProgramOffice or Role.Department or Role.Leader or Role.CommuneOfficer;

    public static bool MayEdit(Role role) => AddHoliday.MayEdit(role);

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

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await addHoliday.RunAsync(await scopes.GetAsync(ct), Input, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                TempData["Message"] = $"Đã thêm ngày {Display.Date(result.Value!.Date)}.";
                return RedirectToPage("/EvaluationCalendar/HolidaysPage", new { year = result.Value.Date.Year });
            case WriteOutcome.Refused:
                return Forbid();
            case WriteOutcome.NotFound:
                return NotFound();
            default:
                result.AddTo(ModelState, "Input.");
                return Page();
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(int holidayId, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var result = await removeHoliday.RunAsync(await scopes.GetAsync(ct), new RemoveHoliday.Command { HolidayId = holidayId }, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                TempData["Message"] = $"Đã bỏ ngày {Display.Date(result.Value!.Date)}.";
                return RedirectToPage("/EvaluationCalendar/HolidaysPage", new { year = result.Value.Date.Year });
            case WriteOutcome.Refused:
                return Forbid();
            default:
                return NotFound();
        }
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
