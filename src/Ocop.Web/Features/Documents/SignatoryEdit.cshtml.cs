using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Documents;

/// <summary>
/// The signatory form of an authority: it shows the signatory, and hands what was typed to <see cref="SaveSignatory"/>,
/// translating its result into a redirect, a refusal or form errors.
/// </summary>
[Authorize(Policy = Policies.EditReferenceData)]
public sealed class SignatoryEditModel(OcopDbContext db, UserScopeLoader scopes, SaveSignatory save) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [FromQuery(Name = "authority")] public int? AuthorityQuery { get; set; }
    /// <summary>Checked by <see cref="SaveSignatory"/>, not by MVC: one set of messages, whoever sends the command.</summary>
    [BindProperty, ValidateNever] public SaveSignatory.Command Input { get; set; } = new();
    public IssuingAuthority Authority { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is int id)
        {
            var s = await db.Signatories.AsNoTracking().Include(x => x.Authority).SingleOrDefaultAsync(x => x.Id == id, ct);
            if (s is null)
            {
                return NotFound();
            }

            Authority = s.Authority!;
            Input = new SaveSignatory.Command
            {
                FullName = s.FullName,
                Title = s.Title,
                IsDeputy = s.IsDeputy,
                IsDefault = s.IsDefault,
                ValidFrom = s.ValidFrom,
                ValidTo = s.ValidTo,
                Note = s.Note,
                Version = s.Version,
            };
            return Page();
        }

        var authority = AuthorityQuery is int a ? await db.IssuingAuthorities.AsNoTracking().SingleOrDefaultAsync(x => x.Id == a, ct) : null;
        if (authority is null)
        {
            return NotFound();
        }

        Authority = authority;
        Input = new SaveSignatory.Command { Title = authority.HeadTitle, ValidFrom = authority.ValidFrom, ValidTo = authority.ValidTo };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var authority = Id is int id
            ? await db.Signatories.AsNoTracking().Where(s => s.Id == id).Select(s => s.Authority).SingleOrDefaultAsync(ct)
            : AuthorityQuery is int a ? await db.IssuingAuthorities.AsNoTracking().SingleOrDefaultAsync(x => x.Id == a, ct) : null;
        if (authority is null)
        {
            return NotFound();
        }

        Authority = authority;
        if (ModelState.IsValid)
        {
            Input.Id = Id;
            Input.AuthorityId = authority.Id;
            var result = await save.RunAsync(scope, Input, ct);
            switch (result.Outcome)
            {
                case WriteOutcome.Done:
                    TempData["Message"] = "Đã lưu người ký " + result.Value!.FullName + ".";
                    return RedirectToPage("/Documents/Authorities");
                case WriteOutcome.NotFound:
                    return NotFound();
                case WriteOutcome.Refused:
                    return Forbid();
                default:
                    result.AddTo(ModelState, "Input.");
                    break;
            }
        }

        return Page();
    }
}
