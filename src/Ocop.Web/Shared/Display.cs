using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace Ocop.Web.Shared;

/// <summary>Vietnamese display of enums, dates and numbers (vi-VN: dd/MM/yyyy, 1.234,5).</summary>
public static class Display
{
    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var member = typeof(TEnum).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static);
        return member?.GetCustomAttribute<DisplayAttribute>()?.Name ?? value.ToString();
    }

    /// <summary>Names of the flags set in a flags enum, joined with commas.</summary>
    public static string Flags<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var names = Enum.GetValues<TEnum>()
            .Where(f => Convert.ToInt64(f, CultureInfo.InvariantCulture) != 0 && value.HasFlag(f))
            .Select(Name)
            .ToList();
        return names.Count == 0 ? "—" : string.Join(", ", names);
    }

    public static IEnumerable<TEnum> Values<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(f => Convert.ToInt64(f, CultureInfo.InvariantCulture) != 0);

    /// <summary>
    /// A star rank as five stars for the eye and "3 sao" for a screen reader (the star characters alone are read as
    /// "black star" three times, and aria-label on a plain span is not announced).
    /// </summary>
    public static Microsoft.AspNetCore.Html.HtmlString Stars(int stars)
    {
        var shown = Math.Clamp(stars, 0, 5);
        return new($"<span aria-hidden=\"true\">{new string('★', shown)}{new string('☆', 5 - shown)}</span><span class=\"sr-only\">{shown.ToString(Vi)} sao</span>");
    }

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", Vi) ?? "";

    /// <summary>UTC stored, shown in Vietnam time (UTC+7, no daylight saving).</summary>
    public static string Date(DateTime? utc) => utc is null ? "" : utc.Value.AddHours(7).ToString("dd/MM/yyyy HH:mm", Vi);

    /// <summary>Today in Vietnam (UTC+7), the date every deadline and validity is counted on.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));

    public static string Number(long value) => value.ToString("N0", Vi);

    public static string YesNo(bool value) => value ? "Có" : "Không";
}
