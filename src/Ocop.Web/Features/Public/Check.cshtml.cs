using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Certificates;
using Ocop.Web.Features.Recognitions;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Public;

/// <summary>
/// Anyone checks a certificate by its number (the QR code printed on it opens this page): what it says as issued, and
/// its state today. The same facts as <c>GET /api/v1/certificates/{number}</c>.
/// </summary>
public sealed class CheckModel(PublicCatalog catalog, OcopDbContext db, TimeProvider clock) : PublicPage(catalog)
{
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }

    public CertificateCheck? Found { get; private set; }
    public PublicProduct? Product { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Title = T.CheckTitle;
        Description = T.CheckLead;
        Number = string.IsNullOrWhiteSpace(Number) ? null : Number.Trim();
        VietnamesePath = Number is null ? PublicUrls.Check(false) : PublicUrls.Check(false, Number);
        EnglishPath = Number is null ? PublicUrls.Check(true) : PublicUrls.Check(true, Number);
        if (Number is null || Number.Length > 60)
        {
            return;
        }

        var certificate = await db.Certificates.AsNoTracking().Where(c => c.Number == Number).SingleOrDefaultAsync(ct);
        var issued = certificate is null ? null : await RecognitionDocuments.CertificateAsync(db, certificate.Id, by: null, ct);
        if (certificate is null || issued is not { Facts: var facts })
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var rules = new CertificateRules(db, clock);
        var status = CertificateRules.StateOn(certificate, rules.Today, await rules.ProcessesAsync(ct));
        var printed = facts.Certificate;
        Found = new CertificateCheck(printed.Number, printed.ProductName, printed.SubjectName, printed.CommuneName, printed.SubjectAddress,
            printed.Stars, printed.IssuedOn, printed.ExpiresOn, status.State, T.StateName(status.State), status.IsValid, status.ValidUntil,
            facts.DecisionNumber, facts.DecisionSignedOn, facts.Issuer.ShortName, rules.Today,
            // A revocation in force names its decision and day, as the certificates API tells it.
            status.State == CertificateState.Revoked && certificate.RevokedOn is DateOnly revokedOn && certificate.RevocationGround is RevocationGround ground
                ? new RevocationFacts(certificate.RevocationDecision ?? "", revokedOn, ground, Display.Name(ground))
                : null,
            Reevaluation: null);
        Product = Catalog.ById.GetValueOrDefault(certificate.ProductId);
    }
}
