using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Admin.Office;

/// <summary>
/// The office that runs this installation: its name and short name on every page, its own unit, and the provinces it
/// serves (one, several, or the whole country), which lists, pickers and dashboards open on. Administrators only.
/// </summary>
public sealed class IndexModel(OcopDbContext db, UnitDirectory directory, TimeProvider clock) : PageModel
{
    [BindProperty] public OfficeInput Input { get; set; } = new();
    public List<SelectListItem> Provinces { get; private set; } = [];

    public sealed class OfficeInput
    {
        [Required(ErrorMessage = "Nhập tên văn phòng."), StringLength(250, ErrorMessage = "Tên tối đa 250 ký tự.")]
        public string Name { get; set; } = "";
        [Required(ErrorMessage = "Nhập tên ngắn."), StringLength(60, ErrorMessage = "Tên ngắn tối đa 60 ký tự.")]
        public string ShortName { get; set; } = "";
        [Required(ErrorMessage = "Chọn tỉnh, thành phố của văn phòng.")] public int? UnitId { get; set; }
        public bool ServesWholeCountry { get; set; }
        public List<int> ServedIds { get; set; } = [];
        public int Version { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var office = await db.DeployingOffices.AsNoTracking().Include(o => o.Served).FirstOrDefaultAsync(ct);
        if (office is not null)
        {
            Input = new OfficeInput
            {
                Name = office.Name,
                ShortName = office.ShortName,
                UnitId = office.UnitId,
                ServesWholeCountry = office.ServesWholeCountry,
                ServedIds = office.Served.Select(s => s.UnitId).ToList(),
                Version = office.Version,
            };
        }

        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var units = await directory.GetAsync(db, ct);
        var today = Display.Today(clock);
        bool IsProvinceOfToday(int id) => units.ById.TryGetValue(id, out var u) && u.Level == UnitLevel.Province && u.Validity.IsValidOn(today);
        if (Input.UnitId is int unit && !IsProvinceOfToday(unit))
        {
            ModelState.AddModelError("Input.UnitId", "Chọn một tỉnh, thành phố hiện nay.");
        }

        Input.ServedIds = Input.ServedIds.Distinct().ToList();
        if (Input.ServedIds.Any(id => !IsProvinceOfToday(id)))
        {
            ModelState.AddModelError("Input.ServedIds", "Chỉ chọn các tỉnh, thành phố hiện nay.");
        }

        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }

        var office = await db.DeployingOffices.Include(o => o.Served).FirstOrDefaultAsync(ct);
        if (office is null)
        {
            office = new DeployingOffice { Name = "", ShortName = "" };
            db.DeployingOffices.Add(office);
        }
        else if (office.Version != Input.Version)
        {
            ModelState.AddModelError("", "Người khác vừa sửa văn phòng triển khai. Tải lại trang để xem bản mới nhất.");
            await LoadChoicesAsync(ct);
            return Page();
        }

        office.Name = Input.Name.Trim();
        office.ShortName = Input.ShortName.Trim();
        office.UnitId = Input.UnitId;
        office.ServesWholeCountry = Input.ServesWholeCountry;
        // The office's own province is always among those it serves.
        var served = Input.ServesWholeCountry ? [] : Input.ServedIds.Append(Input.UnitId!.Value).Distinct().ToList();
        office.Served.RemoveAll(s => !served.Contains(s.UnitId));
        office.Served.AddRange(served.Where(id => office.Served.All(s => s.UnitId != id)).Select(id => new DeployingOfficeUnit { UnitId = id }));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Đã lưu văn phòng triển khai.";
        return RedirectToPage();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var units = await directory.GetAsync(db, ct);
        var today = Display.Today(clock);
        Provinces = units.Provinces.Where(p => p.Validity.IsValidOn(today))
            .Select(p => new SelectListItem(p.Name, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Id == Input.UnitId))
            .ToList();
    }
}
