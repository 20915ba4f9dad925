using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Products;

public sealed class DetailsModel(OcopDbContext db, UserScopeLoader scopes, PhotoStore photos, TimeProvider clock) : PageModel
{
    public Product Product { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await LoadAsync(id, tracking: false, ct);
        return found ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? photo, string? caption, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracking: true, ct))
        {
            return NotFound();
        }

        if (!CanEdit || Product.Status == ProductStatus.Archived)
        {
            return Forbid();
        }

        if (photo is null)
        {
            ModelState.AddModelError("photo", "Chọn một tệp ảnh.");
            return Page();
        }

        var (saved, error) = await photos.SaveAsync(photo, ct);
        if (saved is null)
        {
            ModelState.AddModelError("photo", error!);
            return Page();
        }

        Product.Photos.Add(new ProductPhoto
        {
            StoredName = saved.StoredName, ContentType = saved.ContentType, SizeBytes = saved.SizeBytes,
            OriginalName = saved.OriginalName, Caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim(),
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Đã tải ảnh lên.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostArchivePhotoAsync(int id, int photoId, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracking: true, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var photo = Product.Photos.SingleOrDefault(f => f.Id == photoId);
        if (photo is null)
        {
            return NotFound();
        }

        photo.IsArchived = true;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Đã gỡ ảnh (ảnh vẫn được lưu trữ).";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostArchiveAsync(int id, int version, bool restore, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracking: true, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        if (Product.Version != version)
        {
            TempData["Message"] = "Sản phẩm vừa được người khác thay đổi. Hãy xem lại rồi thử lại.";
            return RedirectToPage(new { id });
        }

        Product.Status = restore ? ProductStatus.Registered : ProductStatus.Archived;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = restore ? "Đã khôi phục sản phẩm." : "Đã lưu trữ sản phẩm.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, bool tracking, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var query = scope.Visible(db.Products).Include(p => p.Subject).Include(p => p.Commune).Include(p => p.Category).Include(p => p.Photos);
        var product = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return false;
        }

        Product = product;
        CanEdit = scope.CanEdit(product.CommuneId, product.SubjectId);
        return true;
    }
}
