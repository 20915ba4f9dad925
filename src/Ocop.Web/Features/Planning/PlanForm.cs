using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>What the plan fields partial (<c>_PlanFields.cshtml</c>) shows: the command's fields and the choices.</summary>
public interface IPlanForm
{
    PlanFieldsCommand Input { get; }
    List<SelectListItem> Units { get; }
    List<SelectListItem> Parents { get; }
}

/// <summary>A page with the plan form: its command (a new plan, a change, a copy), the units the user may plan for and the plans that may be its parent.</summary>
public abstract class PlanFormPage<TCommand> : PageModel, IPlanForm
    where TCommand : PlanFieldsCommand, new()
{
    [BindProperty] public TCommand Input { get; set; } = new();
    PlanFieldsCommand IPlanForm.Input => Input;
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Parents { get; private set; } = [];

    /// <summary>Fills the selects; <paramref name="self"/> (the plan being edited) cannot be its own parent.</summary>
    protected async Task LoadChoicesAsync(OcopDbContext db, PlanReach reach, DateOnly today, int? self, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reach);
        Units = reach.Choices(Input.UnitId);
        var plans = await db.Plans.AsNoTracking().Where(p => p.Id != (self ?? 0))
            .Select(p => new { Period = new PlanPeriod(p.Id, p.UnitId, p.PeriodFrom, p.PeriodTo, p.IssuedOn), p.Number, p.Title })
            .ToListAsync(ct);
        var byId = plans.ToDictionary(p => p.Period.Id);
        Parents = PlanInForce.PickerOrder(plans.Select(p => p.Period), today)
            .Select(p => new SelectListItem($"{byId[p.Id].Number} – {byId[p.Id].Title} ({Display.Date(p.From)} – {Display.Date(p.To)})",
                PlanDisplay.Id(p.Id), p.Id == Input.ParentId))
            .ToList();
    }
}
