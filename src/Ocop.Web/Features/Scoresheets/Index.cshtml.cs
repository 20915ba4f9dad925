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
        bool Verified, string? VerifiedBy, int Gaps, int CheckErrors, int CheckWarnings, bool InUse);

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = ScoresheetVersions.CanManage(User);
        var bases = await db.LegalBases.AsNoTracking().OrderByDescending(b => b.EffectiveFrom).ToListAsync(ct);
        var sheets = await db.Scoresheets.AsNoTracking().ToListAsync(ct);
        var inUse = await ScoresheetVersions.InUseForNewRoundsAsync(db, ct);
        Groups = bases
            .Select(b => (Record: b, Basis: b.ToModel()))
            .Select(b => new BasisGroup(b.Record.Code, b.Record.Title, b.Record.EffectiveFrom, b.Record.EffectiveTo, sheets
                .Where(s => s.LegalBasisCode == b.Record.Code)
                .OrderBy(s => s.ProductSetNumber).ThenBy(s => s.SheetVersion)
                .Select(s => ToRow(s, b.Basis, inUse.Contains(s.Id)))
                .ToList()))
            .Where(g => g.Rows.Count > 0 || CanManage)
            .ToList();
    }

    private static Row ToRow(ScoresheetRecord s, LegalBasis basis, bool inUse)
    {
        var sheet = s.ToModel();
        var checks = ScoresheetChecks.ForPublishing(sheet, basis);
        var errors = checks.Count(i => i.Severity == IssueSeverity.Error);
        return new Row(s.Id, s.ProductSetNumber, s.ProductSetCode, s.ProductSetName, s.SheetVersion, s.Status, s.EffectiveFrom,
            s.Verified, s.VerifiedBy, sheet.KnownGaps.Count, errors, checks.Count - errors, inUse);
    }
}
