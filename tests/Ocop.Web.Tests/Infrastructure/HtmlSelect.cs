using System.Text.RegularExpressions;

namespace Ocop.Web.Tests.Infrastructure;

/// <summary>The options of a select on a page.</summary>
public static partial class HtmlSelect
{
    /// <summary>The values of the select's options, the empty "choose" option left out.</summary>
    public static List<string> Options(string html, string selectName)
    {
        var select = Regex.Match(html, $"<select[^>]*name=\"{Regex.Escape(selectName)}\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        Assert.True(select.Success, $"no select named {selectName}");
        return OptionValue().Matches(select.Groups[1].Value).Select(m => m.Groups[1].Value).Where(v => v.Length > 0).ToList();
    }

    [GeneratedRegex("<option value=\"([^\"]*)\"")]
    private static partial Regex OptionValue();
}
