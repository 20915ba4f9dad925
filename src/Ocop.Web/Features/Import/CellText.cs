using System.Globalization;
using Ocop.Core.Text;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Import;

/// <summary>
/// Reads the values of a list's cells as offices type them: dates as 22/08/2022 or 2022-08-22 (or an Excel date),
/// whole numbers with or without "." thousands, yes/no as "có", "x", "1"; choices by their Vietnamese name with or
/// without diacritics ("Hộ kinh doanh", "ho kinh doanh"), several separated by commas or semicolons.
/// </summary>
public static class CellText
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "yyyy-MM-dd HH:mm"];

    public static (DateOnly? Value, string? Problem) Date(string text, string column)
    {
        if (text.Length == 0)
        {
            return (null, null);
        }

        return DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
               && date.Year is >= 1900 and <= 2199
            ? (DateOnly.FromDateTime(date), null)
            : (null, $"{column}: \"{text}\" không phải ngày (ghi dd/mm/yyyy).");
    }

    public static (int? Value, string? Problem) Whole(string text, string column)
    {
        if (text.Length == 0)
        {
            return (null, null);
        }

        var digits = text.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? (value, null)
            : (null, $"{column}: \"{text}\" không phải số nguyên.");
    }

    public static (long? Value, string? Problem) Amount(string text, string column)
    {
        if (text.Length == 0)
        {
            return (null, null);
        }

        var digits = text.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? (value, null)
            : (null, $"{column}: \"{text}\" không phải số tiền (đồng).");
    }

    public static bool Yes(string text) => VietnameseText.Fold(text) is "co" or "x" or "1" or "true" or "yes" or "dung";

    /// <summary>A choice by its Vietnamese name (or the code's own name), null when empty; a problem when no choice has that name.</summary>
    public static (TEnum? Value, string? Problem) Choice<TEnum>(string text, string column, IReadOnlyDictionary<string, TEnum>? aliases = null) where TEnum : struct, Enum
    {
        if (text.Length == 0)
        {
            return (null, null);
        }

        var key = VietnameseText.Fold(text);
        if (aliases is not null && aliases.TryGetValue(key, out var alias))
        {
            return (alias, null);
        }

        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (VietnameseText.Fold(Display.Name(value)) == key || string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return (value, null);
            }
        }

        return (null, $"{column}: \"{text}\" không có trong danh mục ({string.Join(", ", Enum.GetValues<TEnum>().Select(v => Display.Name(v)))}).");
    }

    /// <summary>Several choices in one cell, separated by commas or semicolons.</summary>
    public static (List<TEnum> Values, string? Problem) Choices<TEnum>(string text, string column) where TEnum : struct, Enum
    {
        var values = new List<TEnum>();
        foreach (var part in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (value, problem) = Choice<TEnum>(part, column);
            if (problem is not null)
            {
                return ([], problem);
            }

            values.Add(value!.Value);
        }

        return (values, null);
    }
}
