using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Tasks;

/// <summary>
/// The program office takes up a problem raised in a task report (plan IV.8): acknowledged (being handled) or answered
/// with a reply the reporting unit reads on its task. Only those who answer problems
/// (<see cref="TaskAccess.CanAnswerProblems"/>); a problem handled meanwhile by someone else is turned back.
/// </summary>
public sealed class AnswerProblem(OcopDbContext db, TimeProvider clock, CurrentActor actor)
{
    public const string StaleMessage = "Kiến nghị vừa được người khác xử lý. Hãy xem lại.";

    public sealed class Command
    {
        public int ReportId { get; set; }
        /// <summary>The report's version the answer was made from.</summary>
        public int Version { get; set; }
        /// <summary><see cref="ProblemState.Acknowledged"/> or <see cref="ProblemState.Answered"/>.</summary>
        public ProblemState State { get; set; }
        public string? Reply { get; set; }
    }

    public sealed record Answered(int ReportId, int TaskId, ProblemState State);

    public async Task<WriteResult<Answered>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!TaskAccess.CanAnswerProblems(scope.Role))
        {
            return WriteResult.Refused<Answered>("Chỉ văn phòng Chương trình OCOP trả lời kiến nghị.");
        }

        var visible = (await TaskViewer.ForAsync(db, scope, ct)).Visible(db.PlanTasks);
        var report = await db.TaskReports.SingleOrDefaultAsync(
            r => r.Id == command.ReportId && r.ProblemState != ProblemState.None && visible.Any(t => t.Id == r.TaskId), ct);
        if (report is null)
        {
            return WriteResult.NotFound<Answered>("Không tìm thấy kiến nghị.");
        }

        var errors = new FieldErrorList();
        if (command.State is not (ProblemState.Acknowledged or ProblemState.Answered))
        {
            errors.Add(nameof(Command.State), "Chọn tiếp nhận hoặc trả lời.");
        }
        else if (command.State == ProblemState.Answered && string.IsNullOrWhiteSpace(command.Reply))
        {
            errors.Add(nameof(Command.Reply), "Nhập nội dung trả lời.");
        }
        else if (command.Reply?.Length > 2000)
        {
            errors.Add(nameof(Command.Reply), "Tối đa 2.000 ký tự.");
        }
        else if (command.Reply?.Any(FieldErrorList.RefusedCharacter) == true)
        {
            errors.Add(nameof(Command.Reply), "Có ký tự điều khiển hoặc ký tự định hướng văn bản không được phép.");
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Answered>(errors);
        }

        if (report.Version != command.Version)
        {
            return WriteResult.Stale<Answered>(StaleMessage);
        }

        report.ProblemState = command.State;
        report.ProblemReply = string.IsNullOrWhiteSpace(command.Reply) ? report.ProblemReply : command.Reply.Trim();
        report.ProblemHandledAt = clock.GetUtcNow().UtcDateTime;
        report.ProblemHandledBy = actor.FullName;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Stale<Answered>(StaleMessage);
        }

        return WriteResult.Done(new Answered(report.Id, report.TaskId, report.ProblemState));
    }
}
