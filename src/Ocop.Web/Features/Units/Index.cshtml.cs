using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Units;

/// <summary>
/// The registry of units: a search by name (with or without diacritics, former names too) or code, by level and date, inside
/// one unit (by default the deploying office's province, with the former provinces, districts and communes merged into it).
/// Where a former commune was split between several successors, the program office records which one holds its records.
/// </summary>
public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes, UnitDirectory directory, RecordSuccessor recordSuccessor) : PageModel
{
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "level")] public UnitLevel? Level { get; set; }
    [FromQuery(Name = "at")] public DateOnly? At { get; set; }
    /// <summary>The unit whose covered units are listed; absent: the deploying office's; 0: the whole country.</summary>
    [FromQuery(Name = "within")] public int? Within { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public List<UnitRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;
    public UnitEntry? WithinUnit { get; private set; }
    public List<SelectListItem> Levels { get; private set; } = [];
    public bool CanChooseSuccessor { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var units = await directory.GetAsync(db, ct);
        var within = Within ?? (units.HomeUnits is [var home] ? home : 0);
        WithinUnit = within == 0 ? null : units.ById.GetValueOrDefault(within);
        var search = new UnitSearch(Q, Level, At, WithinUnit?.Id, PageNumber);
        (Rows, Total) = search.Run(units);
        Pager = new Pager(Request, search.SafePage, search.SafePageSize, Total);
        Levels = Display.Values<UnitLevel>().Select(l => new SelectListItem(Display.Name(l), l.ToString(), l == Level)).ToList();
        CanChooseSuccessor = RegistryAccess.CanEditReferenceData((await scopes.GetAsync(ct)).Role);
    }

    /// <summary>Records which of a split commune's successors holds its records: <see cref="RecordSuccessor"/>.</summary>
    public async Task<IActionResult> OnPostSuccessorAsync(int unit, int successor, CancellationToken ct)
    {
        var result = await recordSuccessor.RunAsync(await scopes.GetAsync(ct), new RecordSuccessor.Command { UnitId = unit, SuccessorId = successor }, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                Message = $"Đã ghi nhận: hồ sơ của {result.Value!.FormerName} thuộc {result.Value.SuccessorName} từ nay.";
                return RedirectToPage(new { q = result.Value.FormerCode });
            case WriteOutcome.Refused:
                return Forbid();
            case WriteOutcome.Invalid:
                // The list the choice was made from, with the refusal above it.
                Message = string.Join(" ", result.AllMessages());
                return RedirectToPage(new { q = await db.Units.Where(u => u.Id == unit).Select(u => u.Code).SingleAsync(ct) });
            default:
                return NotFound();
        }
    }
}
