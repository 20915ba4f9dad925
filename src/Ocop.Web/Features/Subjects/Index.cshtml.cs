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
    }

    /// <summary>The whole current list (every page) as an XLSX file.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var search = await ResolvedSearchAsync(scope, ct);
        var rows = await search.AllAsync(db, scope.Visible(db.Subjects), ct);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["Mã"] = r.Id,
            ["Tên chủ thể"] = r.Name,
            ["Loại hình"] = Display.Name(r.LegalForm),
            ["Xã đăng ký"] = r.CommuneName,
            ["Xã hiện nay"] = r.CurrentCommuneName,
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
