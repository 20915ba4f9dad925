using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Products;

/// <summary>Serves a stored photo after the same access check as its product.</summary>
public sealed class PhotoModel(OcopDbContext db, UserScopeLoader scopes, PhotoStore photos) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string? size, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var photo = await db.ProductPhotos.AsNoTracking()
            .Where(f => f.Id == id && scope.Visible(db.Products).Any(p => p.Id == f.ProductId))
            .Select(f => new { f.StoredName, f.ContentType })
            .SingleOrDefaultAsync(ct);
        if (photo is null || !System.IO.File.Exists(photos.PathOf(photo.StoredName)))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=86400";
        Response.Headers.XContentTypeOptions = "nosniff";
        // The product page shows thumbnails (size=thumb); the photo itself opens from there.
        return PhysicalFile(size == "thumb" ? photos.ThumbnailPathOf(photo.StoredName) : photos.PathOf(photo.StoredName), photo.ContentType);
    }
}
