using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Dossiers;

/// <summary>
/// Upgrades and re-evaluations start from the product's last dossier, so nothing is typed twice: its notes and its
/// current documents are carried over, the documents as new rows pointing at the same stored files.
/// Used by the dossier form and by a certificate's "re-evaluate".
/// </summary>
public static class DossierCopy
{
    /// <summary>
    /// Adds a new draft dossier for the product to <paramref name="db"/> (not saved: the caller saves, in one
    /// transaction with its own changes). Upgrade and re-evaluation copy the last dossier when there is one.
    /// </summary>
    public static async Task<Dossier> StartAsync(OcopDbContext db, int productId, int year, DossierVariant variant, int? certificateId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var last = variant == DossierVariant.FirstEvaluation
            ? null
            : await db.Dossiers.AsNoTracking()
                .Include(d => d.Documents.Where(f => !f.IsArchived))
                .Where(d => d.ProductId == productId)
                .OrderByDescending(d => d.Year).ThenByDescending(d => d.Id)
                .FirstOrDefaultAsync(ct);
        var dossier = last is null
            ? new Dossier { ProductId = productId, Year = year, Variant = variant, State = DossierState.Draft, CertificateId = certificateId }
            : From(last, year, variant, certificateId);
        db.Dossiers.Add(dossier);
        return dossier;
    }

    /// <summary>A new draft built from <paramref name="source"/>: same product, its notes, its current documents (same stored files).</summary>
    public static Dossier From(Dossier source, int year, DossierVariant variant, int? certificateId)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new Dossier
        {
            ProductId = source.ProductId,
            Year = year,
            Variant = variant,
            State = DossierState.Draft,
            CopiedFromId = source.Id,
            CertificateId = certificateId,
            Notes = source.Notes,
            Documents = source.Documents.Where(f => !f.IsArchived).Select(f => new DossierDocument
            {
                ChecklistItemId = f.ChecklistItemId,
                StoredName = f.StoredName,
                OriginalName = f.OriginalName,
                ContentType = f.ContentType,
                SizeBytes = f.SizeBytes,
                UploadedAt = f.UploadedAt,
            }).ToList(),
        };
    }
}
