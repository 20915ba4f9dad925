using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Ocop.Web.Shared;

/// <summary>
/// A yes/no field (a checkbox) posted with anything but true or false is a form error, and the form shows the box
/// unticked: MVC's own binder keeps the posted text, and the checkbox tag helper then throws reading it back (a 500).
/// </summary>
public sealed class BooleanInputBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (values == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        var raw = values.FirstValue?.Trim();
        if (string.IsNullOrEmpty(raw) && bindingContext.ModelMetadata.IsReferenceOrNullableType)
        {
            bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }

        if (bool.TryParse(raw, out var value))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, values);
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, new ValueProviderResult("false"));
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "Giá trị có/không không hợp lệ.");
        return Task.CompletedTask;
    }
}

public sealed class BooleanInputBinderProvider : IModelBinderProvider
{
    private static readonly BooleanInputBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) && context.BindingInfo.BinderType is null ? Binder : null;
}
