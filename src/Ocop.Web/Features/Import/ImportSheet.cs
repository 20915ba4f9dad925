using System.Globalization;
using MiniExcelLibs;
using Ocop.Core.Text;

namespace Ocop.Web.Features.Import;

/// <summary>
/// The rows of an uploaded XLSX as text, read by header: the template's data sheet ("Dữ liệu") or else the first
/// sheet. Headers are matched without diacritics, case or the "*" that marks a required column, so a list typed by
/// hand with the same headers reads as well as the template. Cells become text: a date cell "yyyy-MM-dd", a number
/// without a thousands separator.
/// </summary>
public sealed class ImportSheet
{
    public const string DataSheet = "Dữ liệu";
    /// <summary>A file larger than this is refused before it is read: 20,000 rows of a list are far below it.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int MaxRows = 20_000;

    private ImportSheet(IReadOnlyList<string> headers, IReadOnlyList<ImportRow> rows)
    {
        Headers = headers;
        Rows = rows;
    }

    public IReadOnlyList<string> Headers { get; }
    public IReadOnlyList<ImportRow> Rows { get; }

    /// <summary>The sheet, or the reason it cannot be read (in Vietnamese).</summary>
    public static (ImportSheet? Sheet, string? Problem) Read(Stream xlsx)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        try
        {
            var names = MiniExcel.GetSheetNames(xlsx);
            xlsx.Position = 0;
            var sheet = names.FirstOrDefault(n => HeaderKey(n) == HeaderKey(DataSheet)) ?? names.FirstOrDefault();
            var read = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>();
            var rows = new List<ImportRow>();
            IReadOnlyList<string>? headers = null;
            var number = 1;
            foreach (var cells in read)
            {
                number++;
                headers ??= cells.Keys.ToList();
                var values = cells.ToDictionary(c => HeaderKey(c.Key), c => Text(c.Value), StringComparer.Ordinal);
                if (values.Values.All(v => v.Length == 0))
                {
                    continue; // an empty line between rows
                }

                if (rows.Count == MaxRows)
                {
                    return (null, $"Tệp có hơn {MaxRows:N0} dòng: chia thành nhiều tệp.".Replace(",", ".", StringComparison.Ordinal));
                }

                rows.Add(new ImportRow(number, values, cells.Values.Select(Text).ToList()));
            }

            return headers is null ? (null, "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.") : (new ImportSheet(headers, rows), null);
        }
        // Whatever a damaged or foreign file makes the reader throw, the answer to the office is the same.
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return (null, "Không đọc được tệp: cần một tệp Excel .xlsx (tải mẫu về rồi điền vào).");
        }
    }

    /// <summary>"Tên sản phẩm *" → "ten san pham".</summary>
    public static string HeaderKey(string? header) => VietnameseText.Fold(header?.Replace("*", "", StringComparison.Ordinal));

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double n => n.ToString("0.############", CultureInfo.InvariantCulture),
        decimal n => n.ToString("0.############", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? "",
    };
}

/// <summary>One row of a sheet: its number, its cells by header key, and its cells as they were (for the copy with reasons).</summary>
public sealed class ImportRow(int number, IReadOnlyDictionary<string, string> values, IReadOnlyList<string> cells)
{
    public int Number { get; } = number;
    public IReadOnlyList<string> Cells { get; } = cells;

    /// <summary>The cell under a header, trimmed; empty when the column or the value is missing.</summary>
    public string this[string header] => values.GetValueOrDefault(ImportSheet.HeaderKey(header))?.Trim() ?? "";
}
