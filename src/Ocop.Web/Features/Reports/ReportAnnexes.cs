using Ocop.Core.Registry;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Reports;

/// <summary>The report's XLSX annexes: (1) products with their stars by commune, (2) subjects by commune and legal form.</summary>
public static class ReportAnnexes
{
    public static Task<MemoryStream> BuildAsync(ReportData data, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        XlsxColumn[] productColumns =
        [
            new("STT", 6, XlsxKind.Whole), new("Xã", 24), new("Sản phẩm", 40), new("Chủ thể", 36), new("Mã nhóm", 10),
            new("Nhóm sản phẩm", 36), new("Trạng thái", 16), new("Hạng sao", 10, XlsxKind.Whole), new("Giấy chứng nhận", 24),
            new("Hết hạn", 12, XlsxKind.Date),
        ];
        var products = data.ProductsByCommune.Select((r, i) => (IReadOnlyList<object?>)
        [
            i + 1, r.CommuneName, r.ProductName, r.SubjectName, r.CategoryCode, r.CategoryName, Display.Name(r.Status), r.Stars,
            r.CertificateNumber, r.ExpiresOn,
        ]);
        var forms = Display.Values<LegalForm>().ToList();
        XlsxColumn[] subjectColumns =
        [
            new("Xã", 28), .. forms.Select(f => new XlsxColumn(Display.Name(f), 14, XlsxKind.Grouped)), new("Tổng số", 12, XlsxKind.Grouped),
        ];
        var subjects = data.SubjectsByForm.Select(r => Row(r.CommuneName, forms, f => r.Counts.GetValueOrDefault(f), r.Total)).ToList();
        subjects.Add(Row("Tổng cộng", forms, f => data.SubjectsByForm.Sum(r => r.Counts.GetValueOrDefault(f)), data.SubjectsByForm.Sum(r => r.Total)));

        return Task.FromResult(XlsxExport.Write(
            new XlsxSheet(ProductsSheet, productColumns, products),
            new XlsxSheet(SubjectsSheet, subjectColumns, subjects)));
    }

    public const string ProductsSheet = "PL1 Sản phẩm theo xã";
    public const string SubjectsSheet = "PL2 Chủ thể theo loại hình";

    private static IReadOnlyList<object?> Row(string commune, List<LegalForm> forms, Func<LegalForm, int> count, int total) =>
        [commune, .. forms.Select(f => (object?)count(f)), total];
}
