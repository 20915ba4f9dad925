using System.Globalization;
using Ocop.Web.Features.Documents;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Certificates;

/// <summary>The notice to a producer (Thông báo, Decree 30 format): re-evaluation window open, or expiry within 30 days.</summary>
public static class NoticeDocx
{
    public static byte[] Build(NoticeAsIssued n)
    {
        var subject = n.WindowOpen
            ? "Về việc nộp hồ sơ đánh giá lại sản phẩm OCOP"
            : "Về việc giấy chứng nhận sản phẩm OCOP sắp hết hiệu lực";
        var doc = new OfficialDocx(n.Issuer.Header("Số:        /TB", n.IssuedOn))
            .Title("Thông báo", subject)
            .Paragraph($"Kính gửi: {n.SubjectName} ({n.SubjectAddress}).")
            .Paragraph($"Sản phẩm {n.ProductName} của quý đơn vị được công nhận đạt {n.Stars.ToString(CultureInfo.InvariantCulture)} sao theo Quyết định số {n.DecisionNumber} ngày {Display.Date(n.DecisionSignedOn)}, giấy chứng nhận số {n.CertificateNumber} cấp ngày {Display.Date(n.CertificateIssuedOn)}, có hiệu lực đến hết ngày {Display.Date(n.ExpiresOn)}.");
        if (n.WindowOpen)
        {
            doc.Paragraph($"Theo quy định, hồ sơ đề nghị đánh giá lại được nộp trong thời gian từ ngày {Display.Date(n.WindowOpensOn)} đến ngày {Display.Date(n.WindowClosesOn)} (từ 180 đến 120 ngày trước khi giấy chứng nhận hết hiệu lực). Đề nghị quý đơn vị chuẩn bị hồ sơ đánh giá lại (cập nhật nguyên liệu, công nghệ, bao bì, công bố chất lượng, kết quả kiểm nghiệm, thị trường, sản lượng, doanh thu và các giấy tờ có thời hạn) và nộp đúng hạn.");
        }
        else
        {
            doc.Paragraph($"Giấy chứng nhận còn {n.DaysToExpiry.ToString(CultureInfo.InvariantCulture)} ngày hiệu lực. Sau ngày hết hạn, sản phẩm không được tiếp tục sử dụng biểu trưng OCOP và hạng sao nếu chưa được đánh giá lại. Đề nghị quý đơn vị liên hệ cơ quan thường trực Chương trình OCOP để được hướng dẫn.");
        }

        return doc.Paragraph("Mọi vướng mắc, đề nghị liên hệ cơ quan thường trực Chương trình OCOP để được hướng dẫn.")
            .Signature(n.Issuer.Signature, [n.SubjectName + ";", "Lưu: VT."])
            .ToBytes();
    }
}
