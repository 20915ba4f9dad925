using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Promotion;

/// <summary>Records a trade fair or exhibition with the products that took part and what each sold; archived, never deleted.</summary>
public sealed class FairEditModel(SectionContext section) : PageModel
{
    public const int BlankEntries = 5;

    [FromRoute] public int? Id { get; set; }
    [BindProperty] public FairInput Input { get; set; } = new();
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Offices { get; private set; } = [];
    public List<SelectListItem> Products { get; private set; } = [];

    public sealed class FairInput
    {
        [Required(ErrorMessage = "Nhập tên hội chợ, triển lãm."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string Name { get; set; } = "";
        [Required(ErrorMessage = "Nhập địa điểm."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string Place { get; set; } = "";
        [Required(ErrorMessage = "Nhập ngày bắt đầu.")] public DateOnly? StartsOn { get; set; }
        [Required(ErrorMessage = "Nhập ngày kết thúc.")] public DateOnly? EndsOn { get; set; }
        [Required(ErrorMessage = "Nhập đơn vị tổ chức."), StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string Organiser { get; set; } = "";
        [Required(ErrorMessage = "Chọn đơn vị tham gia.")] public int? UnitId { get; set; }
        public int? OfficeId { get; set; }
        public List<EntryInput> Entries { get; set; } = [];
        public bool IsArchived { get; set; }
        public int Version { get; set; }
    }

    public sealed class EntryInput
    {
        public int? ProductId { get; set; }
        [Range(0, long.MaxValue, ErrorMessage = "Doanh số không âm.")] public long? SalesVnd { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        if (!SupportAccess.CanAdd(SectionRegister.TradeFairs, scope.Role))
        {
            return Forbid();
        }

        if (Id is int id)
        {
            var fair = await section.Db.TradeFairs.AsNoTracking().Include(f => f.Entries).SingleOrDefaultAsync(f => f.Id == id, ct);
            var access = fair is null ? RecordAccess.None : scope.AccessToUnit(SectionRegister.TradeFairs, fair.UnitId);
            if (access == RecordAccess.None)
            {
                return NotFound();
            }

            if (access != RecordAccess.Edit)
            {
                return Forbid();
            }

            Input = new FairInput
            {
                Name = fair!.Name,
                Place = fair.Place,
                StartsOn = fair.StartsOn,
                EndsOn = fair.EndsOn,
                Organiser = fair.Organiser,
                UnitId = fair.UnitId,
                OfficeId = fair.OfficeId,
                IsArchived = fair.IsArchived,
                Version = fair.Version,
                Entries = fair.Entries.OrderBy(e => e.Id).Select(e => new EntryInput { ProductId = e.ProductId, SalesVnd = e.SalesVnd }).ToList(),
            };
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        if (!SupportAccess.CanAdd(SectionRegister.TradeFairs, scope.Role))
        {
            return Forbid();
        }

        var db = section.Db;
        TradeFair? fair = null;
        if (Id is int id)
        {
            fair = await db.TradeFairs.Include(f => f.Entries).SingleOrDefaultAsync(f => f.Id == id, ct);
            var access = fair is null ? RecordAccess.None : scope.AccessToUnit(SectionRegister.TradeFairs, fair.UnitId);
            if (access == RecordAccess.None)
            {
                return NotFound();
            }

            if (access != RecordAccess.Edit)
            {
                return Forbid();
            }

            if (fair!.Version != Input.Version)
            {
                ModelState.AddModelError("", SectionForms.Stale);
            }
        }

        if (Input.UnitId is int unit && (!scope.Units.ById.ContainsKey(unit) || !scope.UnitInReach(unit)))
        {
            ModelState.AddModelError("Input.UnitId", "Bạn không phụ trách đơn vị này.");
        }

        if (Input.OfficeId is int office && await section.OfficeProblemAsync(office, ct) is string officeProblem)
        {
            ModelState.AddModelError("Input.OfficeId", officeProblem);
        }

        if (Input.StartsOn is DateOnly s && Input.EndsOn is DateOnly e && e < s)
        {
            ModelState.AddModelError("Input.EndsOn", "Ngày kết thúc không được trước ngày bắt đầu.");
        }

        var entries = Input.Entries.Where(x => x.ProductId is not null).ToList();
        for (var i = 0; i < Input.Entries.Count; i++)
        {
            var entry = Input.Entries[i];
            if (entry.ProductId is int product && await section.ProductAsync(product, ct) is null)
            {
                ModelState.AddModelError($"Input.Entries[{i}].ProductId", "Sản phẩm không có hoặc bạn không phụ trách.");
            }
            else if (entry.ProductId is null && entry.SalesVnd is not null)
            {
                ModelState.AddModelError($"Input.Entries[{i}].ProductId", "Chọn sản phẩm của doanh số này.");
            }
        }

        if (entries.GroupBy(x => x.ProductId).Any(g => g.Count() > 1))
        {
            ModelState.AddModelError("Input.Entries", "Mỗi sản phẩm chỉ ghi một lần cho một hội chợ.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        fair ??= db.TradeFairs.Add(new TradeFair { Name = "", Place = "", Organiser = "" }).Entity;
        fair.Name = Input.Name.Trim();
        fair.Place = Input.Place.Trim();
        fair.StartsOn = Input.StartsOn!.Value;
        fair.EndsOn = Input.EndsOn!.Value;
        fair.Organiser = Input.Organiser.Trim();
        fair.UnitId = Input.UnitId!.Value;
        fair.OfficeId = Input.OfficeId;
        fair.IsArchived = Id is not null && Input.IsArchived;
        var wanted = entries.ToDictionary(x => x.ProductId!.Value, x => x.SalesVnd);
        fair.Entries.RemoveAll(x => !wanted.ContainsKey(x.ProductId));
        foreach (var (product, sales) in wanted)
        {
            var existing = fair.Entries.FirstOrDefault(x => x.ProductId == product);
            if (existing is null)
            {
                fair.Entries.Add(new TradeFairEntry { ProductId = product, SalesVnd = sales });
            }
            else
            {
                existing.SalesVnd = sales;
            }
        }

        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Đã lưu hội chợ, triển lãm.";
        return Redirect("/Promotion/Fairs");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await section.UnitsInReachAsync(Input.UnitId, ct);
        Offices = await section.OfficeOptionsAsync(Input.OfficeId, ct);
        Products = await section.ProductOptionsAsync(null, null, ct);
        while (Input.Entries.Count(e => e.ProductId is null) < BlankEntries)
        {
            Input.Entries.Add(new EntryInput());
        }
    }
}
