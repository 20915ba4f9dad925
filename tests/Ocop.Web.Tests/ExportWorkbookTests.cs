using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>
/// Exports open as a spreadsheet a person works in (issue 17): dates are date cells (a number with a date format, not
/// text), numbers are numbers, the sheet is named in Vietnamese with its diacritics, columns have widths, the header row
/// is frozen and carries filters.
/// </summary>
public class ExportWorkbookTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/Products?handler=Export&q=banh+tet", "Sản phẩm OCOP", "Cập nhật", "Mã")]
    [InlineData("/Subjects?handler=Export&q=banh+tet", "Chủ thể OCOP", null, "Số sản phẩm")]
    public async Task The_registry_exports_store_typed_dates_and_numbers_under_a_frozen_filtered_header(
        string url, string sheetName, string? dateHeader, string numberHeader)
    {
        var client = await app.As(Demo.ProgramOffice);
        using var workbook = await OpenAsync(client, url);
        var (sheet, part) = Sheet(workbook, 0);
        Assert.Equal(sheetName, sheet.Name!.Value);

        var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.True(rows.Count > 1);
        var headers = rows[0].Elements<Cell>().Select(c => Text(workbook, c)).ToList();

        if (dateHeader is not null)
        {
            var dates = Column(rows, headers.IndexOf(dateHeader));
            Assert.All(dates, cell =>
            {
                Assert.Null(cell.DataType); // a number, not a string
                Assert.True(IsDateFormat(workbook, cell.StyleIndex!.Value), "the cell's format should be a date format");
                var day = DateTime.FromOADate(double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture));
                Assert.InRange(day, new DateTime(2000, 1, 1), new DateTime(2100, 1, 1));
            });
        }

        Assert.All(Column(rows, headers.IndexOf(numberHeader)), cell =>
        {
            Assert.Null(cell.DataType);
            Assert.True(double.TryParse(cell.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        });

        // Frozen header, filters over every column and row, a width on every column.
        var pane = part.Worksheet.Descendants<Pane>().Single();
        Assert.Equal((1d, "A2", PaneStateValues.Frozen), (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value, pane.State!.Value));
        var filter = part.Worksheet.GetFirstChild<AutoFilter>()!;
        Assert.Equal($"A1:{ColumnLetter(headers.Count)}{rows.Count}", filter.Reference!.Value);
        var widths = part.Worksheet.Descendants<Column>().ToList();
        Assert.Equal(headers.Count, widths.Count);
        Assert.All(widths, w => Assert.True(w.CustomWidth!.Value && w.Width!.Value >= 8));
    }

    [Fact]
    public async Task A_product_s_update_day_in_the_export_is_the_day_the_page_shows()
    {
        var client = await app.As(Demo.ProgramOffice);
        var laCam = await app.ProductIdAsync(Demo.BanhTetLaCam);
        var updated = await app.QueryAsync(db => db.Products.Where(p => p.Id == laCam).Select(p => p.UpdatedAt).SingleAsync());
        using var workbook = await OpenAsync(client, "/Products?handler=Export&q=banh+tet+la+cam");
        var (_, part) = Sheet(workbook, 0);
        var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var headers = rows[0].Elements<Cell>().Select(c => Text(workbook, c)).ToList();
        var row = rows.Skip(1).Single(r => Text(workbook, r.Elements<Cell>().ElementAt(headers.IndexOf("Tên sản phẩm"))) == Demo.BanhTetLaCam);
        var cell = row.Elements<Cell>().Single(c => c.CellReference!.Value!.StartsWith(ColumnLetter(headers.IndexOf("Cập nhật") + 1), StringComparison.Ordinal));
        Assert.Equal(updated.AddHours(7).Date, DateTime.FromOADate(double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)));
    }

    private static async Task<SpreadsheetDocument> OpenAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
    }

    private static (Sheet Sheet, WorksheetPart Part) Sheet(SpreadsheetDocument workbook, int index)
    {
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ElementAt(index);
        return (sheet, (WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!.Value!));
    }

    private static List<Cell> Column(List<Row> rows, int index)
    {
        Assert.True(index >= 0, "the column should exist");
        var letter = ColumnLetter(index + 1);
        return rows.Skip(1)
            .Select(r => r.Elements<Cell>().SingleOrDefault(c => c.CellReference!.Value == letter + r.RowIndex!.Value.ToString(CultureInfo.InvariantCulture)))
            .OfType<Cell>().ToList();
    }

    private static string Text(SpreadsheetDocument workbook, Cell cell) =>
        cell.DataType?.Value == CellValues.SharedString
            ? workbook.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>()
                .ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText
            : cell.InnerText;

    private static bool IsDateFormat(SpreadsheetDocument workbook, uint styleIndex)
    {
        var stylesheet = workbook.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)styleIndex).NumberFormatId!.Value;
        if (format is >= 14 and <= 22)
        {
            return true; // Excel's built-in date formats
        }

        var code = stylesheet.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(n => n.NumberFormatId!.Value == format)?.FormatCode?.Value;
        return code is not null && code.Contains("dd", StringComparison.Ordinal) && code.Contains("yyyy", StringComparison.Ordinal);
    }

    private static string ColumnLetter(int number) => ((char)('A' + number - 1)).ToString();
}
