using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Rounds;

/// <summary>
/// The round form: it shows the round and its choices and hands what was typed to <see cref="SaveRound"/>, translating
/// its result into a redirect, a refusal, form errors, or the warnings the office must confirm before anything is saved.
/// </summary>
public sealed class EditModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock, SaveRound save) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    /// <summary>Checked by <see cref="SaveRound"/>, not by MVC: one set of messages, whoever sends the command.</summary>
    [BindProperty, ValidateNever] public SaveRound.Command Input { get; set; } = new();

    public List<SelectListItem> Processes { get; private set; } = [];
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Levels { get; private set; } = [];
    public string? ProcessWarning { get; private set; }
    /// <summary>The warnings of the posted round, shown before anything is saved.</summary>
    public List<string> Warnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (Id is int id)
        {
            var round = await db.EvaluationRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
            if (round is null)
            {
                return NotFound();
            }

            if (RoundPolicy.Decide(scope.Role, CouncilSeat.None, RoundAction.Edit, round.State == RoundState.Open) != RoundVerdict.Allowed)
            {
                return Forbid();
            }

            Input = new SaveRound.Command
            {
                Name = round.Name,
                Level = round.Level,
                ProcessCode = round.ProcessCode,
                UnitId = round.UnitId,
                OpensOn = round.OpensOn,
                ClosesOn = round.ClosesOn,
                Version = round.Version,
            };
            ProcessWarning = await SaveRound.ProcessWarningAsync(db, round.ProcessCode, round.OpensOn, ct);
        }
        else
        {
            if (!RoundAccess.CanManage(scope.Role))
            {
                return Forbid();
            }

            var today = Display.Today(clock);
            var processes = (await db.EvaluationProcesses.AsNoTracking().ToListAsync(ct)).Select(p => p.ToModel()).ToList();
            Input.ProcessCode = EvaluationProcesses.InForceOn(today, processes)?.Code;
            Input.OpensOn = today;
            Input.ClosesOn = today.AddDays(30);
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!ModelState.IsValid)
        {
            // A value that could not even be read (a date) is shown as typed with its message, to whoever may save the round.
            var refusal = Id is int id
                ? await RoundAccess.CheckAsync<SaveRound.Saved>(db, scope, id, RoundAction.Edit, ct)
                : RoundAccess.Refusal<SaveRound.Saved>(scope.Role, CouncilSeat.None, RoundAction.Create, true);
            if (refusal is not null)
            {
                return refusal.Outcome == WriteOutcome.NotFound ? NotFound() : Forbid();
            }

            await LoadChoicesAsync(ct);
            return Page();
        }

        Input.Id = Id;
        var result = await save.RunAsync(scope, Input, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                TempData["Message"] = Id is null ? "Đã tạo đợt đánh giá." : "Đã lưu thay đổi.";
                return RedirectToPage("Details", new { id = result.Value!.Id });
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
        }

        if (result.Errors.Count == 1 && result.Errors.TryGetValue(SaveRound.WarningsField, out var warnings))
        {
            Warnings = [.. warnings];
        }
        else
        {
            result.AddTo(ModelState, "Input.");
            if (Input is { ProcessCode: string code, OpensOn: DateOnly opens })
            {
                ProcessWarning = await SaveRound.ProcessWarningAsync(db, code, opens, ct);
            }
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var processes = await db.EvaluationProcesses.AsNoTracking().OrderBy(p => p.EffectiveFrom).Select(p => new { p.Code, p.Title }).ToListAsync(ct);
        Processes = processes.Select(p => new SelectListItem(p.Title, p.Code, p.Code == Input.ProcessCode)).ToList();
        Units = await Lookups.OrganisingUnitsAsync(db, Input.UnitId, ct);
        Levels = Lookups.Enum(Input.Level);
    }
}
