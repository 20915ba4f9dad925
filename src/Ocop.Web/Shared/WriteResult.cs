using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Ocop.Web.Shared;

/// <summary>How a use case (a command and its handler) ended: pages, the API and the importer each translate it.</summary>
public enum WriteOutcome
{
    /// <summary>Written (or, for the importer's staging, ready to be written).</summary>
    Done,
    /// <summary>No such record, or one the user may not see: the two answer alike, ids are no way to probe.</summary>
    NotFound,
    /// <summary>The user may see the record but not do this to it.</summary>
    Refused,
    /// <summary>The command breaks a rule: <see cref="WriteResult{T}.Errors"/> says which field and why.</summary>
    Invalid,
    /// <summary>Someone else changed the record since the version the command was made from.</summary>
    Stale,
}

/// <summary>
/// The typed result of a use case. Field errors are keyed by the command's property names ("" for the command as a
/// whole), in Vietnamese.
/// </summary>
public sealed record WriteResult<T>(WriteOutcome Outcome, T? Value, IReadOnlyDictionary<string, string[]> Errors, string? Message)
{
    public bool IsDone => Outcome == WriteOutcome.Done;

    /// <summary>Every message, field by field: what the importer writes beside a refused row.</summary>
    public IEnumerable<string> AllMessages() => Message is not null ? [Message] : Errors.SelectMany(e => e.Value);

    /// <summary>Puts the errors on a page's form (fields under <paramref name="prefix"/>, e.g. "Input."); a message without a field goes to the summary.</summary>
    public void AddTo(ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var (field, messages) in Errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(field.Length == 0 ? "" : prefix + field, message);
            }
        }

        if (Message is not null && Outcome is WriteOutcome.Stale or WriteOutcome.Invalid)
        {
            modelState.AddModelError("", Message);
        }
    }
}

/// <summary>The results a use case returns: <c>WriteResult.Done(saved)</c>, <c>WriteResult.NotFound&lt;Saved&gt;("…")</c>.</summary>
public static class WriteResult
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>(StringComparer.Ordinal);

    public static WriteResult<T> Done<T>(T value) => new(WriteOutcome.Done, value, NoErrors, null);

    public static WriteResult<T> NotFound<T>(string message) => new(WriteOutcome.NotFound, default, NoErrors, message);

    public static WriteResult<T> Refused<T>(string message) => new(WriteOutcome.Refused, default, NoErrors, message);

    public static WriteResult<T> Stale<T>(string message) => new(WriteOutcome.Stale, default, NoErrors, message);

    public static WriteResult<T> Invalid<T>(FieldErrorList errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new(WriteOutcome.Invalid, default, errors.ToDictionary(), null);
    }
}

/// <summary>Field errors gathered while a command is checked, the data annotations of the command first.</summary>
public sealed class FieldErrorList
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public bool Has(string field) => errors.ContainsKey(field);

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            list = [];
            errors[field] = list;
        }

        if (!list.Contains(message, StringComparer.Ordinal))
        {
            list.Add(message);
        }
    }

    /// <summary>
    /// The command's own data annotations (required, lengths, patterns), and any text holding a character no text of the
    /// product may hold (control characters, bidirectional overrides): the same checks whoever sends the command.
    /// </summary>
    public static FieldErrorList Annotations(object command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var list = new FieldErrorList();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(command, new ValidationContext(command), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                list.Add(member, result.ErrorMessage ?? "Giá trị không hợp lệ.");
            }
        }

        foreach (var property in command.GetType().GetProperties())
        {
            if (property.PropertyType == typeof(string) && property.GetIndexParameters().Length == 0
                && property.GetValue(command) is string text && text.Any(RefusedCharacter))
            {
                list.Add(property.Name, "Có ký tự điều khiển hoặc ký tự định hướng văn bản không được phép.");
            }
        }

        return list;
    }

    /// <summary>Control characters other than tab and line breaks, DEL and C1, non-characters, and bidirectional embeddings and overrides.</summary>
    public static bool RefusedCharacter(char c) =>
        c < 0x20 ? c is not ('\t' or '\n' or '\r')
        : c is (>= '\u007F' and <= '\u009F') or '\uFFFE' or '\uFFFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
