using System.Globalization;
using System.Text;

namespace Ocop.Core.Units;

/// <summary>
/// How administrative unit names are written in documents. Names in the data already carry their kind ("Tỉnh A",
/// "Huyện B", "Xã C", "Thành phố D"): a kind is prepended only to a bare name and never twice, the
/// kind is lower case inside a sentence or an address, and a date line names the place without its kind.
/// </summary>
public static class UnitNames
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The kinds a unit name may start with, longest first so that "Thành phố" wins over a shorter prefix.</summary>
    public static readonly IReadOnlyList<string> KindWords =
        ["Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Tỉnh", "Huyện", "Quận", "Phường", "Xã"];

    // Abbreviations seen in typed addresses ("TP. D", "TX E", "TT. B").
    private static readonly string[] KindAbbreviations = ["TP.", "TP ", "TX.", "TX ", "TT.", "TT "];

    /// <summary>
    /// Splits a name into its leading kind and the proper name: "Tỉnh A" → ("Tỉnh", "A"); a bare name
    /// gives (null, name). The kind comes back as the name writes it.
    /// </summary>
    public static (string? Kind, string Proper) Split(string name)
    {
        var text = Clean(name);
        var kind = LeadingKind(text);
        return kind is null ? (null, text) : (text[..kind.Length], text[kind.Length..].TrimStart());
    }

    /// <summary>
    /// The name with its kind written once, capitalised: ("A", "tỉnh") → "Tỉnh A"; ("Tỉnh A",
    /// "tỉnh") → "Tỉnh A"; "Xã Xã C" → "Xã C". A kind the list does not know ("thành phố trung ương")
    /// is reduced to the kind word it starts with.
    /// </summary>
    public static string Full(string name, string? kind = null)
    {
        var text = WithoutDoubledKind(Clean(name));
        if (LeadingKind(text) is not null || string.IsNullOrWhiteSpace(kind))
        {
            return text;
        }

        var word = LeadingKind(Clean(kind) + " ") ?? Clean(kind);
        return Capitalise(word) + " " + text;
    }

    /// <summary>
    /// The place of a date line: the name without its kind ("Tỉnh A" → "A"). A name that is only a
    /// number after its kind ("Phường 5") keeps the kind, or the line would read "5, ngày …".
    /// </summary>
    public static string Place(string name)
    {
        var (kind, proper) = Split(WithoutDoubledKind(Clean(name)));
        return kind is not null && (proper.Length == 0 || IsNumberLike(proper)) ? Clean(name) : proper;
    }

    /// <summary>The name inside a sentence or an address, its kind in lower case: "xã C", "thành phố D".</summary>
    public static string InText(string name, string? kind = null)
    {
        var full = Full(name, kind);
        var (leading, proper) = Split(full);
        return leading is null ? full : leading.ToLower(Vi) + " " + proper;
    }

    /// <summary>The People's Committee in short: "UBND tỉnh A".</summary>
    public static string CommitteeShort(string name, string? kind = null) => "UBND " + InText(name, kind);

    /// <summary>The People's Committee in full: "Ủy ban nhân dân tỉnh A".</summary>
    public static string Committee(string name, string? kind = null) => "Ủy ban nhân dân " + InText(name, kind);

    /// <summary>The committee as a letterhead prints it: "UBND TỈNH A".</summary>
    public static string Letterhead(string name, string? kind = null) => CommitteeShort(name, kind).ToUpper(Vi);

    /// <summary>
    /// An address from its locality and the units it lies in, innermost first: ("Ấp 3", ["Xã C", "Huyện B",
    /// "Tỉnh A"]) → "Ấp 3, xã C, huyện B, tỉnh A".
    /// </summary>
    public static string Address(string? locality, IEnumerable<string> unitsInnermostFirst)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(locality))
        {
            parts.Add(Clean(locality));
        }

        parts.AddRange(unitsInnermostFirst.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => InText(u)));
        return string.Join(", ", parts);
    }

    /// <summary>
    /// The part of a typed address below the administrative units: trailing comma-separated parts that start with a kind
    /// ("Xã C", "huyện B", "TP. D") or equal one of <paramref name="knownUnitNames"/> (with or without
    /// kind) are dropped. "Ấp 3, Xã C, huyện B, tỉnh A" → "Ấp 3".
    /// </summary>
    public static string Locality(string address, IEnumerable<string>? knownUnitNames = null)
    {
        var known = new HashSet<string>((knownUnitNames ?? []).SelectMany(n => new[] { Key(n), Key(Split(n).Proper) }), StringComparer.Ordinal);
        var parts = Clean(address).Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        while (parts.Count > 0 && IsUnitPart(parts[^1], known))
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return string.Join(", ", parts);
    }

    /// <summary>Whether a kind follows itself, whatever the case: "UBND HUYỆN HUYỆN B", "Xã Xã C", "tỉnh Tỉnh A".</summary>
    public static bool HasDoubledKind(string text) => WithoutDoubledKind(text) != Clean(text);

    /// <summary>The text with every doubled kind written once, keeping the first: "UBND HUYỆN HUYỆN B" → "UBND HUYỆN B".</summary>
    public static string WithoutDoubledKind(string text)
    {
        var result = Clean(text);
        foreach (var kind in KindWords)
        {
            var start = 0;
            while (start < result.Length)
            {
                var at = IndexOfWord(result, kind, start);
                if (at < 0)
                {
                    break;
                }

                var next = at + kind.Length;
                var afterSpace = next;
                while (afterSpace < result.Length && result[afterSpace] == ' ')
                {
                    afterSpace++;
                }

                if (afterSpace > next && IsWordAt(result, kind, afterSpace))
                {
                    result = result[..next] + result[(afterSpace + kind.Length)..];
                    continue;
                }

                start = next;
            }
        }

        return result;
    }

    private static string? LeadingKind(string text) =>
        KindWords.FirstOrDefault(k => IsWordAt(text, k, 0) && text.Length > k.Length);

    private static bool IsUnitPart(string part, HashSet<string> known)
    {
        if (LeadingKind(part) is not null || known.Contains(Key(part)))
        {
            return true;
        }

        return KindAbbreviations.Any(a => part.StartsWith(a, StringComparison.OrdinalIgnoreCase) && part.Length > a.Length);
    }

    /// <summary>Whether <paramref name="word"/> stands at <paramref name="at"/> as a whole word, whatever the case.</summary>
    private static bool IsWordAt(string text, string word, int at)
    {
        if (at < 0 || at + word.Length > text.Length || string.Compare(text, at, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
        var after = at + word.Length == text.Length || !char.IsLetterOrDigit(text[at + word.Length]);
        return before && after;
    }

    private static int IndexOfWord(string text, string word, int start)
    {
        for (var i = start; i <= text.Length - word.Length; i++)
        {
            if (IsWordAt(text, word, i))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsNumberLike(string proper) =>
        proper.All(c => char.IsDigit(c) || c is 'I' or 'V' or 'X' or 'L' or ' ');

    private static string Capitalise(string word) =>
        word.Length == 0 ? word : word[..1].ToUpper(Vi) + word[1..].ToLower(Vi);

    private static string Key(string text) => Clean(text).ToLower(Vi);

    /// <summary>NFC (typed text may arrive decomposed), trimmed, inner runs of spaces made one.</summary>
    private static string Clean(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormC).Trim();
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            var ch = char.IsWhiteSpace(c) ? ' ' : c;
            if (ch == ' ' && builder.Length > 0 && builder[^1] == ' ')
            {
                continue;
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }
}
