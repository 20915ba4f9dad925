using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Ocop.Core.Support;

namespace Ocop.Web.Features.Support;

/// <summary>Section III at a glance: the year's budget by source, office, commune and producer with charts, and the registers.</summary>
public sealed class IndexModel(SectionContext section) : PageModel
{
    [FromQuery(Name = "year")] public int? Year { get; set; }
    [FromQuery(Name = "unit")] public int? UnitId { get; set; }

    public BudgetView? Budget { get; private set; }
    public List<SelectListItem> Units { get; private set; } = [];
    public bool SeesBudgets { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        if (UnitId is int unit && unit != 0 && !scope.Units.ById.ContainsKey(unit))
        {
            return NotFound();
        }

        Year = Year is int y && y is >= 2000 and <= 2100 ? y : scope.Today.Year;
        SeesBudgets = SupportAccess.CanReadBudgets(scope.Role);
        if (SeesBudgets)
        {
            Units = await section.UnitOptionsAsync(UnitId, withAll: true, ct);
            Budget = await BudgetFigures.YearAsync(section, Year.Value, await section.CommunesOfUnitAsync(UnitId, ct), ct);
        }

        return Page();
    }
}
