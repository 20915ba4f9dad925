using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Import;

/// <summary>
/// One import's page: progress while it runs (the page reloads itself every two seconds, no script needed), then its
/// report, the copy of the file with each row's outcome and reasons, and — after a dry run — the button that commits it.
/// </summary>
public sealed class JobModel(ImportJobs jobs, UserScopeLoader scopes) : PageModel
{
    /// <summary>Rows listed on the page; the copy of the file has them all.</summary>
    public const int ShownRows = 500;

    public ImportJob Job { get; private set; } = null!;

    public IActionResult OnGet(Guid id)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        if (!Job.Finished)
        {
            // The browser reloads the page itself (the Refresh header): progress without a script.
            Response.Headers["Refresh"] = "2";
        }

        return Page();
    }

    public IActionResult OnGetCopy(Guid id)
    {
        if (!Load(id) || Job.Report is null)
        {
            return NotFound();
        }

        var name = Path.GetFileNameWithoutExtension(Job.FileName);
        return File(ImportReportFile.Build(Job.Sheet, Job.Report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"{name}-ket-qua{(Job.Commit ? "" : "-chay-thu")}.xlsx");
    }

    /// <summary>Commits the file a finished dry run read: a new job, the same rows.</summary>
    public async Task<IActionResult> OnPostCommitAsync(Guid id, CancellationToken ct)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        if (Job.Commit || Job.Report is null)
        {
            return RedirectToPage(new { id });
        }

        var scope = await scopes.GetAsync(ct);
        if (!IndexModel.MayImport(scope.Role))
        {
            return Forbid();
        }

        var commit = jobs.Start(scope, User.Identity?.Name ?? "", Job.Kind, Job.FileName, Job.Sheet, Job.File, commit: true);
        return RedirectToPage(new { id = commit.Id });
    }

    private bool Load(Guid id)
    {
        var job = jobs.Get(id, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        if (job is null)
        {
            return false;
        }

        Job = job;
        return true;
    }
}
