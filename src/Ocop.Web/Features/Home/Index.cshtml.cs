using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Home;

/// <summary>The site root: for a signed-in user, what waits for them (<see cref="WorkList"/>), then the registry's counts in their reach; for a visitor, the public home (Features/Public).</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes, WorkList work, UnitDirectory directory) : PageModel
{
    public Public.PublicView? Visitor { get; private set; }

    public string FullName { get; private set; } = "";
    public Role Role { get; private set; }
    public List<WorkSection> Work { get; private set; } = [];
    public int Subjects { get; private set; }
    public int Products { get; private set; }
    public int Ranked { get; private set; }
    public int Villages { get; private set; }
    public List<CommuneCount> ByCommune { get; private set; } = [];

    public sealed record CommuneCount(int CommuneId, string Commune, int Subjects, int Products);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            Visitor = await Public.PublicHome.ViewAsync(HttpContext, english: false, ct);
            return;
        }

        var scope = await scopes.GetAsync(ct);
        FullName = User.FindFirstValue("full_name") ?? User.Identity?.Name ?? "";
        Role = scope.Role;
        Work = await work.ForAsync(ct);

        var subjects = scope.Visible(db.Subjects).AsNoTracking().Where(s => !s.IsArchived);
        var products = scope.Visible(db.Products).AsNoTracking().Where(p => p.Status != ProductStatus.Archived);
        Subjects = await subjects.CountAsync(ct);
        var byStatus = await products.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Products = byStatus.Sum(s => s.Count);
        Ranked = byStatus.Where(s => s.Key == ProductStatus.Ranked).Sum(s => s.Count);
        Villages = await db.CraftVillages.CountAsync(v => !v.IsArchived && (scope.ReachesEveryUnit || scope.CommuneIds.Contains(v.CommuneId)), ct);

        var subjectCounts = await subjects.GroupBy(s => s.CommuneId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var productCounts = await products.GroupBy(p => p.CommuneId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        // By the commune of today: a merged commune's old records count with the new ones, in one line.
        var units = await directory.GetAsync(db, ct);
        ByCommune = subjectCounts.Keys.Union(productCounts.Keys)
            .GroupBy(id => units.ById.TryGetValue(id, out var u) ? units.Latest(u) : null)
            .Where(g => g.Key is not null)
            .Select(g => new CommuneCount(g.Key!.Id, g.Key.Name, g.Sum(subjectCounts.GetValueOrDefault), g.Sum(productCounts.GetValueOrDefault)))
            .OrderByDescending(c => c.Products).ThenBy(c => c.Commune, StringComparer.Create(Ocop.Web.Shared.Display.Vi, false)).Take(50).ToList();
    }
}
