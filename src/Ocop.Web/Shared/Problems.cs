using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Ocop.Web.Shared;

/// <summary>Unexpected errors become an RFC 7807 problem for the API and a plain Vietnamese error page for people.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        log.LogError(exception, "Unhandled error on {Path}", http.Request.Path);
        var (status, title) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Yêu cầu không hợp lệ."),
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Bản ghi đã bị người khác thay đổi."),
            _ => (StatusCodes.Status500InternalServerError, "Đã xảy ra lỗi. Vui lòng thử lại sau."),
        };
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title },
            Exception = exception,
        });
    }
}

/// <summary>Status pages (404, 403) in Vietnamese for people, problem details for the API.</summary>
public static class StatusPages
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var title = status switch
        {
            404 => "Không tìm thấy.",
            403 => "Bạn không có quyền truy cập.",
            401 => "Cần đăng nhập.",
            400 => "Yêu cầu không hợp lệ.",
            _ => "Lỗi.",
        };
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = new ProblemDetails { Status = status, Title = title } });
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{status} – OCOP</title>
            <link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="container"><h1>{status}</h1><p>{title}</p><p><a href="/">Về trang chủ</a></p></main></body></html>
            """);
    }
}
