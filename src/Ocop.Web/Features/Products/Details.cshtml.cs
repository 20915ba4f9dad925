using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Products;

public sealed class DetailsModel(OcopDbContext db, UserScopeLoader scopes, AddProductPhoto photos, ArchiveProduct archive) : PageModel
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
        var result = await photos.RunAsync(await scopes.GetAsync(ct), new AddProductPhoto.Command(id, photo, caption), ct);
        switch (result.Outcome)
        {
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            case WriteOutcome.Done:
                TempData["Message"] = "Đã tải ảnh lên.";
                return RedirectToPage(new { id });
            default:
                result.AddTo(ModelState, "");
                return await LoadAsync(id, tracking: false, ct) ? Page() : NotFound();
        }
    }

    public async Task<IActionResult> OnPostArchivePhotoAsync(int id, int photoId, CancellationToken ct)
    {
        var result = await photos.RemoveAsync(await scopes.GetAsync(ct), id, photoId, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            default:
                TempData["Message"] = "Đã gỡ ảnh (ảnh vẫn được lưu trữ).";
                return RedirectToPage(new { id });
        }
    }

    public async Task<IActionResult> OnPostArchiveAsync(int id, int version, bool restore, CancellationToken ct)
    {
        var result = await archive.RunAsync(await scopes.GetAsync(ct), new ArchiveProduct.Command(id, version, restore), ct);
        switch (result.Outcome)
        {
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            case WriteOutcome.Done:
                TempData["Message"] = restore ? "Đã khôi phục sản phẩm." : "Đã lưu trữ sản phẩm.";
                break;
            default:
                TempData["Message"] = result.Message;
                break;
        }

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
