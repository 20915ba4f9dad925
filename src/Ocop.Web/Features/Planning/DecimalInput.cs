using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Ocop.Web.Features.Planning;

/// <summary>
/// A decimal typed as "50.5" (what a number field sends) or "50,5" (Vietnamese): the request culture alone would read
/// "50.5" as 505, the dot being the vi-VN group separator.
/// </summary>
public sealed class DecimalInputBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var raw = bindingContext.ValueProvider.GetValue(bindingContext.ModelName).FirstValue?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, raw, raw);
        if (decimal.TryParse(raw.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            bindingContext.Result = ModelBindingResult.Success(value);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "Nhập một số, ví dụ 50 hoặc 50,5.");
        }

        return Task.CompletedTask;
    }
}
