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
/// The form of a legal basis's star bands and star-minimum rule; <see cref="SaveLegalBasis"/> checks and saves them.
/// </summary>
[Authorize(Roles = nameof(Role.Administrator))]
public sealed class EditLegalBasisModel(OcopDbContext db, UserScopeLoader scopes, SaveLegalBasis save) : PageModel
{
    [FromRoute] public int Id { get; set; }
    /// <summary>Checked by <see cref="SaveLegalBasis"/>, not by MVC.</summary>
    [BindProperty, ValidateNever] public SaveLegalBasis.Command Input { get; set; } = new();
    public LegalBasis Basis { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var record = await db.LegalBases.AsNoTracking().SingleOrDefaultAsync(b => b.Id == Id, ct);
        if (record is null)
        {
            return NotFound();
        }

        Basis = record.ToModel();
        Input = new SaveLegalBasis.Command
        {
            Version = record.Version,
            Bands = Basis.StarBands.OrderBy(b => b.Stars).Select(b => new SaveLegalBasis.BandInput { Stars = b.Stars, From = b.From.ToVietnamese(), Recognised = b.Recognised }).ToList(),
            Consensus = Basis.Minimums.Consensus,
            Statement = Basis.Minimums.Statement,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var record = await db.LegalBases.AsNoTracking().SingleOrDefaultAsync(b => b.Id == Id, ct);
        if (record is null)
        {
            return NotFound();
        }

        Basis = record.ToModel();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Input.Id = Id;
        var result = await save.RunAsync(await scopes.GetAsync(ct), Input, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                TempData["Message"] = $"Đã lưu ngưỡng sao và quy tắc của căn cứ {result.Value!.Code}.";
                return RedirectToPage("LegalBases");
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            default:
                result.AddTo(ModelState, "Input.");
                return Page();
        }
    }
}
