using Microsoft.AspNetCore.Mvc.ModelBinding;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Dossiers;

/// <summary>Puts a use case's refusals on a dossier form beside what the form's own reading already said.</summary>
public static class FormErrors
{
    /// <summary>
    /// Adds the result's errors to fields that have none yet: a value the form could not read keeps its own message, and
    /// a rule the form's annotations already reported (the same annotations as the command's) is not said twice.
    /// </summary>
    public static void Merge<T>(ModelStateDictionary modelState, WriteResult<T> result, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var (field, messages) in result.Errors)
        {
            var key = field.Length == 0 ? "" : prefix + field;
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }

        if (result.Message is not null && result.Outcome is WriteOutcome.Stale)
        {
            modelState.AddModelError("", result.Message);
        }
    }
}
