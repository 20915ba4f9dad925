using System.Globalization;
using System.Text.Json;

namespace Ocop.Core.Evaluation;

/// <summary>
/// An evident correction of the printed text, recorded on the published version so that a reader of the sheet, the
/// minutes or the API sees that the printed text was corrected and how.
/// </summary>
/// <param name="Location">Where, as people read it: "Phần C › Nhóm C2 › Tiêu chí C2.1 › Phương án 3".</param>
/// <param name="OptionText">The option corrected; null when the criterion's options were supplied.</param>
/// <param name="Printed">What the gazette prints ("13", "để trống", "không in phương án").</param>
/// <param name="Used">What the sheet uses ("3", "Có 1 / Không 0").</param>
public sealed record ScoresheetCorrection(string Location, string CriterionCode, string? OptionText, string Printed, string Used, string Reason)
{
    public override string ToString() => $"{Location}: in “{Printed}”, dùng “{Used}” — {Reason}";
}

/// <summary>One correction as the data file gives it, for every product set listed.</summary>
/// <param name="Option">The printed option's text whose points are corrected; null to supply <paramref name="Options"/>.</param>
/// <param name="Points">The points used for that option.</param>
/// <param name="Options">The options used for a criterion printed without any.</param>
public sealed record CorrectionSpec(
    IReadOnlyList<int> Sets, string Criterion, string? Option, string Printed, Points? Points, IReadOnlyList<(string Text, Points Points)>? Options, string Reason);

/// <summary>A sheet with its corrections applied, or why a correction does not fit the sheet.</summary>
public sealed record CorrectedSheet(Scoresheet Sheet, IReadOnlyList<string> Errors);

/// <summary>
/// Applies the evident corrections of a decision's printed sheets (scoresheets-26-2026-corrections.json) and records each
/// on the sheet. The printed value stays visible in the correction; the defects the correction settles leave the known
/// gaps; the publishing checks run again, so a corrected sheet that adds up is published (still unverified).
/// </summary>
public static class ScoresheetCorrections
{
    public static CorrectedSheet Apply(Scoresheet sheet, IEnumerable<CorrectionSpec> specs, LegalBasis basis)
    {
        var errors = new List<string>();
        var records = new List<ScoresheetCorrection>(sheet.Corrections ?? []);
        var corrected = new HashSet<string>(StringComparer.Ordinal);
        var parts = sheet.Parts.ToList();
        foreach (var spec in specs.Where(s => s.Sets.Contains(sheet.ProductSetNumber)))
        {
            var found = false;
            var errorsBefore = errors.Count;
            for (var p = 0; p < parts.Count && !found; p++)
            {
                var part = parts[p];
                var groups = part.Groups.ToList();
                for (var g = 0; g < groups.Count && !found; g++)
                {
                    var group = groups[g];
                    var criteria = group.Criteria.ToList();
                    for (var c = 0; c < criteria.Count && !found; c++)
                    {
                        if (Replace(criteria[c], spec, part, group, records, corrected, errors) is { } replaced)
                        {
                            criteria[c] = replaced;
                            groups[g] = group with { Criteria = criteria };
                            parts[p] = part with { Groups = groups };
                            found = true;
                        }
                    }
                }
            }

            if (!found && errors.Count == errorsBefore)
            {
                errors.Add($"Bộ {sheet.ProductSetNumber.ToString(CultureInfo.InvariantCulture)}: không có tiêu chí {spec.Criterion}"
                    + (spec.Option is null ? "" : $" với phương án “{spec.Option}”") + " để đính chính.");
            }
        }

        if (records.Count == (sheet.Corrections?.Count ?? 0))
        {
            return new CorrectedSheet(sheet, errors);
        }

        var result = sheet with { Parts = parts, Corrections = records };
        // Gaps at a corrected place are settled by the correction (the printed value stays in it and in the source remark).
        var kept = sheet.KnownGaps.Where(g => g.Severity == IssueSeverity.Info || !corrected.Any(l => g.Location.StartsWith(l, StringComparison.Ordinal))).ToList();
        var checks = ScoresheetChecks.ForPublishing(result, basis);
        var gaps = kept.Where(g => g.Severity != IssueSeverity.Error).Concat(checks).ToList();
        var status = sheet.Status == ScoresheetStatus.Draft && ScoresheetChecks.CanPublish(gaps) ? ScoresheetStatus.Published : sheet.Status;
        return new CorrectedSheet(result with { KnownGaps = gaps, Status = status }, errors);
    }

    private static Criterion? Replace(Criterion criterion, CorrectionSpec spec, ScoresheetPart part, CriteriaGroup group,
        List<ScoresheetCorrection> records, HashSet<string> corrected, List<string> errors)
    {
        if (string.Equals(criterion.Code, spec.Criterion, StringComparison.Ordinal))
        {
            var location = SheetLocation.Of(part, group, criterion);
            if (spec.Option is not null)
            {
                var option = criterion.Options.FirstOrDefault(o => string.Equals(o.Text.Trim(), spec.Option.Trim(), StringComparison.Ordinal));
                if (option is null || spec.Points is not Points points)
                {
                    errors.Add($"{location}: không có phương án “{spec.Option}” để đính chính.");
                    return null;
                }

                var optionLocation = SheetLocation.Of(part, group, criterion, option);
                records.Add(new ScoresheetCorrection(optionLocation, criterion.Code, option.Text, spec.Printed, points.ToVietnamese(), spec.Reason));
                corrected.Add(optionLocation);
                return criterion with { Options = criterion.Options.Select(o => o.Number == option.Number ? o with { Points = points } : o).ToList() };
            }

            if (spec.Options is { Count: > 0 } supplied)
            {
                var options = supplied.Select((o, i) => new ScoreOption(i + 1, o.Text, o.Points)).ToList();
                records.Add(new ScoresheetCorrection(location, criterion.Code, null, spec.Printed,
                    string.Join(" / ", options.Select(o => $"{o.Text} {o.Points!.Value.ToVietnamese()}")), spec.Reason));
                corrected.Add(location);
                return criterion with { Options = options };
            }

            errors.Add($"{location}: đính chính không ghi điểm hay phương án dùng.");
            return null;
        }

        for (var i = 0; i < criterion.SubCriteria.Count; i++)
        {
            if (Replace(criterion.SubCriteria[i], spec, part, group, records, corrected, errors) is { } replaced)
            {
                var subs = criterion.SubCriteria.ToList();
                subs[i] = replaced;
                return criterion with { SubCriteria = subs };
            }
        }

        return null;
    }

    /// <summary>
    /// Reads scoresheets-26-2026-corrections.json: {"legalBasis":"26/2026","corrections":[{"sets":[4],"criterion":"C2.1",
    /// "option":"Có trên 2 chỉ tiêu","printed":"13","points":3,"reason":"…"}, {"sets":[1,2],"criterion":"A2.4","printed":"…",
    /// "options":[{"text":"Không","points":0},{"text":"Có","points":1}],"reason":"…"}]}.
    /// </summary>
    public static (string LegalBasis, IReadOnlyList<CorrectionSpec> Specs) Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var specs = new List<CorrectionSpec>();
        foreach (var item in root.GetProperty("corrections").EnumerateArray())
        {
            var sets = item.GetProperty("sets").EnumerateArray().Select(s => s.GetInt32()).ToList();
            Points? points = item.TryGetProperty("points", out var p) && p.ValueKind == JsonValueKind.Number ? new Points(checked((int)(p.GetDecimal() * 10m))) : null;
            List<(string, Points)>? options = item.TryGetProperty("options", out var o) && o.ValueKind == JsonValueKind.Array
                ? o.EnumerateArray().Select(x => (x.GetProperty("text").GetString() ?? "", new Points(checked((int)(x.GetProperty("points").GetDecimal() * 10m))))).ToList()
                : null;
            specs.Add(new CorrectionSpec(sets, item.GetProperty("criterion").GetString() ?? "",
                item.TryGetProperty("option", out var option) ? option.GetString() : null,
                item.GetProperty("printed").GetString() ?? "", points, options, item.GetProperty("reason").GetString() ?? ""));
        }

        return (root.GetProperty("legalBasis").GetString() ?? "", specs);
    }
}
