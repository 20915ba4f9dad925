using System.Globalization;
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
public sealed class DetailsModel(OcopDbContext db, UserScopeLoader scopes, DocumentStore store, TimeProvider clock, CurrentActor actor) : PageModel
{
    public const int FigureRows = 3;

    public PlanTask TaskRecord { get; private set; } = null!;
    public string Owner { get; private set; } = "";
    public TaskAssessment Assessment { get; private set; } = null!;
    public List<TaskPeriod> Periods { get; private set; } = [];
    public List<TaskReport> Reports { get; private set; } = [];
    public bool CanReport { get; private set; }
    public bool CanManage { get; private set; }
    public DateOnly Today { get; private set; }

    // Posted values shown again when the report is refused.
    public ReportInput Input { get; private set; } = new();

    public sealed class ReportInput
    {
        public string? Period { get; set; }
        public string? Text { get; set; }
        public string?[] FigureLabel { get; set; } = new string?[FigureRows];
        public string?[] FigureValue { get; set; } = new string?[FigureRows];
        public bool Done { get; set; }
        public string? Problem { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReportAsync(int id, [FromForm] ReportInput input, IFormFile? file, CancellationToken ct)
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
        var period = Periods.Find(p => p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == input.Period);
        if (period is null)
        {
            ModelState.AddModelError("Input.Period", "Chọn kỳ báo cáo.");
        }

        if (string.IsNullOrWhiteSpace(input.Text))
        {
            ModelState.AddModelError("Input.Text", "Nhập nội dung đã thực hiện.");
        }
        else if (input.Text.Length > 4000)
        {
            ModelState.AddModelError("Input.Text", "Tối đa 4.000 ký tự.");
        }

        if (input.Problem?.Length > 2000)
        {
            ModelState.AddModelError("Input.Problem", "Tối đa 2.000 ký tự.");
        }

        var figures = new List<TaskReportFigure>();
        for (var i = 0; i < Math.Min(FigureRows, Math.Max(input.FigureLabel.Length, input.FigureValue.Length)); i++)
        {
            var label = input.FigureLabel.ElementAtOrDefault(i)?.Trim();
            var value = input.FigureValue.ElementAtOrDefault(i)?.Trim();
            if (string.IsNullOrEmpty(label) && string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (string.IsNullOrEmpty(label) || label.Length > 200)
            {
                ModelState.AddModelError($"Input.FigureLabel[{i}]", "Nhập tên số liệu (tối đa 200 ký tự).");
            }
            else if (!TryParseNumber(value, out var number))
            {
                ModelState.AddModelError($"Input.FigureValue[{i}]", "Nhập một số, ví dụ 12 hoặc 12,5.");
            }
            else
            {
                figures.Add(new TaskReportFigure { Label = label, Value = number });
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        DocumentStore.Saved? saved = null;
        if (file is not null)
        {
            var (document, error) = await store.SaveAsync(file, ct);
            if (document is null)
            {
                ModelState.AddModelError("file", error!);
                return Page();
            }

            saved = document;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var problem = string.IsNullOrWhiteSpace(input.Problem) ? null : input.Problem.Trim();
        var report = new TaskReport
        {
            TaskId = id,
            PeriodStart = period!.Start,
            PeriodLabel = period.Label,
            ReportedAt = now,
            UserId = actor.UserId,
            UserName = actor.FullName,
            Text = input.Text!.Trim(),
            IsDone = input.Done,
            Problem = problem,
            ProblemState = problem is null ? ProblemState.None : ProblemState.Open,
            Figures = figures,
        };
        if (saved is not null)
        {
            report.Attachments.Add(new TaskAttachment
            {
                StoredName = saved.StoredName,
                ContentType = saved.ContentType,
                SizeBytes = saved.SizeBytes,
                OriginalName = DocumentStore.OriginalName(file!.FileName),
                UploadedAt = now,
            });
        }

        db.TaskReports.Add(report);
        try
        {
            // The report, its figures and its file row are one save, so one transaction.
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            if (saved is not null)
            {
                store.Discard(saved.StoredName);
            }

            throw;
        }

        TempData["Message"] = $"Đã gửi báo cáo {period.Label}{(input.Done ? " (hoàn thành)" : "")}{(problem is null ? "" : "; kiến nghị đã chuyển Phòng Nông nghiệp và PTNT")}.";
        return RedirectToPage("/Tasks/Details", new { id });
    }

    private static bool TryParseNumber(string? value, out decimal number) =>
        decimal.TryParse(value, NumberStyles.Number, Display.Vi, out number)
        || decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out number);

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
        Periods = TaskSchedules.PeriodsUntil(task.Schedule, Today).Reverse().ToList();
        if (Periods.Count == 0)
        {
            Periods = [TaskSchedules.PeriodOf(task.Schedule, task.StartsOn)];
        }

        CanReport = !task.IsArchived && viewer.CanReport(task.OfficeId, task.CommuneId);
        CanManage = TaskAccess.CanManage(viewer.Role);
        var suggested = Assessment.OverduePeriods.Count > 0 ? Assessment.OverduePeriods[0] : Assessment.Open ?? Periods[0];
        Input.Period = suggested.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return true;
    }
}
