using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Documents;
using Ocop.Web.Features.Recognitions;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Certificates;

/// <summary>
/// The notice to the producer (Thông báo) for a certificate: re-evaluation window open, or expiry within 30 days. The
/// first request issues it (dated that day, in the name of the authority of the decision's unit on that day, signed by
/// its default signatory) and stores it frozen; later requests get the same document.
/// </summary>
public sealed class IssueNotice(OcopDbContext db, TimeProvider clock)
{
    public const string NotDueMessage = "Chỉ lập thông báo khi đến hạn nộp hồ sơ đánh giá lại hoặc giấy chứng nhận sắp hết hạn.";

    /// <param name="IssuedBy">The user name stored on a notice issued now.</param>
    public sealed record Command(int CertificateId, string? IssuedBy);

    /// <param name="WindowOpen">A re-evaluation notice (else an expiry notice).</param>
    /// <param name="IssuedNow">Issued by this request (else the one sent earlier).</param>
    public sealed record Issued(IssuedDocument Notice, bool WindowOpen, bool IssuedNow);

    public async Task<WriteResult<Issued>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var c = await CertificateRules.VisibleAsync(db, scope, command.CertificateId, track: false, ct);
        if (c is null || await RecognitionDocuments.CertificateAsync(db, c.Id, command.IssuedBy, ct) is not { } frozen)
        {
            return WriteResult.NotFound<Issued>("Không tìm thấy giấy chứng nhận.");
        }

        var asIssued = frozen.Facts;
        var rules = new CertificateRules(db, clock);
        var catalog = await rules.ProcessesAsync(ct);
        var today = rules.Today;
        var status = CertificateRules.StateOn(c, today, catalog);
        var windowOpen = status.State == CertificateState.ReevaluationWindowOpen;
        var kind = windowOpen ? IssuedDocumentKind.ReevaluationNotice : IssuedDocumentKind.ExpiryNotice;
        if (await db.IssuedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.CertificateId == c.Id && d.Kind == kind, ct) is { } sent)
        {
            return WriteResult.Done(new Issued(sent, windowOpen, IssuedNow: false));
        }

        if (status.State is not (CertificateState.ReevaluationWindowOpen or CertificateState.ExpiringSoon))
        {
            return WriteResult.Refused<Issued>(NotDueMessage);
        }

        var atlas = await UnitAtlas.LoadAsync(db, [asIssued.Issuer.UnitId, c.Product!.Subject!.CommuneId], ct);
        var authority = await new IssuerDirectory(db).AuthorityAsync(atlas, asIssued.Issuer.UnitId, today, ct);
        if (authority is null)
        {
            var errors = new FieldErrorList();
            errors.Add("", IssuerDirectory.NoAuthorityMessage(atlas, asIssued.Issuer.UnitId, today));
            return WriteResult.Invalid<Issued>(errors);
        }

        var milestones = CertificateRules.MilestonesOn(c, today, catalog);
        var subject = c.Product!.Subject!;
        var facts = new NoticeAsIssued(c.Id, today, windowOpen, subject.Name, atlas.AddressOn(subject.Address, subject.CommuneId, today),
            asIssued.Certificate.ProductName, c.Stars, c.Number, c.IssuedOn, c.ExpiresOn, asIssued.DecisionNumber, asIssued.DecisionSignedOn,
            milestones.ReevaluationWindowOpensOn, milestones.ReevaluationWindowClosesOn, status.DaysToExpiry, IssuerDirectory.ForDocumentOn(authority, today));
        var notice = IssuedDocumentStore.New(kind, today, null, facts.Issuer.ShortName, facts, NoticeDocx.Build(facts), fromExisting: false, command.IssuedBy);
        notice.CertificateId = c.Id;
        db.IssuedDocuments.Add(notice);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Produced by someone else at the same moment: theirs is the notice sent.
            db.Entry(notice).State = EntityState.Detached;
            notice = await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.CertificateId == c.Id && d.Kind == kind, ct);
            return WriteResult.Done(new Issued(notice, windowOpen, IssuedNow: false));
        }

        return WriteResult.Done(new Issued(notice, windowOpen, IssuedNow: true));
    }
}
