using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Ocop.Web.Shared;

namespace Ocop.Web.Tests;

public class OfficialDocxTests
{
    private static byte[] Sample() =>
        new OfficialDocx(new OfficialHeader("UBND TỈNH TRÀ VINH", "UBND HUYỆN CHÂU THÀNH", "Số: 15/QĐ-UBND", "Châu Thành", new DateOnly(2024, 2, 5)))
            .Title("Quyết định", "Về việc công nhận sản phẩm đạt chuẩn OCOP")
            .Article("Điều 1.", "Công nhận 2 sản phẩm đạt chuẩn OCOP.")
            .Table(["STT", "Sản phẩm", "Hạng sao"], [["1", "Gạo hữu cơ Long Hòa – Hòa Minh", "4 sao"]], [1, 6, 2])
            .Signature(new OfficialSignature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Kim Văn Sơn"), ["Như Điều 3;", "Lưu: VT."])
            .ToBytes();

    [Fact]
    public void Opens_in_Word_format_with_the_national_header_title_and_table()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Sample()), false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
        Assert.Contains("Châu Thành, ngày 05 tháng 02 năm 2024", text, StringComparison.Ordinal);
        Assert.Contains("QUYẾT ĐỊNH", text, StringComparison.Ordinal);
        Assert.Contains("Gạo hữu cơ Long Hòa – Hòa Minh", text, StringComparison.Ordinal);
        Assert.Contains("Kim Văn Sơn", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_is_A4_with_Decree_30_margins_and_Times_New_Roman()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Sample()), false);
        var section = document.MainDocumentPart!.Document.Body!.GetFirstChild<SectionProperties>()!;
        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal(11906u, size.Width!.Value);
        Assert.Equal(16838u, size.Height!.Value);
        Assert.InRange(margin.Left!.Value / 56.7, 29.5, 35.5);
        Assert.InRange(margin.Right!.Value / 56.7, 14.5, 20.5);
        Assert.All(document.MainDocumentPart.Document.Descendants<RunFonts>(), f => Assert.Equal("Times New Roman", f.Ascii!.Value));
    }

    [Theory]
    [InlineData(2024, 2, 5, "ngày 05 tháng 02 năm 2024")]
    [InlineData(2024, 3, 15, "ngày 15 tháng 3 năm 2024")]
    [InlineData(2025, 12, 1, "ngày 01 tháng 12 năm 2025")]
    public void Date_line_pads_days_below_10_and_months_below_3(int y, int m, int d, string expected) =>
        Assert.EndsWith(expected, OfficialDocx.DateLine("Châu Thành", new DateOnly(y, m, d)), StringComparison.Ordinal);
}
