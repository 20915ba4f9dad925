using System.Globalization;
using Ocop.Web.Features.Certificates;
using Ocop.Web.Features.Documents;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Recognitions;

/// <summary>A recognition decision in the Decree 30/2020 format, with the recognised products in an annex table, from the facts as issued.</summary>
public static class DecisionDocx
{
    public static byte[] Build(DecisionAsIssued decision)
    {
        var issuer = decision.Issuer;
        var count = decision.Certificates.Count.ToString(CultureInfo.InvariantCulture);
        var doc = new OfficialDocx(issuer.Header("Số: " + decision.Number, decision.SignedOn))
            .Title("Quyết định", "Về việc công nhận sản phẩm đạt chuẩn OCOP");
        if (decision.Transcribed)
        {
            // A copy of a paper decision: it must never pass for a document issued by the system.
            doc.Centered($"(Bản chép từ quyết định giấy số {decision.Number} đã ban hành; không phải văn bản do hệ thống ban hành)", bold: false, italic: true);
        }

        doc
            .Centered(issuer.DecidingLine)
            .Paragraph("Căn cứ Luật Tổ chức chính quyền địa phương;", italic: true)
            .Paragraph("Căn cứ quyết định của Thủ tướng Chính phủ ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm thuộc Chương trình Mỗi xã một sản phẩm;", italic: true);
        if (decision.RoundName is not null && decision.RoundLevel is { } level)
        {
            doc.Paragraph($"Căn cứ kết quả đánh giá, phân hạng sản phẩm của Hội đồng {decision.RoundName} ({Display.Name(level).ToLower(Display.Vi)});", italic: true);
        }

        doc.Paragraph("Theo đề nghị của cơ quan thường trực Chương trình OCOP.", italic: true)
            .Centered("QUYẾT ĐỊNH:")
            .Article("Điều 1.", $"Công nhận {count} sản phẩm đạt chuẩn OCOP (có danh sách kèm theo). Giấy chứng nhận có giá trị 36 tháng kể từ ngày ký Quyết định này.")
            .Article("Điều 2.", "Các chủ thể có sản phẩm được công nhận được sử dụng biểu trưng OCOP và hạng sao trên bao bì, nhãn sản phẩm theo quy định; duy trì chất lượng sản phẩm và thực hiện đánh giá lại trước khi giấy chứng nhận hết hiệu lực.")
            .Article("Điều 3.", "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, thủ trưởng các cơ quan, đơn vị có liên quan và các chủ thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.")
            .Signature(issuer.Signature, ["Như Điều 3;", "Lưu: VT."])
            .Centered("DANH SÁCH SẢN PHẨM ĐẠT CHUẨN OCOP")
            .Centered($"(Kèm theo Quyết định số {decision.Number} ngày {Display.Date(decision.SignedOn)} của {issuer.Name})", bold: false, italic: true)
            .Table(["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Hạng sao", "Điểm", "Số giấy chứng nhận"],
                decision.Certificates.Select((x, i) => (IReadOnlyList<string>)[
                    (i + 1).ToString(CultureInfo.InvariantCulture), x.ProductName, x.SubjectName, x.SubjectAddress,
                    x.Stars.ToString(CultureInfo.InvariantCulture) + " sao", CertificateRules.Score(x.ScoreHundredths), x.Number]),
                [1, 5, 5, 5, 2, 2, 3]);
        return doc.ToBytes();
    }
}
