using Microsoft.AspNetCore.Http.HttpResults;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
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
            .WithDescription("q: tìm không dấu; province: id tỉnh; commune: id xã; form: loại hình; archived; sort: name, -name, updated, -updated, commune; page, pageSize (≤ 100).");
        return api;
    }

    private static async Task<Ok<ApiPage<SubjectRow>>> ListAsync(
        string? q, int? commune, LegalForm? form, bool? archived, string? sort, int? page, int? pageSize, int? province,
        UserScopeLoader scopes, OcopDbContext db, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var search = new SubjectSearch(q, commune, form, archived ?? false, sort, page ?? 1, pageSize ?? 20, province);
        var (rows, total) = await search.RunAsync(db, scope.Visible(db.Subjects), ct);
        return TypedResults.Ok(new ApiPage<SubjectRow>(rows, total, search.SafePage, search.SafePageSize));
    }
}
