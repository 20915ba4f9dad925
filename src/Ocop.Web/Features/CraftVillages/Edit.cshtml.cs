using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.CraftVillages;

/// <summary>The craft village form: it hands what was typed to <see cref="SaveCraftVillage"/> and translates its result.</summary>
public sealed class EditModel(OcopDbContext db, UserScopeLoader scopes, SaveCraftVillage save) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    /// <summary>Checked by <see cref="SaveCraftVillage"/>, not by MVC: one set of messages, whoever sends the command.</summary>
    [BindProperty, ValidateNever] public SaveCraftVillage.Command Input { get; set; } = new();
    public List<SelectListItem> Communes { get; private set; } = [];
    /// <summary>A search for a commune outside the list (a wide reach is offered the deploying office's communes first).</summary>
    [BindProperty] public string? CommuneQuery { get; set; }
    public CommuneSearchBox CommuneSearch { get; private set; } = new(false, null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!RegistryAccess.CanCreateSubject(scope.Role))
        {
            return Forbid();
        }

        if (Id is int id)
        {
            var v = await db.CraftVillages.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (v is null || !scope.CanRead(v.CommuneId))
            {
                return NotFound();
            }

            if (!scope.CanEdit(v.CommuneId))
            {
                return Forbid();
            }

            Input = new SaveCraftVillage.Command
            {
                Name = v.Name,
                CommuneId = v.CommuneId,
                RecognitionDecision = v.RecognitionDecision,
                IsTraditional = v.IsTraditional,
                RecognisedOn = v.RecognisedOn,
                EndedOn = v.EndedOn,
                Description = v.Description,
                IsArchived = v.IsArchived,
                Version = v.Version,
            };
        }

        Communes = await Lookups.CommunesAsync(db, scope, Input.CommuneId, CommuneQuery, ct);
        CommuneSearch = new CommuneSearchBox(await Lookups.CommuneSearchNeededAsync(db, scope, ct), CommuneQuery);
        return Page();
    }

    /// <summary>"Tìm xã": the form comes back as typed, with the communes found offered; nothing is saved.</summary>
    public async Task<IActionResult> OnPostFindCommuneAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var scope = await scopes.GetAsync(ct);
        Communes = await Lookups.CommunesAsync(db, scope, Input.CommuneId, CommuneQuery, ct);
        CommuneSearch = new CommuneSearchBox(await Lookups.CommuneSearchNeededAsync(db, scope, ct), CommuneQuery);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (ModelState.IsValid)
        {
            Input.Id = Id;
            var result = await save.RunAsync(scope, Input, ct);
            switch (result.Outcome)
            {
                case WriteOutcome.Done:
                    TempData["Message"] = "Đã lưu làng nghề.";
                    return RedirectToPage("/CraftVillages/Index");
                case WriteOutcome.NotFound:
                    return NotFound();
                case WriteOutcome.Refused:
                    return Forbid();
                default:
                    result.AddTo(ModelState, "Input.");
                    break;
            }
        }
        else if (!RegistryAccess.CanCreateSubject(scope.Role))
        {
            return Forbid();
        }

        Communes = await Lookups.CommunesAsync(db, scope, Input.CommuneId, CommuneQuery, ct);
        CommuneSearch = new CommuneSearchBox(await Lookups.CommuneSearchNeededAsync(db, scope, ct), CommuneQuery);
        return Page();
    }
}
