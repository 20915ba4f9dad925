using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Dossiers;

/// <summary>
/// Upgrades and re-evaluations start from an earlier dossier of the product, so nothing is typed twice: its notes and its
/// current documents are carried over, the documents as new rows pointing at the same stored files.
/// Used by the dossier form and the API (<see cref="OpenDossier"/>) and by a certificate's "re-evaluate".
/// </summary>
public static class DossierCopy
{
    /// <summary>
    /// Adds a new draft dossier for the product to <paramref name="db"/> (not saved: the caller saves, in one
    /// transaction with its own changes). Upgrade and re-evaluation copy <see cref="SourceAsync"/> when there is one.
    /// </summary>
    public static async Task<Dossier> StartAsync(OcopDbContext db, int productId, int year, DossierVariant variant, int? certificateId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var source = await SourceAsync(db, productId, variant, certificateId, ct);
        var dossier = source is null
            ? new Dossier { ProductId = productId, Year = year, Variant = variant, State = DossierState.Draft, CertificateId = certificateId }
            : From(source, year, variant, certificateId);
        db.Dossiers.Add(dossier);
        return dossier;
    }

    /// <summary>
    /// The dossier a new one copies, with its current documents (untracked). The one rule: a re-evaluation re-examines
    /// what was recognised, so it starts from the dossier that led to the certificate it renews (the dossier of the
    /// round product the certificate was issued for); an upgrade, or a re-evaluation of a certificate that came from
    /// no dossier (a decision entered by hand or transcribed from paper), starts from the product's newest dossier by
    /// year, then by id (the order the office files them in, not the moment a row was typed). A first evaluation
    /// copies nothing.
    /// </summary>
    public static async Task<Dossier?> SourceAsync(OcopDbContext db, int productId, DossierVariant variant, int? certificateId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (variant == DossierVariant.FirstEvaluation)
        {
            return null;
        }

        var dossiers = db.Dossiers.AsNoTracking().Include(d => d.Documents.Where(f => !f.IsArchived)).Where(d => d.ProductId == productId);
        if (variant == DossierVariant.Reevaluation && certificateId is int renewed)
        {
            var ledTo = await db.Certificates.Where(c => c.Id == renewed && c.ProductId == productId)
                .Select(c => c.RoundProduct == null ? null : c.RoundProduct.DossierId).FirstOrDefaultAsync(ct);
            if (ledTo is int dossierId && await dossiers.SingleOrDefaultAsync(d => d.Id == dossierId, ct) is { } recognised)
            {
                return recognised;
            }
        }

        return await dossiers.OrderByDescending(d => d.Year).ThenByDescending(d => d.Id).FirstOrDefaultAsync(ct);
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
