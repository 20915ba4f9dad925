using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Rounds;

/// <summary>
/// Results of a round. While it is open the page shows each viewer only what a fair council allows
/// (<see cref="CouncilVisibility"/>): a member their own sheets and how many sheets are in, the chair, the secretary,
/// the office and leaders who has submitted, never the scores; a recused member nothing of that product. Once the chair
/// closes the round it shows every member's totals, the averages, the star and its cap, the outcome as the law names it
/// and the consistency flags.
/// </summary>
public sealed class ResultsModel(OcopDbContext db, UserScopeLoader scopes, CloseRound close) : PageModel
{
    [FromRoute] public int Id { get; set; }

    public RoundReport Report { get; private set; } = null!;
    public bool IsChair { get; private set; }
    public IReadOnlyList<string> Blocks { get; private set; } = [];
    /// <summary>Who is looking, as the council's visibility rule sees them.</summary>
    public CouncilViewer Viewer { get; private set; }
    /// <summary>The viewer's own council seat, when they sit on this round's council.</summary>
    public MemberLine? Me { get; private set; }

    /// <summary>What the viewer may see of one product.</summary>
    public ProductView ViewOf(ProductLine product) =>
        CouncilVisibility.For(Viewer, Report.Round.State == RoundState.Closed, Me is not null && Me.ConflictSubjectIds.Contains(product.SubjectId));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>The chair closes the round (<see cref="CloseRound"/>); what stops it is shown on this page with 409.</summary>
    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var result = await close.RunAsync(await scopes.GetAsync(ct), new CloseRound.Command { RoundId = Id }, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                TempData["Message"] = "Đã kết thúc đợt đánh giá. Kết quả đã được ghi nhận; biên bản họp hội đồng có thể tải về.";
                return RedirectToPage("Results", new { id = Id });
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            default:
                ModelState.AddModelError("", string.Join(" ", result.AllMessages()));
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var report = await RoundReport.LoadAsync(db, Id, ct);
        if (report is null)
        {
            return NotFound();
        }

        if (!RoundAccess.SeesAll(scope.Role) && report.Members.All(m => m.UserId != scope.UserId))
        {
            return Forbid();
        }

        Report = report;
        IsChair = report.Chair?.UserId is { } chair && chair == scope.UserId;
        Me = report.Members.FirstOrDefault(m => m.UserId is not null && m.UserId == scope.UserId);
        Viewer = RoundAccess.Viewer(scope.Role, Me);
        // Who has not submitted is progress: the chair, the secretary and the office see it, a member only counts.
        Blocks = report.Round.State == RoundState.Open && Viewer is not CouncilViewer.Member ? report.BlocksToClosing() : [];
        return null;
    }
}
