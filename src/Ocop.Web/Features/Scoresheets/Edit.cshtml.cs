using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>
/// Edits a draft scoresheet in one plain form: the effective date, each criterion's text and maximum, each option's
/// text, points and star minimum, removing options and adding one per criterion. Published and retired versions are
/// refused: a change to them is a new version (copy first).
/// </summary>
[Authorize(Roles = nameof(Role.Administrator))]
public sealed class EditModel(OcopDbContext db, UserScopeLoader scopes, EditScoresheet save) : PageModel
{
    [FromRoute] public int Id { get; set; }
    /// <summary>Checked by <see cref="EditScoresheet"/>, not by MVC.</summary>
    [BindProperty, ValidateNever] public EditScoresheet.Command Input { get; set; } = new();

    public ScoresheetRecord Record { get; private set; } = null!;
    public Scoresheet Sheet { get; private set; } = null!;
    public LegalBasis? Basis { get; private set; }
    /// <summary>Set when the sheet may not be edited; the page then shows why instead of the form.</summary>
    public string? Refusal { get; private set; }

    public int IndexOf(string code) => Input.Criteria.FindIndex(c => c.Code == code);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        Input = new EditScoresheet.Command
        {
            Version = Record.Version,
            EffectiveFrom = Sheet.EffectiveFrom,
            Criteria = Sheet.Parts.SelectMany(p => p.Groups).SelectMany(g => g.Criteria)
                .SelectMany(c => new[] { c }.Concat(c.SubCriteria))
                .Select(c => new EditScoresheet.CriterionInput
                {
                    Code = c.Code,
                    Text = c.Text,
                    Max = c.Max.ToVietnamese(),
                    Options = c.Options.Select(o => new EditScoresheet.OptionInput { Number = o.Number, Text = o.Text, Points = o.Points?.ToVietnamese(), Star = o.MinimumForStar }).ToList(),
                })
                .ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            // A value that could not even be read (a date) is shown as typed with its message.
            return Page();
        }

        Input.Id = Id;
        var result = await save.RunAsync(await scopes.GetAsync(ct), Input, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                TempData["Message"] = "Đã lưu bản nháp.";
                return RedirectToPage("Details", new { id = Id });
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                // An administrator (the page's rule) is refused only a sheet that is no longer a draft.
                Refusal = result.Message;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                result.AddTo(ModelState, "Input.");
                return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var record = await db.Scoresheets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Id, ct);
        if (record is null)
        {
            return false;
        }

        Record = record;
        Sheet = record.ToModel();
        Basis = (await db.LegalBases.AsNoTracking().SingleOrDefaultAsync(b => b.Code == record.LegalBasisCode, ct))?.ToModel();
        Refusal = EditScoresheet.Refusal(record.Status);

        return true;
    }
}
