using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Dossiers;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>
/// A plan copied to a new period (/Planning/Copy/{id}): the form starts from the source's fields, the period that follows
/// it and the unit that stands for the source's unit then; <see cref="CopyPlan"/> does the copy; the page only turns its answer into a page.
/// </summary>
public sealed class CopyModel(OcopDbContext db, UserScopeLoader scopes, UnitDirectory directory, TimeProvider clock, CopyPlan copy)
    : PlanFormPage<CopyPlan.Command>
{
    [FromRoute] public int Id { get; set; }
    public string SourceNumber { get; private set; } = "";
    public List<SourceTarget> SourceTargets { get; private set; } = [];

    public sealed record SourceTarget(string Code, string Wording, string IndicatorCode, MeasureOutput Output, decimal TargetValue, TargetDirection Direction);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var units = await directory.GetAsync(db, ct);
        var reach = new PlanReach(scope, units);
        var source = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id, ct);
        if (source is null)
        {
            return NotFound();
        }

        if (!reach.CanCreate)
        {
            return Forbid();
        }

        var (from, to) = PlanInForce.NextPeriod(source.PeriodFrom, source.PeriodTo);
        // A former unit's plan continues under the unit that stands for it when the new period starts.
        var unitId = source.UnitId is int u && units.ById.TryGetValue(u, out var unit) ? units.CurrentOn(unit, from).Id : (int?)null;
        Input = new CopyPlan.Command
        {
            Title = source.Title,
            Issuer = source.Issuer,
            IssuedOn = Display.Today(clock),
            PeriodFrom = from,
            PeriodTo = to,
            UnitId = reach.CanEdit(unitId) ? unitId ?? PlanReach.National : null,
            ParentId = source.ParentId,
            Note = source.Note,
        };
        await LoadAsync(reach, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // As on the edit page: every refusal at once, a copy only from a form read whole.
        var readWhole = ModelState.IsValid;
        Input.SourceId = Id;
        var scope = await scopes.GetAsync(ct);
        var result = await copy.RunAsync(scope, Input, save: readWhole, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done when readWhole:
                TempData["Message"] = $"Đã sao chép {result.Value!.SourceNumber} thành kế hoạch {result.Value.Number}.";
                return RedirectToPage("Details", new { id = result.Value.PlanId });
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            default:
                FormErrors.Merge(ModelState, result, "Input.");
                break;
        }

        await LoadAsync(new PlanReach(scope, await directory.GetAsync(db, ct)), ct);
        return Page();
    }

    private async Task LoadAsync(PlanReach reach, CancellationToken ct)
    {
        SourceNumber = await db.Plans.AsNoTracking().Where(p => p.Id == Id).Select(p => p.Number).SingleAsync(ct);
        SourceTargets = await db.PlanTargets.AsNoTracking().Where(t => t.PlanId == Id).OrderBy(t => t.SortOrder).ThenBy(t => t.Code)
            .Select(t => new SourceTarget(t.Code, t.Wording, t.Indicator!.Code, t.Indicator.Output, t.TargetValue, t.Direction))
            .ToListAsync(ct);
        await LoadChoicesAsync(db, reach, Display.Today(clock), null, ct);
    }
}
