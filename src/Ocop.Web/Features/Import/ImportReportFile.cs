using MiniExcelLibs;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Import;

/// <summary>
/// The uploaded file given back with two columns beside each row: what became of it, and for a refused row, why. The
/// office corrects the refused rows in that copy and imports it again: the rows already written come back unchanged.
/// </summary>
public static class ImportReportFile
{
    public const string Outcome = "Kết quả", Reasons = "Lý do";

    public static byte[] Build(ImportSheet sheet, ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(report);
        var byRow = report.Rows.ToDictionary(r => r.Row);
        var rows = new List<Dictionary<string, object>>(sheet.Rows.Count);
        foreach (var row in sheet.Rows)
        {
            var line = new Dictionary<string, object>(StringComparer.Ordinal);
            for (var i = 0; i < sheet.Headers.Count; i++)
            {
                line[sheet.Headers[i]] = i < row.Cells.Count ? row.Cells[i] : "";
            }

            var result = byRow.GetValueOrDefault(row.Number);
            line[Outcome] = result is null ? "" : Display.Name(result.Status);
            line[Reasons] = result is null ? "" : string.Join("; ", result.Reasons);
            rows.Add(line);
        }

        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows, sheetName: ImportSheet.DataSheet);
        return stream.ToArray();
    }
}
