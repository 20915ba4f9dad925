using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Dossiers;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Tasks;

/// <summary>
/// One plan task: what the plan asks, its periods and status, the owner's reports with figures and files, and — for the
/// owner's own people — the form to report progress, mark a period done and raise a problem for the program office.
/// </summary>
[RequestSizeLimit(DocumentStore.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = DocumentStore.RequestLimit)]
public sealed class DetailsModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock, ReportTask report) : PageModel
{
    public const int FigureRows = ReportTask.FigureRows;

    public PlanTask TaskRecord { get; private set; } = null!;
    public string Owner { get; private set; } = "";
    public TaskAssessment Assessment { get; private set; } = null!;
    public List<TaskPeriod> Periods { get; private set; } = [];
    public List<TaskReport> Reports { get; private set; } = [];
    public bool CanReport { get; private set; }
    public bool CanManage { get; private set; }
    public DateOnly Today { get; private set; }

    // Posted values shown again when the report is refused.
    public ReportTask.Command Input { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReportAsync(int id, [FromForm] ReportTask.Command input, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanReport)
        {
            return Forbid();
        }

        Input = input;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        input.TaskId = id;
        input.File = file;
        var result = await report.RunAsync(await scopes.GetAsync(ct), input, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                var done = result.Value!;
                TempData["Message"] = $"Đã gửi báo cáo {done.PeriodLabel}{(done.Done ? " (hoàn thành)" : "")}{(done.ProblemRaised ? "; kiến nghị đã chuyển Phòng Nông nghiệp và PTNT" : "")}.";
                return RedirectToPage("/Tasks/Details", new { id });
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            default:
                foreach (var (field, messages) in result.Errors)
                {
                    foreach (var message in messages)
                    {
                        ModelState.AddModelError(field == ReportTask.FileField ? field : "Input." + field, message);
                    }
                }

                return Page();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await TaskViewer.LoadAsync(db, scopes, ct);
        var task = await viewer.Visible(db.PlanTasks).AsNoTracking().Where(t => t.Id == id).SingleOrDefaultAsync(ct);
        if (task is null)
        {
            return false;
        }

        TaskRecord = task;
        Today = Display.Today(clock);
        var owner = await db.PlanTasks.Where(t => t.Id == id)
            .Select(t => new { OfficeName = t.Office != null ? t.Office.Name : null, CommuneName = t.Commune != null ? t.Commune.Name : null }).SingleAsync(ct);
        Owner = TaskSummary.Owner(owner.OfficeName, owner.CommuneName);
        Reports = await db.TaskReports.AsNoTracking().Where(r => r.TaskId == id)
            .Include(r => r.Figures.OrderBy(f => f.Id)).Include(r => r.Attachments.OrderBy(a => a.Id))
            .OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id)
            .ToListAsync(ct);
        var progress = Reports.GroupBy(r => r.PeriodStart).ToDictionary(g => g.Key, g => new PeriodProgress(true, g.Any(r => r.IsDone)));
        Assessment = TaskSchedules.Assess(task.Schedule, Today, progress);
        Periods = ReportTask.Periods(task, Today);

        CanReport = !task.IsArchived && viewer.CanReport(task.OfficeId, task.CommuneId);
        CanManage = TaskAccess.CanManage(viewer.Role);
        var suggested = Assessment.OverduePeriods.Count > 0 ? Assessment.OverduePeriods[0] : Assessment.Open ?? Periods[0];
        Input.Period = ReportTask.PeriodKey(suggested);
        return true;
    }
}
