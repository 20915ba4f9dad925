using Microsoft.AspNetCore.Mvc.ModelBinding;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Dossiers;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Certificates;

/// <summary>
/// Opens the re-evaluation of a certificate in one click: a draft dossier of the re-evaluation variant tied to the
/// certificate, started by <see cref="DossierCopy"/> (the dossier that led to the certificate, else the product's newest;
/// new document rows pointing at the same stored files). Opening files nothing: the filing is recorded on the
/// certificate when the dossier is submitted (which keeps it valid past expiry while the re-evaluation is pending,
/// under 26/2026). A certificate whose re-evaluation is already open answers with that dossier.
/// </summary>
public sealed class OpenReevaluation(OcopDbContext db, TimeProvider clock)
{
    public const string StaleMessage = "Giấy chứng nhận vừa được người khác thay đổi. Hãy xem lại rồi thử lại.";
    public const string ClosedMessage = "Không thể mở đánh giá lại cho giấy chứng nhận ở tình trạng này.";

    public sealed class Command
    {
        /// <summary>Set by the caller from the route, never from the body.</summary>
        [BindNever, System.Text.Json.Serialization.JsonIgnore] public int CertificateId { get; set; }
        /// <summary>The certificate's version the click was made from.</summary>
        public int Version { get; set; }
    }

    /// <param name="AlreadyOpen">The certificate's re-evaluation dossier existed: nothing was written.</param>
    /// <param name="CopiedDocuments">Documents carried over from the dossier copied.</param>
    public sealed record Opened(int DossierId, bool AlreadyOpen, int? CopiedFromId, int CopiedDocuments);

    public async Task<WriteResult<Opened>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var certificate = await CertificateRules.VisibleAsync(db, scope, command.CertificateId, track: false, ct);
        if (certificate is null)
        {
            return WriteResult.NotFound<Opened>("Không tìm thấy giấy chứng nhận.");
        }

        if (!CertificateRules.CanDecide(scope.Role))
        {
            return WriteResult.Refused<Opened>("Bạn không được mở đánh giá lại giấy chứng nhận.");
        }

        if (await CertificateRules.ReevaluationDossierAsync(db, certificate.Id, ct) is int existing)
        {
            return WriteResult.Done(new Opened(existing, AlreadyOpen: true, null, 0));
        }

        var rules = new CertificateRules(db, clock);
        var today = rules.Today;
        var state = CertificateRules.StateOn(certificate, today, await rules.ProcessesAsync(ct)).State;
        if (certificate.Version != command.Version)
        {
            return WriteResult.Stale<Opened>(StaleMessage);
        }

        if (!CertificateActions.ReevaluationOpens(state, renewed: certificate.SupersededById is not null, alreadyOpened: false))
        {
            var errors = new FieldErrorList();
            errors.Add("", ClosedMessage);
            return WriteResult.Invalid<Opened>(errors);
        }

        var dossier = await DossierCopy.StartAsync(db, certificate.ProductId, today.Year, DossierVariant.Reevaluation, certificate.Id, ct);
        dossier.Notes = "Hồ sơ đánh giá lại giấy chứng nhận số " + certificate.Number + (dossier.CopiedFromId is null ? "." : ", sao chép từ hồ sơ trước.");
        // One save: the dossier and its documents commit together. The filing is recorded when the dossier is submitted.
        await db.SaveChangesAsync(ct);
        return WriteResult.Done(new Opened(dossier.Id, AlreadyOpen: false, dossier.CopiedFromId, dossier.Documents.Count));
    }
}
