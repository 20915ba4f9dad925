using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Dossiers;

/// <summary>
/// Downloads a dossier document for whoever may read its dossier, and for the council members scoring it (beside their
/// sheet); archived documents stay downloadable from the history. PDFs and images are sent to be shown (inline) and may be
/// framed by our own pages, so they open in the viewer beside the criteria; Word and Excel files are downloaded.
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
        // Only a document actually sent may be framed (by our own sheet's viewer); a refusal stays unframable.
        Ocop.Web.Shared.SecurityHeaders.AllowFramingBySameOrigin(HttpContext);
        if (!ShownInline(document.ContentType))
        {
            return PhysicalFile(store.PathOf(document.StoredName), document.ContentType, document.OriginalName);
        }

        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(document.OriginalName);
        Response.Headers.ContentDisposition = disposition.ToString();
        return PhysicalFile(store.PathOf(document.StoredName), document.ContentType);
    }

    /// <summary>What a browser shows by itself: PDFs and the raster images the store accepts (never SVG, which could carry script).</summary>
    public static bool ShownInline(string contentType) =>
        contentType is "application/pdf" or "image/jpeg" or "image/png" or "image/webp";
}
