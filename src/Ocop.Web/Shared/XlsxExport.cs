using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ocop.Web.Shared;

/// <summary>How a column's cells are stored: text, or a number or date Excel can sort, filter and add up.</summary>
public enum XlsxKind
{
    Text,
    /// <summary>A whole number shown as written (no thousands separator): ids, years, stars.</summary>
    Whole,
    /// <summary>A quantity grouped by thousands in Excel's own format (#,##0; the reader's Excel shows its separators).</summary>
    Grouped,
    /// <summary>An amount with two decimals (#,##0.00).</summary>
    Amount,
    /// <summary>A calendar day, stored as Excel's date serial and shown dd/mm/yyyy.</summary>
    Date,
}

/// <summary>One column of an exported sheet: its header, width in characters and kind.</summary>
public sealed record XlsxColumn(string Header, double Width, XlsxKind Kind = XlsxKind.Text);

/// <summary>One sheet: its Vietnamese name (with diacritics), its columns and its rows (one value per column).</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<XlsxColumn> Columns, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// The app's spreadsheets as a person at an office expects them: dates and numbers stored typed (a date is a date cell,
/// not text that looks like one), Vietnamese sheet names with their diacritics, set column widths, a bold header row
/// that stays in view (frozen) and carries filters. Written with the Open XML SDK so that every part is under our control.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint HeaderStyle = 1, DateStyle = 2, NumberStyle = 3, DecimalStyle = 4, IntegerStyle = 5;
    private const uint DateFormatId = 164;

    public static MemoryStream Write(params IReadOnlyList<XlsxSheet> sheets)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            AddStyles(workbookPart);
            var strings = new SharedStrings(workbookPart);
            var sheetList = new Sheets();
            var definedNames = new DefinedNames();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < sheets.Count; i++)
            {
                var name = UniqueName(SheetName(sheets[i].Name), names);
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var lastRow = WriteSheet(part, sheets[i], strings);
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = name });
                definedNames.Append(new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${ColumnName(sheets[i].Columns.Count)}${lastRow}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = (uint)i,
                    Hidden = true,
                });
            }

            workbookPart.Workbook.Append(sheetList, definedNames);
            strings.Save();
            workbookPart.Workbook.Save();
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>
    /// A name Excel accepts, diacritics kept: without : \ / ? * [ ], at most 31 characters, cut at a word where it can be.
    /// </summary>
    public static string SheetName(string name)
    {
        var cleaned = new string(name.Select(c => ":\\/?*[]".Contains(c, StringComparison.Ordinal) ? ' ' : c).ToArray()).Trim().Trim('\'');
        cleaned = string.Join(' ', cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd(',', ';', ' ');
        if (cleaned.Length == 0)
        {
            return "Trang tính";
        }

        if (cleaned.Length <= 31)
        {
            return cleaned;
        }

        var cut = cleaned.LastIndexOf(' ', 31);
        return cleaned[..(cut > 10 ? cut : 31)].TrimEnd(',', ';', ' ', '–', '-');
    }

    private static string UniqueName(string name, HashSet<string> taken)
    {
        var unique = name;
        for (var n = 2; !taken.Add(unique); n++)
        {
            var suffix = " (" + n.ToString(CultureInfo.InvariantCulture) + ")";
            unique = name[..Math.Min(name.Length, 31 - suffix.Length)] + suffix;
        }

        return unique;
    }

    private static uint WriteSheet(WorksheetPart part, XlsxSheet sheet, SharedStrings strings)
    {
        var columns = sheet.Columns;
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < columns.Count; c++)
        {
            header.Append(TextCell(c, 1, columns[c].Header, strings, HeaderStyle));
        }

        data.Append(header);
        uint rowIndex = 1;
        foreach (var values in sheet.Rows)
        {
            rowIndex++;
            var row = new Row { RowIndex = rowIndex };
            for (var c = 0; c < columns.Count && c < values.Count; c++)
            {
                if (Cell(c, rowIndex, columns[c].Kind, values[c], strings) is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        var cols = new Columns(columns.Select((column, c) => new Column
        {
            Min = (uint)(c + 1),
            Max = (uint)(c + 1),
            Width = column.Width,
            CustomWidth = true,
        }));
        var views = new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            WorkbookViewId = 0,
        });
        part.Worksheet = new Worksheet(views, cols, data,
            new AutoFilter { Reference = $"A1:{ColumnName(Math.Max(1, columns.Count))}{rowIndex}" });
        part.Worksheet.Save();
        return rowIndex;
    }

    private static Cell? Cell(int column, uint row, XlsxKind kind, object? value, SharedStrings strings)
    {
        var reference = ColumnName(column + 1) + row.ToString(CultureInfo.InvariantCulture);
        switch (value)
        {
            case null:
                return null;
            case string text:
                return text.Length == 0 ? null : TextCell(column, row, text, strings, 0);
            case DateOnly date:
                return NumberCell(reference, date.ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle);
            case DateTime dateTime:
                // Stored instants are UTC; the sheet shows the Vietnamese calendar day, as the pages do.
                return NumberCell(reference, DateOnly.FromDateTime(dateTime.AddHours(7)).ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle);
            case bool flag:
                return TextCell(column, row, Display.YesNo(flag), strings, 0);
            case Enum member:
                return TextCell(column, row, member.GetType().GetField(member.ToString())?
                    .GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.DisplayAttribute), false)
                    .OfType<System.ComponentModel.DataAnnotations.DisplayAttribute>().FirstOrDefault()?.Name ?? member.ToString(), strings, 0);
            case int or long or short or decimal or double or float:
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return NumberCell(reference, number, kind switch
                {
                    XlsxKind.Grouped => NumberStyle,
                    XlsxKind.Amount => DecimalStyle,
                    _ => IntegerStyle,
                });
            default:
                return TextCell(column, row, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", strings, 0);
        }
    }

    private static Cell NumberCell(string reference, double value, uint style) => new()
    {
        CellReference = reference,
        StyleIndex = style,
        CellValue = new CellValue(value),
    };

    private static Cell TextCell(int column, uint row, string text, SharedStrings strings, uint style) => new()
    {
        CellReference = ColumnName(column + 1) + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.SharedString,
        CellValue = new CellValue(strings.Index(text)),
        StyleIndex = style == 0 ? null : style,
    };

    /// <summary>1 → A, 27 → AA.</summary>
    private static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
            { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
            { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellFormats(
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
                new CellFormat { FontId = 1, FillId = 0, BorderId = 0, NumberFormatId = 0, ApplyFont = true },
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = DateFormatId, ApplyNumberFormat = true },
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 3, ApplyNumberFormat = true },
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 4, ApplyNumberFormat = true },
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 1, ApplyNumberFormat = true })
            { Count = 6 });
        styles.Stylesheet.Save();
    }

    /// <summary>The workbook's shared string table: each distinct text stored once.</summary>
    private sealed class SharedStrings(WorkbookPart workbookPart)
    {
        private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);
        private readonly SharedStringTable table = new();

        public int Index(string text)
        {
            if (!indexes.TryGetValue(text, out var index))
            {
                index = indexes.Count;
                indexes[text] = index;
                table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }

            return index;
        }

        public void Save()
        {
            var part = workbookPart.AddNewPart<SharedStringTablePart>();
            table.Count = (uint)indexes.Count;
            table.UniqueCount = (uint)indexes.Count;
            part.SharedStringTable = table;
            part.SharedStringTable.Save();
        }
    }
}
