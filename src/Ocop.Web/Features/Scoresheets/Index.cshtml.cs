using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>Every scoresheet version, grouped by the legal basis it belongs to.</summary>
public sealed class IndexModel(OcopDbContext db) : PageModel
{
    public List<BasisGroup> Groups { get; private set; } = [];
    public bool CanManage { get; private set; }

    public sealed record BasisGroup(string Code, string Title, DateOnly EffectiveFrom, DateOnly? EffectiveTo, List<Row> Rows);

    public sealed record Row(
        int Id, int ProductSet, string SetCode, string SetName, int Version, ScoresheetStatus Status, DateOnly EffectiveFrom,
        bool Verified, string? VerifiedBy, int Gaps, bool InUse);

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = ScoresheetVersions.CanManage(User);
        var bases = await db.LegalBases.AsNoTracking().OrderByDescending(b => b.EffectiveFrom).ToListAsync(ct);
        var sheets = await db.Scoresheets.AsNoTracking().ToListAsync(ct);
        var inUse = await ScoresheetVersions.InUseForNewRoundsAsync(db, ct);
        Groups = bases
            .Select(b => new BasisGroup(b.Code, b.Title, b.EffectiveFrom, b.EffectiveTo, sheets
                .Where(s => s.LegalBasisCode == b.Code)
                .OrderBy(s => s.ProductSetNumber).ThenBy(s => s.SheetVersion)
                .Select(s => new Row(s.Id, s.ProductSetNumber, s.ProductSetCode, s.ProductSetName, s.SheetVersion, s.Status, s.EffectiveFrom,
                    s.Verified, s.VerifiedBy, s.ToModel().KnownGaps.Count, inUse.Contains(s.Id)))
                .ToList()))
            .Where(g => g.Rows.Count > 0 || CanManage)
            .ToList();
    }
}
