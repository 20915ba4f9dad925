using System.Text;

namespace Ocop.Web;

/// <summary>
/// Which characters no text of the product may hold: control characters (C0 other than tab, line feed and carriage
/// return; DEL; C1), the two non-characters U+FFFE and U+FFFF, and the bidirectional embedding, override and isolate
/// marks that make a name read differently from what it is (U+202A–U+202E, U+2066–U+2069). None is ever typed in
/// Vietnamese text; the first kind makes Word and Excel files invalid XML, the last hides what a name says.
/// </summary>
public static class InputText
{
    public static bool IsRefused(char c) =>
        c < 0x20 ? c is not ('\t' or '\n' or '\r')
        : c is (>= '\u007F' and <= '\u009F') or '\uFFFE' or '\uFFFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    public static bool HasRefused(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (IsRefused(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text without refused characters: for what is written into documents and logs, whatever its age.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text) || !HasRefused(text))
        {
            return text ?? "";
        }

        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsRefused(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }
}
