using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Dossiers;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>A new plan (/Planning/Edit) or a plan's fields (/Planning/Edit/{id}); the page only turns <see cref="SavePlan"/>'s answer into a page.</summary>
public sealed class EditModel(OcopDbContext db, UserScopeLoader scopes, UnitDirectory directory, TimeProvider clock, SavePlan save)
    : PlanFormPage<SavePlan.Command>
{
    [FromRoute] public int? Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var reach = new PlanReach(scope, await directory.GetAsync(db, ct));
        if (Id is int id)
        {
            var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
            if (plan is null)
            {
                return NotFound();
            }

            if (!reach.CanEdit(plan.UnitId))
            {
                return Forbid();
            }

            Input = SavePlan.Command.From(plan);
        }
        else
        {
            if (!reach.CanCreate)
            {
                return Forbid();
            }

            Input.IssuedOn = Display.Today(clock);
        }

        await LoadChoicesAsync(db, reach, Display.Today(clock), Id, ct);
        // A commune officer has one unit to choose: their commune.
        if (Id is null && Units.Count == 1)
        {
            Input.UnitId = int.Parse(Units[0].Value, System.Globalization.CultureInfo.InvariantCulture);
            Units[0].Selected = true;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The use case checks every rule even when a value could not be read, so the form shows every refusal at once;
        // it writes only a form read whole.
        var readWhole = ModelState.IsValid;
        Input.Id = Id;
        var scope = await scopes.GetAsync(ct);
        var result = await save.RunAsync(scope, Input, save: readWhole, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done when readWhole:
                TempData["Message"] = $"Đã lưu kế hoạch {result.Value!.Number}.";
                return RedirectToPage("Details", new { id = result.Value.PlanId });
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            default:
                FormErrors.Merge(ModelState, result, "Input.");
                break;
        }

        await LoadChoicesAsync(db, new PlanReach(scope, await directory.GetAsync(db, ct)), Display.Today(clock), Id, ct);
        return Page();
    }
}
