using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Ocop.Web.Features.Subjects;

public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes) : PageModel
{
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "province")] public int? Province { get; set; }
    [FromQuery(Name = "commune")] public int? Commune { get; set; }
    [FromQuery(Name = "form")] public LegalForm? Form { get; set; }
    [FromQuery(Name = "archived")] public bool Archived { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public List<SubjectRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;
    public bool CanCreate { get; private set; }
    public UnitFilter Units { get; private set; } = null!;
    public List<SelectListItem> Forms { get; private set; } = [];

    private SubjectSearch Search => new(Q, Commune, Form, Archived, Sort, PageNumber, Province: Province);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        (Rows, Total) = await Search.RunAsync(db, scope.Visible(db.Subjects), ct);
        Pager = new Pager(Request, Search.SafePage, Search.SafePageSize, Total);
        CanCreate = RegistryAccess.CanCreateSubject(scope.Role);
        Units = await Lookups.UnitFilterAsync(db, scope, Province, Commune, ct);
        Forms = Lookups.Enum(Form);
    }

    /// <summary>The whole current list (every page) as an XLSX file.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var rows = await SubjectSearch.Project(Search.Order(Search.Filter(db, scope.Visible(db.Subjects).AsNoTracking()))).ToListAsync(ct);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["Mã"] = r.Id,
            ["Tên chủ thể"] = r.Name,
            ["Loại hình"] = Display.Name(r.LegalForm),
            ["Xã"] = r.CommuneName,
            ["Người đại diện"] = r.Representative,
            ["Điện thoại"] = r.Phone,
            ["Mã số thuế"] = r.TaxCode,
            ["Nữ làm chủ"] = Display.YesNo(r.WomenLed),
            ["Chuỗi giá trị xanh"] = Display.YesNo(r.GreenValueChain),
            ["Kênh bán hàng"] = Display.Flags(r.SalesChannels),
            ["Số sản phẩm"] = r.ProductCount,
        });
        var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheet, sheetName: "Chu the", cancellationToken: ct);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "chu-the-ocop.xlsx");
    }
}
