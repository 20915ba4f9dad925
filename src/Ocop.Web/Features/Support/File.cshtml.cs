using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Dossiers;

namespace Ocop.Web.Features.Support;

/// <summary>Downloads a file of section III (a support's evidence, a training event's material) for whoever may read its record.</summary>
public sealed class FileModel(SectionContext section, DocumentStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        var db = section.Db;
        var file = await db.SectionFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && !f.IsArchived, ct);
        var readable = file?.OwnerType switch
        {
            nameof(SupportRecord) => await db.SupportRecords.AsNoTracking().Where(r => r.Id == file.OwnerId).Select(r => (int?)r.Subject!.CommuneId).SingleOrDefaultAsync(ct)
                is int commune && PlanningAccess.ForSupportRecord(scope.Role, scope.InScope(commune)) != RecordAccess.None,
            nameof(TrainingEvent) => await db.TrainingEvents.AsNoTracking().Where(t => t.Id == file.OwnerId).Select(t => (int?)t.UnitId).SingleOrDefaultAsync(ct)
                is int unit && scope.AccessToUnit(SectionRegister.Training, unit) != RecordAccess.None,
            _ => false,
        };
        if (!readable || !System.IO.File.Exists(store.PathOf(file!.StoredName)))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(store.PathOf(file.StoredName), file.ContentType, file.OriginalName);
    }
}
