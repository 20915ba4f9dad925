using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Ocop.Core.Planning;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Tasks;

/// <summary>A task with its owner and where it stands on a date.</summary>
public sealed record TaskRow(int Id, string Section, string Title, string Owner, int? OfficeId, int? CommuneId, Recurrence Recurrence, TaskAssessment Assessment, DateTime? LastReportAt)
{
    public PlanTaskStatus Status => Assessment.Status;

    /// <summary>Days past the oldest missed due date (0 when none is missed).</summary>
    public int DaysLate(DateOnly on) => Assessment.OverduePeriods.Count == 0 ? 0 : on.DayNumber - Assessment.OverduePeriods[0].Due.DayNumber;
}

/// <summary>A problem raised in a report (kiến nghị) and how the program office handled it.</summary>
public sealed record ProblemRow(int ReportId, int TaskId, string TaskTitle, string Owner, string PeriodLabel, DateTime RaisedAt, string RaisedBy, string Problem,
    ProblemState State, string? Reply, DateTime? HandledAt, string? HandledBy, int Version);

/// <summary>
/// Plan tasks of an administrative unit on a date: how many stand at each status, which are overdue, which problems
/// were raised in a period. The task pages use <see cref="AssessAsync"/>; the periodic report calls <see cref="ForAsync"/> with the tasks in its unit and the user's reach.
/// </summary>
public sealed record TaskSummary(DateOnly From, DateOnly To, IReadOnlyDictionary<PlanTaskStatus, int> ByStatus, IReadOnlyList<TaskRow> Overdue, IReadOnlyList<ProblemRow> Problems)
{
    public int Total => ByStatus.Values.Sum();

    /// <summary>The tasks of the offices of a district or province and of the communes within it (or of one commune), for a period.</summary>
    public static async Task<TaskSummary> ForUnitAsync(OcopDbContext db, DateOnly from, DateOnly to, int unitId, CancellationToken ct = default) =>
        await ForAsync(db, from, to, await InUnitAsync(db, db.PlanTasks, unitId, ct), ct);

    /// <summary>
    /// The summary of the given tasks as they stood at the end of the period's last day: status of the tasks recorded by
    /// then, from the reports made by then; overdue ones; problems raised in the period, unanswered if answered later.
    /// </summary>
    public static async Task<TaskSummary> ForAsync(OcopDbContext db, DateOnly from, DateOnly to, IQueryable<PlanTask> tasks, CancellationToken ct = default)
    {
        var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
        var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
        var rows = await AssessAsync(tasks, to, ct, recordedBefore: toUtc);
        var byStatus = Enum.GetValues<PlanTaskStatus>().ToDictionary(s => s, s => rows.Count(r => r.Status == s));
        var overdue = rows.Where(r => r.Status == PlanTaskStatus.Overdue).OrderByDescending(r => r.DaysLate(to)).ToList();
        var problems = (await ProblemsAsync(db.TaskReports.Where(r => r.ReportedAt >= fromUtc && r.ReportedAt < toUtc && tasks.Any(t => t.Id == r.TaskId)), ct))
            .Select(p => p.HandledAt >= toUtc ? p with { State = ProblemState.Open, Reply = null, HandledAt = null, HandledBy = null } : p)
            .ToList();
        return new TaskSummary(from, to, byStatus, overdue, problems);
    }

    /// <summary>
    /// The tasks of the offices of a unit, of the unit above (a province's department works for its communes too), and of
    /// the communes it covers — a province of today covers the former district's offices and communes.
    /// </summary>
    public static async Task<IQueryable<PlanTask>> InUnitAsync(OcopDbContext db, IQueryable<PlanTask> tasks, int unitId, CancellationToken ct)
    {
        var units = await db.GetService<UnitDirectory>().GetAsync(db, ct);
        var covered = units.Covered([unitId]).ToList();
        return tasks.Where(t => covered.Contains(t.Office!.UnitId) || t.Office.Unit!.ParentId == unitId || (t.CommuneId != null && covered.Contains(t.CommuneId.Value)));
    }

    /// <summary>
    /// Every task that is not archived, assessed on a date from its reports; with <paramref name="recordedBefore"/>, only
    /// the tasks and reports recorded before that instant (a report on a past period sees nothing recorded after it).
    /// </summary>
    public static async Task<List<TaskRow>> AssessAsync(IQueryable<PlanTask> tasks, DateOnly on, CancellationToken ct, DateTime? recordedBefore = null)
    {
        if (recordedBefore is DateTime recorded)
        {
            tasks = tasks.Where(t => t.CreatedAt < recorded);
        }

        var loaded = await tasks.AsNoTracking().Where(t => !t.IsArchived)
            .Select(t => new
            {
                Task = t,
                OfficeName = t.Office != null ? t.Office.Name : null,
                CommuneName = t.Commune != null ? t.Commune.Name : null,
                Reports = t.Reports.Where(r => recordedBefore == null || r.ReportedAt < recordedBefore).Select(r => new { r.PeriodStart, r.IsDone, r.ReportedAt }).ToList(),
            })
            .ToListAsync(ct);
        return loaded.Select(x =>
        {
            var progress = x.Reports.GroupBy(r => r.PeriodStart).ToDictionary(g => g.Key, g => new PeriodProgress(true, g.Any(r => r.IsDone)));
            var assessment = TaskSchedules.Assess(x.Task.Schedule, on, progress);
            return new TaskRow(x.Task.Id, x.Task.Section, x.Task.Title, Owner(x.OfficeName, x.CommuneName), x.Task.OfficeId, x.Task.CommuneId, x.Task.Recurrence, assessment,
                x.Reports.Count == 0 ? null : x.Reports.Max(r => r.ReportedAt));
        })
        .OrderBy(r => r.Section, StringComparer.Ordinal).ThenBy(r => r.OfficeId is null).ThenBy(r => r.Owner, StringComparer.Create(Ocop.Web.Shared.Display.Vi, false)).ThenBy(r => r.Id)
        .ToList();
    }

    public static async Task<List<ProblemRow>> ProblemsAsync(IQueryable<TaskReport> reports, CancellationToken ct) =>
        (await reports.AsNoTracking().Where(r => r.ProblemState != ProblemState.None)
            .OrderBy(r => r.ProblemState == ProblemState.Answered).ThenByDescending(r => r.ReportedAt)
            .Select(r => new
            {
                Row = new ProblemRow(r.Id, r.TaskId, r.Task!.Title, "", r.PeriodLabel, r.ReportedAt, r.UserName, r.Problem!, r.ProblemState,
                    r.ProblemReply, r.ProblemHandledAt, r.ProblemHandledBy, r.Version),
                OfficeName = r.Task.Office != null ? r.Task.Office.Name : null,
                CommuneName = r.Task.Commune != null ? r.Task.Commune.Name : null,
            })
            .ToListAsync(ct))
            .Select(x => x.Row with { Owner = Owner(x.OfficeName, x.CommuneName) })
            .ToList();

    /// <summary>Who keeps a task: its office, or the committee of its commune ("UBND xã C", the kind written once).</summary>
    public static string Owner(string? officeName, string? communeName) =>
        officeName ?? Ocop.Core.Units.UnitNames.CommitteeShort(communeName ?? "");
}
