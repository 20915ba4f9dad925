using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Ocop.Web.Shared;

/// <summary>Unexpected errors become an RFC 7807 problem for the API and a plain Vietnamese error page for people.</summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        var (status, title) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "Dữ liệu gửi lên quá lớn. Hãy chọn tệp nhỏ hơn rồi gửi lại."),
            BadHttpRequestException bad => (bad.StatusCode, "Yêu cầu không hợp lệ."),
            InvalidDataException => (StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ: không đọc được dữ liệu biểu mẫu."),
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Bản ghi đã bị người khác thay đổi. Hãy mở lại trang rồi thử lại."),
            _ => (StatusCodes.Status500InternalServerError, "Đã xảy ra lỗi. Vui lòng thử lại sau."),
        };
        if (status >= 500)
        {
            log.LogError(exception, "Unhandled error on {Path}", http.Request.Path);
        }
        else
        {
            log.LogInformation(exception, "Refused request on {Path}: {Status}", http.Request.Path, status);
        }

        http.Response.Clear();
        http.Response.StatusCode = status;
        // A developer (and the fuzz suite's report) sees what broke; a production user never does.
        var development = http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        await StatusPages.WriteAsync(http, status, development && status >= 500 ? exception.ToString() : title);
        return true;
    }
}

/// <summary>Status pages (404, 403, 400, 405, 413, 429, 500) in Vietnamese for people, problem details for the API.</summary>
public static class StatusPages
{
    // Vietnamese letters as they are, as on every other page (OcopApp's WebEncoderOptions).
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static Task WriteAsync(StatusCodeContext context) => WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode, null);

    public static string Title(int status) => status switch
    {
        404 => "Không tìm thấy.",
        403 => "Bạn không có quyền truy cập.",
        401 => "Cần đăng nhập.",
        400 => "Yêu cầu không hợp lệ.",
        405 => "Phương thức không được hỗ trợ.",
        409 => "Bản ghi đã bị người khác thay đổi.",
        413 => "Dữ liệu gửi lên quá lớn.",
        429 => "Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.",
        >= 500 => "Đã xảy ra lỗi. Vui lòng thử lại sau.",
        _ => "Lỗi.",
    };

    /// <summary>Whether the caller is a program rather than a person: the API, or a request that asks for JSON and not HTML.</summary>
    public static bool WantsProblem(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/api"))
        {
            return true;
        }

        var accept = request.Headers.Accept.ToString();
        return accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    public static async Task WriteAsync(HttpContext http, int status, string? detail)
    {
        var title = Title(status);
        if (WantsProblem(http.Request))
        {
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails { Status = status, Title = detail ?? title, Detail = detail is null ? null : title },
            });
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        var message = detail is null ? "" : $"<p>{Encoder.Encode(detail)}</p>";
        await http.Response.WriteAsync($"""
            <!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{status} – OCOP</title>
            <link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="container"><h1>{status}</h1><p>{title}</p>{message}<p><a href="/">Về trang chủ</a></p></main></body></html>
            """);
    }
}
