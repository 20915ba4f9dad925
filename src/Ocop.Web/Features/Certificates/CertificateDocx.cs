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
        return new OfficialDocx(issuer.Header("Số: " + c.Number, c.IssuedOn))
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
            .Signature(issuer.Signature)
            .ToBytes();
    }
}
