using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Subjects;

public sealed class DetailsModel(OcopDbContext db, UserScopeLoader scopes) : PageModel
{
    public Subject Subject { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    /// <summary>Producers keep their own subject current but do not archive it.</summary>
    public bool CanArchive { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, tracking: false, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostArchiveAsync(int id, int version, bool restore, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracking: true, ct))
        {
            return NotFound();
        }

        if (!CanArchive)
        {
            return Forbid();
        }

        if (Subject.Version != version)
        {
            TempData["Message"] = "Chủ thể vừa được người khác thay đổi. Hãy xem lại rồi thử lại.";
            return RedirectToPage(new { id });
        }

        Subject.IsArchived = !restore;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = restore ? "Đã khôi phục chủ thể." : "Đã lưu trữ chủ thể.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, bool tracking, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var query = scope.Visible(db.Subjects)
            .Include(s => s.Commune).Include(s => s.CraftVillage)
            .Include(s => s.Products).ThenInclude(p => p.Category);
        var subject = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subject is null)
        {
            return false;
        }

        Subject = subject;
        CanEdit = scope.CanEdit(subject.CommuneId, subject.Id);
        CanArchive = CanEdit && scope.Role != Role.Producer;
        return true;
    }
}
