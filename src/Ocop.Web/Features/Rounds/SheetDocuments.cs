using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Rounds;

/// <summary>One file of the dossier a product is scored on, listed beside the criteria of the member's sheet.</summary>
public sealed record SheetDocument(int Id, string Name, string? Item, long SizeBytes);

/// <summary>
/// The dossier's documents a council member reads while scoring. A seated member reads the files of the dossiers
/// their round scores, wherever the product's commune lies, unless they declared a conflict with its subject; the
/// files are the producer's dossier, never another member's scores (CouncilVisibility is untouched).
/// </summary>
public static class SheetDocuments
{
    public static Task<List<SheetDocument>> OfDossierAsync(OcopDbContext db, int dossierId, CancellationToken ct) =>
        db.DossierDocuments.AsNoTracking()
            .Where(f => f.DossierId == dossierId && !f.IsArchived)
            .OrderBy(f => f.ChecklistItem == null ? int.MaxValue : f.ChecklistItem.SortOrder).ThenBy(f => f.Id)
            .Select(f => new SheetDocument(f.Id, f.OriginalName, f.ChecklistItem == null ? null : f.ChecklistItem.Title, f.SizeBytes))
            .ToListAsync(ct);

    /// <summary>Whether the user sits on a council that scores the document's dossier, without a conflict with its subject.</summary>
    public static Task<bool> ReadByCouncilMemberAsync(OcopDbContext db, string userId, int documentId, CancellationToken ct) =>
        db.DossierDocuments.AsNoTracking()
            .Where(f => f.Id == documentId)
            .AnyAsync(f => db.RoundProducts.Any(p => p.DossierId == f.DossierId
                && db.CouncilMembers.Any(m => m.RoundId == p.RoundId && m.UserId == userId
                    && !m.Conflicts.Any(c => c.SubjectId == p.Product!.SubjectId))), ct);
}
