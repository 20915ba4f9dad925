using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Shared;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Ocop.Web.Features.Support;

/// <summary>The catalog of support policies with what each gives per star level; XLSX on request.</summary>
public sealed class PoliciesModel(SectionContext section) : PageModel
{
    [FromQuery(Name = "archived")] public bool Archived { get; set; }

    public List<SupportPolicy> Rows { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var refused = await LoadAsync(ct);
        if (refused is not null)
        {
            return refused;
        }

        var sheet = Rows.Select(p => new Dictionary<string, object?>
        {
            ["Chính sách"] = p.Name, ["Căn cứ"] = p.LegalBasis, ["Loại hỗ trợ"] = Display.Name(p.Kind), ["Nguồn"] = p.Source is { } s ? Display.Name(s) : null,
            ["Hiệu lực từ"] = Display.Date(p.ValidFrom), ["Đến"] = Display.Date(p.ValidTo),
            ["3 sao"] = Rate(p, 3), ["4 sao"] = Rate(p, 4), ["5 sao"] = Rate(p, 5),
        }).ToList();
        var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, new Dictionary<string, object>
        {
            ["Chinh sach ho tro"] = sheet.Count > 0 ? sheet : [new Dictionary<string, object?> { ["Ghi chú"] = "Chưa có chính sách nào." }],
        }, cancellationToken: ct);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "chinh-sach-ho-tro.xlsx");
    }

    /// <summary>"tối đa 50.000.000 đ; 50 %" for a star level, "—" when the policy gives nothing at it.</summary>
    public static string Rate(SupportPolicy policy, int stars)
    {
        var rate = policy.Rates.FirstOrDefault(r => r.Stars == stars);
        if (rate is null)
        {
            return "—";
        }

        var parts = new List<string>();
        if (rate.RatePercent is decimal percent)
        {
            parts.Add(percent.ToString("0.##", Display.Vi) + " % chi phí");
        }

        if (rate.MaxAmountVnd is long amount)
        {
            parts.Add((rate.RatePercent is null ? "" : "tối đa ") + Display.Number(amount) + " đ");
        }

        return string.Join(", ", parts);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        if (!SupportAccess.CanReadPolicies(scope.Role))
        {
            return Forbid();
        }

        CanEdit = SupportAccess.CanEditPolicies(scope.Role);
        Rows = await section.Db.SupportPolicies.AsNoTracking().Include(p => p.Rates).Where(p => p.IsArchived == Archived)
            .OrderByDescending(p => p.ValidFrom).ThenBy(p => p.Name).ToListAsync(ct);
        return null;
    }
}
