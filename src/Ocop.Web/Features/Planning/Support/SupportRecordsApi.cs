using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Api;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning.Support;

/// <summary>
/// The support records the user may reach (paged, with links, by place and date of its units, and what changed since a
/// moment), one support record with its <c>ETag</c>, and, with a personal access token, create and change it through
/// <see cref="SaveSupportRecord"/>, the use case of the support form (evidence files are attached on the form).
/// </summary>
public static class SupportRecordsApi
{
    public static RouteGroupBuilder MapSupportRecordsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/support/records", ListAsync)
            .WithName("ListSupportRecords")
            .WithSummary("Danh sách hồ sơ hỗ trợ / List support records")
            .WithDescription(UnitQuery.CodeHelp + "; province, commune: id đơn vị (mỗi đơn vị gồm cả hồ sơ của các đơn vị cũ đã sáp nhập vào; theo xã của chủ thể); "
                + "kind: loại hỗ trợ; subject, product: id; year: năm của ngày hỗ trợ; archived (mặc định false: hồ sơ đang dùng); "
                + "changedSince: thời điểm ISO 8601 (UTC) hoặc ngày yyyy-MM-dd — chỉ các hồ sơ thay đổi sau đó, cũ trước mới sau (mặc định: ngày hỗ trợ mới trước); "
                + "page, pageSize (≤ 100); Link: first, prev, next, last; X-Total-Count. Không dành cho chủ thể sản xuất.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/support/records/{id:int}", GetAsync)
            .WithName("GetSupportRecord")
            .WithSummary("Hồ sơ hỗ trợ / Support record (ETag: phiên bản)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        var write = api.MapGroup("/support/records").RequireAuthorization(ApiTokenAuthentication.TokenOnly).RequireRateLimiting(WritePaths.RateLimit);
        write.MapPost("", CreateAsync)
            .WithName("CreateSupportRecord")
            .WithSummary("Ghi hồ sơ hỗ trợ / Record a support given")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        write.MapPut("/{id:int}", UpdateAsync)
            .WithName("UpdateSupportRecord")
            .WithSummary("Sửa hồ sơ hỗ trợ (If-Match bắt buộc) / Update a support record (If-Match required)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return api;
    }

    public const int MaxPageSize = 100;

    private static async Task<Results<Ok<ApiPage<SupportRecordRow>>, ProblemHttpResult>> ListAsync(
        string? unit, string? at, int? province, int? commune, SupportKind? kind, int? subject, int? product, int? year, bool? archived, string? changedSince,
        int? page, int? pageSize, UserScopeLoader scopes, OcopDbContext db, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!PlanningAccess.CanReadPlans(scope.Role))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Bạn không có quyền xem hồ sơ hỗ trợ.");
        }

        var (since, sinceOk) = Exchange.CertificateExchange.ParseSince(changedSince);
        if (!sinceOk)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "changedSince không hợp lệ: ghi thời điểm ISO 8601, ví dụ 2026-01-31T17:00:00Z, hoặc ngày 2026-02-01.");
        }

        var place = await new UnitQuery(province, commune, unit, at).ResolveAsync(db, ct);
        if (place.Error is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: place.Error, detail: place.Detail);
        }

        // The support list page's reach: the records of the subjects the user may see.
        var visible = scope.Visible(db.Subjects).Select(s => s.Id);
        var showArchived = archived ?? false;
        var query = db.SupportRecords.AsNoTracking().Where(r => visible.Contains(r.SubjectId) && r.IsArchived == showArchived);
        if (place.Communes is { } communes)
        {
            query = query.Where(r => communes.Contains(r.Subject!.CommuneId));
        }

        if (kind is SupportKind k)
        {
            query = query.Where(r => r.Kind == k);
        }

        if (subject is int subjectId)
        {
            query = query.Where(r => r.SubjectId == subjectId);
        }

        if (product is int productId)
        {
            query = query.Where(r => r.ProductId == productId);
        }

        if (year is int y)
        {
            var (from, to) = (new DateOnly(Math.Clamp(y, 1, 9998), 1, 1), new DateOnly(Math.Clamp(y, 1, 9998) + 1, 1, 1));
            query = query.Where(r => r.On >= from && r.On < to);
        }

        if (since is DateTime after)
        {
            query = query.Where(r => r.UpdatedAt > after);
        }

        var ordered = since is null
            ? query.OrderByDescending(r => r.On).ThenByDescending(r => r.Id)
            : query.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id);
        var size = Math.Clamp(pageSize ?? 20, 1, MaxPageSize);
        var number = Math.Clamp(page ?? 1, 1, 1_000_000);
        var total = await query.CountAsync(ct);
        var rows = await ordered.Skip((number - 1) * size).Take(size)
            .Select(r => new SupportRecordRow(r.Id, r.Version, r.SubjectId, r.Subject!.Name, r.Subject.Commune!.Code, r.Subject.Commune.Name,
                r.ProductId, r.Product == null ? null : r.Product.Name, r.Kind, r.Description, r.On, r.AmountVnd, r.PaidVnd, r.Source, r.PolicyId,
                r.OfficeId, r.BudgetAllocationId, r.Reference, r.IsArchived, r.UpdatedAt))
            .ToListAsync(ct);
        ApiResults.AddPageLinks(http, number, size, total);
        return TypedResults.Ok(new ApiPage<SupportRecordRow>(rows, total, number, size));
    }

    private static async Task<Results<Ok<SupportRecordDetail>, ProblemHttpResult>> GetAsync(int id, UserScopeLoader scopes, OcopDbContext db, HttpContext http, CancellationToken ct)
    {
        var detail = await SupportRecordDetail.LoadAsync(db, await scopes.GetAsync(ct), id, ct);
        if (detail is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy hồ sơ hỗ trợ.");
        }

        http.Response.Headers.ETag = ApiResults.ETag(detail.Version);
        return TypedResults.Ok(detail);
    }

    private static async Task<Results<Created<SupportRecordDetail>, ProblemHttpResult>> CreateAsync(
        SaveSupportRecord.Command command, UserScopeLoader scopes, SaveSupportRecord save, OcopDbContext db, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        command.Id = null;
        return await RecordWrites.CreatedAsync(http, save.RunAsync(scope, command, ct: ct), saved => SupportRecordDetail.LoadAsync(db, scope, saved.Id, ct), "/api/v1/support/records");
    }

    private static async Task<Results<Ok<SupportRecordDetail>, ProblemHttpResult>> UpdateAsync(
        int id, SaveSupportRecord.Command command, UserScopeLoader scopes, SaveSupportRecord save, OcopDbContext db, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        command.Id = id;
        return await RecordWrites.UpdatedAsync(http, version =>
        {
            command.Version = version;
            return save.RunAsync(scope, command, ct: ct);
        }, _ => SupportRecordDetail.LoadAsync(db, scope, id, ct));
    }
}

/// <summary>A support record in the list: where it was given (the subject's commune, with its code), what, when and how much; its version is its ETag.</summary>
/// <param name="UpdatedAt">The last change (UTC): what <c>changedSince</c> compares.</param>
public sealed record SupportRecordRow(
    int Id, int Version, int SubjectId, string SubjectName, string CommuneCode, string CommuneName, int? ProductId, string? ProductName,
    SupportKind Kind, string Description, DateOnly On, long? AmountVnd, long? PaidVnd, FundingSource? Source, int? PolicyId, int? OfficeId,
    int? BudgetAllocationId, string? Reference, bool IsArchived, DateTime UpdatedAt);

/// <summary>A support record as the API shows it: the fields of <see cref="SaveSupportRecord.Command"/> (send them back to change it), and its version.</summary>
public sealed record SupportRecordDetail(
    int Id, int Version, int SubjectId, int? ProductId, SupportKind Kind, string Description, DateOnly On, long? AmountVnd, long? PaidVnd,
    FundingSource? Source, int? PolicyId, int? OfficeId, int? BudgetAllocationId, string? Reference, bool IsArchived) : IApiRecord
{
    /// <summary>The record, or null when there is none the user may see (the two answer alike).</summary>
    public static async Task<SupportRecordDetail?> LoadAsync(OcopDbContext db, UserScope scope, int id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var row = await db.SupportRecords.AsNoTracking().Where(r => r.Id == id).Select(r => new { Record = r, r.Subject!.CommuneId }).SingleOrDefaultAsync(ct);
        if (row is null || PlanningAccess.ForSupportRecord(scope.Role, scope.ReachesEveryUnit || scope.CommuneIds.Contains(row.CommuneId)) == RecordAccess.None)
        {
            return null;
        }

        var r = row.Record;
        return new SupportRecordDetail(r.Id, r.Version, r.SubjectId, r.ProductId, r.Kind, r.Description, r.On, r.AmountVnd, r.PaidVnd, r.Source,
            r.PolicyId, r.OfficeId, r.BudgetAllocationId, r.Reference, r.IsArchived);
    }
}
