using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Ocop.Core.Documents;
using Ocop.Core.Evaluation;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Documents;

/// <summary>
/// The issuer of a document as printed on the day: letterhead, place, the lines of the signature block and the signer.
/// Copied from the authority and the signatory at issue, so that a later correction of either does not reach it.
/// </summary>
/// <param name="UnitId">The unit the authority acted for; null for a national body or an issuer known only by its text.</param>
public sealed record IssuerAsIssued(
    int? AuthorityId, int? UnitId, string ShortName, string Name, string? ParentLine, string Letterhead, string Place,
    string HeadTitle, IReadOnlyList<string> SignatureLines, string Signer, string SignerTitle, bool Deputy)
{
    /// <summary>Who decides, as the decision's heading names it: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH VĨNH LONG".</summary>
    public string DecidingLine => (HeadTitle + " " + Name).ToUpper(Display.Vi);

    public OfficialHeader Header(string number, DateOnly date) => new(ParentLine, Letterhead, number, Place, date);

    public OfficialSignature Signature => new(null, string.Join("\n", SignatureLines), Signer);

    public static IssuerAsIssued From(IssuingAuthority authority, string signer, string signerTitle, bool deputy) =>
        new(authority.Id, authority.UnitId, authority.ShortName, authority.Name, authority.ParentLine, authority.Letterhead, authority.Place,
            authority.HeadTitle, SignatureBlock.Lines(authority.OnBehalfOf, authority.HeadTitle, signerTitle, deputy), signer.Trim(), signerTitle.Trim(), deputy);

    /// <summary>
    /// An issuer known only from the text recorded with an old decision (no authority of its unit on its date): the text
    /// with any doubled kind written once; the place is the unit's name without kind.
    /// </summary>
    public static IssuerAsIssued FromRecordedText(string issuer, string signer, string signerTitle)
    {
        var text = UnitNames.WithoutDoubledKind(issuer.Trim());
        var unitName = text.StartsWith("UBND ", StringComparison.OrdinalIgnoreCase) ? text[5..] : text;
        var committee = text.StartsWith("UBND ", StringComparison.OrdinalIgnoreCase);
        var deputy = SignatureBlock.IsDeputyTitle(signerTitle);
        var head = committee ? "Chủ tịch" : signerTitle;
        var onBehalfOf = committee ? "TM. ỦY BAN NHÂN DÂN" : null;
        return new(null, null, text, committee ? "Ủy ban nhân dân " + unitName : text, null, text.ToUpper(Display.Vi), UnitNames.Place(unitName),
            head, SignatureBlock.Lines(onBehalfOf, head, signerTitle, deputy), signer.Trim(), signerTitle.Trim(), deputy);
    }
}

/// <summary>One certificate as a decision issued it.</summary>
/// <param name="SubjectAddress">The subject's address with the unit names of the issue date.</param>
/// <param name="CommuneName">The commune of production as named on the issue date.</param>
public sealed record CertificateAsIssued(
    int CertificateId, string Number, int ProductId, string ProductName, string SubjectName, string SubjectAddress, string CommuneName,
    int Stars, int? ScoreHundredths, DateOnly IssuedOn, DateOnly ExpiresOn);

/// <summary>A recognition decision as issued: number, date, level, issuer and signer, and its certificates.</summary>
/// <param name="Transcribed">Recorded from a paper decision already issued, not issued here: its copy says so.</param>
public sealed record DecisionAsIssued(
    int RecognitionId, string Number, DateOnly SignedOn, EvaluationLevel Level, string? RoundName, EvaluationLevel? RoundLevel,
    IssuerAsIssued Issuer, IReadOnlyList<CertificateAsIssued> Certificates, bool Transcribed = false);

/// <summary>A certificate document: the certificate, the decision it comes from, and the issuer that signed it.</summary>
public sealed record CertificateDocumentAsIssued(CertificateAsIssued Certificate, string DecisionNumber, DateOnly DecisionSignedOn, IssuerAsIssued Issuer);

/// <summary>A notice to a producer as sent: everything it says, on its date.</summary>
public sealed record NoticeAsIssued(
    int CertificateId, DateOnly IssuedOn, bool WindowOpen, string SubjectName, string SubjectAddress, string ProductName, int Stars,
    string CertificateNumber, DateOnly CertificateIssuedOn, DateOnly ExpiresOn, string DecisionNumber, DateOnly DecisionSignedOn,
    DateOnly? WindowOpensOn, DateOnly? WindowClosesOn, int DaysToExpiry, IssuerAsIssued Issuer);

/// <summary>Council minutes as produced: the round, the date they bear and the issuer above the council.</summary>
public sealed record MinutesAsIssued(int RoundId, DateOnly IssuedOn, string RoundName, IssuerAsIssued? Issuer);

/// <summary>Writing and reading the stored documents.</summary>
public static class IssuedDocumentStore
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Readable JSON: Vietnamese written as is, enums by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public static IssuedDocument New<TFacts>(IssuedDocumentKind kind, DateOnly issuedOn, string? number, string issuer, TFacts facts, byte[] docx,
        bool fromExisting, string? by) => new()
        {
            Kind = kind,
            IssuedOn = issuedOn,
            Number = number,
            Issuer = issuer,
            Facts = JsonSerializer.Serialize(facts, Json),
            Docx = docx,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(docx)),
            FrozenFromExisting = fromExisting,
            CreatedBy = by,
        };

    public static T Read<T>(IssuedDocument document) =>
        JsonSerializer.Deserialize<T>(document.Facts, Json) ?? throw new InvalidOperationException($"Issued document {document.Id} holds no facts.");
}
