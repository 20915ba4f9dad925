using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Products;

public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes, AccountCache accounts, ProductListIndex index) : PageModel
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

    /// <summary>The optional columns of the list, in order, with their headers; the product's name is always shown.</summary>
    public static readonly IReadOnlyList<(string Key, string Header)> OptionalColumns =
    [
        (ProductSort.Subject, "Chủ thể"), (ProductSort.Commune, "Xã"), (ProductSort.Group, "Nhóm"), (ProductSort.Stars, "Hạng sao"),
        (ProductSort.Certificate, "Giấy chứng nhận"), (ProductSort.Status, "Trạng thái"), (ProductSort.Updated, "Cập nhật"),
    ];

    public const string ListName = "products";
    private static readonly IReadOnlyList<string> OptionalKeys = [.. OptionalColumns.Select(c => c.Key)];

    /// <summary>The columns this user chose (every one until they choose).</summary>
    public IReadOnlySet<string> Shown { get; private set; } = new HashSet<string>();

    [BindProperty] public List<string> Columns { get; set; } = [];

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
        Shown = await ListColumns.ChosenAsync(db, accounts, scope.UserId, ListName, OptionalKeys, OptionalKeys, ct);
    }

    /// <summary>Keeps the columns the user ticked, with their account, and shows the list again as it was.</summary>
    public async Task<IActionResult> OnPostColumnsAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        await ListColumns.SaveAsync(db, accounts, scope.UserId, ListName, Columns, OptionalKeys, ct);
        return LocalRedirect(Pager.With(Request, "handler", null));
    }

    private static readonly XlsxColumn[] ExportColumns =
    [
        new("Mã", 8, XlsxKind.Whole), new("Tên sản phẩm", 40), new("Chủ thể", 36), new("Xã đăng ký", 22), new("Xã hiện nay", 22),
        new("Mã nhóm", 10), new("Nhóm sản phẩm", 36), new("Trạng thái", 16), new("Hạng sao", 10, XlsxKind.Whole),
        new("Giấy chứng nhận", 28), new("Mã vạch GTIN", 16), new("Cập nhật", 12, XlsxKind.Date),
    ];

    /// <summary>The whole current list (every page) as an XLSX file.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Units = await Lookups.UnitFilterAsync(db, scope, Province, Commune, Request.Query.ContainsKey("province"), ct);
        var rows = await Search.AllAsync(db, index, scope, await Search.Place.ResolveAsync(db, ct), ct);
        var stream = XlsxExport.Write(new XlsxSheet("Sản phẩm OCOP", ExportColumns, rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Id, r.Name, r.SubjectName, r.CommuneName, r.CurrentCommuneName, r.CategoryCode, r.CategoryName, Display.Name(r.Status),
            r.Stars, r.CertificateState is { } state ? Display.Name(state) : null, r.Gtin, r.UpdatedAt,
        ])));
        return File(stream, XlsxExport.ContentType, "san-pham-ocop.xlsx");
    }
}
