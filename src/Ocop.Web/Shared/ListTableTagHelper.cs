using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Ocop.Web.Shared;

/// <summary>
/// Gives every cell of a list table (<c>&lt;table class="list"&gt;</c>) the words of its column heading as a
/// <c>data-label</c>, so that under 600 px, where site.css turns each row into a card, a figure still says what it is
/// ("Sản phẩm: 12"). Done once here for every list of every page, instead of a label written by hand in each cell.
/// </summary>
[HtmlTargetElement("table", Attributes = "class")]
public sealed partial class ListTableTagHelper : TagHelper
{
    // After the framework's own tag helpers have rendered the cells' content.
    public override int Order => 1000;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var classes = output.Attributes["class"]?.Value?.ToString() ?? "";
        if (!classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("list", StringComparer.Ordinal))
        {
            return;
        }

        var content = (await output.GetChildContentAsync()).GetContent();
        output.Content.SetHtmlContent(Label(content));
    }

    /// <summary>Adds the heading's words to each body cell, counting columns with their colspan.</summary>
    public static string Label(string table)
    {
        var head = Head().Match(table);
        if (!head.Success)
        {
            return table;
        }

        var labels = new List<string>();
        foreach (Match cell in Cell().Matches(head.Value))
        {
            var text = WebUtility.HtmlDecode(Tags().Replace(cell.Groups["body"].Value, " "));
            text = Spaces().Replace(text, " ").Trim();
            var span = ColumnSpan().Match(cell.Groups["attributes"].Value) is { Success: true } s ? int.Parse(s.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            for (var i = 0; i < span; i++)
            {
                labels.Add(i == 0 ? text : "");
            }
        }

        var bodyStart = head.Index + head.Length;
        var result = new StringBuilder(table.Length + 2048);
        result.Append(table, 0, bodyStart);
        var rest = table[bodyStart..];
        result.Append(Row().Replace(rest, row =>
        {
            var column = 0;
            return CellOpening().Replace(row.Value, opening =>
            {
                var attributes = opening.Groups["attributes"].Value;
                var label = column < labels.Count ? labels[column] : "";
                column += ColumnSpan().Match(attributes) is { Success: true } s ? int.Parse(s.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
                if (label.Length == 0 || attributes.Contains("data-label", StringComparison.Ordinal))
                {
                    return opening.Value;
                }

                return $"<{opening.Groups["tag"].Value} data-label=\"{WebUtility.HtmlEncode(label)}\"{attributes}>";
            });
        }));
        return result.ToString();
    }

    [GeneratedRegex(@"<thead\b.*?</thead>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Head();

    [GeneratedRegex(@"<t[hd](?<attributes>\b[^>]*)>(?<body>.*?)</t[hd]>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Cell();

    [GeneratedRegex(@"<tr\b.*?</tr>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Row();

    [GeneratedRegex(@"<(?<tag>t[hd])(?<attributes>(?:\s[^>]*)?)>", RegexOptions.IgnoreCase)]
    private static partial Regex CellOpening();

    [GeneratedRegex(@"colspan=""?(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ColumnSpan();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
