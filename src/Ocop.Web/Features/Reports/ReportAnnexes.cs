using Ocop.Core.Registry;
using Ocop.Web.Shared;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Ocop.Web.Features.Reports;

/// <summary>The report's XLSX annexes: (1) products with their stars by commune, (2) subjects by commune and legal form.</summary>
public static class ReportAnnexes
{
    public static async Task<MemoryStream> BuildAsync(ReportData data, CancellationToken ct)
    {
        var products = data.ProductsByCommune.Select((r, i) => new Dictionary<string, object?>
        {
            ["STT"] = i + 1,
            ["Xã"] = r.CommuneName,
            ["Sản phẩm"] = r.ProductName,
            ["Chủ thể"] = r.SubjectName,
            ["Mã nhóm"] = r.CategoryCode,
            ["Nhóm sản phẩm"] = r.CategoryName,
            ["Trạng thái"] = Display.Name(r.Status),
            ["Hạng sao"] = r.Stars,
            ["Giấy chứng nhận"] = r.CertificateNumber,
            ["Hết hạn"] = r.ExpiresOn is DateOnly d ? Display.Date(d) : null,
        }).ToList();
        var forms = Display.Values<LegalForm>().ToList();
        var subjects = data.SubjectsByForm.Select(r => Row(r.CommuneName, forms, f => r.Counts.GetValueOrDefault(f), r.Total)).ToList();
        subjects.Add(Row("Tổng cộng", forms, f => data.SubjectsByForm.Sum(r => r.Counts.GetValueOrDefault(f)), data.SubjectsByForm.Sum(r => r.Total)));

        var sheets = new Dictionary<string, object>
        {
            ["PL1 San pham theo xa"] = products.Count > 0 ? products : [Empty("Không có sản phẩm nào trong phạm vi báo cáo.")],
            ["PL2 Chu the theo loai hinh"] = subjects,
        };
        var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheets, cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }

    private static Dictionary<string, object?> Row(string commune, List<LegalForm> forms, Func<LegalForm, int> count, int total)
    {
        var row = new Dictionary<string, object?> { ["Xã"] = commune };
        foreach (var form in forms)
        {
            row[Display.Name(form)] = count(form);
        }

        row["Tổng số"] = total;
        return row;
    }

    private static Dictionary<string, object?> Empty(string note) => new() { ["Ghi chú"] = note };
}
