using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Ocop.Web.Shared;

/// <summary>
/// Dates are typed and shown as dd/MM/yyyy whatever the browser's language (issue 17): a browser's own date picker
/// shows mm/dd/yyyy in English and cannot be told otherwise without JavaScript, so a date field is a text field in the
/// Vietnamese order (<see cref="DateInputTagHelper"/>), read back by <see cref="DateInputBinder"/>.
/// </summary>
public static class DateInput
{
    /// <summary>What a person types; ISO (yyyy-MM-dd) is read too, for links, bookmarks and programs that post forms.</summary>
    private static readonly string[] Formats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    public const string Placeholder = "dd/mm/yyyy";

    /// <summary>One or two digits, a slash, one or two digits, a slash, four digits (or the ISO form): checked by the browser too.</summary>
    /// <remarks>Written without character classes: browsers compile the pattern in the strict "v" mode, where an unescaped "/" in a class makes it void.</remarks>
    public const string Pattern = @"\s*\d{1,2}(\/|\.|-)\d{1,2}(\/|\.|-)\d{4}\s*|\s*\d{4}-\d{2}-\d{2}\s*";

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        return !string.IsNullOrWhiteSpace(text)
            && DateOnly.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && date.Year is >= 1900 and <= 2100;
    }

    /// <summary>A value as the field shows it: an ISO date becomes dd/MM/yyyy; anything else (a mistyped value sent back) stays as typed.</summary>
    public static string Show(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Display.Date(date) : value ?? "";
}

/// <summary>Reads a date field (<see cref="DateOnly"/>) typed as dd/MM/yyyy, or ISO; anything else is a Vietnamese form error.</summary>
public sealed class DateInputBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (values == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, values);
        var raw = values.FirstValue;
        if (string.IsNullOrWhiteSpace(raw))
        {
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "Hãy nhập ngày (ngày/tháng/năm, ví dụ 31/12/2026).");
            }

            return Task.CompletedTask;
        }

        if (DateInput.TryParse(raw, out var date))
        {
            bindingContext.Result = ModelBindingResult.Success(date);
            return Task.CompletedTask;
        }

        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "Ngày không hợp lệ: hãy viết ngày/tháng/năm, ví dụ 31/12/2026.");
        return Task.CompletedTask;
    }
}

public sealed class DateInputBinderProvider : IModelBinderProvider
{
    private static readonly DateInputBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(DateOnly) && context.BindingInfo.BinderType is null ? Binder : null;
}

/// <summary>
/// Every <c>&lt;input type="date"&gt;</c> of the pages becomes a text field in the Vietnamese order: its value shown as
/// dd/MM/yyyy, a placeholder and a pattern saying so, and min/max (ISO, meaningless in a text field) dropped.
/// </summary>
/// <remarks>Every input is looked at: the framework's tag helper makes a <c>DateOnly</c> field a date input by itself.</remarks>
[HtmlTargetElement("input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateInputTagHelper : TagHelper
{
    // After the framework's input tag helper has written the bound value (as yyyy-MM-dd for a date).
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.TryGetAttribute("type", out var type) || !string.Equals(type.Value?.ToString(), "date", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("autocomplete", "off");
        output.Attributes.SetAttribute("placeholder", DateInput.Placeholder);
        output.Attributes.SetAttribute("pattern", DateInput.Pattern);
        output.Attributes.SetAttribute("title", "Ngày/tháng/năm, ví dụ 31/12/2026");
        output.Attributes.SetAttribute("maxlength", "10");
        output.AddClass("date", System.Text.Encodings.Web.HtmlEncoder.Default);
        if (output.Attributes.TryGetAttribute("value", out var value))
        {
            output.Attributes.SetAttribute("value", DateInput.Show(value.Value?.ToString()));
        }

        output.Attributes.RemoveAll("min");
        output.Attributes.RemoveAll("max");
    }
}
