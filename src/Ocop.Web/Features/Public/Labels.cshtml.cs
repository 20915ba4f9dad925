using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Public;

/// <summary>
/// A printable sheet of QR labels (A4, 3 × 8) of the public products an office or a producer reaches: each label opens
/// the product's public page. Signed-in only: an office prints for its communes' producers, a producer for itself.
/// </summary>
public sealed class LabelsModel(PublicCatalog catalog, UserScopeLoader scopes) : PageModel
{
    public const int MaxLabels = 240;

    [BindProperty(SupportsGet = true)] public int? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public List<PublicProduct> Products { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Producers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var scope = await scopes.GetAsync(ct);
        var snapshot = await catalog.GetAsync(ct);
        var reachable = snapshot.Products.Where(p => scope.Sees(p.CommuneId, p.SubjectId)).ToList();
        Producers = [.. reachable.Select(p => (p.SubjectId, p.SubjectName)).Distinct()
            .OrderBy(p => p.SubjectName, StringComparer.Create(Ocop.Web.Shared.Display.Vi, false))];
        var query = Core.Text.SearchQuery.Parse(Q);
        var chosen = reachable.Where(p => (Subject is null || p.SubjectId == Subject)
            && (query.IsEmpty || query.Matches(p.SearchKey))).ToList();
        Total = chosen.Count;
        Products = [.. chosen.Take(MaxLabels)];
    }
}
