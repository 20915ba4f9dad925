using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Ocop.Web.Shared;

/// <summary>
/// The checks every input passes before any page or endpoint sees it, whatever its own validation does:
/// no refused character (<see cref="InputText"/>) in the path, a query or form field name or value; every date within
/// <see cref="FirstYear"/>–<see cref="LastYear"/>, and so every year field. A refused input is answered 400: a Vietnamese page
/// naming the field for people, a problem (RFC 9457) for the API. Nothing downstream runs, so nothing is written.
/// </summary>
public static partial class InputGuard
{
    public const int FirstYear = 1900;
    public const int LastYear = 2199;

    /// <summary>Why this field's value is refused, in Vietnamese, or null when it is fine.</summary>
    public static string? Refusal(string name, string? value)
    {
        if (InputText.HasRefused(name) || InputText.HasRefused(value))
        {
            return "có ký tự điều khiển hoặc ký tự định hướng văn bản không được phép";
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        var date = IsoDate().Match(text) is { Success: true } iso ? iso.Groups["year"].Value
            : VietnameseDate().Match(text) is { Success: true } vn ? vn.Groups["year"].Value
            : null;
        if (date is not null && !InYears(date))
        {
            return $"ngày phải trong khoảng năm {FirstYear}–{LastYear}";
        }

        var field = name[(name.LastIndexOf('.') + 1)..];
        if (field.EndsWith("year", StringComparison.OrdinalIgnoreCase) && IntegerText().IsMatch(text) && !InYears(text))
        {
            return $"năm phải trong khoảng {FirstYear}–{LastYear}";
        }

        return null;
    }

    private static bool InYears(string digits) =>
        digits.Length <= 6 && int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var year)
        && year is >= FirstYear and <= LastYear;

    /// <summary>TRACE (and the old TRACK) echo requests back, cookies included: answered 405. Query strings are checked here.</summary>
    public static async Task CheckRequestAsync(HttpContext http, Func<Task> next)
    {
        if (HttpMethods.IsTrace(http.Request.Method) || string.Equals(http.Request.Method, "TRACK", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = "GET, HEAD, POST";
            return;
        }

        if (InputText.HasRefused(http.Request.Path.Value))
        {
            await RefuseAsync(http, "đường dẫn", "có ký tự điều khiển hoặc ký tự định hướng văn bản không được phép");
            return;
        }

        foreach (var (name, values) in http.Request.Query)
        {
            foreach (var value in values)
            {
                if (Refusal(name, value) is { } reason)
                {
                    await RefuseAsync(http, name, reason);
                    return;
                }
            }
        }

        await next();
    }

    public static Task RefuseAsync(HttpContext http, string field, string reason)
    {
        var label = InputText.Clean(field);
        label = label.Length <= 60 ? label : label[..60];
        var detail = $"Giá trị của «{label}» {reason}.";
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        return StatusPages.WriteAsync(http, StatusCodes.Status400BadRequest, detail);
    }

    [GeneratedRegex(@"^(?<year>-?\d{1,6})-\d{1,2}-\d{1,2}(T[\d:.]+Z?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\d{1,2}/\d{1,2}/(?<year>-?\d{1,6})$", RegexOptions.CultureInvariant)]
    private static partial Regex VietnameseDate();

    [GeneratedRegex(@"^-?\d{1,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerText();
}

/// <summary>
/// Form fields of every page post pass <see cref="InputGuard.Refusal"/> once the page's own size limits have let the form
/// be read; uploaded files' names are cleaned where they are stored (<see cref="FileNames"/>).
/// </summary>
public sealed class InputGuardPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
            foreach (var (name, values) in form)
            {
                foreach (var value in values)
                {
                    if (InputGuard.Refusal(name, value) is { } reason)
                    {
                        context.Result = new RefusedInputResult(name, reason);
                        return;
                    }
                }
            }
        }

        // A handler's own parameters (an id, a year) are never shown again as a form field: one that does not bind is a 400.
        foreach (var parameter in context.HandlerMethod?.Parameters ?? [])
        {
            if (context.ModelState.TryGetValue(parameter.Name, out var entry) && entry.Errors.Count > 0)
            {
                context.Result = new RefusedInputResult(parameter.Name, "không hợp lệ");
                return;
            }
        }

        await next();
    }

    private sealed class RefusedInputResult(string field, string reason) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => InputGuard.RefuseAsync(context.HttpContext, field, reason);
    }
}

/// <summary>
/// A request larger than its endpoint accepts is answered before anything reads its body (antiforgery, the form): 413
/// with a page that says how large it may be (the page's own limit, else the server's), not the bare 400 a half-read
/// form gives. Runs after routing, which knows the endpoint and so its limit.
/// </summary>
public static class RequestSize
{
    public static async Task CheckAsync(HttpContext http, Func<Task> next)
    {
        var length = http.Request.ContentLength;
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
            ?? DefaultLimit;
        if (length is > 0 && length > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await StatusPages.WriteAsync(http, StatusCodes.Status413PayloadTooLarge,
                $"Dữ liệu gửi lên quá lớn ({Megabytes(length.Value)} MB): mỗi lần gửi tối đa {Megabytes(limit)} MB. Hãy chọn tệp nhỏ hơn rồi gửi lại.");
            return;
        }

        await next();
    }

    /// <summary>Kestrel's own default, for hosts that state none.</summary>
    public const long DefaultLimit = 30_000_000;

    public static string Megabytes(long bytes) => (bytes / 1024m / 1024m).ToString("0.#", CultureInfo.GetCultureInfo("vi-VN"));
}
