using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Certificates;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Recognitions;

/// <summary>Recognition decisions, newest first, and the closed rounds still waiting for theirs.</summary>
public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes) : PageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public List<DecisionRow> Decisions { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;
    public List<WaitingRound> Waiting { get; private set; } = [];
    public bool CanDecide { get; private set; }

    public sealed record DecisionRow(int Id, string DecisionNumber, DateOnly SignedOn, EvaluationLevel Level, string Issuer, string? RoundName, int Certificates);

    public sealed record WaitingRound(int Id, string Name, EvaluationLevel Level, DateOnly ClosesOn, int Pending);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        CanDecide = CertificateRules.CanDecide(scope.Role);
        (Decisions, Total, Pager) = await Paging.OfAsync(Request, db.Recognitions.AsNoTracking()
            .OrderByDescending(r => r.SignedOn).ThenByDescending(r => r.Id)
            .Select(r => new DecisionRow(r.Id, r.DecisionNumber, r.SignedOn, r.Level,
                // The issuer as issued; a decision not yet frozen shows the text recorded with it.
                db.IssuedDocuments.Where(d => d.RecognitionId == r.Id && d.Kind == IssuedDocumentKind.Decision).Select(d => d.Issuer).FirstOrDefault() ?? r.Issuer,
                r.Round != null ? r.Round.Name : null, r.Certificates.Count)), PageNumber, Paging.PageSize, ct);
        Waiting = (await db.EvaluationRounds.AsNoTracking()
            .Where(r => r.State == RoundState.Closed)
            .OrderByDescending(r => r.ClosesOn)
            .Select(r => new WaitingRound(r.Id, r.Name, r.Level, r.ClosesOn,
                r.Products.Count(p => p.Outcome == LevelOutcomeKind.RecognisedHere && p.Star != null && !db.Certificates.Any(c => c.RoundProductId == p.Id))))
            .ToListAsync(ct))
            .Where(r => r.Pending > 0)
            .ToList();
    }
}
