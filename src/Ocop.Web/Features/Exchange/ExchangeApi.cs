using Microsoft.AspNetCore.Http.HttpResults;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Api;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Exchange;

/// <summary>
/// <c>GET /api/v1/exchange/certificates</c>: the recognised products and their certificates for other systems, as JSON
/// (paged, with links) or CSV (everything at once), with <c>?changedSince=</c> for what changed since the last call.
/// </summary>
public static class ExchangeApi
{
    public const int MaxPageSize = 1000;

    public static RouteGroupBuilder MapExchangeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/exchange/certificates", ListAsync)
            .WithName("ExchangeCertificates")
            .WithSummary("Trao đổi dữ liệu: sản phẩm được công nhận và giấy chứng nhận / Exchange: recognised products and certificates")
            .WithDescription("changedSince: thời điểm ISO 8601 (UTC) hoặc ngày yyyy-MM-dd — chỉ các dòng thay đổi sau đó, cũ trước mới sau; "
                + "format: json (mặc định, page, pageSize ≤ 1000, Link) hoặc csv (toàn bộ). Mã đơn vị theo ngày cấp và theo hôm nay. Tên trường cố định: docs/api.md.")
            .RequireRateLimiting(WritePaths.RateLimit)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<Results<Ok<ApiPage<ExchangeCertificate>>, FileContentHttpResult, ProblemHttpResult>> ListAsync(
        string? changedSince, string? format, int? page, int? pageSize, UserScopeLoader scopes, CertificateExchange exchange, HttpContext http, CancellationToken ct)
    {
        var (since, ok) = CertificateExchange.ParseSince(changedSince);
        if (!ok)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "changedSince không hợp lệ: ghi thời điểm ISO 8601, ví dụ 2026-01-31T17:00:00Z, hoặc ngày 2026-02-01.");
        }

        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (format is not null && !csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "format là json hoặc csv.");
        }

        var rows = await exchange.LoadAsync(await scopes.GetAsync(ct), since, ct);
        if (csv)
        {
            return TypedResults.File(CertificateExchange.Csv(rows), "text/csv; charset=utf-8", "ocop-giay-chung-nhan.csv");
        }

        var size = Math.Clamp(pageSize ?? 100, 1, MaxPageSize);
        var number = Math.Clamp(page ?? 1, 1, 1_000_000);
        ApiResults.AddPageLinks(http, number, size, rows.Count);
        return TypedResults.Ok(new ApiPage<ExchangeCertificate>(rows.Skip((number - 1) * size).Take(size).ToList(), rows.Count, number, size));
    }
}
