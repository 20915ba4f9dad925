using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Rounds;

/// <summary>Products that closed rounds proposed to the next level, with each process's score thresholds.</summary>
public sealed class ProposalsModel(OcopDbContext db, UserScopeLoader scopes) : PageModel
{
    public sealed record Row(int RoundId, string RoundName, EvaluationLevel Level, string ProcessCode, int ProductId, string ProductName,
        string SubjectName, int? ScoreHundredths, int? Star, bool PotentialFiveStar, DateTime? ClosedAt);

    public List<Row> Rows { get; private set; } = [];
    public List<EvaluationProcess> Processes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!RoundAccess.SeesAll(scope.Role))
        {
            return Forbid();
        }

        Processes = (await db.EvaluationProcesses.AsNoTracking().OrderBy(p => p.EffectiveFrom).ToListAsync(ct)).Select(p => p.ToModel()).ToList();
        Rows = await db.RoundProducts.AsNoTracking()
            .Where(p => p.Round!.State == RoundState.Closed && p.Outcome == LevelOutcomeKind.ProposedOnward)
            .OrderByDescending(p => p.Round!.ClosedAt).ThenByDescending(p => p.ScoreHundredths)
            .Select(p => new Row(p.RoundId, p.Round!.Name, p.Round.Level, p.Round.ProcessCode, p.ProductId, p.Product!.Name, p.Product.Subject!.Name,
                p.ScoreHundredths, p.Star, p.PotentialFiveStar, p.Round.ClosedAt))
            .Take(1000)
            .ToListAsync(ct);
        return Page();
    }
}
