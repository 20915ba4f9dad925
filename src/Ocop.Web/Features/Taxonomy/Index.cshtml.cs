using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Taxonomy;

public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes) : PageModel
{
    public List<ProductCategory> Rows { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = RegistryAccess.CanEditReferenceData((await scopes.GetAsync(ct)).Role);
        Rows = (await db.ProductCategories.AsNoTracking().ToListAsync(ct)).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
    }
}
