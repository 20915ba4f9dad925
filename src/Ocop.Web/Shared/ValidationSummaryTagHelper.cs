using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Ocop.Web.Shared;

/// <summary>
/// An empty validation summary gets a placeholder item hidden by an inline style, which the content security policy
/// blocks (and the browser would show as an empty bullet): it is hidden by the <c>hidden</c> attribute instead.
/// Runs after ASP.NET Core's own validation summary tag helper.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ValidationSummaryWithoutInlineStyle : TagHelper
{
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var content = output.PostContent.GetContent();
        if (content.Contains("style=\"display:none\"", StringComparison.Ordinal))
        {
            output.PostContent.SetHtmlContent(content.Replace("<li style=\"display:none\"></li>", "<li hidden></li>", StringComparison.Ordinal));
        }
    }
}
