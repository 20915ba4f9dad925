using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Dossiers;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Tasks;

/// <summary>
/// A progress report on a plan task by the owning unit's own people (<see cref="TaskViewer.CanReport"/>): a period that
/// has begun, what was done, up to <see cref="FigureRows"/> figures, a file (type read from its content by
/// <see cref="DocumentStore"/>), whether the period's work is done, and a problem raised for the program office. The
/// report, its figures and its file row are one save; a stored file whose row was not written is discarded.
/// </summary>
public sealed class ReportTask(OcopDbContext db, DocumentStore store, TimeProvider clock, CurrentActor actor)
{
    public const int FigureRows = 3;

    /// <summary>The field of the file, as the page's form and a multipart body name it.</summary>
    public const string FileField = "file";

    public sealed class Command
    {
        /// <summary>The task reported on. Set by the caller from the route, never from the body.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever, System.Text.Json.Serialization.JsonIgnore]
        public int TaskId { get; set; }
        /// <summary>The period's first day, yyyy-MM-dd.</summary>
        public string? Period { get; set; }
        public string? Text { get; set; }
        public string?[] FigureLabel { get; set; } = new string?[FigureRows];
        /// <summary>Numbers as typed: "12,5" (Vietnamese) or "12.5".</summary>
        public string?[] FigureValue { get; set; } = new string?[FigureRows];
        public bool Done { get; set; }
        public string? Problem { get; set; }
        /// <summary>An attachment, posted as <see cref="FileField"/>.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever, System.Text.Json.Serialization.JsonIgnore]
        public IFormFile? File { get; set; }
    }

    public sealed record Reported(int ReportId, string PeriodLabel, bool Done, bool ProblemRaised);

    public static string PeriodKey(TaskPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The periods a report may be for, latest first: every period begun by today, or the first one for a task not yet begun.</summary>
    public static List<TaskPeriod> Periods(PlanTask task, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(task);
        var periods = TaskSchedules.PeriodsUntil(task.Schedule, today).Reverse().ToList();
        return periods.Count > 0 ? periods : [TaskSchedules.PeriodOf(task.Schedule, task.StartsOn)];
    }

    public async Task<WriteResult<Reported>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var viewer = await TaskViewer.ForAsync(db, scope, ct);
        var task = await viewer.Visible(db.PlanTasks).AsNoTracking().SingleOrDefaultAsync(t => t.Id == command.TaskId, ct);
        if (task is null)
        {
            return WriteResult.NotFound<Reported>("Không tìm thấy nhiệm vụ.");
        }

        if (task.IsArchived || !viewer.CanReport(task.OfficeId, task.CommuneId))
        {
            return WriteResult.Refused<Reported>(task.IsArchived
                ? "Nhiệm vụ đã lưu trữ, không nhận báo cáo mới."
                : "Chỉ đơn vị thực hiện nhiệm vụ báo cáo tiến độ.");
        }

        var errors = new FieldErrorList();
        var period = Periods(task, Display.Today(clock)).Find(p => PeriodKey(p) == command.Period);
        if (period is null)
        {
            errors.Add(nameof(Command.Period), "Chọn kỳ báo cáo.");
        }

        if (string.IsNullOrWhiteSpace(command.Text))
        {
            errors.Add(nameof(Command.Text), "Nhập nội dung đã thực hiện.");
        }
        else if (command.Text.Length > 4000)
        {
            errors.Add(nameof(Command.Text), "Tối đa 4.000 ký tự.");
        }
        else if (command.Text.Any(FieldErrorList.RefusedCharacter))
        {
            errors.Add(nameof(Command.Text), "Có ký tự điều khiển hoặc ký tự định hướng văn bản không được phép.");
        }

        if (command.Problem?.Length > 2000)
        {
            errors.Add(nameof(Command.Problem), "Tối đa 2.000 ký tự.");
        }
        else if (command.Problem?.Any(FieldErrorList.RefusedCharacter) == true)
        {
            errors.Add(nameof(Command.Problem), "Có ký tự điều khiển hoặc ký tự định hướng văn bản không được phép.");
        }

        var figures = Figures(command, errors);
        if (errors.Any)
        {
            return WriteResult.Invalid<Reported>(errors);
        }

        DocumentStore.Saved? saved = null;
        if (command.File is not null)
        {
            var (document, error) = await store.SaveAsync(command.File, ct);
            if (document is null)
            {
                errors.Add(FileField, error!);
                return WriteResult.Invalid<Reported>(errors);
            }

            saved = document;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var problem = string.IsNullOrWhiteSpace(command.Problem) ? null : command.Problem.Trim();
        var report = new TaskReport
        {
            TaskId = task.Id,
            PeriodStart = period!.Start,
            PeriodLabel = period.Label,
            ReportedAt = now,
            UserId = actor.UserId,
            UserName = actor.FullName,
            Text = command.Text!.Trim(),
            IsDone = command.Done,
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
                OriginalName = DocumentStore.OriginalName(command.File!.FileName),
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

        return WriteResult.Done(new Reported(report.Id, period.Label, report.IsDone, problem is not null));
    }

    /// <summary>The figures filled in (a row left empty is skipped), each with a name and a number; a half-filled row is refused on its field.</summary>
    private static List<TaskReportFigure> Figures(Command command, FieldErrorList errors)
    {
        var figures = new List<TaskReportFigure>();
        var labels = command.FigureLabel ?? [];
        var values = command.FigureValue ?? [];
        for (var i = 0; i < Math.Min(FigureRows, Math.Max(labels.Length, values.Length)); i++)
        {
            var label = labels.ElementAtOrDefault(i)?.Trim();
            var value = values.ElementAtOrDefault(i)?.Trim();
            if (string.IsNullOrEmpty(label) && string.IsNullOrEmpty(value))
            {
                continue;
            }

            var index = i.ToString(CultureInfo.InvariantCulture);
            if (string.IsNullOrEmpty(label) || label.Length > 200 || label.Any(FieldErrorList.RefusedCharacter))
            {
                errors.Add($"{nameof(Command.FigureLabel)}[{index}]", "Nhập tên số liệu (tối đa 200 ký tự).");
            }
            else if (!TryParseNumber(value, out var number))
            {
                errors.Add($"{nameof(Command.FigureValue)}[{index}]", "Nhập một số, ví dụ 12 hoặc 12,5.");
            }
            else
            {
                figures.Add(new TaskReportFigure { Label = label, Value = number });
            }
        }

        return figures;
    }

    private static bool TryParseNumber(string? value, out decimal number) =>
        decimal.TryParse(value, NumberStyles.Number, Display.Vi, out number)
        || decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out number);
}
