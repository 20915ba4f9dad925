namespace Ocop.Web;

/// <summary>
/// An uploaded file's own name as it may be stored and shown: no folders (either slash), no refused characters (see
/// <see cref="InputText"/>), no characters Windows forbids in a name, no leading or trailing dots and spaces, at most
/// 255 characters with the extension kept. The stored file itself always gets a random name; this is only the label.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 255;

    private static readonly char[] Forbidden = ['<', '>', ':', '"', '|', '?', '*'];

    public static string Clean(string? fileName, string fallback = "tep")
    {
        var name = InputText.Clean(fileName).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => Array.IndexOf(Forbidden, c) < 0 && !char.IsControl(c) && c is not ('\u200E' or '\u200F')).ToArray());
        name = name.Trim().Trim('.').Trim();
        if (name.Length == 0)
        {
            return fallback;
        }

        if (name.Length <= MaxLength)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        if (extension.Length > 16)
        {
            extension = "";
        }

        return name[..(MaxLength - extension.Length)].TrimEnd() + extension;
    }
}
