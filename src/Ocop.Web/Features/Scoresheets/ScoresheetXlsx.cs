using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using Ocop.Core.Evaluation;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>
/// A scoresheet as a workbook people can read and edit: the sheet "Phiếu chấm" has one row per option (a criterion
/// without options, a group without criteria get one row of their own) with every level's code, text, maximum and
/// remarks repeated on each row; "Thông tin" holds the set, the effective date, the provenance and the rejection
/// rules; "Thiếu sót" the known gaps; "Đính chính" the corrections of the printed text, when there are any. Reading it
/// back gives the same definition; a bad file gives row-numbered errors. Workbooks written before the sheets had their
/// Vietnamese names ("Phieu cham", "Thong tin", "Thieu sot", "Dinh chinh") are read as well.
/// </summary>
public static class ScoresheetXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    // Sheet names as Excel allows them: at most 31 characters, none of [ ] : * ? / \ (checked by the tests).
    public const string RowsSheet = "Phiếu chấm";
    public const string InfoSheet = "Thông tin";
    public const string GapsSheet = "Thiếu sót";
    public const string CorrectionsSheet = "Đính chính";

    /// <summary>The diacritic-free names the sheets had in workbooks exported before; such files still import.</summary>
    public static readonly IReadOnlyDictionary<string, string> FormerSheetNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RowsSheet] = "Phieu cham",
        [InfoSheet] = "Thong tin",
        [GapsSheet] = "Thieu sot",
        [CorrectionsSheet] = "Dinh chinh",
    };

    private const string KeyBasis = "Căn cứ pháp lý";
    private const string KeySet = "Bộ sản phẩm số";
    private const string KeySetCode = "Mã bộ sản phẩm";
    private const string KeySetName = "Tên bộ sản phẩm";
    private const string KeyVersion = "Phiên bản";
    private const string KeyEffective = "Hiệu lực từ";
    private const string KeyProvenance = "Nguồn dữ liệu";
    private const string KeyRejection = "Hồ sơ bị loại khi";

    public sealed class OptionRow
    {
        [ExcelColumnName("Phần")] public string? Part { get; set; }
        [ExcelColumnName("Tên phần")] public string? PartName { get; set; }
        [ExcelColumnName("Điểm phần")] public decimal? PartMax { get; set; }
        [ExcelColumnName("Ghi chú nguồn (phần)")] public string? PartRemark { get; set; }
        [ExcelColumnName("Nhóm")] public string? Group { get; set; }
        [ExcelColumnName("Tên nhóm")] public string? GroupName { get; set; }
        [ExcelColumnName("Điểm nhóm")] public decimal? GroupMax { get; set; }
        [ExcelColumnName("Chọn một trường hợp")] public string? ChooseOne { get; set; }
        [ExcelColumnName("Hướng dẫn (nhóm)")] public string? GroupNote { get; set; }
        [ExcelColumnName("Ghi chú nguồn (nhóm)")] public string? GroupRemark { get; set; }
        [ExcelColumnName("Tiêu chí")] public string? Criterion { get; set; }
        [ExcelColumnName("Nội dung tiêu chí")] public string? CriterionText { get; set; }
        [ExcelColumnName("Điểm tiêu chí")] public decimal? CriterionMax { get; set; }
        [ExcelColumnName("Bắt buộc từ sao (tiêu chí)")] public int? CriterionStar { get; set; }
        [ExcelColumnName("Hướng dẫn (tiêu chí)")] public string? CriterionNote { get; set; }
        [ExcelColumnName("Ghi chú nguồn (tiêu chí)")] public string? CriterionRemark { get; set; }
        [ExcelColumnName("Tiêu chí con")] public string? Sub { get; set; }
        [ExcelColumnName("Nội dung tiêu chí con")] public string? SubText { get; set; }
        [ExcelColumnName("Điểm tiêu chí con")] public decimal? SubMax { get; set; }
        [ExcelColumnName("Bắt buộc từ sao (tiêu chí con)")] public int? SubStar { get; set; }
        [ExcelColumnName("Hướng dẫn (tiêu chí con)")] public string? SubNote { get; set; }
        [ExcelColumnName("Ghi chú nguồn (tiêu chí con)")] public string? SubRemark { get; set; }
        [ExcelColumnName("Phương án")] public int? Option { get; set; }
        [ExcelColumnName("Nội dung phương án")] public string? OptionText { get; set; }
        [ExcelColumnName("Điểm")] public decimal? Points { get; set; }
        [ExcelColumnName("Sao tối thiểu")] public int? Star { get; set; }
    }

    public sealed class InfoRow
    {
        [ExcelColumnName("Mục")] public string? Key { get; set; }
        [ExcelColumnName("Giá trị")] public string? Value { get; set; }
    }

    public sealed class GapRow
    {
        [ExcelColumnName("Mức")] public string? Severity { get; set; }
        [ExcelColumnName("Loại")] public string? Kind { get; set; }
        [ExcelColumnName("Vị trí")] public string? Location { get; set; }
        [ExcelColumnName("Nội dung")] public string? Message { get; set; }
    }

    public sealed class CorrectionRow
    {
        [ExcelColumnName("Vị trí")] public string? Location { get; set; }
        [ExcelColumnName("Tiêu chí")] public string? Criterion { get; set; }
        [ExcelColumnName("Phương án")] public string? Option { get; set; }
        [ExcelColumnName("Bản in")] public string? Printed { get; set; }
        [ExcelColumnName("Dùng")] public string? Used { get; set; }
        [ExcelColumnName("Lý do")] public string? Reason { get; set; }
    }

    public static byte[] Write(Scoresheet sheet)
    {
        var info = new List<InfoRow>
        {
            new() { Key = KeyBasis, Value = sheet.LegalBasisCode },
            new() { Key = KeySet, Value = sheet.ProductSetNumber.ToString(CultureInfo.InvariantCulture) },
            new() { Key = KeySetCode, Value = sheet.ProductSetCode },
            new() { Key = KeySetName, Value = sheet.ProductSetName },
            new() { Key = KeyVersion, Value = sheet.Version.ToString(CultureInfo.InvariantCulture) },
            new() { Key = KeyEffective, Value = Display.Date(sheet.EffectiveFrom) },
            new() { Key = KeyProvenance, Value = sheet.Provenance },
        };
        info.AddRange(sheet.RejectionRules.Select(r => new InfoRow { Key = KeyRejection, Value = r }));
        var gaps = sheet.KnownGaps.Select(g => new GapRow
        {
            Severity = Display.Name(g.Severity),
            Kind = g.Kind,
            Location = g.Location,
            Message = g.Message,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            [RowsSheet] = Rows(sheet).ToList(),
            [InfoSheet] = info,
            [GapsSheet] = gaps,
        };
        if (sheet.Corrections is { Count: > 0 } corrections)
        {
            // The evident corrections of the printed text travel with the sheet: the printed value beside the one used.
            sheets[CorrectionsSheet] = corrections.Select(c => new CorrectionRow
            {
                Location = c.Location,
                Criterion = c.CriterionCode,
                Option = c.OptionText,
                Printed = c.Printed,
                Used = c.Used,
                Reason = c.Reason,
            }).ToList();
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static IEnumerable<OptionRow> Rows(Scoresheet sheet)
    {
        foreach (var part in sheet.Parts)
        {
            var partRow = new OptionRow { Part = part.Code, PartName = part.Name, PartMax = part.Max.Value, PartRemark = part.Remark };
            if (part.Groups.Count == 0)
            {
                yield return partRow;
            }

            foreach (var group in part.Groups)
            {
                OptionRow GroupRow() => new()
                {
                    Part = part.Code,
                    PartName = part.Name,
                    PartMax = part.Max.Value,
                    PartRemark = part.Remark,
                    Group = group.Code,
                    GroupName = group.Name,
                    GroupMax = group.Max.Value,
                    ChooseOne = group.ChooseOne ? "x" : null,
                    GroupNote = group.Note,
                    GroupRemark = group.Remark,
                };

                if (group.Criteria.Count == 0)
                {
                    yield return GroupRow();
                }

                foreach (var criterion in group.Criteria)
                {
                    OptionRow CriterionRow()
                    {
                        var row = GroupRow();
                        row.Criterion = criterion.Code;
                        row.CriterionText = criterion.Text;
                        row.CriterionMax = criterion.Max.Value;
                        row.CriterionStar = criterion.RequiredFromStar;
                        row.CriterionNote = criterion.Note;
                        row.CriterionRemark = criterion.Remark;
                        return row;
                    }

                    if (!criterion.HasSubCriteria)
                    {
                        foreach (var row in OptionRows(criterion, CriterionRow))
                        {
                            yield return row;
                        }

                        continue;
                    }

                    foreach (var sub in criterion.SubCriteria)
                    {
                        OptionRow SubRow()
                        {
                            var row = CriterionRow();
                            row.Sub = sub.Code;
                            row.SubText = sub.Text;
                            row.SubMax = sub.Max.Value;
                            row.SubStar = sub.RequiredFromStar;
                            row.SubNote = sub.Note;
                            row.SubRemark = sub.Remark;
                            return row;
                        }

                        foreach (var row in OptionRows(sub, SubRow))
                        {
                            yield return row;
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<OptionRow> OptionRows(Criterion criterion, Func<OptionRow> start)
    {
        if (criterion.Options.Count == 0)
        {
            yield return start();
        }

        foreach (var option in criterion.Options)
        {
            var row = start();
            row.Option = option.Number;
            row.OptionText = option.Text;
            row.Points = option.Points?.Value;
            row.Star = option.MinimumForStar;
            yield return row;
        }
    }

    /// <summary>What a workbook held: the sheet when it could be read, otherwise the errors (row-numbered, in Vietnamese).</summary>
    public sealed record ImportResult(Scoresheet? Sheet, IReadOnlyList<string> Errors);

    /// <summary>
    /// Reads a workbook written by <see cref="Write"/> (or filled in by hand in the same shape). Star marks must be
    /// stars the legal basis knows; the sheet comes back as a draft of version 0 for the caller to number.
    /// </summary>
    public static ImportResult Read(Stream stream, Func<string, LegalBasis?> basisByCode)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
        {
            return new ImportResult(null, ["Tệp không phải bảng tính XLSX."]);
        }

        try
        {
            return new Reader(bytes, basisByCode).Read();
        }
        // Whatever a damaged or foreign workbook makes the reader throw, the person gets one plain message, never a 500.
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return new ImportResult(null, ["Không đọc được tệp XLSX: tệp hỏng hoặc không đúng mẫu xuất từ hệ thống."]);
        }
    }

    private sealed class Reader(byte[] bytes, Func<string, LegalBasis?> basisByCode)
    {
        private readonly List<string> errors = [];
        private List<string> names = [];

        public ImportResult Read()
        {
            names = Open(s => MiniExcel.GetSheetNames(s));
            foreach (var required in new[] { RowsSheet, InfoSheet })
            {
                if (StoredName(required) is null)
                {
                    errors.Add($"Tệp thiếu trang “{required}”.");
                }
            }

            if (errors.Count > 0)
            {
                return new ImportResult(null, errors);
            }

            var header = ReadInfo(out var basis);
            var gaps = StoredName(GapsSheet) is null ? [] : ReadGaps();
            var corrections = StoredName(CorrectionsSheet) is null ? null : ReadCorrections();
            var parts = basis is null ? [] : ReadRows(basis);
            if (errors.Count > 0 || header is null)
            {
                return new ImportResult(null, errors);
            }

            return new ImportResult(header with { KnownGaps = gaps, Parts = parts, Corrections = corrections is { Count: > 0 } ? corrections : null }, errors);
        }

        private T Open<T>(Func<Stream, T> read)
        {
            using var s = new MemoryStream(bytes, writable: false);
            return read(s);
        }

        /// <summary>The sheet's name in this file: today's, or the one older exports gave it.</summary>
        private string? StoredName(string sheet) =>
            names.Contains(sheet, StringComparer.Ordinal) ? sheet
            : names.Contains(FormerSheetNames[sheet], StringComparer.Ordinal) ? FormerSheetNames[sheet]
            : null;

        private List<(int Row, IDictionary<string, object?> Cells)> Sheet(string name) =>
            Open(s => MiniExcel.Query(s, useHeaderRow: true, sheetName: StoredName(name) ?? name)
                .Cast<IDictionary<string, object?>>()
                .Select((cells, i) => (Row: i + 2, Cells: cells))
                .Where(r => r.Cells.Values.Any(v => !string.IsNullOrWhiteSpace(Text(v))))
                .ToList());

        private Scoresheet? ReadInfo(out LegalBasis? basis)
        {
            basis = null;
            var values = new Dictionary<string, (int Row, string? Value)>(StringComparer.Ordinal);
            var rejection = new List<string>();
            foreach (var (row, cells) in Sheet(InfoSheet))
            {
                var key = Text(Cell(cells, "Mục"))?.Trim();
                var value = Text(Cell(cells, "Giá trị"));
                if (key == KeyRejection)
                {
                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        rejection.Add(value);
                    }
                }
                else if (key is not null)
                {
                    values[key] = (row, value);
                }
            }

            string? Required(string key, int maxLength)
            {
                if (!values.TryGetValue(key, out var found) || string.IsNullOrWhiteSpace(found.Value))
                {
                    errors.Add($"Trang “{InfoSheet}”: thiếu “{key}”.");
                    return null;
                }

                if (found.Value.Trim().Length > maxLength)
                {
                    errors.Add($"Trang “{InfoSheet}”, dòng {found.Row}: “{key}” dài quá {maxLength} ký tự.");
                    return null;
                }

                return found.Value.Trim();
            }

            var basisCode = Required(KeyBasis, 20);
            if (basisCode is not null)
            {
                basis = basisByCode(basisCode);
                if (basis is null)
                {
                    errors.Add($"Trang “{InfoSheet}”, dòng {values[KeyBasis].Row}: không có căn cứ pháp lý “{basisCode}” trong hệ thống.");
                }
            }

            var setText = Required(KeySet, 10);
            var set = 0;
            if (setText is not null && (!int.TryParse(setText, NumberStyles.None, CultureInfo.InvariantCulture, out set) || set is < 1 or > 999))
            {
                errors.Add($"Trang “{InfoSheet}”, dòng {values[KeySet].Row}: “{KeySet}” phải là số nguyên từ 1 đến 999 (đang là “{setText}”).");
            }

            var setCode = Required(KeySetCode, 12);
            var setName = Required(KeySetName, 300);
            var effectiveText = Required(KeyEffective, 20);
            var effective = default(DateOnly);
            if (effectiveText is not null && !DateOnly.TryParseExact(effectiveText, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out effective)
                && !TryExcelDate(values[KeyEffective].Value, out effective))
            {
                errors.Add($"Trang “{InfoSheet}”, dòng {values[KeyEffective].Row}: ngày hiệu lực “{effectiveText}” không đúng dạng ngày/tháng/năm.");
            }

            var provenance = values.TryGetValue(KeyProvenance, out var p) ? p.Value ?? string.Empty : string.Empty;
            if (basisCode is null || setCode is null || setName is null || effectiveText is null || errors.Count > 0)
            {
                return null;
            }

            return new Scoresheet(basisCode, set, setCode, setName, 0, effective, ScoresheetStatus.Draft, false, provenance, [], rejection, []);
        }

        private List<SheetIssue> ReadGaps()
        {
            var gaps = new List<SheetIssue>();
            foreach (var (row, cells) in Sheet(GapsSheet))
            {
                var severityText = Text(Cell(cells, "Mức"))?.Trim() ?? string.Empty;
                var severity = Display.Values<IssueSeverity>().Where(s => Display.Name(s) == severityText || s.ToString() == severityText).Select(s => (IssueSeverity?)s).FirstOrDefault();
                if (severity is null)
                {
                    errors.Add($"Trang “{GapsSheet}”, dòng {row}: mức “{severityText}” phải là “Thông tin”, “Cảnh báo” hoặc “Lỗi”.");
                    continue;
                }

                gaps.Add(new SheetIssue(severity.Value, Text(Cell(cells, "Loại")) ?? string.Empty,
                    Text(Cell(cells, "Vị trí")) ?? string.Empty, Text(Cell(cells, "Nội dung")) ?? string.Empty));
            }

            return gaps;
        }

        private List<ScoresheetCorrection> ReadCorrections()
        {
            var corrections = new List<ScoresheetCorrection>();
            foreach (var (row, cells) in Sheet(CorrectionsSheet))
            {
                var location = Text(Cell(cells, "Vị trí"))?.Trim();
                var criterion = Text(Cell(cells, "Tiêu chí"))?.Trim();
                if (string.IsNullOrEmpty(location) || string.IsNullOrEmpty(criterion))
                {
                    errors.Add($"Trang “{CorrectionsSheet}”, dòng {row}: cần vị trí và mã tiêu chí.");
                    continue;
                }

                corrections.Add(new ScoresheetCorrection(location, criterion, Text(Cell(cells, "Phương án")),
                    Text(Cell(cells, "Bản in")) ?? string.Empty, Text(Cell(cells, "Dùng")) ?? string.Empty, Text(Cell(cells, "Lý do")) ?? string.Empty));
            }

            return corrections;
        }

        private List<ScoresheetPart> ReadRows(LegalBasis basis)
        {
            var parts = new List<PartDraft>();
            var rows = Sheet(RowsSheet);
            if (rows.Count == 0)
            {
                errors.Add($"Trang “{RowsSheet}” không có dòng nào.");
                return [];
            }

            foreach (var (row, cells) in rows)
            {
                ReadRow(row, cells, basis, parts);
            }

            return parts.Select(p => p.Build()).ToList();
        }

        private void ReadRow(int row, IDictionary<string, object?> cells, LegalBasis basis, List<PartDraft> parts)
        {
            var at = $"Dòng {row}";
            var partCode = Code(cells, "Phần");
            if (partCode is null)
            {
                errors.Add($"{at}: thiếu mã phần.");
                return;
            }

            var part = parts.FirstOrDefault(p => p.Code == partCode);
            if (part is null)
            {
                var max = Max(cells, "Điểm phần", at);
                part = new PartDraft(partCode, Text(Cell(cells, "Tên phần")) ?? string.Empty, max ?? Points.Zero, Optional(cells, "Ghi chú nguồn (phần)"), row);
                parts.Add(part);
            }
            else
            {
                Same(at, "tên phần", part.Name, Text(Cell(cells, "Tên phần")), part.Row);
                SamePoints(at, "điểm phần", part.Max, cells, "Điểm phần", part.Row);
            }

            var groupCode = Code(cells, "Nhóm");
            if (groupCode is null)
            {
                if (Code(cells, "Tiêu chí") is not null || Cell(cells, "Phương án") is not null)
                {
                    errors.Add($"{at}: thiếu mã nhóm tiêu chí.");
                }

                return;
            }

            var group = part.Groups.FirstOrDefault(g => g.Code == groupCode);
            if (group is null)
            {
                var max = Max(cells, "Điểm nhóm", at);
                group = new GroupDraft(groupCode, Text(Cell(cells, "Tên nhóm")) ?? string.Empty, max ?? Points.Zero,
                    Flag(cells, "Chọn một trường hợp", at), Optional(cells, "Hướng dẫn (nhóm)"), Optional(cells, "Ghi chú nguồn (nhóm)"), row);
                part.Groups.Add(group);
            }
            else
            {
                Same(at, "tên nhóm", group.Name, Text(Cell(cells, "Tên nhóm")), group.Row);
                SamePoints(at, "điểm nhóm", group.Max, cells, "Điểm nhóm", group.Row);
            }

            var criterionCode = Code(cells, "Tiêu chí");
            if (criterionCode is null)
            {
                if (Code(cells, "Tiêu chí con") is not null || Cell(cells, "Phương án") is not null)
                {
                    errors.Add($"{at}: thiếu mã tiêu chí.");
                }

                return;
            }

            var criterion = group.Criteria.FirstOrDefault(c => c.Code == criterionCode);
            if (criterion is null)
            {
                criterion = ReadCriterion(cells, at, row, basis, "Tiêu chí", "Nội dung tiêu chí", "Điểm tiêu chí", "Bắt buộc từ sao (tiêu chí)", "Hướng dẫn (tiêu chí)", "Ghi chú nguồn (tiêu chí)");
                group.Criteria.Add(criterion);
            }
            else
            {
                Same(at, "nội dung tiêu chí", criterion.Text, Text(Cell(cells, "Nội dung tiêu chí")), criterion.Row);
                SamePoints(at, "điểm tiêu chí", criterion.Max, cells, "Điểm tiêu chí", criterion.Row);
            }

            var target = criterion;
            var subCode = Code(cells, "Tiêu chí con");
            if (subCode is not null)
            {
                if (criterion.Options.Count > 0)
                {
                    errors.Add($"{at}: tiêu chí {criterion.Code} đã có phương án chấm trực tiếp nên không thể có tiêu chí con {subCode}.");
                    return;
                }

                var sub = criterion.Subs.FirstOrDefault(s => s.Code == subCode);
                if (sub is null)
                {
                    sub = ReadCriterion(cells, at, row, basis, "Tiêu chí con", "Nội dung tiêu chí con", "Điểm tiêu chí con", "Bắt buộc từ sao (tiêu chí con)", "Hướng dẫn (tiêu chí con)", "Ghi chú nguồn (tiêu chí con)");
                    criterion.Subs.Add(sub);
                }
                else
                {
                    Same(at, "nội dung tiêu chí con", sub.Text, Text(Cell(cells, "Nội dung tiêu chí con")), sub.Row);
                    SamePoints(at, "điểm tiêu chí con", sub.Max, cells, "Điểm tiêu chí con", sub.Row);
                }

                target = sub;
            }
            else if (criterion.Subs.Count > 0 && Cell(cells, "Phương án") is not null)
            {
                errors.Add($"{at}: tiêu chí {criterion.Code} có tiêu chí con; phương án phải ghi vào một tiêu chí con.");
                return;
            }

            ReadOption(cells, at, basis, target);
        }

        private CriterionDraft ReadCriterion(IDictionary<string, object?> cells, string at, int row, LegalBasis basis,
            string code, string text, string max, string star, string note, string remark) =>
            new(Code(cells, code)!, Text(Cell(cells, text)) ?? string.Empty, Max(cells, max, at) ?? Points.Zero,
                Star(cells, star, at, basis), Optional(cells, note), Optional(cells, remark), row);

        private void ReadOption(IDictionary<string, object?> cells, string at, LegalBasis basis, CriterionDraft criterion)
        {
            var numberText = Text(Cell(cells, "Phương án"))?.Trim();
            var optionText = Text(Cell(cells, "Nội dung phương án"));
            var pointsText = Text(Cell(cells, "Điểm"))?.Trim();
            if (string.IsNullOrEmpty(numberText))
            {
                if (!string.IsNullOrWhiteSpace(optionText) || !string.IsNullOrEmpty(pointsText))
                {
                    errors.Add($"{at}: thiếu số thứ tự phương án.");
                }

                return;
            }

            if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                errors.Add($"{at}: số thứ tự phương án “{numberText}” phải là số nguyên dương.");
                return;
            }

            if (criterion.Options.Any(o => o.Number == number))
            {
                errors.Add($"{at}: tiêu chí {criterion.Code} đã có phương án số {number}.");
                return;
            }

            Points? points = null;
            if (!string.IsNullOrEmpty(pointsText))
            {
                if (Points.TryParse(pointsText, out var parsed))
                {
                    points = parsed;
                }
                else
                {
                    errors.Add($"{at}: điểm “{pointsText}” không phải số (tối đa một chữ số thập phân).");
                }
            }

            criterion.Options.Add(new ScoreOption(number, optionText ?? string.Empty, points, Star(cells, "Sao tối thiểu", at, basis)));
        }

        private Points? Max(IDictionary<string, object?> cells, string column, string at)
        {
            var text = Text(Cell(cells, column))?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                errors.Add($"{at}: thiếu “{column}”.");
                return null;
            }

            if (!Points.TryParse(text, out var points))
            {
                errors.Add($"{at}: “{column}” = “{text}” không phải số (tối đa một chữ số thập phân).");
                return null;
            }

            return points;
        }

        private int? Star(IDictionary<string, object?> cells, string column, string at, LegalBasis basis)
        {
            var text = Text(Cell(cells, column))?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var star) && basis.Band(star) is not null)
            {
                return star;
            }

            errors.Add($"{at}: “{column}” = “{text}” không phải hạng sao của căn cứ {basis.Code} ({string.Join(", ", basis.StarBands.Select(b => b.Stars))}).");
            return null;
        }

        private bool Flag(IDictionary<string, object?> cells, string column, string at)
        {
            var text = Text(Cell(cells, column))?.Trim().ToLowerInvariant();
            switch (text)
            {
                case null or "" or "không" or "khong" or "0":
                    return false;
                case "x" or "có" or "co" or "1":
                    return true;
                default:
                    errors.Add($"{at}: “{column}” ghi “x” nếu có, để trống nếu không (đang là “{text}”).");
                    return false;
            }
        }

        private void Same(string at, string what, string first, string? here, int firstRow)
        {
            if (here is not null && here != first)
            {
                errors.Add($"{at}: {what} “{here}” khác dòng {firstRow} (“{first}”).");
            }
        }

        private void SamePoints(string at, string what, Points first, IDictionary<string, object?> cells, string column, int firstRow)
        {
            var text = Text(Cell(cells, column))?.Trim();
            if (!string.IsNullOrEmpty(text) && (!Points.TryParse(text, out var here) || here != first))
            {
                errors.Add($"{at}: {what} “{text}” khác dòng {firstRow} ({first.ToVietnamese()}).");
            }
        }

        private static string? Code(IDictionary<string, object?> cells, string column)
        {
            var text = Text(Cell(cells, column))?.Trim();
            return string.IsNullOrEmpty(text) ? null : text;
        }

        private static string? Optional(IDictionary<string, object?> cells, string column)
        {
            var text = Text(Cell(cells, column));
            return string.IsNullOrEmpty(text) ? null : text;
        }

        private static object? Cell(IDictionary<string, object?> cells, string column) =>
            cells.TryGetValue(column, out var value) ? value : null;
    }

    private static bool TryExcelDate(string? text, out DateOnly date)
    {
        date = default;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }

        return false;
    }

    /// <summary>A cell as text: numbers in invariant form ("2.5"), dates as dd/MM/yyyy, blanks as null.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private sealed class PartDraft(string code, string name, Points max, string? remark, int row)
    {
        public string Code { get; } = code;
        public string Name { get; } = name;
        public Points Max { get; } = max;
        public int Row { get; } = row;
        public List<GroupDraft> Groups { get; } = [];

        public ScoresheetPart Build() => new(Code, Name, Max, Groups.Select(g => g.Build()).ToList(), remark);
    }

    private sealed class GroupDraft(string code, string name, Points max, bool chooseOne, string? note, string? remark, int row)
    {
        public string Code { get; } = code;
        public string Name { get; } = name;
        public Points Max { get; } = max;
        public int Row { get; } = row;
        public List<CriterionDraft> Criteria { get; } = [];

        public CriteriaGroup Build() => new(Code, Name, Max, chooseOne, Criteria.Select(c => c.Build()).ToList(), note, remark);
    }

    private sealed class CriterionDraft(string code, string text, Points max, int? star, string? note, string? remark, int row)
    {
        public string Code { get; } = code;
        public string Text { get; } = text;
        public Points Max { get; } = max;
        public int Row { get; } = row;
        public List<ScoreOption> Options { get; } = [];
        public List<CriterionDraft> Subs { get; } = [];

        public Criterion Build() => new(Code, Text, Max, Options.ToList(), Subs.Select(s => s.Build()).ToList(), star, note, remark);
    }
}
