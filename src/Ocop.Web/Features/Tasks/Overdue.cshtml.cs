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
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public List<TaskRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await TaskViewer.LoadAsync(db, scopes, ct);
        if (!TaskAccess.CanSeeOverdue(viewer.Role))
        {
            return Forbid();
        }

        Today = Display.Today(clock);
        // Lateness is worked out per task from its reports and periods, so the list is paged after it is assessed.
        var overdue = (await TaskSummary.AssessAsync(viewer.Visible(db.PlanTasks), Today, ct))
            .Where(r => r.Status == PlanTaskStatus.Overdue)
            .OrderByDescending(r => r.DaysLate(Today)).ThenBy(r => r.Owner, StringComparer.Create(Display.Vi, false)).ThenBy(r => r.Id)
            .ToList();
        (Rows, Total, Pager) = Paging.Of(Request, overdue, PageNumber, IndexModel.PageSize);
        return Page();
    }
}
