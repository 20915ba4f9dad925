using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Tasks;

/// <summary>
/// The program office's inbox of problems raised in task reports (plan IV.8: "báo cáo, đề xuất … qua Phòng Nông
/// nghiệp"): open ones first; each is acknowledged or answered with a reply the reporting unit reads on its task.
/// </summary>
public sealed class ProblemsModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock, CurrentActor actor) : PageModel
{
    [FromQuery] public bool All { get; set; }

    public List<ProblemRow> Rows { get; private set; } = [];
    public int OpenCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await TaskViewer.LoadAsync(db, scopes, ct);
        if (!TaskAccess.CanAnswerProblems(viewer.Role))
        {
            return Forbid();
        }

        await LoadAsync(viewer, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(int reportId, int version, ProblemState state, string? reply, CancellationToken ct)
    {
        var viewer = await TaskViewer.LoadAsync(db, scopes, ct);
        if (!TaskAccess.CanAnswerProblems(viewer.Role))
        {
            return Forbid();
        }

        var visible = viewer.Visible(db.PlanTasks);
        var report = await db.TaskReports.SingleOrDefaultAsync(r => r.Id == reportId && r.ProblemState != ProblemState.None && visible.Any(t => t.Id == r.TaskId), ct);
        if (report is null)
        {
            return NotFound();
        }

        var key = $"reply-{reportId}";
        if (state is not (ProblemState.Acknowledged or ProblemState.Answered))
        {
            ModelState.AddModelError(key, "Chọn tiếp nhận hoặc trả lời.");
        }
        else if (state == ProblemState.Answered && string.IsNullOrWhiteSpace(reply))
        {
            ModelState.AddModelError(key, "Nhập nội dung trả lời.");
        }
        else if (reply?.Length > 2000)
        {
            ModelState.AddModelError(key, "Tối đa 2.000 ký tự.");
        }
        else if (report.Version != version)
        {
            ModelState.AddModelError(key, "Kiến nghị vừa được người khác xử lý. Hãy xem lại.");
        }

        if (!ModelState.IsValid)
        {
            All = true;
            await LoadAsync(viewer, ct);
            return Page();
        }

        report.ProblemState = state;
        report.ProblemReply = string.IsNullOrWhiteSpace(reply) ? report.ProblemReply : reply.Trim();
        report.ProblemHandledAt = clock.GetUtcNow().UtcDateTime;
        report.ProblemHandledBy = actor.FullName;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = state == ProblemState.Answered ? "Đã trả lời kiến nghị." : "Đã tiếp nhận kiến nghị.";
        return RedirectToPage("/Tasks/Problems");
    }

    private async Task LoadAsync(TaskViewer viewer, CancellationToken ct)
    {
        var visible = viewer.Visible(db.PlanTasks);
        var reports = db.TaskReports.Where(r => visible.Any(t => t.Id == r.TaskId));
        Rows = await TaskSummary.ProblemsAsync(All ? reports : reports.Where(r => r.ProblemState != ProblemState.Answered), ct);
        // Either way the rows hold every open problem.
        OpenCount = Rows.Count(r => r.State == ProblemState.Open);
    }
}
