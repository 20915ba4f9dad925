using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Dossiers;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>
/// The target form: a new target on a plan (?plan=) or a target's fields (/Planning/Target/{id}); <see cref="SaveTarget"/>
/// checks and writes what was typed. Whoever may change the plan (<see cref="PlanReach"/>) sets its targets.
/// </summary>
public sealed class TargetModel(OcopDbContext db, UserScopeLoader scopes, UnitDirectory directory, SaveTarget save) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [FromQuery(Name = "plan")] public int? PlanId { get; set; }
    [BindProperty] public SaveTarget.Command Input { get; set; } = new();
    public string PlanNumber { get; private set; } = "";
    public List<SelectListItem> Indicators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!PlanningAccess.CanCreatePlans(scope.Role))
        {
            return Forbid();
        }

        if (Id is int id)
        {
            var t = await db.PlanTargets.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (t is null)
            {
                return NotFound();
            }

            PlanId = t.PlanId;
            Input = new SaveTarget.Command
            {
                Code = t.Code,
                Wording = t.Wording,
                IndicatorId = t.IndicatorId,
                TargetValue = t.TargetValue,
                Direction = t.Direction,
                Deadline = t.Deadline,
                SortOrder = t.SortOrder,
                Version = t.Version,
            };
        }

        var plan = PlanId is int p ? await db.Plans.AsNoTracking().SingleOrDefaultAsync(x => x.Id == p, ct) : null;
        if (plan is null)
        {
            return NotFound();
        }

        if (!await MayChangeAsync(scope, plan, ct))
        {
            return Forbid();
        }

        if (Id is null)
        {
            Input.Deadline = plan.PeriodTo;
            Input.SortOrder = await db.PlanTargets.Where(t => t.PlanId == plan.Id).Select(t => (int?)t.SortOrder).MaxAsync(ct) + 1 ?? 1;
        }

        await LoadAsync(plan, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The use case checks every rule even when a value could not be read, so the form shows every refusal at once;
        // it writes only a form read whole.
        var readWhole = ModelState.IsValid;
        Input.Id = Id;
        Input.PlanId = PlanId;
        var result = await save.RunAsync(await scopes.GetAsync(ct), Input, save: readWhole, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done when readWhole:
                TempData["Message"] = $"Đã lưu chỉ tiêu {result.Value!.Code}.";
                return RedirectToPage("Details", new { id = result.Value.PlanId });
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            default:
                FormErrors.Merge(ModelState, result, "Input.");
                break;
        }

        var planId = Id is int id ? await db.PlanTargets.Where(t => t.Id == id).Select(t => t.PlanId).SingleAsync(ct) : PlanId;
        await LoadAsync(await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId, ct), ct);
        return Page();
    }

    private async Task<bool> MayChangeAsync(UserScope scope, Plan plan, CancellationToken ct) =>
        new PlanReach(scope, await directory.GetAsync(db, ct)).CanEdit(plan.UnitId);

    private async Task LoadAsync(Plan plan, CancellationToken ct)
    {
        PlanNumber = plan.Number;
        PlanId = plan.Id;
        var indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Code).Select(i => new { i.Id, i.Code, i.Name }).ToListAsync(ct);
        Indicators = indicators.Select(i => new SelectListItem($"{i.Code} – {i.Name}", PlanDisplay.Id(i.Id), i.Id == Input.IndicatorId)).ToList();
    }
}
