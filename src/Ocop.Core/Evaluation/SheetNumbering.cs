using System.Globalization;
using System.Text.RegularExpressions;

namespace Ocop.Core.Evaluation;

/// <summary>
/// A heading as the sheet prints it, split into its printed number ("1.1.", "a)", "-") and its title. The title's
/// " / " marks a line break of the printed sheet.
/// </summary>
public sealed record SheetHeading(string Number, string Title)
{
    public IReadOnlyList<string> Lines => Title.Length == 0 ? [] : Title.Split(" / ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => Number.Length == 0 ? Title : Title.Length == 0 ? Number : Number + " " + Title;
}

/// <summary>
/// The numbering a council member reads, each number once. The sheet's text carries its own printed numbering
/// ("1. TỔ CHỨC SẢN XUẤT", "1.1. Nguồn gốc sản phẩm", "a) Nguồn gốc sản phẩm"); the internal code (A1, A1.1) only
/// anchors the page and is never printed beside it. A group whose only criterion repeats the group's heading
/// (26/2026: "7. DINH DƯỠNG" over "7. DINH DƯỠNG / (Chỉ ra hàm lượng …)"; 148: "a)" with no text) prints it once.
/// </summary>
public static partial class SheetNumbering
{
    /// <summary>Splits a printed heading: "6.2 Nước pha" → "6.2." + "Nước pha"; "a ) HƯỚNG DẪN" → "a)" + "HƯỚNG DẪN"; "a)" → "a)" + "".</summary>
    public static SheetHeading Split(string printed)
    {
        var text = printed.Trim();
        var match = NumberPattern().Match(text);
        if (!match.Success)
        {
            return new SheetHeading("", text);
        }

        var title = text[match.Length..].Trim();
        if (match.Groups["digits"].Success)
        {
            return new SheetHeading(match.Groups["digits"].Value + ".", title);
        }

        if (match.Groups["letter"].Success)
        {
            return new SheetHeading(match.Groups["letter"].Value + match.Groups["mark"].Value, title);
        }

        return new SheetHeading("-", title);
    }

    public static SheetHeading OfGroup(CriteriaGroup group) => Split(group.Name);

    /// <summary>
    /// The heading a criterion prints under its group: its own number and title; for a group's only criterion that
    /// repeats the group's heading, no number and only what it adds (possibly nothing).
    /// </summary>
    public static SheetHeading OfCriterion(CriteriaGroup group, Criterion criterion)
    {
        var own = Split(criterion.Text);
        if (!RepeatsGroup(group, criterion))
        {
            return own;
        }

        var groupTitle = OfGroup(group).Title;
        var rest = own.Title.Length == 0 ? "" : own.Title[Math.Min(groupTitle.Length, own.Title.Length)..].Trim();
        return new SheetHeading("", rest.StartsWith('/') ? rest[1..].Trim() : rest);
    }

    /// <summary>Whether the criterion is the group's only one and says nothing the group's heading does not (a bare "a)", or the heading again).</summary>
    public static bool RepeatsGroup(CriteriaGroup group, Criterion criterion)
    {
        if (group.Criteria.Count != 1 || !ReferenceEquals(group.Criteria[0], criterion))
        {
            return false;
        }

        var own = Split(criterion.Text);
        var groupHeading = OfGroup(group);
        return own.Title.Length == 0
            || (own.Number == groupHeading.Number && StartsWithTitle(own.Title, groupHeading.Title));
    }

    /// <summary>
    /// How a message names a scored criterion, by the printed numbers: "1.1" (26/2026), "1a" (148), "6.1.1";
    /// a "-" sub-criterion by its criterion and its place ("6a-2"); a group's only criterion by the group ("7").
    /// </summary>
    public static string Reference(ScoredCriterion scored)
    {
        var group = OfGroup(scored.Group).Number.TrimEnd('.');
        var criterion = RepeatsGroup(scored.Group, scored.Criterion) ? group : NumberUnder(group, Split(scored.Criterion.Text).Number);
        if (!scored.IsSubCriterion)
        {
            return criterion;
        }

        var sub = Split(scored.Leaf.Text).Number;
        if (sub == "-" || sub.Length == 0)
        {
            var place = scored.Criterion.SubCriteria.ToList().IndexOf(scored.Leaf) + 1;
            return criterion + "-" + place.ToString(CultureInfo.InvariantCulture);
        }

        return NumberUnder(criterion, sub);
    }

    /// <summary>The element id of a criterion's place on the page: "tc-A1.1" (codes are letters, digits and dots).</summary>
    public static string Anchor(string code) => "tc-" + code;

    private static string NumberUnder(string parent, string number)
    {
        if (number.Length == 0 || number == "-")
        {
            return parent;
        }

        var bare = number.TrimEnd('.', ')');
        return char.IsDigit(bare[0]) ? bare : parent + bare;
    }

    private static bool StartsWithTitle(string text, string title) =>
        title.Length > 0 && text.StartsWith(title.Split(" / ")[0].Trim(), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?:(?<digits>\d+(?:\.\d+)*)\.?(?=\s|$)|(?<letter>[a-zđ])\s?(?<mark>[\).])(?=\s|$)|-(?=\s))", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
