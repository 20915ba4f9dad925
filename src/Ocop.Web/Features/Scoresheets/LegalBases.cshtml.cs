using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>The legal bases with what each fixes for ranking: parts, star bands and the star-minimum rule.</summary>
public sealed class LegalBasesModel(OcopDbContext db) : PageModel
{
    public List<(LegalBasisRecord Record, LegalBasis Basis, int Sheets)> Bases { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = ScoresheetVersions.CanManage(User);
        var counts = await db.Scoresheets.GroupBy(s => s.LegalBasisCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Bases = (await db.LegalBases.AsNoTracking().OrderByDescending(b => b.EffectiveFrom).ToListAsync(ct))
            .Select(r => (r, r.ToModel(), counts.FirstOrDefault(c => c.Key == r.Code)?.Count ?? 0))
            .ToList();
    }

    /// <summary>"từ 50 đến dưới 70": a band runs from its bound to the next band's bound, the top band to the total.</summary>
    public static string Range(LegalBasis basis, StarBand band)
    {
        var next = basis.StarBands.Where(b => b.From > band.From).OrderBy(b => b.From).FirstOrDefault();
        return next is null
            ? $"từ {band.From.ToVietnamese()} đến {basis.TotalPoints.ToVietnamese()}"
            : $"từ {band.From.ToVietnamese()} đến dưới {next.From.ToVietnamese()}";
    }
}
