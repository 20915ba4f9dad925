using System.Globalization;
using Ocop.Web.Features.Documents;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Certificates;

/// <summary>A certificate as a Word document, from the facts as issued with its decision.</summary>
public static class CertificateDocx
{
    public static byte[] Build(CertificateDocumentAsIssued document)
    {
        var (c, issuer) = (document.Certificate, document.Issuer);
        var docx = new OfficialDocx(issuer.Header("Số: " + c.Number, c.IssuedOn))
            .Title("Giấy chứng nhận", "Sản phẩm đạt chuẩn OCOP")
            .Centered(issuer.DecidingLine)
            .Centered("CHỨNG NHẬN")
            .Centered(c.ProductName)
            .Centered($"Đạt hạng {c.Stars.ToString(CultureInfo.InvariantCulture)} sao ({CertificateRules.Stars(c.Stars)})")
            .Paragraph($"Chủ thể: {c.SubjectName}.")
            .Paragraph($"Địa chỉ: {c.SubjectAddress}.")
            .Paragraph($"Nơi sản xuất: {c.CommuneName}.")
            .Paragraph($"Điểm đánh giá: {CertificateRules.Score(c.ScoreHundredths)}.")
            .Paragraph($"Theo Quyết định số {document.DecisionNumber} ngày {Display.Date(document.DecisionSignedOn)} của {issuer.Name}.")
            .Paragraph($"Giấy chứng nhận có giá trị từ ngày {Display.Date(c.IssuedOn)} đến hết ngày {Display.Date(c.ExpiresOn)}.")
            .Signature(issuer.Signature);
        // Issued from now on with a QR code that opens the public check of this certificate (issue 16); documents
        // already issued are stored as they were and never rebuilt.
        return Public.CertificateQr.AddTo(docx, c.Number).ToBytes();
    }
}
