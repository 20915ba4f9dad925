using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Shared;

namespace Ocop.Web.Features.Dossiers;

/// <summary>The dossier checklist as reference data: items per product-group prefix and variant, ordered, archived rather than deleted.</summary>
[Authorize(Policy = Policies.EditReferenceData)]
public sealed class ChecklistModel(OcopDbContext db) : PageModel
{
    [FromQuery(Name = "edit")] public int? EditId { get; set; }
    [FromQuery(Name = "archived")] public bool ShowArchived { get; set; }
    [BindProperty] public ItemInput Input { get; set; } = new();

    public List<DossierChecklistItem> Items { get; private set; } = [];
    public List<SelectListItem> Variants { get; private set; } = [];
    public List<string> LegalBases { get; private set; } = [];

    public sealed class ItemInput
    {
        public int? Id { get; set; }
        [Required(ErrorMessage = "Nhập tên giấy tờ."), StringLength(400, ErrorMessage = "Tối đa 400 ký tự.")] public string Title { get; set; } = "";
        [StringLength(12, ErrorMessage = "Tối đa 12 ký tự.")] public string? CategoryPrefix { get; set; }
        public bool Required { get; set; }
        public DossierVariant? OnlyFor { get; set; }
        [Range(0, 10000, ErrorMessage = "Thứ tự từ 0 đến 10.000.")] public int SortOrder { get; set; }
        [Required(ErrorMessage = "Chọn căn cứ pháp lý."), StringLength(20, ErrorMessage = "Tối đa 20 ký tự.")] public string LegalBasisCode { get; set; } = "";
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (EditId is { } id)
        {
            var item = await db.DossierChecklist.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
            if (item is null)
            {
                return NotFound();
            }

            Input = new ItemInput
            {
                Id = item.Id,
                Title = item.Title,
                CategoryPrefix = item.CategoryPrefix,
                Required = item.Required,
                OnlyFor = item.OnlyFor,
                SortOrder = item.SortOrder,
                LegalBasisCode = item.LegalBasisCode,
                Version = item.Version,
            };
        }
        else
        {
            Input = new ItemInput
            {
                Required = true,
                SortOrder = (await db.DossierChecklist.MaxAsync(i => (int?)i.SortOrder, ct) ?? 0) + 1,
                LegalBasisCode = await db.LegalBases.OrderByDescending(b => b.EffectiveFrom).Select(b => b.Code).FirstOrDefaultAsync(ct) ?? "",
            };
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var prefix = (Input.CategoryPrefix ?? "").Trim();
        if (prefix.Length > 0 && !await db.ProductCategories.AnyAsync(c => c.Code == prefix, ct))
        {
            ModelState.AddModelError("Input.CategoryPrefix", "Không có nhóm sản phẩm mã này (ví dụ: I, I.3, VI.1). Để trống nếu áp dụng cho mọi sản phẩm.");
        }

        if (Input.OnlyFor is { } variant && !Enum.IsDefined(variant))
        {
            ModelState.AddModelError("Input.OnlyFor", "Loại hồ sơ không hợp lệ.");
        }

        var basis = (Input.LegalBasisCode ?? "").Trim();
        if (basis.Length > 0 && !await db.LegalBases.AnyAsync(b => b.Code == basis, ct))
        {
            ModelState.AddModelError("Input.LegalBasisCode", "Căn cứ pháp lý không có trong danh mục.");
        }

        DossierChecklistItem? item = null;
        if (Input.Id is { } id)
        {
            item = await db.DossierChecklist.SingleOrDefaultAsync(i => i.Id == id, ct);
            if (item is null)
            {
                return NotFound();
            }

            if (item.Version != Input.Version)
            {
                ModelState.AddModelError("", "Giấy tờ này vừa được người khác thay đổi. Tải lại trang rồi sửa lại.");
            }
        }

        if (!ModelState.IsValid)
        {
            EditId = Input.Id;
            await LoadAsync(ct);
            return Page();
        }

        if (item is null)
        {
            item = new DossierChecklistItem { Title = "", LegalBasisCode = "" };
            db.DossierChecklist.Add(item);
        }

        item.Title = Input.Title.Trim();
        item.CategoryPrefix = prefix;
        item.Required = Input.Required;
        item.OnlyFor = Input.OnlyFor;
        item.SortOrder = Input.SortOrder;
        item.LegalBasisCode = basis;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = Input.Id is null ? "Đã thêm giấy tờ vào danh mục." : "Đã lưu giấy tờ.";
        return Redirect("/Dossiers/Checklist");
    }

    /// <summary>Moves an item one place up or down among the items of the same prefix, by swapping the two orders.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, bool up, CancellationToken ct)
    {
        var item = await db.DossierChecklist.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return NotFound();
        }

        var siblings = await db.DossierChecklist.Where(i => i.CategoryPrefix == item.CategoryPrefix && !i.IsArchived).ToListAsync(ct);
        var ordered = siblings.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToList();
        var index = ordered.FindIndex(i => i.Id == id);
        var other = up ? index - 1 : index + 1;
        if (index >= 0 && other >= 0 && other < ordered.Count)
        {
            var neighbour = ordered[other];
            (item.SortOrder, neighbour.SortOrder) = (neighbour.SortOrder, item.SortOrder);
            if (item.SortOrder == neighbour.SortOrder)
            {
                item.SortOrder += up ? -1 : 1;
            }

            await db.SaveChangesAsync(ct);
        }

        return Redirect("/Dossiers/Checklist");
    }

    public async Task<IActionResult> OnPostArchiveAsync(int id, bool restore, CancellationToken ct)
    {
        var item = await db.DossierChecklist.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return NotFound();
        }

        item.IsArchived = !restore;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = restore ? $"Đã dùng lại «{item.Title}»." : $"Đã ngừng dùng «{item.Title}» (hồ sơ cũ vẫn giữ tệp đã nộp).";
        return Redirect(restore ? "/Dossiers/Checklist?archived=true" : "/Dossiers/Checklist");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var items = await db.DossierChecklist.AsNoTracking().Where(i => ShowArchived || !i.IsArchived).ToListAsync(ct);
        Items = [.. items.OrderBy(i => i.CategoryPrefix, StringComparer.Ordinal).ThenBy(i => i.SortOrder).ThenBy(i => i.Id)];
        Variants = Lookups.Enum(Input.OnlyFor);
        LegalBases = await db.LegalBases.AsNoTracking().OrderBy(b => b.EffectiveFrom).Select(b => b.Code).ToListAsync(ct);
    }
}
