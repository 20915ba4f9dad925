using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>A new plan (/Planning/Edit) or a plan's fields (/Planning/Edit/{id}); the page only turns <see cref="SavePlan"/>'s answer into a page.</summary>
public sealed class EditModel(OcopDbContext db, UserScopeLoader scopes, UnitDirectory directory, TimeProvider clock) : PlanFormPage
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

            Input = PlanInput.From(plan);
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
        var scope = await scopes.GetAsync(ct);
        var reach = new PlanReach(scope, await directory.GetAsync(db, ct));
        if (Id is int existing)
        {
            var unit = await db.Plans.Where(p => p.Id == existing).Select(p => new { p.UnitId }).SingleOrDefaultAsync(ct);
            if (unit is null)
            {
                return NotFound();
            }

            if (!reach.CanEdit(unit.UnitId))
            {
                return Forbid();
            }
        }
        else if (!reach.CanCreate)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var save = new SavePlan(db, directory);
            var result = Id is int id
                ? await save.EditAsync(id, Input.Version, Input.ToFields(), scope, ct)
                : await save.CreateAsync(Input.ToFields(), scope, ct);
            switch (result)
            {
                case PlanSaveResult.Saved saved:
                    TempData["Message"] = $"Đã lưu kế hoạch {saved.Number}.";
                    return RedirectToPage("Details", new { id = saved.PlanId });
                case PlanSaveResult.NotFound:
                    return NotFound();
                case PlanSaveResult.Forbidden:
                    return Forbid();
                case PlanSaveResult.Invalid invalid:
                    AddProblems(invalid.Problems);
                    break;
            }
        }

        await LoadChoicesAsync(db, reach, Display.Today(clock), Id, ct);
        return Page();
    }
}
