using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Tasks;

/// <summary>
/// The program office's inbox of problems raised in task reports (plan IV.8: "báo cáo, đề xuất … qua Phòng Nông
/// nghiệp"): open ones first; each is acknowledged or answered with a reply the reporting unit reads on its task.
/// </summary>
public sealed class ProblemsModel(OcopDbContext db, UserScopeLoader scopes, AnswerProblem answer) : PageModel
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

        var result = await answer.RunAsync(viewer.Scope, new AnswerProblem.Command { ReportId = reportId, Version = version, State = state, Reply = reply }, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                TempData["Message"] = result.Value!.State == ProblemState.Answered ? "Đã trả lời kiến nghị." : "Đã tiếp nhận kiến nghị.";
                return RedirectToPage("/Tasks/Problems");
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            default:
                // The form of each problem has one message place, under its reply.
                foreach (var message in result.AllMessages())
                {
                    ModelState.AddModelError($"reply-{reportId}", message);
                }

                All = true;
                await LoadAsync(viewer, ct);
                return Page();
        }
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
