using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Taxonomy;

/// <summary>The form of a taxonomy entry: it hands what was typed to <see cref="SaveCategory"/> and translates its result.</summary>
[Authorize(Policy = Policies.EditReferenceData)]
public sealed class EditModel(OcopDbContext db, UserScopeLoader scopes, SaveCategory save) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public string Code { get; private set; } = "";
    /// <summary>Checked by <see cref="SaveCategory"/>, not by MVC: one set of messages, whoever sends the command.</summary>
    [BindProperty, ValidateNever] public SaveCategory.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var c = await db.ProductCategories.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id, ct);
        if (c is null)
        {
            return NotFound();
        }

        Code = c.Code;
        Input = new SaveCategory.Command { Name = c.Name, LegalBasis = c.LegalBasis, IsArchived = c.IsArchived, Version = c.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var code = await db.ProductCategories.AsNoTracking().Where(x => x.Id == Id).Select(x => x.Code).SingleOrDefaultAsync(ct);
        if (code is null)
        {
            return NotFound();
        }

        Code = code;
        if (ModelState.IsValid)
        {
            Input.Id = Id;
            var result = await save.RunAsync(await scopes.GetAsync(ct), Input, ct);
            switch (result.Outcome)
            {
                case WriteOutcome.Done:
                    TempData["Message"] = "Đã lưu nhóm sản phẩm.";
                    return RedirectToPage("/Taxonomy/Index");
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
