using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Tasks;

/// <summary>The plan's tasks the user reaches, with where each stands today; filtered by owner, status, lateness and plan section.</summary>
public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock) : PageModel
{
    /// <summary>"o12" for an office, "c34" for a commune.</summary>
    [FromQuery] public string? Owner { get; set; }
    [FromQuery] public PlanTaskStatus? Status { get; set; }
    [FromQuery] public bool Overdue { get; set; }
    [FromQuery] public string? Section { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public const int PageSize = 50;

    public List<TaskRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;
    public List<SelectListItem> Owners { get; private set; } = [];
    public List<SelectListItem> Statuses { get; private set; } = [];
    public List<string> Sections { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanSeeOverdue { get; private set; }
    public bool CanAnswer { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await TaskViewer.LoadAsync(db, scopes, ct);
        if (!TaskAccess.HasTasks(viewer.Role))
        {
            return Forbid();
        }

        Today = Display.Today(clock);
        CanManage = TaskAccess.CanManage(viewer.Role);
        CanSeeOverdue = TaskAccess.CanSeeOverdue(viewer.Role);
        CanAnswer = TaskAccess.CanAnswerProblems(viewer.Role);
        var all = await TaskSummary.AssessAsync(viewer.Visible(db.PlanTasks), Today, ct);
        Owners = all.GroupBy(r => OwnerKey(r)).Select(g => new SelectListItem(g.First().Owner, g.Key, g.Key == Owner))
            .OrderBy(o => o.Value[0]).ThenBy(o => o.Text, StringComparer.Create(Display.Vi, false)).ToList();
        Sections = all.Select(r => r.Section).Distinct().Order(StringComparer.Ordinal).ToList();
        Statuses = Lookups.Enum(Status);
        var matching = all.Where(r => (Owner is null or "" || OwnerKey(r) == Owner)
                && (Status is null || r.Status == Status)
                && (!Overdue || r.Status == PlanTaskStatus.Overdue)
                && (Section is null or "" || r.Section == Section))
            .ToList();
        Total = matching.Count;
        var page = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = matching.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        Pager = new Pager(Request, page, PageSize, Total);
        return Page();
    }

    public static string OwnerKey(TaskRow row) => row.OfficeId is { } o
        ? "o" + o.ToString(CultureInfo.InvariantCulture)
        : "c" + row.CommuneId!.Value.ToString(CultureInfo.InvariantCulture);
}
