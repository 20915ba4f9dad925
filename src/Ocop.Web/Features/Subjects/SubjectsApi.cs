using Microsoft.AspNetCore.Http.HttpResults;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Subjects;

/// <summary>The read-only subject API: the same search, filters and paging as the subject list page.</summary>
public static class SubjectsApi
{
    public static RouteGroupBuilder MapSubjectsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/subjects", ListAsync)
            .WithName("ListSubjects")
            .WithSummary("Danh sách chủ thể OCOP / List OCOP subjects")
            .WithDescription("q: tìm không dấu; " + UnitQuery.CodeHelp + "; province: id tỉnh; commune: id xã (mỗi đơn vị gồm cả hồ sơ của các đơn vị cũ đã sáp nhập vào); form: loại hình; archived; " + SubjectSearch.SortHelp + "; page, pageSize (≤ 100).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<Results<Ok<ApiPage<SubjectRow>>, ProblemHttpResult>> ListAsync(
        string? q, string? unit, string? at, int? commune, LegalForm? form, bool? archived, string? sort, int? page, int? pageSize, int? province,
        UserScopeLoader scopes, OcopDbContext db, CancellationToken ct)
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
        return TypedResults.Ok(new ApiPage<SubjectRow>(rows, total, search.SafePage, search.SafePageSize));
    }
}
