using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Dossiers;

/// <summary>
/// Downloads a dossier document for whoever may read its dossier, and for the council members scoring it (beside their
/// sheet); archived documents stay downloadable from the history.
/// </summary>
public sealed class FileModel(OcopDbContext db, UserScopeLoader scopes, DocumentStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var document = await db.DossierDocuments.AsNoTracking()
            .Where(f => f.Id == id)
            .Select(f => new { f.StoredName, f.ContentType, f.OriginalName, Visible = scope.Visible(db.Products).Any(p => p.Id == f.Dossier!.ProductId) })
            .SingleOrDefaultAsync(ct);
        if (document is { Visible: false } && !await Rounds.SheetDocuments.ReadByCouncilMemberAsync(db, scope.UserId, id, ct))
        {
            document = null;
        }

        if (document is null || !System.IO.File.Exists(store.PathOf(document.StoredName)))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(store.PathOf(document.StoredName), document.ContentType, document.OriginalName);
    }
}
