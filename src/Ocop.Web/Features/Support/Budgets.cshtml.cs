using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Support;

/// <summary>Budget allocations (plan IV.2) against what was committed and paid from each, with the year's sums; XLSX on request.</summary>
public sealed class BudgetsModel(SectionContext section) : PageModel
{
    [FromQuery(Name = "year")] public int? Year { get; set; }
    [FromQuery(Name = "unit")] public int? UnitId { get; set; }
    [FromQuery(Name = "archived")] public bool Archived { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>Every allocation the filters keep (the export writes them all); the page shows <see cref="Shown"/>.</summary>
    public List<AllocationRow> Rows { get; private set; } = [];
    public List<AllocationRow> Shown { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public List<SelectListItem> Units { get; private set; } = [];
    public bool CanAllocate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var refused = await LoadAsync(ct);
        if (refused is not null)
        {
            return refused;
        }

        Units = await section.UnitOptionsAsync(UnitId, withAll: true, ct);
        // Committed and paid sums are worked out per allocation in memory, so the list is paged after them.
        (Shown, _, Pager) = Paging.Of(Request, Rows, PageNumber);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var refused = await LoadAsync(ct);
        if (refused is not null)
        {
            return refused;
        }

        XlsxColumn[] columns =
        [
            new("Năm", 8, XlsxKind.Whole), new("Nguồn kinh phí", 30), new("Đơn vị", 24), new("Phòng phân bổ", 22), new("Phòng phụ trách", 22),
            new("Xã", 22), new("Dự toán (đồng)", 18, XlsxKind.Grouped), new("Cam kết (đồng)", 18, XlsxKind.Grouped),
            new("Đã chi (đồng)", 18, XlsxKind.Grouped), new("Quyết định", 20), new("Ghi chú", 30),
        ];
        var stream = XlsxExport.Write(new XlsxSheet("Dự toán kinh phí", columns, Rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Year, Display.Name(r.Source), r.UnitName, r.AllocatedBy, r.OfficeName, r.CommuneName, r.AmountVnd, r.CommittedVnd,
            r.PaidVnd, r.Decision, r.Note,
        ])));
        return File(stream, XlsxExport.ContentType, "du-toan-kinh-phi.xlsx");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        if (!SupportAccess.CanReadBudgets(scope.Role))
        {
            return Forbid();
        }

        if (UnitId is int unit && unit != 0 && !scope.Units.ById.ContainsKey(unit))
        {
            return NotFound();
        }

        if (Year is int y && y is < 2000 or > 2100)
        {
            Year = null;
        }

        CanAllocate = SupportAccess.CanAllocate(scope.Role, scope.OfficeId is not null);
        Rows = await BudgetFigures.AllocationsAsync(section, new RegisterFilter(await section.CommunesOfUnitAsync(UnitId, ct), Archived), Year, ct);
        return null;
    }

    public static bool CanEdit(AllocationRow row) => row.Access == RecordAccess.Edit;
}
