using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Support;

/// <summary>The catalog of support policies with what each gives per star level; XLSX on request.</summary>
public sealed class PoliciesModel(SectionContext section) : PageModel
{
    [FromQuery(Name = "archived")] public bool Archived { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public List<SupportPolicy> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var refused = await LoadAsync(ct);
        if (refused is not null)
        {
            return refused;
        }

        (Rows, Total, Pager) = await Paging.OfAsync(Request, Catalog, PageNumber, Paging.PageSize, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var refused = await LoadAsync(ct);
        if (refused is not null)
        {
            return refused;
        }

        Rows = await Catalog.ToListAsync(ct);
        XlsxColumn[] columns =
        [
            new("Chính sách", 40), new("Căn cứ", 30), new("Loại hỗ trợ", 24), new("Nguồn", 24), new("Hiệu lực từ", 12, XlsxKind.Date),
            new("Đến", 12, XlsxKind.Date), new("3 sao", 26), new("4 sao", 26), new("5 sao", 26),
        ];
        var stream = XlsxExport.Write(new XlsxSheet("Chính sách hỗ trợ", columns, Rows.Select(p => (IReadOnlyList<object?>)
        [
            p.Name, p.LegalBasis, Display.Name(p.Kind), p.Source is { } s ? Display.Name(s) : null, p.ValidFrom, p.ValidTo,
            Rate(p, 3), Rate(p, 4), Rate(p, 5),
        ])));
        return File(stream, XlsxExport.ContentType, "chinh-sach-ho-tro.xlsx");
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
        return null;
    }

    /// <summary>The policies the filter keeps, newest first: one page for the list, all of them for the export.</summary>
    private IQueryable<SupportPolicy> Catalog => section.Db.SupportPolicies.AsNoTracking().Include(p => p.Rates).Where(p => p.IsArchived == Archived)
        .OrderByDescending(p => p.ValidFrom).ThenBy(p => p.Name).ThenBy(p => p.Id);
}
