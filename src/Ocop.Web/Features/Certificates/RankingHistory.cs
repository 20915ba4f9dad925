using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Certificates;

/// <summary>A product's whole ranking history: every round it was scored in, and every decision and certificate.</summary>
public sealed record RankingHistory(int ProductId, string ProductName, List<RoundResult> Rounds, List<CertificateEntry> Certificates)
{
    /// <summary>Reads the history of a product the caller has already been allowed to see.</summary>
    /// <param name="at">The date certificate states are computed for; today when null.</param>
    public static async Task<RankingHistory> LoadAsync(OcopDbContext db, TimeProvider clock, int productId, string productName, CancellationToken ct, DateOnly? at = null)
    {
        var rounds = await db.RoundProducts.AsNoTracking()
            .Where(p => p.ProductId == productId)
            .OrderByDescending(p => p.Round!.ClosesOn).ThenByDescending(p => p.Id)
            .Select(p => new
            {
                p.RoundId,
                p.Round!.Name,
                p.Round.Level,
                p.Round.OpensOn,
                p.Round.ClosesOn,
                p.Round.State,
                p.Round.ProcessCode,
                p.ScoreHundredths,
                p.Star,
                p.CapExplanation,
                p.Outcome,
                p.PotentialFiveStar
            })
            .ToListAsync(ct);
        var rules = new CertificateRules(db, clock);
        var catalog = await rules.ProcessesAsync(ct);
        // Results are told only once the round is closed, and named as the law names them: a province's 90+ is
        // "đề xuất công nhận 5 sao" with no star until the central decision.
        var results = rounds.Select(r =>
        {
            var closed = r.State == RoundState.Closed;
            var next = EvaluationProcesses.ByCode(r.ProcessCode, catalog)?.Role(r.Level)?.NextLevel;
            var named = closed ? RankingOutcomes.Of(r.Outcome, r.Star, r.PotentialFiveStar, next) : RankingOutcomes.Of(null, null, false, null);
            return new RoundResult(r.RoundId, r.Name, r.Level, r.OpensOn, r.ClosesOn, r.State, closed ? r.ScoreHundredths : null,
                named.Star, named.ProposedStar, named.Kind, named.Name, closed ? r.CapExplanation : null);
        }).ToList();
        var today = at ?? rules.Today;
        var certificates = await db.Certificates.AsNoTracking().Include(c => c.Recognition)
            .Where(c => c.ProductId == productId)
            .OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Id)
            .ToListAsync(ct);
        var entries = certificates.Select(c =>
        {
            var status = CertificateRules.StateOn(c, today, catalog);
            return new CertificateEntry(c.Id, c.Number, c.Stars, c.ScoreHundredths, c.IssuedOn, c.ExpiresOn, status.State, status.IsValid,
                c.RecognitionId, c.Recognition!.DecisionNumber, c.Recognition.SignedOn, c.Recognition.Level, c.Recognition.Issuer,
                c.RevokedOn, c.RevocationGround, c.RevocationDecision, c.ReevaluationFiledOn);
        }).ToList();
        return new RankingHistory(productId, productName, results, entries);
    }
}

/// <summary>One round's result for the product; empty until the round closes (a council's scores stay secret until then).</summary>
/// <param name="ScoreHundredths">Mean of the members' totals in hundredths of a point, rounded half-up (7250 = 72,50).</param>
/// <param name="Star">The star ranked at this level; null when proposed onward (never 5 before the central decision).</param>
/// <param name="ProposedStar">The star proposed to the next level ("đề xuất công nhận 5 sao": 5).</param>
/// <param name="Outcome">The outcome as the law names it.</param>
/// <param name="OutcomeName">The same in Vietnamese.</param>
/// <param name="CapExplanation">Why the star was capped below the score's, when it was.</param>
public sealed record RoundResult(int RoundId, string RoundName, EvaluationLevel Level, DateOnly OpensOn, DateOnly ClosesOn, RoundState RoundState,
    int? ScoreHundredths, int? Star, int? ProposedStar, RankingOutcomeKind Outcome, string OutcomeName, string? CapExplanation);

/// <summary>A certificate with its decision and its state today (Vietnam date).</summary>
public sealed record CertificateEntry(int Id, string Number, int Stars, int? ScoreHundredths, DateOnly IssuedOn, DateOnly ExpiresOn,
    CertificateState State, bool IsValid, int RecognitionId, string DecisionNumber, DateOnly DecisionSignedOn, EvaluationLevel Level, string Issuer,
    DateOnly? RevokedOn, RevocationGround? RevocationGround, string? RevocationDecision, DateOnly? ReevaluationFiledOn);
