using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Dossiers;

/// <summary>Downloads a dossier document for whoever may read its dossier; archived documents stay downloadable from the history.</summary>
public sealed class FileModel(OcopDbContext db, UserScopeLoader scopes, DocumentStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var document = await db.DossierDocuments.AsNoTracking()
            .Where(f => f.Id == id && scope.Visible(db.Products).Any(p => p.Id == f.Dossier!.ProductId))
            .Select(f => new { f.StoredName, f.ContentType, f.OriginalName })
            .SingleOrDefaultAsync(ct);
        if (document is null || !System.IO.File.Exists(store.PathOf(document.StoredName)))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(store.PathOf(document.StoredName), document.ContentType, document.OriginalName);
    }
}
