using Ocop.Web.Shared;

namespace Ocop.Web.Features.Support;

/// <summary>The checks the registers of section III share, each adding a Vietnamese message to the field it concerns (the command's property name).</summary>
public static class SectionForms
{
    public const string Stale = "Hồ sơ vừa được người khác thay đổi. Tải lại trang rồi sửa lại.";

    /// <summary>The fields of a row of a form (an offer, a link, an entry): its annotations under the row's prefix, e.g. "Links[2].".</summary>
    public static void Row(FieldErrorList errors, string prefix, object row)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, messages) in FieldErrorList.Annotations(row).ToDictionary())
        {
            foreach (var message in messages)
            {
                errors.Add(prefix + field, message);
            }
        }
    }

    /// <summary>
    /// Latitude and longitude in WGS 84 degrees, for the public map: both or neither, within the world's ranges, and within
    /// Vietnam's box (with its islands) so that swapped or mistyped coordinates are caught.
    /// </summary>
    public static void Coordinates(FieldErrorList state, string prefix, decimal? latitude, decimal? longitude)
    {
        if (latitude is null != longitude is null)
        {
            state.Add(prefix + (latitude is null ? "Latitude" : "Longitude"), "Nhập cả vĩ độ và kinh độ, hoặc để trống cả hai.");
            return;
        }

        if (latitude is decimal lat && (lat < 8.0m || lat > 23.5m))
        {
            state.Add(prefix + "Latitude", "Vĩ độ phải trong lãnh thổ Việt Nam (từ 8,0 đến 23,5 độ Bắc; ví dụ 9,9347).");
        }

        if (longitude is decimal lng && (lng < 102.0m || lng > 117.5m))
        {
            state.Add(prefix + "Longitude", "Kinh độ phải trong lãnh thổ Việt Nam (từ 102,0 đến 117,5 độ Đông; ví dụ 106,3421).");
        }
    }

    /// <summary>An end, when given, comes after the start (it is the first day the fact no longer holds).</summary>
    public static void Period(FieldErrorList state, string endField, DateOnly? start, DateOnly? end, string message = "Ngày kết thúc phải sau ngày bắt đầu.")
    {
        if (start is DateOnly s && end is DateOnly e && e <= s)
        {
            state.Add(endField, message);
        }
    }

    /// <summary>A date that may not be in the future (something that happened).</summary>
    public static void NotAfterToday(FieldErrorList state, string field, DateOnly? date, DateOnly today, string label)
    {
        if (date > today)
        {
            state.Add(field, $"{label} không được sau hôm nay.");
        }
    }

    public static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>An address on the web: http or https only (a listing's page), so a stored link never runs a script.</summary>
    public static bool IsWebAddress(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(uri.Host);
}
