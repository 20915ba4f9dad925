using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Taxonomy;

/// <summary>Corrects a taxonomy entry; codes stay fixed because scoresheets and products refer to them.</summary>
[Authorize(Policy = Policies.EditReferenceData)]
public sealed class EditModel(OcopDbContext db) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public string Code { get; private set; } = "";
    [BindProperty] public CategoryInput Input { get; set; } = new();

    public sealed class CategoryInput
    {
        [Required(ErrorMessage = "Nhập tên."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string Name { get; set; } = "";
        [Required(ErrorMessage = "Nhập căn cứ pháp lý."), StringLength(120, ErrorMessage = "Tối đa 120 ký tự.")] public string LegalBasis { get; set; } = "";
        public bool IsArchived { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var c = await db.ProductCategories.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id, ct);
        if (c is null)
        {
            return NotFound();
        }

        Code = c.Code;
        Input = new CategoryInput { Name = c.Name, LegalBasis = c.LegalBasis, IsArchived = c.IsArchived, Version = c.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var c = await db.ProductCategories.SingleOrDefaultAsync(x => x.Id == Id, ct);
        if (c is null)
        {
            return NotFound();
        }

        Code = c.Code;
        if (c.Version != Input.Version)
        {
            ModelState.AddModelError("", "Nhóm sản phẩm vừa được người khác thay đổi. Tải lại trang rồi sửa lại.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        c.Name = Input.Name.Trim();
        c.LegalBasis = Input.LegalBasis.Trim();
        c.IsArchived = Input.IsArchived;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Đã lưu nhóm sản phẩm.";
        return Redirect("/Taxonomy");
    }
}
