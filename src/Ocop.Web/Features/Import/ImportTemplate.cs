using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Ocop.Core.Planning;
using Ocop.Core.Registry;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Import;

/// <summary>
/// The XLSX template of a kind: the data sheet with its Vietnamese headers ("*" marks a required column) and drop-down
/// lists, a sheet of the lists (legal forms, product groups, statuses, channels, support kinds, and the communes the
/// user reaches — today's and the former ones, with code, district and dates), and a sheet of hints per column.
/// A commune or group cell accepts what the list does not offer (an old spelling, a code): the import reads those too.
/// </summary>
public static class ImportTemplate
{
    public const string LegalForms = "Loại hình", Communes = "Xã, phường", Groups = "Nhóm sản phẩm", Statuses = "Trạng thái",
        SalesChannelList = "Kênh bán hàng", StandardList = "Tiêu chuẩn", SupportKinds = "Loại hỗ trợ", Levels = "Cấp công nhận",
        FundingSources = "Nguồn kinh phí";

    public const string ListSheet = "Danh mục", HintSheet = "Hướng dẫn";

    public static byte[] Build(IRowImporter importer, UnitDirectory.Snapshot units, UserScope scope, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(scope);
        var lists = Lists(units, scope, today);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var data = AddSheet(workbook, ImportSheet.DataSheet, 1);
            var listed = AddSheet(workbook, ListSheet, 2);
            var hints = AddSheet(workbook, HintSheet, 3);

            var columns = importer.Columns;
            var headerRow = new Row { RowIndex = 1 };
            headerRow.Append(columns.Select((c, i) => TextCell(i, 1, c.Required ? c.Header + " *" : c.Header)));
            var listOrder = columns.Where(c => c.List is not null).Select(c => c.List!).Distinct().ToList();
            if (listOrder.Remove(Communes))
            {
                listOrder.Add(Communes); // the communes' extra columns come last
            }

            var listColumn = new Dictionary<string, (int Column, int Count)>(StringComparer.Ordinal);
            var listRows = new SortedDictionary<int, Row>();
            var next = 0;
            foreach (var name in listOrder)
            {
                var values = lists[name];
                listColumn[name] = (next, values.Count);
                PutColumn(listRows, next, name, values.Select(v => v[0]).ToList());
                if (name == Communes)
                {
                    PutColumn(listRows, next + 1, "Mã", values.Select(v => v[1]).ToList());
                    PutColumn(listRows, next + 2, "Thuộc", values.Select(v => v[2]).ToList());
                    PutColumn(listRows, next + 3, "Hiệu lực", values.Select(v => v[3]).ToList());
                    next += 3;
                }

                next++;
            }

            var validations = new DataValidations();
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].List is not string list || listColumn[list].Count == 0)
                {
                    continue;
                }

                var (column, count) = listColumn[list];
                var letter = ColumnName(column);
                // Strict only for short closed lists; communes and groups also take old names and codes.
                var strict = list is LegalForms or Statuses or SupportKinds or Levels or FundingSources;
                validations.Append(new DataValidation
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = strict,
                    ErrorTitle = strict ? "Không có trong danh mục" : null,
                    Error = strict ? $"Chọn một giá trị trong danh sách {list}." : null,
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{ColumnName(i)}2:{ColumnName(i)}5001" },
                    Formula1 = new Formula1($"'{ListSheet}'!${letter}$2:${letter}${count + 1}"),
                });
            }

            validations.Count = (uint)validations.ChildElements.Count;
            data.Worksheet = new Worksheet(Widths(columns.Count, 24), new SheetData(headerRow));
            if (validations.Count > 0)
            {
                data.Worksheet.Append(validations);
            }

            listed.Worksheet = new Worksheet(Widths(next, 30), new SheetData(listRows.Values));
            var hintRows = new SheetData(new Row(TextCell(0, 1, "Cột"), TextCell(1, 1, "Bắt buộc"), TextCell(2, 1, "Cách ghi")) { RowIndex = 1 });
            for (var i = 0; i < columns.Count; i++)
            {
                var r = (uint)(i + 2);
                hintRows.Append(new Row(TextCell(0, r, columns[i].Header), TextCell(1, r, columns[i].Required ? "Có" : ""), TextCell(2, r, columns[i].Hint)) { RowIndex = r });
            }

            hints.Worksheet = new Worksheet(Widths(3, 45), hintRows);
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Every list a template may offer; a commune is [name, code, district and province, validity].</summary>
    private static Dictionary<string, List<string[]>> Lists(UnitDirectory.Snapshot units, UserScope scope, DateOnly today)
    {
        IEnumerable<int> reach = scope.ReachesEveryUnit || scope.CoversEveryCommune ? units.HomeCommunes ?? units.Communes : scope.CommuneIds;
        var communes = reach.Select(id => units.ById.GetValueOrDefault(id)).OfType<UnitEntry>()
            .Where(u => u.Level == UnitLevel.Commune)
            .OrderBy(u => u.ValidTo is null ? 0 : 1).ThenBy(u => units.Describe(u), StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal)
            .Select(u => new[]
            {
                u.Name, u.Code, string.Join(", ", Ancestors(units, u)),
                u.ValidTo is DateOnly to ? $"{Display.Date(u.ValidFrom)} – {Display.Date(to)} (nay: {units.CurrentOn(u, today).Name})" : $"từ {Display.Date(u.ValidFrom)}",
            })
            .ToList();
        return new Dictionary<string, List<string[]>>(StringComparer.Ordinal)
        {
            [LegalForms] = Names<LegalForm>(),
            [Communes] = communes,
            [Groups] = units.Categories.Where(c => c.ProductSet is not null).OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new[] { c.Code }).ToList(),
            [Statuses] = Names<ProductStatus>().Where(n => n[0] != Display.Name(ProductStatus.Archived)).ToList(),
            [SalesChannelList] = Names<SalesChannels>().Where(n => n[0] != Display.Name(SalesChannels.None)).ToList(),
            [StandardList] = Names<ProductStandards>().Where(n => n[0] != Display.Name(ProductStandards.None)).ToList(),
            [SupportKinds] = Names<SupportKind>(),
            [FundingSources] = Names<Core.Support.FundingSource>(),
            [Levels] = [["Cấp tỉnh"], ["Cấp huyện"], ["Cấp trung ương"]],
        };
    }

    private static IEnumerable<string> Ancestors(UnitDirectory.Snapshot units, UnitEntry unit)
    {
        for (var u = units.Parent(unit); u is not null; u = units.Parent(u))
        {
            yield return u.Name;
        }
    }

    private static List<string[]> Names<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new[] { Display.Name(v) }).ToList();

    private static WorksheetPart AddSheet(WorkbookPart workbook, string name, uint id)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
        return part;
    }

    private static void PutColumn(SortedDictionary<int, Row> rows, int column, string header, List<string> values)
    {
        for (var i = 0; i <= values.Count; i++)
        {
            if (!rows.TryGetValue(i + 1, out var row))
            {
                row = new Row { RowIndex = (uint)(i + 1) };
                rows[i + 1] = row;
            }

            row.Append(TextCell(column, (uint)(i + 1), i == 0 ? header : values[i - 1]));
        }
    }

    private static Columns Widths(int count, double width) =>
        new(Enumerable.Range(1, Math.Max(1, count)).Select(i => new Column { Min = (uint)i, Max = (uint)i, Width = width, CustomWidth = true }));

    private static Cell TextCell(int column, uint row, string text) => new()
    {
        CellReference = ColumnName(column) + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text)),
    };

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }
}
