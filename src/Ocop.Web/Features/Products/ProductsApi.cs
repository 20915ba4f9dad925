using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Products;

/// <summary>The read-only product API: the same search, filters and paging as the product list page.</summary>
public static class ProductsApi
{
    public static RouteGroupBuilder MapProductsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/products", ListAsync)
            .WithName("ListProducts")
            .WithSummary("Danh sách sản phẩm / List products")
            .WithDescription("q: tìm không dấu; " + UnitQuery.CodeHelp + "; province: id tỉnh; commune: id xã (mỗi đơn vị gồm cả hồ sơ của các đơn vị cũ đã sáp nhập vào); group: id ngành/nhóm/phân nhóm; status; sort: name, subject, commune, group, stars, certificate, status, updated (\"-\" đảo chiều), relevance (mặc định khi có q: khớp nhất trước); page, pageSize (≤ 100).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/products/{id:int}", GetAsync)
            .WithName("GetProduct")
            .WithSummary("Chi tiết sản phẩm / Product detail")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<ApiPage<ProductRow>>, ProblemHttpResult>> ListAsync(
        string? q, string? unit, string? at, int? commune, int? group, ProductStatus? status, int? subject, string? sort, int? page, int? pageSize, int? province,
        UserScopeLoader scopes, OcopDbContext db, ProductListIndex index, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var search = new ProductSearch(q, commune, group, status, subject, sort, page ?? 1, pageSize ?? 20, province, unit, at);
        var place = await search.Place.ResolveAsync(db, ct);
        if (place.Error is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: place.Error, detail: place.Detail);
        }

        var (rows, total) = await search.RunAsync(db, index, scope, place, ct);
        return TypedResults.Ok(new ApiPage<ProductRow>(rows, total, search.SafePage, search.SafePageSize));
    }

    private static async Task<Results<Ok<ProductDetail>, ProblemHttpResult>> GetAsync(
        int id, UserScopeLoader scopes, OcopDbContext db, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        // Another commune's product answers 404, exactly like a missing one: ids are not a way to probe the registry.
        var product = await scope.Visible(db.Products).AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new ProductDetail(
                p.Id, p.Name, p.Status, p.Category!.Code, p.Category.Name, p.SubjectId, p.Subject!.Name,
                p.CommuneId, p.Commune!.Code, p.Commune.Name, p.Description, p.Story, p.Standards, p.Gtin,
                p.Photos.Where(f => !f.IsArchived).Select(f => "/Products/Photo/" + f.Id).ToList(),
                p.CreatedAt, p.UpdatedAt))
            .SingleOrDefaultAsync(ct);
        // TypedResults.Problem, not NotFound(problem): only it answers with the application/problem+json content type.
        return product is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy sản phẩm.")
            : TypedResults.Ok(product);
    }
}

public sealed record ProductDetail(
    int Id, string Name, ProductStatus Status, string CategoryCode, string CategoryName, int SubjectId, string SubjectName,
    int CommuneId, string CommuneCode, string CommuneName, string? Description, string? Story, ProductStandards Standards,
    string? Gtin, List<string> Photos, DateTime CreatedAt, DateTime UpdatedAt);
