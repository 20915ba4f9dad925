using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Certificates;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Recognitions;

/// <summary>A recognition decision with its certificates, and its draft in the administrative format as DOCX.</summary>
public sealed class DetailsModel(OcopDbContext db, TimeProvider clock) : PageModel
{
    public Recognition Recognition { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(int CertificateId, string Number, int ProductId, string ProductName, string SubjectName, string CommuneName,
        int Stars, int? ScoreHundredths, DateOnly ExpiresOn, CertificateState State);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The decision as a Word draft (Decree 30/2020), with the recognised products in an annex table.</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var r = Recognition;
        var count = Rows.Count.ToString(CultureInfo.InvariantCulture);
        var authority = r.Issuer.StartsWith("UBND ", StringComparison.OrdinalIgnoreCase)
            ? "ỦY BAN NHÂN DÂN " + r.Issuer[5..]
            : r.Issuer;
        var doc = new OfficialDocx(new OfficialHeader(null, r.Issuer.ToUpper(Display.Vi), "Số: " + r.DecisionNumber, "Châu Thành", r.SignedOn))
            .Title("Quyết định", "Về việc công nhận sản phẩm đạt chuẩn OCOP")
            .Centered(r.SignerTitle.ToUpper(Display.Vi) + " " + authority.ToUpper(Display.Vi))
            .Paragraph("Căn cứ Luật Tổ chức chính quyền địa phương;", italic: true)
            .Paragraph("Căn cứ quyết định của Thủ tướng Chính phủ ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm thuộc Chương trình Mỗi xã một sản phẩm;", italic: true);
        if (r.Round is not null)
        {
            doc.Paragraph($"Căn cứ kết quả đánh giá, phân hạng sản phẩm của Hội đồng {r.Round.Name} ({Display.Name(r.Level).ToLower(Display.Vi)});", italic: true);
        }

        doc.Paragraph("Theo đề nghị của cơ quan thường trực Chương trình OCOP.", italic: true)
            .Centered("QUYẾT ĐỊNH:")
            .Article("Điều 1.", $"Công nhận {count} sản phẩm đạt chuẩn OCOP (có danh sách kèm theo). Giấy chứng nhận có giá trị 36 tháng kể từ ngày ký Quyết định này.")
            .Article("Điều 2.", "Các chủ thể có sản phẩm được công nhận được sử dụng biểu trưng OCOP và hạng sao trên bao bì, nhãn sản phẩm theo quy định; duy trì chất lượng sản phẩm và thực hiện đánh giá lại trước khi giấy chứng nhận hết hiệu lực.")
            .Article("Điều 3.", "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, thủ trưởng các cơ quan, đơn vị có liên quan và các chủ thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.")
            .Signature(new OfficialSignature(null, r.SignerTitle.ToUpper(Display.Vi), r.Signer), ["Như Điều 3;", "Lưu: VT."])
            .Centered("DANH SÁCH SẢN PHẨM ĐẠT CHUẨN OCOP")
            .Centered($"(Kèm theo Quyết định số {r.DecisionNumber} ngày {Display.Date(r.SignedOn)})", bold: false, italic: true)
            .Table(["STT", "Tên sản phẩm", "Chủ thể", "Xã", "Hạng sao", "Điểm", "Số giấy chứng nhận"],
                Rows.Select((x, i) => (IReadOnlyList<string>)[
                    (i + 1).ToString(CultureInfo.InvariantCulture), x.ProductName, x.SubjectName, x.CommuneName,
                    x.Stars.ToString(CultureInfo.InvariantCulture) + " sao", CertificateRules.Score(x.ScoreHundredths), x.Number]),
                [1, 5, 5, 3, 2, 2, 3]);
        var name = "quyet-dinh-cong-nhan-" + r.Id.ToString(CultureInfo.InvariantCulture) + ".docx";
        return File(doc.ToBytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var recognition = await db.Recognitions.AsNoTracking().Include(r => r.Round).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (recognition is null)
        {
            return false;
        }

        Recognition = recognition;
        var rules = new CertificateRules(db, clock);
        var catalog = await rules.ProcessesAsync(ct);
        var certificates = await db.Certificates.AsNoTracking().Include(c => c.Product!).ThenInclude(p => p.Subject)
            .Include(c => c.Product!).ThenInclude(p => p.Commune)
            .Where(c => c.RecognitionId == id).OrderBy(c => c.Number).ToListAsync(ct);
        Rows = certificates.Select(c => new Row(c.Id, c.Number, c.ProductId, c.Product!.Name, c.Product.Subject!.Name, c.Product.Commune!.Name,
            c.Stars, c.ScoreHundredths, c.ExpiresOn, CertificateRules.StateOn(c, rules.Today, catalog).State)).ToList();
        return true;
    }
}
