using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Api;

namespace Ocop.Web.Features.Planning.Support;

/// <summary>
/// One support record with its <c>ETag</c>, and, with a personal access token, create and change it through
/// <see cref="SaveSupportRecord"/>, the use case of the support form (evidence files are attached on the form).
/// </summary>
public static class SupportRecordsApi
{
    public static RouteGroupBuilder MapSupportRecordsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
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
        var result = await save.RunAsync(scope, command, ct: ct);
        if (!result.IsDone)
        {
            return ApiResults.Problem(result);
        }

        var detail = (await SupportRecordDetail.LoadAsync(db, scope, result.Value!.Id, ct))!;
        http.Response.Headers.ETag = ApiResults.ETag(detail.Version);
        return TypedResults.Created($"/api/v1/support/records/{detail.Id}", detail);
    }

    private static async Task<Results<Ok<SupportRecordDetail>, ProblemHttpResult>> UpdateAsync(
        int id, SaveSupportRecord.Command command, UserScopeLoader scopes, SaveSupportRecord save, OcopDbContext db, HttpContext http, CancellationToken ct)
    {
        var (version, problem) = ApiResults.IfMatch(http.Request);
        if (problem is not null)
        {
            return problem;
        }

        var scope = await scopes.GetAsync(ct);
        command.Id = id;
        command.Version = version!.Value;
        var result = await save.RunAsync(scope, command, ct: ct);
        if (!result.IsDone)
        {
            return ApiResults.Problem(result);
        }

        var detail = (await SupportRecordDetail.LoadAsync(db, scope, id, ct))!;
        http.Response.Headers.ETag = ApiResults.ETag(detail.Version);
        return TypedResults.Ok(detail);
    }
}

/// <summary>A support record as the API shows it: the fields of <see cref="SaveSupportRecord.Command"/> (send them back to change it), and its version.</summary>
public sealed record SupportRecordDetail(
    int Id, int Version, int SubjectId, int? ProductId, SupportKind Kind, string Description, DateOnly On, long? AmountVnd, long? PaidVnd,
    FundingSource? Source, int? PolicyId, int? OfficeId, int? BudgetAllocationId, string? Reference, bool IsArchived)
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
