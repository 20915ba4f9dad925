using Ocop.Core.Registry;

namespace Ocop.Core.Text;

/// <summary>
/// What a person typed in a search box, made forgiving: folded (no diacritics, đ → d, lower case), split into words
/// that may appear in any order and in any of the record's keys (product, subject, commune), with the usual
/// abbreviations of legal forms read both ways ("htx" finds "Hợp tác xã", "hop tac xa" finds "HTX"). Every word must
/// be found somewhere; <see cref="Rank"/> puts the best matches first. The registry lists, the round's product picker
/// and the API all search through this one rule.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>The abbreviations of legal forms written in names, each with the words it stands for (folded).</summary>
    public static readonly IReadOnlyList<(string Short, string Long)> Abbreviations =
    [
        ("htx", "hop tac xa"),
        ("tht", "to hop tac"),
        ("dntn", "doanh nghiep tu nhan"),
        ("hkd", "ho kinh doanh"),
        ("cssx", "co so san xuat"),
        ("cty", "cong ty"),
    ];

    private SearchQuery(string phrase, IReadOnlyList<SearchTerm> terms)
    {
        Phrase = phrase;
        Terms = terms;
    }

    /// <summary>The typed words folded and joined by single spaces: "banh tet da loc".</summary>
    public string Phrase { get; }

    /// <summary>The words to find, each with the spellings that count as it (an abbreviation and its long form).</summary>
    public IReadOnlyList<SearchTerm> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static SearchQuery Parse(string? typed)
    {
        var words = Words(VietnameseText.Fold(typed));
        var terms = new List<SearchTerm>();
        for (var i = 0; i < words.Count; i++)
        {
            var term = LongFormAt(words, i) is var (shortForm, longForm, length)
                ? new SearchTerm([longForm, shortForm], length)
                : AbbreviationOf(words[i]) is string expanded
                    ? new SearchTerm([expanded, words[i]], 1)
                    : new SearchTerm([words[i]], 1);
            i += term.WordCount - 1;
            // "htx hop tac xa" is one term: an abbreviation's spellings are always listed long form first.
            if (!terms.Exists(t => t.Spellings[0] == term.Spellings[0]))
            {
                terms.Add(term);
            }
        }

        return new SearchQuery(string.Join(' ', words), terms);
    }

    /// <summary>True when every term is found in at least one of the keys (each a folded text).</summary>
    public bool Matches(params ReadOnlySpan<string> keys)
    {
        foreach (var term in Terms)
        {
            if (!term.FoundIn(keys))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// How well a matching record fits, higher first: the whole phrase as the name, at its start or inside it; then each
    /// term by where it was found — in the name before elsewhere, at the start of a word before inside one. Keys are
    /// folded; <paramref name="name"/> is the record's own folded name (a product's, a subject's).
    /// </summary>
    public int Rank(string name, params ReadOnlySpan<string> otherKeys)
    {
        var score = 0;
        if (Phrase.Length > 0)
        {
            var at = name.IndexOf(Phrase, StringComparison.Ordinal);
            score += at < 0 ? 0 : name.Length == Phrase.Length ? 1000 : at == 0 ? 500 : WordStartAt(name, at) ? 300 : 200;
        }

        foreach (var term in Terms)
        {
            score += term.WordStartIn(name) ? 30 : term.FoundIn([name]) ? 15 : 0;
            if (!term.FoundIn([name]))
            {
                score += term.WordStartIn(otherKeys) ? 8 : term.FoundIn(otherKeys) ? 4 : 0;
            }
        }

        return score;
    }

    /// <summary>The words a legal form is written with, both the abbreviation and the long form, for a subject's key.</summary>
    public static string LegalFormWords(LegalForm form) => form switch
    {
        LegalForm.Cooperative => "htx hop tac xa",
        LegalForm.CooperativeGroup => "tht to hop tac",
        LegalForm.PrivateEnterprise => "dntn doanh nghiep tu nhan",
        LegalForm.HouseholdBusiness => "hkd ho kinh doanh cssx co so san xuat",
        LegalForm.Company => "cty cong ty doanh nghiep",
        _ => "",
    };

    internal static bool WordStartAt(string text, int index) => index == 0 || !char.IsLetterOrDigit(text[index - 1]);

    // Punctuation separates words: "Tiến Thành," and "0123-456" are typed as they are printed.
    private static List<string> Words(string folded)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }

        return words;
    }

    private static (string Short, string Long, int Length)? LongFormAt(List<string> words, int index)
    {
        foreach (var (shortForm, longForm) in Abbreviations)
        {
            var parts = longForm.Split(' ');
            if (index + parts.Length <= words.Count && parts.AsSpan().SequenceEqual(words.GetRange(index, parts.Length).ToArray()))
            {
                return (shortForm, longForm, parts.Length);
            }
        }

        return null;
    }

    private static string? AbbreviationOf(string word)
    {
        foreach (var (shortForm, longForm) in Abbreviations)
        {
            if (word == shortForm)
            {
                return longForm;
            }
        }

        return null;
    }
}

/// <summary>One word of a search (or a legal form's long form), with every spelling that counts as it.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Spellings, int WordCount)
{
    public bool FoundIn(ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            foreach (var spelling in Spellings)
            {
                if (key.Contains(spelling, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when a spelling starts a word of one of the keys ("tet" in "banh tet", not in "tetra").</summary>
    public bool WordStartIn(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            foreach (var spelling in Spellings)
            {
                for (var at = key.IndexOf(spelling, StringComparison.Ordinal); at >= 0;
                     at = key.IndexOf(spelling, at + 1, StringComparison.Ordinal))
                {
                    if (SearchQuery.WordStartAt(key, at))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
