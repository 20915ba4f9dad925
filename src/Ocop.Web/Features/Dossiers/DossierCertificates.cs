using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Certificates;

namespace Ocop.Web.Features.Dossiers;

/// <summary>
/// A re-evaluation dossier and the certificate it renews: which certificate a new dossier is tied to, and the filing
/// recorded on that certificate when the dossier is submitted (refused where 26/2026's window says it is too early, or
/// once the certificate has lapsed; accepted and marked late after the window).
/// </summary>
public static class DossierCertificates
{
    /// <summary>The product's newest certificate still standing: not revoked, not renewed, its re-evaluation undecided.</summary>
    public static Task<int?> RenewableAsync(OcopDbContext db, int productId, CancellationToken ct) =>
        db.Certificates.AsNoTracking()
            .Where(c => c.ProductId == productId && c.RevokedOn == null && c.SupersededById == null && c.ReevaluationDecidedOn == null)
            .OrderByDescending(c => c.ExpiresOn).ThenByDescending(c => c.Id)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Records the filing of a re-evaluation on its certificate (tracked, saved by the caller with the dossier's state) and
    /// returns why it is refused, or null. A dossier submitted again after being returned keeps its first filing day.
    /// </summary>
    public static async Task<(string? Refusal, bool Late)> FileAsync(OcopDbContext db, Dossier dossier, DateOnly today, IReadOnlyList<EvaluationProcess> catalog,
        CancellationToken ct)
    {
        if (dossier.Variant != DossierVariant.Reevaluation)
        {
            return (null, false);
        }

        if (dossier.CertificateId is not int id || await db.Certificates.SingleOrDefaultAsync(c => c.Id == id, ct) is not { } certificate)
        {
            return ("Hồ sơ đánh giá lại phải gắn với giấy chứng nhận được đánh giá lại; sản phẩm chưa có giấy chứng nhận nào còn hiệu lực. Hãy lập hồ sơ đánh giá lần đầu.", false);
        }

        if (certificate.ReevaluationFiledOn is not null)
        {
            return (null, false);
        }

        var filing = CertificateValidity.Filing(certificate.ToFacts(), today, catalog);
        if (!filing.Allowed)
        {
            return (filing.Refusal, false);
        }

        certificate.ReevaluationFiledOn = today;
        return (null, filing.Late);
    }

    /// <summary>The certificate a dossier renews, with its state today, for the dossier page.</summary>
    public static async Task<(Certificate Certificate, CertificateStatus Status, ReevaluationFiling Filing)?> OfAsync(OcopDbContext db, int? certificateId,
        DateOnly today, IReadOnlyList<EvaluationProcess> catalog, CancellationToken ct)
    {
        if (certificateId is not int id || await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is not { } certificate)
        {
            return null;
        }

        return (certificate, CertificateRules.StateOn(certificate, today, catalog), CertificateValidity.Filing(certificate.ToFacts(), today, catalog));
    }
}
