using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Text;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Documents;

/// <summary>
/// Adds or corrects an issuing authority. Refused with a message: a unit kind written twice ("UBND HUYỆN HUYỆN"), a
/// period outside its unit's life (a district's committee after 30/06/2025), a period overlapping another authority of
/// the same unit, and a letterhead naming a unit that no longer existed on the authority's last day.
/// </summary>
[Authorize(Policy = Policies.EditReferenceData)]
public sealed class AuthorityEditModel(OcopDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>The national choice of the unit list (no unit).</summary>
    public const string National = "national";

    [FromRoute] public int? Id { get; set; }
    [FromQuery(Name = "unit")] public int? UnitQuery { get; set; }
    [BindProperty] public AuthorityInput Input { get; set; } = new();
    public List<SelectListItem> Units { get; private set; } = [];
    public string? UnitName { get; private set; }

    public sealed class AuthorityInput
    {
        /// <summary>A unit id, or <see cref="National"/>; fixed once the authority exists.</summary>
        public string? Unit { get; set; }
        [Required(ErrorMessage = "Nhập tên đầy đủ."), StringLength(250, ErrorMessage = "Tối đa 250 ký tự.")] public string Name { get; set; } = "";
        [Required(ErrorMessage = "Nhập tên viết tắt."), StringLength(120, ErrorMessage = "Tối đa 120 ký tự.")] public string ShortName { get; set; } = "";
        [StringLength(250, ErrorMessage = "Tối đa 250 ký tự.")] public string? ParentLine { get; set; }
        [Required(ErrorMessage = "Nhập tiêu đề."), StringLength(250, ErrorMessage = "Tối đa 250 ký tự.")] public string Letterhead { get; set; } = "";
        [Required(ErrorMessage = "Nhập địa danh."), StringLength(120, ErrorMessage = "Tối đa 120 ký tự.")] public string Place { get; set; } = "";
        [StringLength(120, ErrorMessage = "Tối đa 120 ký tự.")] public string? OnBehalfOf { get; set; }
        [Required(ErrorMessage = "Nhập chức danh người đứng đầu."), StringLength(60, ErrorMessage = "Tối đa 60 ký tự.")] public string HeadTitle { get; set; } = "";
        [Required(ErrorMessage = "Nhập ngày bắt đầu.")] public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
        [StringLength(500, ErrorMessage = "Tối đa 500 ký tự.")] public string? Note { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is int id)
        {
            var a = await db.IssuingAuthorities.AsNoTracking().Include(x => x.Unit).SingleOrDefaultAsync(x => x.Id == id, ct);
            if (a is null)
            {
                return NotFound();
            }

            Input = new AuthorityInput
            {
                Unit = a.UnitId?.ToString(CultureInfo.InvariantCulture) ?? National,
                Name = a.Name,
                ShortName = a.ShortName,
                ParentLine = a.ParentLine,
                Letterhead = a.Letterhead,
                Place = a.Place,
                OnBehalfOf = a.OnBehalfOf,
                HeadTitle = a.HeadTitle,
                ValidFrom = a.ValidFrom,
                ValidTo = a.ValidTo,
                Note = a.Note,
                Version = a.Version,
            };
            UnitName = a.Unit is null ? "Trung ương" : UnitNames.Full(a.Unit.Name, a.Unit.Kind);
        }
        else if (UnitQuery is int unitId && await UnitRowAsync(unitId, ct) is { } unit)
        {
            // A new authority for a unit starts from what the unit's name gives.
            var derived = IssuerDirectory.Derived(unit);
            Input = new AuthorityInput
            {
                Unit = unitId.ToString(CultureInfo.InvariantCulture),
                Name = derived.Name,
                ShortName = derived.ShortName,
                Letterhead = derived.Letterhead,
                Place = derived.Place,
                OnBehalfOf = derived.OnBehalfOf,
                HeadTitle = derived.HeadTitle,
                ValidFrom = derived.ValidFrom,
                ValidTo = derived.ValidTo,
            };
        }
        else
        {
            Input.HeadTitle = IssuerDirectory.CommitteeHeadTitle;
            Input.OnBehalfOf = IssuerDirectory.CommitteeOnBehalfOf;
        }

        await LoadUnitsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var authority = Id is int id ? await db.IssuingAuthorities.Include(a => a.Unit).SingleOrDefaultAsync(a => a.Id == id, ct) : null;
        if (Id is not null && authority is null)
        {
            return NotFound();
        }

        int? unitId;
        if (authority is not null)
        {
            unitId = authority.UnitId;
            UnitName = authority.Unit is null ? "Trung ương" : UnitNames.Full(authority.Unit.Name, authority.Unit.Kind);
            if (authority.Version != Input.Version)
            {
                ModelState.AddModelError("", "Cơ quan ban hành vừa được người khác thay đổi. Tải lại trang rồi sửa lại.");
            }
        }
        else if (Input.Unit == National)
        {
            unitId = null;
        }
        else if (int.TryParse(Input.Unit, NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) && await db.Units.AnyAsync(u => u.Id == chosen, ct))
        {
            unitId = chosen;
        }
        else
        {
            ModelState.AddModelError("Input.Unit", "Chọn đơn vị hành chính (hoặc cấp trung ương).");
            unitId = null;
        }

        if (ModelState.IsValid)
        {
            await ValidateAsync(unitId, ct);
        }

        if (!ModelState.IsValid)
        {
            await LoadUnitsAsync(ct);
            return Page();
        }

        authority ??= db.IssuingAuthorities.Add(new IssuingAuthority { UnitId = unitId, Name = "", ShortName = "", Letterhead = "", Place = "", HeadTitle = "" }).Entity;
        authority.Name = Input.Name.Trim();
        authority.ShortName = Input.ShortName.Trim();
        authority.ParentLine = Blank(Input.ParentLine);
        authority.Letterhead = Input.Letterhead.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
        authority.Place = Input.Place.Trim();
        authority.OnBehalfOf = Blank(Input.OnBehalfOf);
        authority.HeadTitle = Input.HeadTitle.Trim();
        authority.ValidFrom = Input.ValidFrom!.Value;
        authority.ValidTo = Input.ValidTo;
        authority.Note = Blank(Input.Note);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("", "Cơ quan vừa được người khác thay đổi hoặc một cơ quan khác của đơn vị bắt đầu cùng ngày. Tải lại trang rồi thử lại.");
            await LoadUnitsAsync(ct);
            return Page();
        }

        TempData["Message"] = "Đã lưu cơ quan ban hành " + authority.ShortName + ".";
        return RedirectToPage("/Documents/Authorities");
    }

    private async Task ValidateAsync(int? unitId, CancellationToken ct)
    {
        foreach (var (field, value) in new[] { ("Name", Input.Name), ("ShortName", Input.ShortName), ("Letterhead", Input.Letterhead), ("ParentLine", Input.ParentLine ?? "") })
        {
            if (UnitNames.HasDoubledKind(value))
            {
                ModelState.AddModelError("Input." + field, $"Loại đơn vị bị viết hai lần; viết một lần: \"{UnitNames.WithoutDoubledKind(value)}\".");
            }
        }

        var from = Input.ValidFrom!.Value;
        if (Input.ValidTo is DateOnly to && to < from)
        {
            ModelState.AddModelError("Input.ValidTo", "Ngày kết thúc phải từ ngày bắt đầu trở đi.");
            return;
        }

        if (unitId is int id && await UnitRowAsync(id, ct) is { } unit)
        {
            if (from < unit.ValidFrom)
            {
                ModelState.AddModelError("Input.ValidFrom", $"{unit.FullName} có từ ngày {Display.Date(unit.ValidFrom)}: cơ quan của đơn vị không thể bắt đầu trước ngày đó.");
            }

            if (unit.ValidTo is DateOnly last && (Input.ValidTo is null || Input.ValidTo > last))
            {
                ModelState.AddModelError("Input.ValidTo",
                    $"{unit.FullName} chấm dứt sau ngày {Display.Date(last)}: cơ quan của đơn vị không thể ban hành sau ngày đó (văn bản sau ngày đó do đơn vị kế thừa ban hành). Nhập ngày kết thúc đến {Display.Date(last)}.");
            }
        }

        var others = await db.IssuingAuthorities.AsNoTracking().Where(a => a.UnitId == unitId && a.Id != (Id ?? 0)).ToListAsync(ct);
        var overlap = others.FirstOrDefault(a => a.ValidFrom <= (Input.ValidTo ?? DateOnly.MaxValue) && from <= (a.ValidTo ?? DateOnly.MaxValue));
        if (overlap is not null)
        {
            ModelState.AddModelError("Input.ValidFrom",
                $"Trùng thời gian với {overlap.ShortName} (từ {Display.Date(overlap.ValidFrom)}{(overlap.ValidTo is null ? "" : " đến " + Display.Date(overlap.ValidTo))}): sửa ngày của một trong hai.");
        }

        // A letterhead or name may only name units that still exist on the authority's last day.
        var lastDay = Input.ValidTo ?? (Display.Today(clock) > from ? Display.Today(clock) : from);
        var units = await db.Units.AsNoTracking().Where(u => u.Level != UnitLevel.Commune)
            .Select(u => new { u.Name, u.Kind, u.ValidFrom, u.ValidTo }).ToListAsync(ct);
        var byName = units.GroupBy(u => Words(UnitNames.Full(u.Name, u.Kind))).ToList();
        foreach (var (field, value) in new[] { ("Letterhead", Input.Letterhead), ("Name", Input.Name), ("ShortName", Input.ShortName) })
        {
            var words = " " + Words(value) + " ";
            var gone = byName.FirstOrDefault(g => words.Contains(" " + g.Key + " ", StringComparison.Ordinal)
                && !g.Any(u => u.ValidFrom <= lastDay && (u.ValidTo is null || u.ValidTo >= lastDay)));
            if (gone is not null)
            {
                var ceased = gone.OrderByDescending(u => u.ValidTo).First();
                ModelState.AddModelError("Input." + field,
                    $"Nêu {UnitNames.Full(ceased.Name, ceased.Kind)}, đơn vị đã chấm dứt sau ngày {Display.Date(ceased.ValidTo)}; cơ quan có hiệu lực đến {Display.Date(lastDay)} không thể mang tên đó.");
            }
        }
    }

    /// <summary>Folded words only: "UBND TỈNH TRÀ VINH" → "ubnd tinh tra vinh".</summary>
    private static string Words(string text) =>
        string.Join(' ', VietnameseText.Fold(new string(text.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private Task<UnitRow?> UnitRowAsync(int id, CancellationToken ct) =>
        db.Units.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new UnitRow(u.Id, u.Code, u.Name, u.Kind, u.Level, u.ParentId, u.ValidFrom, u.ValidTo, u.SuccessorId))
            .SingleOrDefaultAsync(ct);

    /// <summary>Provinces and districts, current ones first; an authority of a commune is not needed by any document yet.</summary>
    private async Task LoadUnitsAsync(CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.Level != UnitLevel.Commune)
            .Select(u => new { u.Id, u.Name, u.Kind, u.ValidTo, Parent = u.Parent != null ? u.Parent.Name : null }).ToListAsync(ct);
        var names = StringComparer.Create(Display.Vi, false);
        Units = [new SelectListItem("Trung ương (không gắn đơn vị hành chính)", National)];
        Units.AddRange(units.OrderBy(u => u.ValidTo is null ? 0 : 1).ThenBy(u => u.Parent ?? "", names).ThenBy(u => u.Name, names)
            .Select(u => new SelectListItem(
                UnitNames.Full(u.Name, u.Kind) + (u.Parent is null ? "" : $" ({u.Parent})") + (u.ValidTo is null ? "" : $", đến {Display.Date(u.ValidTo)}"),
                u.Id.ToString(CultureInfo.InvariantCulture))));
    }
}
