using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Dossiers;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>The indicators, and the form of a new one, which <see cref="AddIndicator"/> checks and writes.</summary>
public sealed class IndicatorsModel(OcopDbContext db, UserScopeLoader scopes, AddIndicator add) : PageModel
{
    [BindProperty] public AddIndicator.Command Input { get; set; } = new();
    public List<Indicator> Rows { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!PlanningAccess.CanReadPlans(scope.Role))
        {
            return Forbid();
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        // The use case checks every rule even when a value could not be read; it writes only a form read whole.
        var readWhole = ModelState.IsValid;
        var result = await add.RunAsync(scope, Input, save: readWhole, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done when readWhole:
                TempData["Message"] = $"Đã thêm chỉ số {result.Value!.Code}.";
                return RedirectToPage("/Planning/Indicators");
            case WriteOutcome.Refused:
                return Forbid();
            default:
                FormErrors.Merge(ModelState, result, "Input.");
                break;
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        CanEdit = PlanningAccess.CanEditPlans(scope.Role);
        Rows = await db.Indicators.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
    }

    /// <summary>The parameters of an indicator in words.</summary>
    public static string Parameters(Indicator i) => i.Kind switch
    {
        MeasureKind.ValidRecognitions => $"{i.MinStars}–{i.MaxStars} sao",
        MeasureKind.SubjectsByLegalForm => string.Join(", ", (i.ToDefinition().LegalForms ?? []).Select(f => Ocop.Web.Shared.Display.Name(f))),
        MeasureKind.SubjectsWithChannels => Ocop.Web.Shared.Display.Flags(i.Channels),
        MeasureKind.SupportedProducts => i.SupportKind is { } k ? Ocop.Web.Shared.Display.Name(k) : "—",
        MeasureKind.CraftVillagesWithProduct => i.TraditionalOnly ? "chỉ làng nghề truyền thống" : "mọi làng nghề",
        _ => "—",
    };
}
