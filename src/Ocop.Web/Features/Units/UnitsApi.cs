using Microsoft.AspNetCore.Http.HttpResults;
using Ocop.Web.Data;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Units;

/// <summary>Vietnam's administrative units before and after the 2025 reform, with their successors: public open data, like the certificate check.</summary>
public static class UnitsApi
{
    public static RouteGroupBuilder MapUnitsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/units", ListAsync)
            .WithName("ListUnits")
            .WithTags("Units")
            .WithSummary("Đơn vị hành chính (công khai) / Administrative units (public)")
            .WithDescription("Không cần đăng nhập. q: tên có hoặc không dấu, hoặc mã; level: province | district | commune; at: yyyy-MM-dd — "
                + "chỉ các đơn vị còn hiệu lực ngày đó; within: mã đơn vị — chỉ các đơn vị thuộc hoặc đã sáp nhập vào đơn vị đó (mã ngày at, mặc định hôm nay); "
                + "page, pageSize (≤ 100). Mỗi đơn vị: mã, tên, loại, cấp, hiệu lực, đơn vị cấp trên, các đơn vị kế thừa (và đơn vị nhận hồ sơ), các đơn vị tiền thân.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<Results<Ok<ApiPage<UnitRow>>, ProblemHttpResult>> ListAsync(
        string? q, string? level, string? at, string? within, int? page, int? pageSize,
        OcopDbContext db, UnitDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var (parsedLevel, levelOk) = UnitSearch.ParseLevel(level);
        if (!levelOk)
        {
            return Problem("Cấp đơn vị không hợp lệ.", "Tham số level là province, district hoặc commune.");
        }

        if (!UnitSearch.TryParseDate(at, out var date))
        {
            return Problem("Ngày không hợp lệ.", "Tham số at có dạng yyyy-MM-dd, ví dụ 2025-06-30.");
        }

        var units = await directory.GetAsync(db, ct);
        int? withinId = null;
        if (!string.IsNullOrWhiteSpace(within))
        {
            withinId = units.Named(within.Trim(), date ?? Display.Today(clock))?.Id;
            if (withinId is null)
            {
                return Problem("Mã đơn vị không hợp lệ.", $"Không có đơn vị hành chính nào mang mã «{within.Trim()}».");
            }
        }

        var search = new UnitSearch(q, parsedLevel, date, withinId, page ?? 1, pageSize ?? 50);
        var (rows, total) = search.Run(units);
        return TypedResults.Ok(new ApiPage<UnitRow>(rows, total, search.SafePage, search.SafePageSize));
    }

    private static ProblemHttpResult Problem(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}
