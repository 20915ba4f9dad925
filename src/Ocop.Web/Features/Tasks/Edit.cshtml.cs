using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Dossiers;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Tasks;

/// <summary>The task form: it shows a plan task and its choices, and hands what was typed to <see cref="SaveTask"/>, which checks and writes it.</summary>
public sealed class EditModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock, SaveTask save) : PageModel
{
    [BindProperty] public SaveTask.Command Input { get; set; } = new();

    public List<SelectListItem> Owners { get; private set; } = [];
    public List<SelectListItem> Recurrences { get; private set; } = [];
    public bool IsNew => Input.Id is null;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var viewer = await TaskViewer.LoadAsync(db, scopes, ct);
        if (!TaskAccess.CanManage(viewer.Role))
        {
            return Forbid();
        }

        int? ownerCommune = null;
        if (id is null)
        {
            Input = new SaveTask.Command { PlanNumber = DemoCycleData.PlanNumber, StartsOn = new DateOnly(Display.Today(clock).Year, 1, 1), Recurrence = Recurrence.Yearly };
        }
        else
        {
            var task = await viewer.Visible(db.PlanTasks).AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
            ownerCommune = task?.CommuneId;
            if (task is null)
            {
                return NotFound();
            }

            Input = new SaveTask.Command
            {
                Id = task.Id,
                Version = task.Version,
                PlanNumber = task.PlanNumber,
                Section = task.Section,
                Title = task.Title,
                Description = task.Description,
                Recurrence = task.Recurrence,
                StartsOn = task.StartsOn,
                DueOn = task.DueOn,
                DueMonth = task.DueMonth,
                DueDay = task.DueDay,
                DaysAfterQuarter = task.DaysAfterQuarter,
                IsArchived = task.IsArchived,
                Owner = task.OfficeId is { } o ? SaveTask.OfficeOwner(o) : SaveTask.CommuneOwner(task.CommuneId!.Value),
            };
        }

        await LoadChoicesAsync(viewer, ownerCommune, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var viewer = await TaskViewer.LoadAsync(db, scopes, ct);
        if (!TaskAccess.CanManage(viewer.Role))
        {
            return Forbid();
        }

        int? ownerCommune = null;
        if (id is not null)
        {
            var task = await viewer.Visible(db.PlanTasks).AsNoTracking().Where(t => t.Id == id).Select(t => new { t.CommuneId }).SingleOrDefaultAsync(ct);
            if (task is null)
            {
                return NotFound();
            }

            ownerCommune = task.CommuneId;
        }

        // The use case checks every rule even when a value could not be read, so the form shows every refusal at once;
        // it writes only a form read whole.
        var readWhole = ModelState.IsValid;
        Input.Id = id;
        var result = await save.RunAsync(viewer.Scope, Input, save: readWhole, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done when readWhole:
                TempData["Message"] = id is null ? "Đã thêm nhiệm vụ." : "Đã lưu nhiệm vụ.";
                return RedirectToPage("/Tasks/Details", new { id = result.Value!.Id });
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            default:
                FormErrors.Merge(ModelState, result, "Input.");
                break;
        }

        await LoadChoicesAsync(viewer, ownerCommune, ct);
        return Page();
    }

    /// <summary>Offices and the communes that exist today; a task kept by a commune dissolved in 2025 keeps it as a choice.</summary>
    private async Task LoadChoicesAsync(TaskViewer viewer, int? ownerCommune, CancellationToken ct)
    {
        var offices = await db.Offices.AsNoTracking().Where(o => !o.IsArchived).OrderBy(o => o.UnitId).ThenBy(o => o.SortOrder)
            .Select(o => new { o.Id, o.Name, Unit = o.Unit!.Name }).ToListAsync(ct);
        Owners = offices.Select(o => new SelectListItem($"{o.Name} ({o.Unit})", SaveTask.OfficeOwner(o.Id), Input.Owner == SaveTask.OfficeOwner(o.Id))).ToList();
        Owners.AddRange((await Lookups.CommunesAsync(db, viewer.Scope, ownerCommune, ct))
            .Select(c => new SelectListItem(Ocop.Core.Units.UnitNames.CommitteeShort(c.Text), "c" + c.Value, Input.Owner == "c" + c.Value)));
        Recurrences = Lookups.Enum(Input.Recurrence);
    }
}
