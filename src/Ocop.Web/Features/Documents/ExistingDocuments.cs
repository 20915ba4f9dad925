using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Recognitions;
using Ocop.Web.Features.Rounds;

namespace Ocop.Web.Features.Documents;

/// <summary>
/// Run after migrations: loads the national authority and freezes every decision, certificate and set of council
/// minutes recorded before documents were frozen, from the data as it stands at that moment (the only data there
/// is: the older records kept no copy of what they printed). Each is marked as frozen from existing data.
/// </summary>
public static class ExistingDocuments
{
    public const string FrozenBy = "hệ thống (nâng cấp)";

    public static async Task PrepareAsync(OcopDbContext db, CancellationToken ct = default)
    {
        await DocumentReferenceData.SeedAsync(db, ct);
        var recognitions = await db.Recognitions.AsNoTracking()
            .Where(r => !db.IssuedDocuments.Any(d => d.RecognitionId == r.Id && d.Kind == IssuedDocumentKind.Decision)
                || r.Certificates.Any(c => !db.IssuedDocuments.Any(d => d.CertificateId == c.Id && d.Kind == IssuedDocumentKind.Certificate)))
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        var rounds = await db.EvaluationRounds.AsNoTracking()
            .Where(r => r.State == RoundState.Closed && !db.IssuedDocuments.Any(d => d.RoundId == r.Id && d.Kind == IssuedDocumentKind.Minutes))
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        if (recognitions.Count == 0 && rounds.Count == 0)
        {
            return;
        }

        foreach (var id in recognitions)
        {
            await RecognitionDocuments.FreezeAsync(db, id, issuer: null, fromExisting: true, FrozenBy, ct);
            db.ChangeTracker.Clear();
        }

        foreach (var id in rounds)
        {
            if (await RoundReport.LoadAsync(db, id, ct) is { } report)
            {
                await IssueMinutes.FreezeAsync(db, report, fromExisting: true, FrozenBy, ct);
                db.ChangeTracker.Clear();
            }
        }
    }
}
