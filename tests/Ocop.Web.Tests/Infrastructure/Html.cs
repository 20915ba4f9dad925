using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Ocop.Web.Tests.Infrastructure;

/// <summary>What a person reads on a page: messages beside fields, the summary of errors, the rows of a list.</summary>
public static partial class Html
{
    /// <summary>The validation message shown beside each field (empty fields left out).</summary>
    public static Dictionary<string, string> FieldErrors(string html) =>
        FieldMessagePattern().Matches(html)
            .Select(m => (Field: m.Groups["field"].Value, Message: WebUtility.HtmlDecode(m.Groups["message"].Value).Trim()))
            .Where(m => m.Message.Length > 0)
            .GroupBy(m => m.Field)
            .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(m => m.Message)), StringComparer.Ordinal);

    /// <summary>The messages of the error summary at the top of a form (errors not tied to one field).</summary>
    public static List<string> SummaryErrors(string html)
    {
        var summary = SummaryPattern().Match(html);
        return summary.Success
            ? ListItemPattern().Matches(summary.Groups["body"].Value).Select(m => WebUtility.HtmlDecode(m.Groups["text"].Value).Trim()).Where(t => t.Length > 0).ToList()
            : [];
    }

    /// <summary>The ids of records linked from a page, in page order: Ids(html, "/Products/Details/").</summary>
    public static List<int> LinkedIds(string html, string pathPrefix) =>
        Regex.Matches(html, "href=\"" + Regex.Escape(pathPrefix) + "(\\d+)\"")
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>The page's text with entities decoded, for plain "contains" checks.</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(html);

    /// <summary>The id at the end of a redirect to a record, e.g. /Subjects/Details/42.</summary>
    public static int IdFromLocation(HttpResponseMessage response, string pathPrefix)
    {
        var location = response.Location();
        Assert.StartsWith(pathPrefix, location, StringComparison.Ordinal);
        return int.Parse(location[pathPrefix.Length..], CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("""<span[^>]*data-valmsg-for="(?<field>[^"]+)"[^>]*>(?<message>.*?)</span>""", RegexOptions.Singleline)]
    private static partial Regex FieldMessagePattern();

    [GeneratedRegex("""<div[^>]*validation-summary-errors[^>]*>(?<body>.*?)</div>""", RegexOptions.Singleline)]
    private static partial Regex SummaryPattern();

    [GeneratedRegex("""<li[^>]*>(?<text>.*?)</li>""", RegexOptions.Singleline)]
    private static partial Regex ListItemPattern();
}
