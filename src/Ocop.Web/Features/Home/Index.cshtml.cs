using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Home;

/// <summary>The signed-in user's home: what waits for them (<see cref="WorkList"/>), then the registry's counts in their reach.</summary>
public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes, WorkList work) : PageModel
{
    public string FullName { get; private set; } = "";
    public Role Role { get; private set; }
    public List<WorkSection> Work { get; private set; } = [];
    public int Subjects { get; private set; }
    public int Products { get; private set; }
    public int Ranked { get; private set; }
    public int Villages { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        FullName = User.FindFirstValue("full_name") ?? User.Identity?.Name ?? "";
        Role = scope.Role;
        Work = await work.ForAsync(ct);

        var products = scope.Visible(db.Products).AsNoTracking().Where(p => p.Status != ProductStatus.Archived);
        Subjects = await scope.Visible(db.Subjects).AsNoTracking().CountAsync(s => !s.IsArchived, ct);
        var byStatus = await products.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Products = byStatus.Sum(s => s.Count);
        Ranked = byStatus.Where(s => s.Key == ProductStatus.Ranked).Sum(s => s.Count);
        Villages = await db.CraftVillages.CountAsync(v => !v.IsArchived && (scope.ReachesEveryUnit || scope.CommuneIds.Contains(v.CommuneId)), ct);
    }
}
