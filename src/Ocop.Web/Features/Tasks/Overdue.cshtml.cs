using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Tasks;

/// <summary>Tasks past due without a "done" report, latest first, for the program office and the leaders.</summary>
public sealed class OverdueModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock) : PageModel
{
    public List<TaskRow> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await TaskViewer.LoadAsync(db, scopes, ct);
        if (!TaskAccess.CanSeeOverdue(viewer.Role))
        {
            return Forbid();
        }

        Today = Display.Today(clock);
        Rows = (await TaskSummary.AssessAsync(viewer.Visible(db.PlanTasks), Today, ct))
            .Where(r => r.Status == PlanTaskStatus.Overdue)
            .OrderByDescending(r => r.DaysLate(Today)).ThenBy(r => r.Owner, StringComparer.Create(Display.Vi, false))
            .ToList();
        return Page();
    }
}
