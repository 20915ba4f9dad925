using System.Globalization;
using System.Text.Json;

namespace Ocop.Core.Evaluation;

/// <summary>What a scoresheet file held: its sheets, and what stopped it being read at all.</summary>
/// <param name="LegalBasisText">The file's own citation, e.g. "148/QĐ-TTg (24/02/2023), Phụ lục III".</param>
/// <param name="OptionRule">The file's statement of how star marks read.</param>
/// <param name="Errors">Problems with the file as a whole; when present, <paramref name="Sheets"/> may be empty.</param>
public sealed record ScoresheetFile(
    string LegalBasisText,
    string Provenance,
    string OptionRule,
    IReadOnlyList<Scoresheet> Sheets,
    IReadOnlyList<SheetIssue> Errors)
{
    public IEnumerable<SheetIssue> AllGaps => Sheets.SelectMany(s => s.KnownGaps);
}

/// <summary>
/// Reads the transcribed scoresheet files (scoresheets-148.json, scoresheets-26-2026.json) into the model.
/// The source is kept as printed: what is wrong in it becomes a known gap on the sheet, not a silent fix.
/// A sheet that passes the publishing checks comes back Published (usable, still unverified); one with
/// errors comes back as a Draft for an administrator to correct.
/// </summary>
public static class ScoresheetReader
{
    /// <summary>Transcriber's remark that only explains the shape (a heading scored directly); not a gap.</summary>
    private const string HeadingScoredDirectly =
        "the sheet scores this heading directly (no separate criterion row); criterion = group";

    public static ScoresheetFile Read(Stream json, LegalBasis basis)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement, basis);
        }
        catch (JsonException ex)
        {
            return Failed($"Tệp phiếu chấm không phải JSON hợp lệ: {ex.Message}");
        }
    }

    public static ScoresheetFile Read(string json, LegalBasis basis)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement, basis);
        }
        catch (JsonException ex)
        {
            return Failed($"Tệp phiếu chấm không phải JSON hợp lệ: {ex.Message}");
        }
    }

    private static ScoresheetFile Failed(string message) =>
        new(string.Empty, string.Empty, string.Empty, [], [new SheetIssue(IssueSeverity.Error, "file", "Tệp", message)]);

    private static ScoresheetFile Read(JsonElement root, LegalBasis basis)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("productSets", out var sets) || sets.ValueKind != JsonValueKind.Array)
        {
            return Failed("Tệp phiếu chấm thiếu danh sách bộ sản phẩm (productSets).");
        }

        var basisText = Text(root, "legalBasis") ?? string.Empty;
        var provenance = Text(root, "provenance") ?? string.Empty;
        var optionRule = Text(root, "optionRule") ?? string.Empty;
        var errors = new List<SheetIssue>();
        if (!CitesBasis(basisText, basis))
        {
            errors.Add(new SheetIssue(IssueSeverity.Error, "basis-mismatch", "Tệp",
                $"Tệp ghi căn cứ “{basisText}”, không khớp căn cứ đã chọn {basis.Code}."));
            return new ScoresheetFile(basisText, provenance, optionRule, [], errors);
        }

        var sheets = new List<Scoresheet>();
        foreach (var set in sets.EnumerateArray())
        {
            sheets.Add(ReadSheet(set, basis, provenance));
        }

        return new ScoresheetFile(basisText, provenance, optionRule, sheets, errors);
    }

    /// <summary>"148/QĐ-TTg (24/02/2023)" cites "148/2023"; "26/2026/QĐ-TTg" cites "26/2026".</summary>
    private static bool CitesBasis(string text, LegalBasis basis)
    {
        var parts = basis.Code.Split('/');
        return parts.Length == 2
            && text.StartsWith(parts[0] + "/", StringComparison.Ordinal)
            && text.Contains(parts[1], StringComparison.Ordinal);
    }

    private static Scoresheet ReadSheet(JsonElement set, LegalBasis basis, string fileProvenance)
    {
        var gaps = new List<SheetIssue>();
        var number = set.TryGetProperty("number", out var n) && n.TryGetInt32(out var num) ? num : 0;
        var source = Text(set, "source");
        var context = new SheetContext(gaps, new Dictionary<string, int>(StringComparer.Ordinal));

        var parts = new List<ScoresheetPart>();
        foreach (var part in Array(set, "parts"))
        {
            parts.Add(ReadPart(part, context));
        }

        var rules = Array(set, "rejectionRules").Select(r => r.GetString() ?? string.Empty).Where(r => r.Length > 0).ToList();
        var sheet = new Scoresheet(
            basis.Code,
            number,
            Text(set, "taxonomyCode") ?? string.Empty,
            Text(set, "name") ?? string.Empty,
            Version: 1,
            basis.EffectiveFrom,
            ScoresheetStatus.Draft,
            Verified: false,
            source is null ? fileProvenance : $"{fileProvenance}\nNguồn của bộ: {source}",
            gaps,
            rules,
            parts);

        // The gaps shown to administrators are what the reader noticed plus what the publishing checks find,
        // without a check repeating an error the reader already reported at the same place.
        var readerErrors = gaps.Where(g => g.Severity == IssueSeverity.Error).Select(g => g.Location).ToHashSet(StringComparer.Ordinal);
        var checks = ScoresheetChecks.ForPublishing(sheet, basis).Where(c => !readerErrors.Contains(c.Location));
        var known = gaps.Concat(checks).ToList();
        var status = known.Any(i => i.Severity == IssueSeverity.Error) ? ScoresheetStatus.Draft : ScoresheetStatus.Published;
        return sheet with { KnownGaps = known, Status = status };
    }

    private sealed record SheetContext(List<SheetIssue> Gaps, Dictionary<string, int> CodeCounts);

    private static ScoresheetPart ReadPart(JsonElement element, SheetContext context)
    {
        var code = Text(element, "code") ?? string.Empty;
        var remark = Text(element, "remark");
        var shell = new ScoresheetPart(code, Text(element, "name") ?? string.Empty, Max(element), []);
        if (remark is not null)
        {
            context.Gaps.Add(new SheetIssue(IssueSeverity.Info, "source-remark", SheetLocation.Of(shell), $"Ghi chú của nguồn: {remark}"));
        }

        var groups = Array(element, "groups").Select(g => ReadGroup(g, shell, context)).ToList();
        return shell with { Groups = groups, Remark = remark };
    }

    private static CriteriaGroup ReadGroup(JsonElement element, ScoresheetPart part, SheetContext context)
    {
        var remark = Text(element, "remark");
        var shell = new CriteriaGroup(
            Text(element, "code") ?? string.Empty,
            Text(element, "name") ?? string.Empty,
            Max(element),
            element.TryGetProperty("chooseOneCriterion", out var choose) && choose.ValueKind == JsonValueKind.True,
            [],
            Text(element, "note"),
            remark);
        if (remark is not null)
        {
            context.Gaps.Add(new SheetIssue(IssueSeverity.Info, "source-remark", SheetLocation.Of(part, shell), $"Ghi chú của nguồn: {remark}"));
        }

        var criteria = Array(element, "criteria").Select(c => ReadCriterion(c, part, shell, context)).ToList();
        return shell with { Criteria = criteria };
    }

    private static Criterion ReadCriterion(JsonElement element, ScoresheetPart part, CriteriaGroup group, SheetContext context)
    {
        var printedCode = Text(element, "code") ?? string.Empty;
        var code = UniqueCode(printedCode, context);
        var remark = Text(element, "remark");
        var criterion = new Criterion(
            code,
            Text(element, "text") ?? string.Empty,
            Max(element),
            [],
            [],
            element.TryGetProperty("requiredForStars", out var required) && required.TryGetInt32(out var star) ? star : null,
            Text(element, "note"),
            remark);
        var location = SheetLocation.Of(part, group, criterion);

        if (!string.Equals(code, printedCode, StringComparison.Ordinal))
        {
            context.Gaps.Add(new SheetIssue(IssueSeverity.Warning, "duplicate-code", location,
                $"Mã {printedCode} đã dùng cho một tiêu chí khác trong bộ; tiêu chí này được đặt mã {code} để chấm riêng."));
        }

        if (remark is not null && !string.Equals(remark, HeadingScoredDirectly, StringComparison.Ordinal))
        {
            context.Gaps.Add(new SheetIssue(IssueSeverity.Info, "source-remark", location, $"Ghi chú của nguồn: {remark}"));
        }

        var subCriteria = Array(element, "subCriteria").Select(s => ReadCriterion(s, part, group, context)).ToList();
        var options = ReadOptions(element, location, context);
        if (options.Count == 0 && subCriteria.Count == 0)
        {
            options = InferYesNo(criterion, location, context);
        }

        return criterion with { Options = options, SubCriteria = subCriteria };
    }

    private static List<ScoreOption> ReadOptions(JsonElement element, string location, SheetContext context)
    {
        var options = new List<ScoreOption>();
        foreach (var option in Array(element, "options"))
        {
            var number = options.Count + 1;
            var text = Text(option, "text") ?? string.Empty;
            int? minimum = option.TryGetProperty("minimumForStars", out var m) && m.TryGetInt32(out var s) ? s : null;
            Points? points = null;
            if (!option.TryGetProperty("points", out var raw) || raw.ValueKind == JsonValueKind.Null)
            {
                context.Gaps.Add(new SheetIssue(IssueSeverity.Error, "points-blank", $"{location} › Phương án {number.ToString(CultureInfo.InvariantCulture)}",
                    $"Ô điểm của phương án “{text}” để trống trong nguồn; cần nhập điểm trước khi ban hành."));
            }
            else if (ReadPoints(raw) is Points p)
            {
                points = p;
            }
            else
            {
                context.Gaps.Add(new SheetIssue(IssueSeverity.Error, "points-not-a-number", $"{location} › Phương án {number.ToString(CultureInfo.InvariantCulture)}",
                    $"Điểm của phương án “{text}” ghi là “{raw}”, không phải số; cần sửa trước khi ban hành."));
            }

            options.Add(new ScoreOption(number, text, points, minimum));
        }

        return options;
    }

    /// <summary>
    /// A one-point criterion printed without options (26/2026: bilingual labelling) is a yes/no question:
    /// read as yes = its maximum, no = 0, as the domain notes direct, and say so.
    /// </summary>
    private static List<ScoreOption> InferYesNo(Criterion criterion, string location, SheetContext context)
    {
        if (criterion.Max > Points.FromWhole(1) || criterion.Max <= Points.Zero)
        {
            return []; // nothing safe to infer; the publishing checks report the missing options
        }

        context.Gaps.Add(new SheetIssue(IssueSeverity.Warning, "options-inferred", location,
            $"Nguồn không in phương án chấm; đã suy ra hai phương án: Không (0 điểm), Có ({criterion.Max.ToVietnamese()} điểm)."));
        return
        [
            new ScoreOption(1, "Không", Points.Zero),
            new ScoreOption(2, "Có", criterion.Max),
        ];
    }

    /// <summary>A later criterion printed with a code already used gets "_2", "_3": answers are keyed by code.</summary>
    private static string UniqueCode(string code, SheetContext context)
    {
        var seen = context.CodeCounts.TryGetValue(code, out var count) ? count + 1 : 1;
        context.CodeCounts[code] = seen;
        return seen == 1 ? code : $"{code}_{seen.ToString(CultureInfo.InvariantCulture)}";
    }

    private static Points Max(JsonElement element) =>
        element.TryGetProperty("max", out var max) && ReadPoints(max) is Points p ? p : Points.Zero;

    private static Points? ReadPoints(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var whole) => Points.FromWhole(whole),
        JsonValueKind.Number when Points.TryParse(value.GetRawText(), out var p) => p,
        JsonValueKind.String when Points.TryParse(value.GetString(), out var p) => p,
        _ => null,
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement[] Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];
}
