using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Rounds;

/// <summary>
/// Results of a round. While it is open the page shows each viewer only what a fair council allows
/// (<see cref="CouncilVisibility"/>): a member their own sheets and how many sheets are in, the chair, the secretary,
/// the office and leaders who has submitted, never the scores; a recused member nothing of that product. Once the chair
/// closes the round it shows every member's totals, the averages, the star and its cap, the outcome as the law names it
/// and the consistency flags.
/// </summary>
public sealed class ResultsModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock) : PageModel
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

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        // The issue gives closing to the chair: the office cannot close on the chair's behalf.
        if (!IsChair)
        {
            return Forbid();
        }

        if (Report.Round.State == RoundState.Closed)
        {
            ModelState.AddModelError("", "Đợt đánh giá đã kết thúc.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (Blocks.Count > 0)
        {
            ModelState.AddModelError("", "Chưa thể kết thúc đợt: " + string.Join(" ", Blocks));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var round = await db.EvaluationRounds.SingleAsync(r => r.Id == Id, ct);
        db.Entry(round).Property(r => r.Version).OriginalValue = Report.Round.Version;
        var rows = await db.RoundProducts.Where(p => p.RoundId == Id).ToDictionaryAsync(p => p.Id, ct);
        var dossierIds = Report.Products.Where(p => p.DossierId is not null).Select(p => p.DossierId!.Value).ToList();
        var dossiers = await db.Dossiers.Where(d => dossierIds.Contains(d.Id)).ToListAsync(ct);
        foreach (var line in Report.Products)
        {
            var row = rows[line.RoundProductId];
            var result = line.Result;
            row.ScoreHundredths = result.Total?.ToHundredths();
            row.PartAHundredths = Part(result, "A");
            row.PartBHundredths = Part(result, "B");
            row.PartCHundredths = Part(result, "C");
            row.StarByScore = result.StarByScore;
            row.Star = result.Star;
            row.CapExplanation = Shorten(result.CapExplanation, 1000);
            row.Outcome = line.Outcome?.Kind;
            row.PotentialFiveStar = line.Outcome?.PotentialFiveStar ?? false;
            row.Flags = JsonSerializer.Serialize(line.Flags, AuditJson.Options);
        }

        foreach (var dossier in dossiers)
        {
            dossier.State = DossierState.Evaluated;
        }

        // A re-evaluation the council did not recognise ends there: no renewal, and the grace past expiry closes.
        var closedOn = Ocop.Web.Shared.Display.Today(clock);
        var failed = Report.Products.Where(p => p.Outcome?.Kind == LevelOutcomeKind.NotRecognised && p.DossierId is not null).Select(p => p.DossierId!.Value).ToList();
        var renewing = dossiers.Where(d => failed.Contains(d.Id) && d.Variant == DossierVariant.Reevaluation && d.CertificateId is not null)
            .Select(d => d.CertificateId!.Value).ToList();
        foreach (var certificate in await db.Certificates.Where(c => renewing.Contains(c.Id) && c.ReevaluationDecidedOn == null).ToListAsync(ct))
        {
            certificate.ReevaluationDecidedOn = closedOn;
            certificate.ReevaluationOutcome = ReevaluationOutcome.NotRenewed;
            certificate.ReevaluationNote = Shorten($"Không đạt khi đánh giá lại: {Report.Round.Name}", 250);
        }

        round.State = RoundState.Closed;
        round.ClosedAt = clock.GetUtcNow().UtcDateTime;
        round.ClosedBy = User.Identity?.Name;
        try
        {
            // One save: the results, the dossiers and the round's state commit together with their audit rows.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Đợt đánh giá vừa được người khác thay đổi. Tải lại trang rồi thử lại.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        // The minutes are issued as the round closes: names and scores of this moment, kept as they are.
        await MinutesModel.FreezeAsync(db, (await RoundReport.LoadAsync(db, Id, ct))!, fromExisting: false, User.Identity?.Name, ct);
        TempData["Message"] = "Đã kết thúc đợt đánh giá. Kết quả đã được ghi nhận; biên bản họp hội đồng có thể tải về.";
        return Redirect($"/Rounds/{Id}/Results");
    }

    private static int? Part(ProductResult result, string code) =>
        result.Parts.FirstOrDefault(p => p.Code == code)?.Score.ToHundredths();

    private static string? Shorten(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";

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
