using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Support;

/// <summary>The files of a record of section III as the shared file field shows them.</summary>
public sealed record SectionFilesView(IReadOnlyList<SectionFile> Attached, string Legend);

/// <summary>
/// The form every register of section III shares. It only translates <see cref="SaveRegisterEntry{TEntity, TInput}"/>: a
/// record the user may not read is not found, one they may read but not change is forbidden; a stale form, a refused field
/// or a place out of reach come back with messages and nothing is written.
/// </summary>
public abstract class RegisterEditPage<TEntity, TInput>(SectionContext section, SaveRegisterEntry<TEntity, TInput> save) : PageModel
    where TEntity : class, IVersioned where TInput : class, IVersionedInput, new()
{
    [FromRoute] public int? Id { get; set; }
    /// <summary>Checked by <see cref="SaveRegisterEntry{TEntity, TInput}"/>, not by MVC: one set of messages, whoever sends the command.</summary>
    [BindProperty, ValidateNever] public TInput Input { get; set; } = new();
    /// <summary>Files attached on this save (evidence, materials), for registers that keep files.</summary>
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    /// <summary>The files already attached to the record.</summary>
    public List<SectionFile> Attached { get; private set; } = [];

    /// <summary>What the shared file field shows: the files attached, under this heading.</summary>
    public SectionFilesView FilesView => new(Attached, FilesLegend);

    protected virtual string FilesLegend => "Tệp đính kèm";

    protected SectionContext Section => section;

    /// <summary>The list the form returns to once saved (a page name, so a renamed page breaks the build or a test).</summary>
    protected abstract string ListPage { get; }
    protected abstract string SavedMessage { get; }

    protected abstract Task LoadOptionsAsync(CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var form = await save.FormAsync((await section.ScopeAsync(ct)).User, Id, ct);
        if (Refusal(form.Outcome) is { } refused)
        {
            return refused;
        }

        Input = form.Value!;
        await LoadAttachedAsync(ct);
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = (await section.ScopeAsync(ct)).User;
        if (!ModelState.IsValid)
        {
            // A value that did not bind (a date, a number) is shown as typed; the record is still one the user may change.
            if (Refusal((await save.FormAsync(user, Id, ct)).Outcome) is { } notAllowed)
            {
                return notAllowed;
            }
        }
        else
        {
            var result = await save.RunAsync(user, new(Id, Input, Files), ct);
            if (result.IsDone)
            {
                TempData["Message"] = SavedMessage;
                return RedirectToPage(ListPage);
            }

            if (Refusal(result.Outcome) is { } refused)
            {
                return refused;
            }

            // Files are the form's own input, beside the input's fields.
            foreach (var message in result.Errors.GetValueOrDefault(SaveRegisterEntry<TEntity, TInput>.FilesField, []))
            {
                ModelState.AddModelError(nameof(Files), message);
            }

            (result with { Errors = result.Errors.Where(e => e.Key != SaveRegisterEntry<TEntity, TInput>.FilesField).ToDictionary() }).AddTo(ModelState, "Input.");
        }

        await LoadAttachedAsync(ct);
        await LoadOptionsAsync(ct);
        return Page();
    }

    private async Task LoadAttachedAsync(CancellationToken ct)
    {
        if (save.Rules.FileOwnerType is string type && Id is int id)
        {
            Attached = await section.Db.SectionFiles.AsNoTracking().Where(f => f.OwnerType == type && f.OwnerId == id && !f.IsArchived)
                .OrderBy(f => f.Id).ToListAsync(ct);
        }
    }

    private IActionResult? Refusal(WriteOutcome outcome) => outcome switch
    {
        WriteOutcome.NotFound => NotFound(),
        WriteOutcome.Refused => Forbid(),
        _ => null,
    };
}
