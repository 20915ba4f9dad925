using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Admin.Office;

/// <summary>
/// The office that runs this installation: its name and short name on every page, its own unit, and the provinces it
/// serves (one, several, or the whole country), which lists, pickers and dashboards open on. Administrators only.
/// </summary>
public sealed class IndexModel(OcopDbContext db, UnitDirectory directory, TimeProvider clock, UserScopeLoader scopes, SaveDeployingOffice save) : PageModel
{
    /// <summary>Checked by <see cref="SaveDeployingOffice"/>, not by MVC: one set of messages, whoever sends the command.</summary>
    [BindProperty, ValidateNever] public SaveDeployingOffice.Command Input { get; set; } = new();
    public List<SelectListItem> Provinces { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var office = await db.DeployingOffices.AsNoTracking().Include(o => o.Served).FirstOrDefaultAsync(ct);
        if (office is not null)
        {
            Input = new SaveDeployingOffice.Command
            {
                Name = office.Name,
                ShortName = office.ShortName,
                UnitId = office.UnitId,
                ServesWholeCountry = office.ServesWholeCountry,
                ServedIds = office.Served.Select(s => s.UnitId).ToList(),
                Version = office.Version,
            };
        }

        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await save.RunAsync(await scopes.GetAsync(ct), Input, ct);
            switch (result.Outcome)
            {
                case WriteOutcome.Done:
                    TempData["Message"] = "Đã lưu văn phòng triển khai.";
                    return RedirectToPage();
                case WriteOutcome.Refused:
                    return Forbid();
                case WriteOutcome.NotFound:
                    return NotFound();
                default:
                    result.AddTo(ModelState, "Input.");
                    break;
            }
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var units = await directory.GetAsync(db, ct);
        var today = Display.Today(clock);
        Provinces = units.Provinces.Where(p => p.Validity.IsValidOn(today))
            .Select(p => new SelectListItem(p.Name, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Id == Input.UnitId))
            .ToList();
    }
}
