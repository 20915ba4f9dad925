using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Shared;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Ocop.Web.Features.Support;

/// <summary>Budget allocations (plan IV.2) against what was committed and paid from each, with the year's sums; XLSX on request.</summary>
public sealed class BudgetsModel(SectionContext section) : PageModel
{
    [FromQuery(Name = "year")] public int? Year { get; set; }
    [FromQuery(Name = "unit")] public int? UnitId { get; set; }
    [FromQuery(Name = "archived")] public bool Archived { get; set; }

    public List<AllocationRow> Rows { get; private set; } = [];
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
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var refused = await LoadAsync(ct);
        if (refused is not null)
        {
            return refused;
        }

        var sheet = Rows.Select(r => new Dictionary<string, object?>
        {
            ["Năm"] = r.Year, ["Nguồn kinh phí"] = Display.Name(r.Source), ["Đơn vị"] = r.UnitName, ["Phòng phân bổ"] = r.AllocatedBy,
            ["Phòng phụ trách"] = r.OfficeName, ["Xã"] = r.CommuneName, ["Dự toán (đồng)"] = r.AmountVnd, ["Cam kết (đồng)"] = r.CommittedVnd,
            ["Đã chi (đồng)"] = r.PaidVnd, ["Quyết định"] = r.Decision, ["Ghi chú"] = r.Note,
        }).ToList();
        var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, new Dictionary<string, object>
        {
            ["Du toan kinh phi"] = sheet.Count > 0 ? sheet : [new Dictionary<string, object?> { ["Ghi chú"] = "Không có dự toán nào." }],
        }, cancellationToken: ct);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "du-toan-kinh-phi.xlsx");
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
