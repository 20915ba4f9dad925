using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Cycle;

/// <summary>
/// Puts an idea into the cycle: a commune officer records a potential product found in the survey (their communes
/// only), a producer registers an idea for their own subject (the registration form, step 2).
/// </summary>
public sealed class CreateModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock, RecordCycleEntry record) : PageModel
{
    [BindProperty] public RecordCycleEntry.Command Input { get; set; } = new();

    public List<SelectListItem> Communes { get; private set; } = [];
    public List<SelectListItem> Subjects { get; private set; } = [];
    public List<SelectListItem> Products { get; private set; } = [];
    public List<SelectListItem> Categories { get; private set; } = [];
    public List<SelectListItem> Steps { get; private set; } = [];
    public bool IsProducer { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!CycleRules.CanCreate(scope.Role))
        {
            return Forbid();
        }

        Input = new RecordCycleEntry.Command { Year = Display.Today(clock).Year };
        if (scope.Role == Role.Producer)
        {
            var own = await db.Subjects.AsNoTracking().Where(s => s.Id == scope.SubjectId).Select(s => new { s.Name, s.CommuneId }).SingleAsync(ct);
            Input.ProposerName = own.Name;
            Input.CommuneId = own.CommuneId;
        }

        await LoadChoicesAsync(scope, ct);
        return Page();
    }

    /// <summary>Records the idea (<see cref="RecordCycleEntry"/>).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!CycleRules.CanCreate(scope.Role))
        {
            return Forbid();
        }

        // A value typed that is not even of its type stops here; an empty field is the use case's to judge.
        if (!ModelState.Values.Any(e => e.Errors.Count > 0 && !string.IsNullOrEmpty(e.AttemptedValue)))
        {
            ModelState.Clear();
            var result = await record.RunAsync(scope, Input, ct);
            switch (result.Outcome)
            {
                case WriteOutcome.Done:
                    TempData["Message"] = $"Đã ghi nhận «{result.Value!.IdeaName}» vào chu trình năm {result.Value.Year}.";
                    return RedirectToPage("/Cycle/Details", new { id = result.Value.EntryId });
                case WriteOutcome.NotFound:
                    return NotFound();
                case WriteOutcome.Refused:
                    return Forbid();
                default:
                    result.AddTo(ModelState, "Input.");
                    break;
            }
        }

        await LoadChoicesAsync(scope, ct);
        return Page();
    }

    private async Task LoadChoicesAsync(UserScope scope, CancellationToken ct)
    {
        IsProducer = scope.Role == Role.Producer;
        Communes = (await Lookups.CommunesAsync(db, scope, Input.CommuneId, ct)).Where(c => scope.Role == Role.Producer || scope.CanCreateIn(int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var subjects = await scope.Visible(db.Subjects).AsNoTracking().Where(s => !s.IsArchived)
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, Commune = s.Commune!.Name }).Take(2000).ToListAsync(ct);
        Subjects = subjects.Select(s => new SelectListItem($"{s.Name} ({s.Commune})", s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Id == Input.SubjectId)).ToList();
        var products = await scope.Visible(db.Products).AsNoTracking().Where(p => p.Status != Core.Registry.ProductStatus.Archived)
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, Subject = p.Subject!.Name }).Take(2000).ToListAsync(ct);
        Products = products.Select(p => new SelectListItem($"{p.Name} – {p.Subject}", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Id == Input.ProductId)).ToList();
        Categories = await Lookups.CategoriesAsync(db, Input.CategoryId, leavesOnly: true, ct);
        Steps = Lookups.Enum<CycleStep>(Input.Step).Where(s => s.Value is nameof(CycleStep.Communication) or nameof(CycleStep.IdeaRegistration)).ToList();
    }
}
