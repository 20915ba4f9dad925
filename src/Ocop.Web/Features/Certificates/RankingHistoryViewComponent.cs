using Microsoft.AspNetCore.Mvc;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Certificates;

/// <summary>
/// The ranking history section of the product page, loaded here so that the product page only adds one line:
/// <c>&lt;vc:ranking-history product-id="…" product-name="…" /&gt;</c>. The product page has already checked access.
/// </summary>
public sealed class RankingHistoryViewComponent(OcopDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int productId, string productName) =>
        View("/Features/Certificates/_RankingHistory.cshtml",
            await RankingHistory.LoadAsync(db, clock, productId, productName, HttpContext.RequestAborted));
}
