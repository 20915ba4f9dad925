using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Ocop.Web.Shared;

/// <summary>
/// Connects a field to its validation message for screen readers: the message gets an id, and a refused field gets
/// aria-invalid and aria-describedby naming that message. Razor's own tag helpers colour the field and print the
/// message beside it, but leave the two unconnected. Works without JavaScript: it is all in the server's HTML.
/// </summary>
public static class FieldErrors
{
    public static string MessageId(ViewContext view, string expression) =>
        TagBuilder.CreateSanitizedId(view.ViewData.TemplateInfo.GetFullHtmlFieldName(expression), "_") + "-error";

    public static bool HasErrors(ViewContext view, string expression) =>
        view.ViewData.ModelState.TryGetValue(view.ViewData.TemplateInfo.GetFullHtmlFieldName(expression), out var entry)
        && entry is { Errors.Count: > 0 };
}

/// <summary>Marks a refused field: aria-invalid, and aria-describedby pointing to its message.</summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var hidden = output.Attributes.TryGetAttribute("type", out var type) && "hidden".Equals(type.Value?.ToString(), StringComparison.OrdinalIgnoreCase);
        if (hidden || !FieldErrors.HasErrors(ViewContext, For.Name))
        {
            return;
        }

        var messageId = FieldErrors.MessageId(ViewContext, For.Name);
        output.Attributes.SetAttribute("aria-invalid", "true");
        output.Attributes.SetAttribute("aria-describedby",
            output.Attributes.TryGetAttribute("aria-describedby", out var described) ? $"{described.Value} {messageId}" : messageId);
    }
}

/// <summary>Gives a field's validation message the id its field refers to.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class FieldErrorMessageTagHelper : TagHelper
{
    [HtmlAttributeName("asp-validation-for")] public ModelExpression For { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.ContainsName("id"))
        {
            output.Attributes.SetAttribute("id", FieldErrors.MessageId(ViewContext, For.Name));
        }
    }
}
