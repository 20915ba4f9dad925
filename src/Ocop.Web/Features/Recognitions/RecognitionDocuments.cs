using Microsoft.EntityFrameworkCore;
using Ocop.Core.Documents;
using Ocop.Web.Data;
using Ocop.Web.Features.Certificates;
using Ocop.Web.Features.Documents;

namespace Ocop.Web.Features.Recognitions;

/// <summary>
/// A recognition decision and its certificates frozen as issued: their facts (names, addresses with the unit names of the
/// signing date, stars, scores, issuer, signer) and their Word files are stored once, at issue, and read from then on.
/// A record that has none yet (recorded before this version, or written by an importer) is frozen from the data as it
/// stands the first time it is needed.
/// </summary>
public static class RecognitionDocuments
{
    /// <summary>
    /// Stores the documents of the recognition that are missing: the decision and each certificate. At issue the issuer
    /// is given; for an existing record it is derived (<see cref="DerivedIssuerAsync"/>).
    /// </summary>
    public static async Task FreezeAsync(OcopDbContext db, int recognitionId, IssuerAsIssued? issuer, bool fromExisting,
        string? by, CancellationToken ct)
    {
        var recognition = await db.Recognitions.AsNoTracking().Include(r => r.Round).SingleAsync(r => r.Id == recognitionId, ct);
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.RecognitionId == recognitionId).OrderBy(c => c.Number)
            .Select(c => new
            {
                Certificate = c,
                ProductName = c.Product!.Name,
                SubjectName = c.Product.Subject!.Name,
                c.Product.Subject.Address,
                SubjectCommuneId = c.Product.Subject.CommuneId,
                c.Product.CommuneId,
            })
            .ToListAsync(ct);
        var atlas = await UnitAtlas.LoadAsync(db,
            certificates.SelectMany(c => new int?[] { c.CommuneId, c.SubjectCommuneId }).Append(recognition.Round?.UnitId), ct);
        var certificateIds = certificates.Select(c => (int?)c.Certificate.Id).ToList();
        var frozen = await db.IssuedDocuments.AsNoTracking()
            .Where(d => d.RecognitionId == recognitionId || certificateIds.Contains(d.CertificateId))
            .ToListAsync(ct);

        var signedOn = recognition.SignedOn;
        var decisionRow = frozen.FirstOrDefault(d => d.Kind == IssuedDocumentKind.Decision);
        // A decision already frozen keeps its issuer for certificates frozen after it.
        issuer ??= decisionRow is not null
            ? IssuedDocumentStore.Read<DecisionAsIssued>(decisionRow).Issuer
            : await DerivedIssuerAsync(db, atlas, recognition, certificates.Select(c => c.CommuneId).FirstOrDefault(), ct);
        var rows = certificates.Select(x => new CertificateAsIssued(
            x.Certificate.Id, x.Certificate.Number, x.Certificate.ProductId, x.ProductName, x.SubjectName,
            atlas.AddressOn(x.Address, x.SubjectCommuneId, signedOn), atlas.NameOn(x.CommuneId, signedOn),
            x.Certificate.Stars, x.Certificate.ScoreHundredths, x.Certificate.IssuedOn, x.Certificate.ExpiresOn)).ToList();

        if (decisionRow is null)
        {
            var decision = new DecisionAsIssued(recognition.Id, recognition.DecisionNumber, signedOn, recognition.Level,
                recognition.Round?.Name, recognition.Round?.Level, issuer, rows, recognition.Transcribed);
            var document = IssuedDocumentStore.New(IssuedDocumentKind.Decision, signedOn, recognition.DecisionNumber, issuer.ShortName, decision,
                DecisionDocx.Build(decision), fromExisting, by);
            document.RecognitionId = recognition.Id;
            db.IssuedDocuments.Add(document);
        }

        foreach (var row in rows.Where(r => !frozen.Any(d => d.Kind == IssuedDocumentKind.Certificate && d.CertificateId == r.CertificateId)))
        {
            var facts = new CertificateDocumentAsIssued(row, recognition.DecisionNumber, signedOn, issuer);
            var document = IssuedDocumentStore.New(IssuedDocumentKind.Certificate, row.IssuedOn, row.Number, issuer.ShortName, facts,
                CertificateDocx.Build(facts), fromExisting, by);
            document.CertificateId = row.CertificateId;
            db.IssuedDocuments.Add(document);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The issuer of a decision recorded before decisions were frozen: the authority, on the signing date, of the round's
    /// unit, or for a decision entered by hand of its level over the first product's commune (a district's decision
    /// dated after districts ended goes to the province); the signer's name and title as recorded. Only when no
    /// authority covers that date is the recorded issuer text used, with any doubled kind written once.
    /// </summary>
    public static async Task<IssuerAsIssued> DerivedIssuerAsync(OcopDbContext db, UnitAtlas atlas, Recognition recognition, int? firstCommuneId,
        CancellationToken ct)
    {
        var signedOn = recognition.SignedOn;
        int? unit = recognition.Round is { } round ? round.UnitId
            : firstCommuneId is int commune ? atlas.DecidingUnit(recognition.Level, commune, signedOn)
            : null;
        var unresolved = unit is null && recognition.Level != Ocop.Core.Evaluation.EvaluationLevel.Central;
        var authority = unresolved ? null : await new IssuerDirectory(db).AuthorityAsync(atlas, unit, signedOn, ct);
        return authority is null
            ? IssuerAsIssued.FromRecordedText(recognition.Issuer, recognition.Signer, recognition.SignerTitle)
            : IssuerAsIssued.From(authority, recognition.Signer, recognition.SignerTitle, SignatureBlock.IsDeputyTitle(recognition.SignerTitle));
    }

    /// <summary>The decision as issued, frozen now from the data as it stands when it never was.</summary>
    public static async Task<(DecisionAsIssued Facts, IssuedDocument Document)?> DecisionAsync(OcopDbContext db, int recognitionId, string? by,
        CancellationToken ct)
    {
        var document = await FindAsync(db, d => d.Kind == IssuedDocumentKind.Decision && d.RecognitionId == recognitionId, ct);
        if (document is null)
        {
            if (!await db.Recognitions.AnyAsync(r => r.Id == recognitionId, ct))
            {
                return null;
            }

            await FreezeOnceAsync(db, recognitionId, by, ct);
            document = await FindAsync(db, d => d.Kind == IssuedDocumentKind.Decision && d.RecognitionId == recognitionId, ct);
        }

        return document is null ? null : (IssuedDocumentStore.Read<DecisionAsIssued>(document), document);
    }

    /// <summary>The certificate as issued, frozen now (with its decision) from the data as it stands when it never was.</summary>
    public static async Task<(CertificateDocumentAsIssued Facts, IssuedDocument Document)?> CertificateAsync(OcopDbContext db, int certificateId,
        string? by, CancellationToken ct)
    {
        var document = await FindAsync(db, d => d.Kind == IssuedDocumentKind.Certificate && d.CertificateId == certificateId, ct);
        if (document is null)
        {
            var recognitionId = await db.Certificates.Where(c => c.Id == certificateId).Select(c => (int?)c.RecognitionId).SingleOrDefaultAsync(ct);
            if (recognitionId is not int id)
            {
                return null;
            }

            await FreezeOnceAsync(db, id, by, ct);
            document = await FindAsync(db, d => d.Kind == IssuedDocumentKind.Certificate && d.CertificateId == certificateId, ct);
        }

        return document is null ? null : (IssuedDocumentStore.Read<CertificateDocumentAsIssued>(document), document);
    }

    private static Task<IssuedDocument?> FindAsync(OcopDbContext db, System.Linq.Expressions.Expression<Func<IssuedDocument, bool>> which, CancellationToken ct) =>
        db.IssuedDocuments.AsNoTracking().Where(which).SingleOrDefaultAsync(ct);

    /// <summary>Freezes from the data as it stands; when another request froze the same record at the same moment, theirs stands.</summary>
    private static async Task FreezeOnceAsync(OcopDbContext db, int recognitionId, string? by, CancellationToken ct)
    {
        try
        {
            await FreezeAsync(db, recognitionId, issuer: null, fromExisting: true, by, ct);
        }
        catch (DbUpdateException)
        {
            foreach (var entry in db.ChangeTracker.Entries<IssuedDocument>().Where(e => e.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }
        }
    }
}
