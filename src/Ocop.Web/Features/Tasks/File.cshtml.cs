using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Dossiers;

namespace Ocop.Web.Features.Tasks;

/// <summary>Downloads a report's attachment for whoever may read its task.</summary>
public sealed class FileModel(OcopDbContext db, UserScopeLoader scopes, DocumentStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var viewer = await TaskViewer.LoadAsync(db, scopes, ct);
        var visible = viewer.Visible(db.PlanTasks);
        var file = await db.TaskAttachments.AsNoTracking()
            .Where(f => f.Id == id && visible.Any(t => t.Id == f.Report!.TaskId))
            .Select(f => new { f.StoredName, f.ContentType, f.OriginalName })
            .SingleOrDefaultAsync(ct);
        if (file is null || !System.IO.File.Exists(store.PathOf(file.StoredName)))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(store.PathOf(file.StoredName), file.ContentType, file.OriginalName);
    }
}
