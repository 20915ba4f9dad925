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
public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes, AccountCache accounts, TimeProvider clock) : PageModel
{
    /// <summary>"o12" for an office, "c34" for a commune.</summary>
    [FromQuery] public string? Owner { get; set; }
    [FromQuery] public PlanTaskStatus? Status { get; set; }
    [FromQuery] public bool Overdue { get; set; }
    [FromQuery] public string? Section { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public const int PageSize = 50;

    /// <summary>The optional columns of the list, in order, with their headers (each key is also its sort); the task is always shown.</summary>
    public static readonly IReadOnlyList<(string Key, string Header)> OptionalColumns =
    [
        ("section", "Mục"), ("owner", "Đơn vị thực hiện"), ("recurrence", "Định kỳ"), ("period", "Kỳ cần báo cáo"), ("due", "Hạn"),
        ("status", "Tình trạng"),
    ];

    public const string ListName = "tasks";
    private static readonly IReadOnlyList<string> OptionalKeys = [.. OptionalColumns.Select(c => c.Key)];

    /// <summary>The columns this user chose (every one until they choose).</summary>
    public IReadOnlySet<string> Shown { get; private set; } = new HashSet<string>();

    [BindProperty] public List<string> Columns { get; set; } = [];

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
        (Rows, Total, Pager) = Paging.Of(Request, Ordered(matching, Sort), PageNumber, PageSize);
        Shown = await ListColumns.ChosenAsync(db, accounts, viewer.Scope.UserId, ListName, OptionalKeys, OptionalKeys, ct);
        return Page();
    }

    /// <summary>Keeps the columns the user ticked, with their account, and shows the list again as it was.</summary>
    public async Task<IActionResult> OnPostColumnsAsync(CancellationToken ct)
    {
        var viewer = await TaskViewer.LoadAsync(db, scopes, ct);
        if (!TaskAccess.HasTasks(viewer.Role))
        {
            return Forbid();
        }

        await ListColumns.SaveAsync(db, accounts, viewer.Scope.UserId, ListName, Columns, OptionalKeys, ct);
        return LocalRedirect(Pager.With(Request, "handler", null));
    }

    /// <summary>
    /// The rows in the order of a column ("-" reverses it); ties, and an unknown order, keep the plan's order (section,
    /// offices before communes, owner). A task's period, due date and status are worked out from its reports on today's
    /// date, so the list is ordered after it is assessed, not by the database.
    /// </summary>
    public static List<TaskRow> Ordered(List<TaskRow> rows, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var column = descending ? sort![1..] : sort;
        var vietnamese = StringComparer.Create(Display.Vi, false);
        return column switch
        {
            "title" => By(rows, r => r.Title, vietnamese, descending),
            "section" => By(rows, r => r.Section, StringComparer.Ordinal, descending),
            "owner" => By(rows, r => r.Owner, vietnamese, descending),
            "recurrence" => By(rows, r => (int)r.Recurrence, Comparer<int>.Default, descending),
            "period" => By(rows, r => OpenPeriod(r)?.Label ?? "", vietnamese, descending),
            // A task with nothing due sorts after every date, whichever way.
            "due" => By(rows, r => OpenPeriod(r)?.Due ?? (descending ? DateOnly.MinValue : DateOnly.MaxValue), Comparer<DateOnly>.Default, descending),
            "status" => By(rows, r => (int)r.Status, Comparer<int>.Default, descending),
            _ => rows,
        };
    }

    private static List<TaskRow> By<TKey>(List<TaskRow> rows, Func<TaskRow, TKey> key, IComparer<TKey> comparer, bool descending) =>
        [.. descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer)];

    /// <summary>The period the list shows for a task: its oldest missed one, else the one open now.</summary>
    public static TaskPeriod? OpenPeriod(TaskRow row) =>
        row.Assessment.OverduePeriods.Count > 0 ? row.Assessment.OverduePeriods[0] : row.Assessment.Open;

    public static string OwnerKey(TaskRow row) => row.OfficeId is { } o
        ? "o" + o.ToString(CultureInfo.InvariantCulture)
        : "c" + row.CommuneId!.Value.ToString(CultureInfo.InvariantCulture);
}
