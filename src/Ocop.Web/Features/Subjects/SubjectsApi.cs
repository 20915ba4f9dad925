using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Api;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Subjects;

/// <summary>
/// The subject API: the list with the list page's search, filters and paging; one subject with its <c>ETag</c>; and,
/// with a personal access token, create, change, archive and restore through the same use cases as the pages.
/// </summary>
public static class SubjectsApi
{
    public static RouteGroupBuilder MapSubjectsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/subjects", ListAsync)
            .WithName("ListSubjects")
            .WithSummary("Danh sách chủ thể OCOP / List OCOP subjects")
            .WithDescription("q: tìm không dấu; " + UnitQuery.CodeHelp + "; province: id tỉnh; commune: id xã (mỗi đơn vị gồm cả hồ sơ của các đơn vị cũ đã sáp nhập vào); form: loại hình; archived; " + SubjectSearch.SortHelp + "; page, pageSize (≤ 100).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/subjects/{id:int}", GetAsync)
            .WithName("GetSubject")
            .WithSummary("Chi tiết chủ thể / Subject detail (ETag: phiên bản)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        var write = api.MapGroup("/subjects").RequireAuthorization(ApiTokenAuthentication.TokenOnly).RequireRateLimiting(WritePaths.RateLimit);
        write.MapPost("", CreateAsync)
            .WithName("CreateSubject")
            .WithSummary("Thêm chủ thể / Create a subject")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        write.MapPut("/{id:int}", UpdateAsync)
            .WithName("UpdateSubject")
            .WithSummary("Sửa chủ thể (If-Match bắt buộc) / Update a subject (If-Match required)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        write.MapPost("/{id:int}/archive", (int id, HttpRequest request, UserScopeLoader scopes, ArchiveSubject archive, CancellationToken ct) =>
                ArchiveAsync(id, restore: false, request, scopes, archive, ct))
            .WithName("ArchiveSubject")
            .WithSummary("Lưu trữ chủ thể (If-Match) / Archive a subject");
        write.MapPost("/{id:int}/restore", (int id, HttpRequest request, UserScopeLoader scopes, ArchiveSubject archive, CancellationToken ct) =>
                ArchiveAsync(id, restore: true, request, scopes, archive, ct))
            .WithName("RestoreSubject")
            .WithSummary("Khôi phục chủ thể (If-Match) / Restore a subject");
        return api;
    }

    private static async Task<Results<Ok<ApiPage<SubjectRow>>, ProblemHttpResult>> ListAsync(
        string? q, string? unit, string? at, int? commune, LegalForm? form, bool? archived, string? sort, int? page, int? pageSize, int? province,
        UserScopeLoader scopes, OcopDbContext db, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var search = new SubjectSearch(q, commune, form, archived ?? false, sort, page ?? 1, pageSize ?? 20, province, unit, at);
        var place = await search.Place.ResolveAsync(db, ct);
        if (place.Error is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: place.Error, detail: place.Detail);
        }

        search = search with { PlaceCommunes = place.Communes };
        var (rows, total) = await search.RunAsync(db, scope.Visible(db.Subjects), ct);
        ApiResults.AddPageLinks(http, search.SafePage, search.SafePageSize, total);
        return TypedResults.Ok(new ApiPage<SubjectRow>(rows, total, search.SafePage, search.SafePageSize));
    }

    private static async Task<Results<Ok<SubjectDetail>, ProblemHttpResult>> GetAsync(int id, UserScopeLoader scopes, OcopDbContext db, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var detail = await SubjectDetail.LoadAsync(db, scope, id, ct);
        if (detail is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy chủ thể.");
        }

        http.Response.Headers.ETag = ApiResults.ETag(detail.Version);
        return TypedResults.Ok(detail);
    }

    private static async Task<Results<Created<SubjectDetail>, ProblemHttpResult>> CreateAsync(
        SaveSubject.Command command, UserScopeLoader scopes, SaveSubject save, OcopDbContext db, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        command.Id = null;
        return await RecordWrites.CreatedAsync(http, save.RunAsync(scope, command, ct: ct), saved => SubjectDetail.LoadAsync(db, scope, saved.Id, ct), "/api/v1/subjects");
    }

    private static async Task<Results<Ok<SubjectDetail>, ProblemHttpResult>> UpdateAsync(
        int id, SaveSubject.Command command, UserScopeLoader scopes, SaveSubject save, OcopDbContext db, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        command.Id = id;
        return await RecordWrites.UpdatedAsync(http, version =>
        {
            command.Version = version;
            return save.RunAsync(scope, command, ct: ct);
        }, _ => SubjectDetail.LoadAsync(db, scope, id, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ArchiveAsync(
        int id, bool restore, HttpRequest request, UserScopeLoader scopes, ArchiveSubject archive, CancellationToken ct)
    {
        var (version, problem) = ApiResults.IfMatch(request);
        if (problem is not null)
        {
            return problem;
        }

        var result = await archive.RunAsync(await scopes.GetAsync(ct), new ArchiveSubject.Command(id, version!.Value, restore), ct);
        if (!result.IsDone)
        {
            return ApiResults.Problem(result);
        }

        request.HttpContext.Response.Headers.ETag = ApiResults.ETag(result.Value);
        return TypedResults.NoContent();
    }
}

/// <summary>A subject as the API shows it: the fields of <see cref="SaveSubject.Command"/> (send them back to change it), and its place and version.</summary>
public sealed record SubjectDetail(
    int Id, string Name, LegalForm LegalForm, string? RegistrationNumber, string? TaxCode, int CommuneId, string CommuneCode, string CommuneName,
    DateOnly RegisteredOn, string Address, string Representative, string? Phone, string? Email, bool WomenLed, bool EthnicMinorityLed,
    int WorkersTotal, int WorkersLocal, int WorkersTrained, int? CraftVillageId, bool GreenValueChain, string? RawMaterialEvidence,
    decimal? RawMaterialAreaHa, List<SalesChannels> SalesChannels, bool IsArchived, int Version, DateTime CreatedAt, DateTime UpdatedAt) : IApiRecord
{
    /// <summary>The subject if the user may see it; another commune's answers null, exactly like a missing one.</summary>
    public static async Task<SubjectDetail?> LoadAsync(OcopDbContext db, UserScope scope, int id, CancellationToken ct)
    {
        var s = await scope.Visible(db.Subjects).AsNoTracking().Include(x => x.Commune).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return null;
        }

        var area = await db.SubjectGreenChains.AsNoTracking().Where(p => p.SubjectId == id && p.EndedOn == null).Select(p => p.RawMaterialAreaHa).FirstOrDefaultAsync(ct);
        return new SubjectDetail(s.Id, s.Name, s.LegalForm, s.RegistrationNumber, s.TaxCode, s.CommuneId, s.Commune!.Code, s.Commune.Name,
            s.RegisteredOn, s.Address, s.Representative, s.Phone, s.Email, s.WomenLed, s.EthnicMinorityLed,
            s.WorkersTotal, s.WorkersLocal, s.WorkersTrained, s.CraftVillageId, s.GreenValueChain, s.RawMaterialEvidence,
            s.GreenValueChain ? area : null, SubjectTimelines.Flags(s.SalesChannels).ToList(), s.IsArchived, s.Version, s.CreatedAt, s.UpdatedAt);
    }
}
