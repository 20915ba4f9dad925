using System.Net;
using System.Text.RegularExpressions;

namespace Ocop.Web.Tests.Infrastructure;

/// <summary>
/// A form as the server rendered it, read the way a browser would submit it: hidden fields (the antiforgery token,
/// the version), text, checked boxes, selected options and text areas. Tests change a few fields and post the rest
/// as they were, so a form post exercises the page exactly as a person's would.
/// </summary>
public sealed partial class HtmlForm
{
    public const string TokenField = "__RequestVerificationToken";

    private readonly List<KeyValuePair<string, string>> fields;

    private HtmlForm(string action, List<KeyValuePair<string, string>> fields)
    {
        Action = action;
        this.fields = fields;
    }

    /// <summary>Where the form posts to: its action, or the page it came from.</summary>
    public string Action { get; }

    public string? this[string name] => fields.Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();

    public IReadOnlyList<string> Values(string name) => fields.Where(f => f.Key == name).Select(f => f.Value).ToList();

    public IReadOnlyList<KeyValuePair<string, string>> Fields => fields;

    /// <summary>
    /// Reads the page's post form: the one whose action names the handler, or, without a handler, the first post form
    /// other than the sign-out form in the page header.
    /// </summary>
    public static HtmlForm Read(string html, string pageUrl, string? handler = null)
    {
        foreach (Match form in FormPattern().Matches(html))
        {
            var attributes = Attributes(form.Groups["attributes"].Value);
            if (!string.Equals(attributes.GetValueOrDefault("method"), "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var action = attributes.GetValueOrDefault("action") ?? "";
            var matches = handler is null
                ? !action.StartsWith("/Account/Logout", StringComparison.Ordinal) && !action.Contains("handler=", StringComparison.Ordinal)
                : action.Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase);
            if (matches)
            {
                return new HtmlForm(action.Length == 0 ? pageUrl : action, ReadFields(form.Groups["body"].Value));
            }
        }

        throw new Xunit.Sdk.XunitException($"No post form{(handler is null ? "" : " for handler " + handler)} on {pageUrl}.");
    }

    /// <summary>The antiforgery token of any form on the page (every signed-in page has the sign-out form).</summary>
    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success
            ? WebUtility.HtmlDecode(match.Groups["value"].Value)
            : throw new Xunit.Sdk.XunitException("The page has no antiforgery token.");
    }

    /// <summary>Sets one value, replacing whatever the form had under that name (null removes the field).</summary>
    public HtmlForm Set(string name, string? value)
    {
        fields.RemoveAll(f => f.Key == name);
        if (value is not null)
        {
            fields.Add(new(name, value));
        }

        return this;
    }

    /// <summary>Sets a multi-valued field (checkbox group, multiple select) to exactly these values.</summary>
    public HtmlForm SetAll(string name, params string[] values)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    public HtmlForm Without(string name) => Set(name, null);

    public FormUrlEncodedContent ToContent() => new(fields);

    private static List<KeyValuePair<string, string>> ReadFields(string body)
    {
        var found = new List<(int Position, string Name, string Value)>();
        foreach (Match input in InputPattern().Matches(body))
        {
            var a = Attributes(input.Groups["attributes"].Value);
            var type = a.GetValueOrDefault("type")?.ToLowerInvariant() ?? "text";
            if (a.GetValueOrDefault("name") is not { } name || type is "submit" or "button" or "reset" or "file" or "image" || a.ContainsKey("disabled"))
            {
                continue;
            }

            if (type is "checkbox" or "radio" && !a.ContainsKey("checked"))
            {
                continue;
            }

            found.Add((input.Index, name, a.GetValueOrDefault("value") ?? (type is "checkbox" or "radio" ? "on" : "")));
        }

        foreach (Match select in SelectPattern().Matches(body))
        {
            var a = Attributes(select.Groups["attributes"].Value);
            if (a.GetValueOrDefault("name") is not { } name || a.ContainsKey("disabled"))
            {
                continue;
            }

            var options = OptionPattern().Matches(select.Groups["body"].Value)
                .Select(o => (Attributes: Attributes(o.Groups["attributes"].Value), Text: o.Groups["text"].Value))
                .Select(o => (Value: o.Attributes.GetValueOrDefault("value") ?? WebUtility.HtmlDecode(o.Text).Trim(), Selected: o.Attributes.ContainsKey("selected")))
                .ToList();
            var chosen = options.Where(o => o.Selected).Select(o => o.Value).ToList();
            // A single select with nothing marked submits its first option, as browsers do.
            if (chosen.Count == 0 && !a.ContainsKey("multiple") && options.Count > 0)
            {
                chosen.Add(options[0].Value);
            }

            found.AddRange(chosen.Select(v => (select.Index, name, v)));
        }

        foreach (Match area in TextAreaPattern().Matches(body))
        {
            var a = Attributes(area.Groups["attributes"].Value);
            if (a.GetValueOrDefault("name") is not { } name)
            {
                continue;
            }

            // The tag helper writes a new line first, which browsers drop.
            var text = WebUtility.HtmlDecode(area.Groups["text"].Value);
            text = text.StartsWith("\r\n", StringComparison.Ordinal) ? text[2..] : text.StartsWith('\n') ? text[1..] : text;
            found.Add((area.Index, name, text));
        }

        return found.OrderBy(f => f.Position).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
    }

    private static Dictionary<string, string> Attributes(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in AttributePattern().Matches(text))
        {
            var value = m.Groups["dq"].Success ? m.Groups["dq"].Value : m.Groups["sq"].Success ? m.Groups["sq"].Value : m.Groups["bare"].Value;
            result[m.Groups["name"].Value] = WebUtility.HtmlDecode(value);
        }

        return result;
    }

    [GeneratedRegex("""<form(?<attributes>[^>]*)>(?<body>.*?)</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("""<input(?<attributes>[^>]*)>""", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("""<select(?<attributes>[^>]*)>(?<body>.*?)</select>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("""<option(?<attributes>[^>]*)>(?<text>.*?)</option>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();

    [GeneratedRegex("""<textarea(?<attributes>[^>]*)>(?<text>.*?)</textarea>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextAreaPattern();

    [GeneratedRegex("""(?<name>[^\s=/>"']+)(?:\s*=\s*(?:"(?<dq>[^"]*)"|'(?<sq>[^']*)'|(?<bare>[^\s>"']+)))?""")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex TokenPattern();
}
