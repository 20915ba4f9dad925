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

namespace Ocop.Web.Features.Subjects;

public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes, AccountCache accounts) : PageModel
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

    /// <summary>The optional columns of the list, in order, with their headers (each key is also its sort); the name is always shown.</summary>
    public static readonly IReadOnlyList<(string Key, string Header)> OptionalColumns =
    [
        ("form", "Loại hình"), ("commune", "Xã"), ("representative", "Người đại diện"), ("phone", "Điện thoại"), ("products", "Sản phẩm"),
    ];

    public const string ListName = "subjects";
    private static readonly IReadOnlyList<string> OptionalKeys = [.. OptionalColumns.Select(c => c.Key)];

    /// <summary>The columns this user chose (every one until they choose).</summary>
    public IReadOnlySet<string> Shown { get; private set; } = new HashSet<string>();

    [BindProperty] public List<string> Columns { get; set; } = [];

    private SubjectSearch Search => new(Q, Commune, Form, Archived, Sort, PageNumber, Province: Units.Province ?? Province);

    /// <summary>The search with its place filter resolved (the deploying office's province when the URL names none).</summary>
    private async Task<SubjectSearch> ResolvedSearchAsync(UserScope scope, CancellationToken ct)
    {
        Units = await Lookups.UnitFilterAsync(db, scope, Province, Commune, Request.Query.ContainsKey("province"), ct);
        return Search with { PlaceCommunes = (await Search.Place.ResolveAsync(db, ct)).Communes };
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var search = await ResolvedSearchAsync(scope, ct);
        (Rows, Total) = await search.RunAsync(db, scope.Visible(db.Subjects), ct);
        Pager = new Pager(Request, search.SafePage, search.SafePageSize, Total);
        CanCreate = RegistryAccess.CanCreateSubject(scope.Role);
        Forms = Lookups.Enum(Form);
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
        new("Mã", 8, XlsxKind.Whole), new("Tên chủ thể", 40), new("Loại hình", 20), new("Xã đăng ký", 22), new("Xã hiện nay", 22),
        new("Người đại diện", 26), new("Điện thoại", 14), new("Mã số thuế", 16), new("Nữ làm chủ", 11), new("Chuỗi giá trị xanh", 12),
        new("Kênh bán hàng", 36), new("Số sản phẩm", 11, XlsxKind.Grouped),
    ];

    /// <summary>The whole current list (every page) as an XLSX file.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var search = await ResolvedSearchAsync(scope, ct);
        var rows = await search.AllAsync(db, scope.Visible(db.Subjects), ct);
        var stream = XlsxExport.Write(new XlsxSheet("Chủ thể OCOP", ExportColumns, rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Id, r.Name, Display.Name(r.LegalForm), r.CommuneName, r.CurrentCommuneName, r.Representative, r.Phone, r.TaxCode,
            Display.YesNo(r.WomenLed), Display.YesNo(r.GreenValueChain), Display.Flags(r.SalesChannels), r.ProductCount,
        ])));
        return File(stream, XlsxExport.ContentType, "chu-the-ocop.xlsx");
    }
}
