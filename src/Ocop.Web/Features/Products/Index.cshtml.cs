using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcel = MiniExcelLibs.MiniExcel;
using Ocop.Core.Access;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Products;

public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes, ProductListIndex index) : PageModel
{
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "province")] public int? Province { get; set; }
    [FromQuery(Name = "commune")] public int? Commune { get; set; }
    [FromQuery(Name = "group")] public int? Group { get; set; }
    [FromQuery(Name = "status")] public ProductStatus? Status { get; set; }
    [FromQuery(Name = "subject")] public int? Subject { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public List<ProductRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;
    public bool CanCreate { get; private set; }
    public UnitFilter Units { get; private set; } = null!;
    public List<SelectListItem> Categories { get; private set; } = [];
    public List<SelectListItem> Statuses { get; private set; } = [];

    private ProductSearch Search => new(Q, Commune, Group, Status, Subject, Sort, PageNumber, Province: Units.Province ?? Province);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Units = await Lookups.UnitFilterAsync(db, scope, Province, Commune, Request.Query.ContainsKey("province"), ct);
        (Rows, Total) = await Search.RunAsync(db, index, scope, await Search.Place.ResolveAsync(db, ct), ct);
        Pager = new Pager(Request, Search.SafePage, Search.SafePageSize, Total);
        CanCreate = RegistryAccess.CanCreateProduct(scope.Role);
        Categories = await Lookups.CategoriesAsync(db, Group, leavesOnly: false, ct);
        Statuses = Lookups.Enum(Status);
    }

    /// <summary>The whole current list (every page) as an XLSX file.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Units = await Lookups.UnitFilterAsync(db, scope, Province, Commune, Request.Query.ContainsKey("province"), ct);
        var rows = await Search.AllAsync(db, index, scope, await Search.Place.ResolveAsync(db, ct), ct);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["Mã"] = r.Id,
            ["Tên sản phẩm"] = r.Name,
            ["Chủ thể"] = r.SubjectName,
            ["Xã đăng ký"] = r.CommuneName,
            ["Xã hiện nay"] = r.CurrentCommuneName,
            ["Mã nhóm"] = r.CategoryCode,
            ["Nhóm sản phẩm"] = r.CategoryName,
            ["Trạng thái"] = Display.Name(r.Status),
            ["Mã vạch GTIN"] = r.Gtin,
            ["Cập nhật"] = Display.Date(r.UpdatedAt),
        });
        var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheet, sheetName: "San pham", cancellationToken: ct);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "san-pham-ocop.xlsx");
    }
}
