using Microsoft.AspNetCore.Mvc;
using Ocop.Core.Support;

namespace Ocop.Web.Features.Support;

/// <summary>The dashboard's support budget of the year: the same figures as the support page, for the dashboard's unit.</summary>
public sealed class SupportSummaryViewComponent(SectionContext section) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(IReadOnlySet<int>? communes, int year)
    {
        var scope = await section.ScopeAsync(HttpContext.RequestAborted);
        if (!SupportAccess.CanReadBudgets(scope.Role))
        {
            return Content("");
        }

        return View("~/Features/Support/_SupportSummary.cshtml", await BudgetFigures.YearAsync(section, year, communes, HttpContext.RequestAborted));
    }
}
