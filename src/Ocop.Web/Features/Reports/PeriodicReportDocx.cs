using System.Globalization;
using Ocop.Core.Registry;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Reports;

/// <summary>
/// The periodic report (báo cáo định kỳ) as a Word document in the Decree 30/2020 format, drafted from the same
/// figures the screens show, for the office to complete, sign and send.
/// </summary>
public static class PeriodicReportDocx
{
    public static byte[] Build(PeriodicReport report)
    {
        var vi = Display.Vi;
        var data = report.Data;
        var doc = new OfficialDocx(new OfficialHeader(report.ParentIssuer?.ToUpper(vi), report.Issuer.ToUpper(vi), "Số:      /BC-NN", report.Place, report.IssuedOn))
            .Title("BÁO CÁO", $"Kết quả thực hiện {report.PlanTitle} từ ngày {Display.Date(data.From)} đến ngày {Display.Date(data.To)}");
        doc.Paragraph($"Phạm vi: {data.Unit.Name}. Số liệu trích từ hệ thống quản lý OCOP ngày {Display.Date(report.IssuedOn)}; " +
            $"chỉ tiêu tính đến ngày {Display.Date(data.To)}, là số liệu của bảng điều khiển cho cùng kế hoạch, đơn vị và ngày.");

        var section = 0;
        foreach (var part in report.Sections)
        {
            section++;
            doc.Article($"{Roman(section)}.", part.Heading.ToUpper(vi));
            foreach (var paragraph in part.Paragraphs)
            {
                doc.Paragraph(paragraph);
            }

            if (part.Table is { } table)
            {
                doc.Table(table.Headers, table.Rows, table.Weights);
            }
        }

        // The signature lines of the issuing authority (TM., KT.), the name left for the signer to write.
        doc.Signature(new OfficialSignature(null, report.SignerTitle.ToUpper(vi), ""), ["Như trên;", "Lưu: VT."]);
        return doc.ToBytes();
    }

    private static string Roman(int n) => n switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        5 => "V",
        6 => "VI",
        7 => "VII",
        8 => "VIII",
        9 => "IX",
        10 => "X",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>A drafted report: who issues it (the lines of its letterhead, place, and signature lines one per line), and its sections in order.</summary>
public sealed record PeriodicReport(
    ReportData Data, string PlanTitle, string? ParentIssuer, string Issuer, string Place, string SignerTitle, DateOnly IssuedOn, List<ReportSection> Sections);

public sealed record ReportSection(string Heading, List<string> Paragraphs, ReportTable? Table = null);

public sealed record ReportTable(IReadOnlyList<string> Headers, List<IReadOnlyList<string>> Rows, IReadOnlyList<int>? Weights = null);

/// <summary>The sections every report has, from the registry and the recognitions.</summary>
public static class RecognitionSections
{
    public static ReportSection Recognised(ReportData data)
    {
        var rows = data.RecognisedInPeriod;
        var byStar = rows.GroupBy(r => r.Stars).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} sản phẩm {g.Key} sao").ToList();
        var summary = rows.Count == 0
            ? "Trong kỳ không có sản phẩm nào được công nhận."
            : $"Trong kỳ có {rows.Count} sản phẩm được công nhận ({string.Join(", ", byStar)}).";
        return new ReportSection("Sản phẩm được công nhận trong kỳ", [summary], rows.Count == 0 ? null : new ReportTable(
            ["STT", "Sản phẩm", "Chủ thể", "Xã", "Hạng", "Quyết định", "Giấy chứng nhận", "Ngày cấp"],
            rows.Select((r, i) => (IReadOnlyList<string>)[(i + 1).ToString(Display.Vi), r.ProductName, r.SubjectName, r.CommuneName,
                $"{r.Stars}★", r.DecisionNumber, r.CertificateNumber, Display.Date(r.IssuedOn)]).ToList(),
            [5, 20, 18, 12, 6, 14, 15, 10]));
    }

    public static ReportSection Expiring(ReportData data)
    {
        var paragraphs = new List<string>
        {
            data.ExpiredInPeriod.Count == 0
                ? "Trong kỳ không có giấy chứng nhận nào hết hạn."
                : $"Trong kỳ có {data.ExpiredInPeriod.Count} giấy chứng nhận hết thời hạn 36 tháng.",
            data.ExpiringAfterPeriod.Count == 0
                ? $"Không có giấy chứng nhận nào hết hạn trong {ReportData.ExpiringWithinDays} ngày sau kỳ báo cáo."
                : $"Có {data.ExpiringAfterPeriod.Count} giấy chứng nhận hết hạn trong {ReportData.ExpiringWithinDays} ngày sau kỳ báo cáo; chủ thể cần nộp hồ sơ đánh giá lại đúng hạn.",
        };
        var rows = data.ExpiredInPeriod.Concat(data.ExpiringAfterPeriod).ToList();
        return new ReportSection("Sản phẩm hết hạn và sắp hết hạn công nhận", paragraphs, rows.Count == 0 ? null : new ReportTable(
            ["STT", "Sản phẩm", "Chủ thể", "Xã", "Hạng", "Giấy chứng nhận", "Hết hạn", "Tình trạng cuối kỳ"],
            rows.Select((r, i) => (IReadOnlyList<string>)[(i + 1).ToString(Display.Vi), r.ProductName, r.SubjectName, r.CommuneName,
                $"{r.Stars}★", r.CertificateNumber, Display.Date(r.ExpiresOn), Display.Name(r.StateAtEnd)]).ToList(),
            [5, 20, 18, 12, 6, 15, 10, 14]));
    }

    public static ReportSection Subjects(ReportData data)
    {
        var forms = Display.Values<LegalForm>().ToList();
        var total = data.SubjectsByForm.Sum(r => r.Total);
        var cooperative = data.SubjectsByForm.Sum(r => r.Counts.GetValueOrDefault(LegalForm.Cooperative) + r.Counts.GetValueOrDefault(LegalForm.CooperativeGroup));
        var share = total == 0 ? "—" : (100m * cooperative / total).ToString("0.#", Display.Vi) + " %";
        return new ReportSection("Chủ thể OCOP theo loại hình",
            [$"Có {Display.Number(total)} chủ thể đang hoạt động; hợp tác xã và tổ hợp tác chiếm {share}. Chi tiết theo xã ở Phụ lục 2."],
            new ReportTable(["Loại hình", "Số chủ thể"],
                forms.Select(f => (IReadOnlyList<string>)[Display.Name(f), Display.Number(data.SubjectsByForm.Sum(r => r.Counts.GetValueOrDefault(f)))])
                    .Append(["Tổng cộng", Display.Number(total)]).ToList(),
                [70, 30]));
    }
}
