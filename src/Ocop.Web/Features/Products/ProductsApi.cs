using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Api;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Products;

/// <summary>
/// The product API: the list with the list page's search, filters and paging; one product with its <c>ETag</c>; and,
/// with a personal access token, create, change, add a photo, archive and restore through the same use cases as the pages.
/// </summary>
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
        var write = api.MapGroup("/products").RequireAuthorization(ApiTokenAuthentication.TokenOnly).RequireRateLimiting(WritePaths.RateLimit);
        write.MapPost("", CreateAsync)
            .WithName("CreateProduct")
            .WithSummary("Thêm sản phẩm / Create a product")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        write.MapPut("/{id:int}", UpdateAsync)
            .WithName("UpdateProduct")
            .WithSummary("Sửa sản phẩm (If-Match bắt buộc) / Update a product (If-Match required)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        // A token, never a cookie, reaches these: no other site can make a browser post here, so no antiforgery token is asked.
        write.MapPost("/{id:int}/photos", AddPhotoAsync)
            .WithName("AddProductPhoto")
            .WithSummary("Thêm ảnh sản phẩm (multipart: photo, caption) / Add a product photo")
            .DisableAntiforgery()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        write.MapPost("/{id:int}/archive", (int id, HttpRequest request, UserScopeLoader scopes, ArchiveProduct archive, CancellationToken ct) =>
                ArchiveAsync(id, restore: false, request, scopes, archive, ct))
            .WithName("ArchiveProduct")
            .WithSummary("Lưu trữ sản phẩm (If-Match) / Archive a product");
        write.MapPost("/{id:int}/restore", (int id, HttpRequest request, UserScopeLoader scopes, ArchiveProduct archive, CancellationToken ct) =>
                ArchiveAsync(id, restore: true, request, scopes, archive, ct))
            .WithName("RestoreProduct")
            .WithSummary("Khôi phục sản phẩm (If-Match) / Restore a product");
        return api;
    }

    private static async Task<Results<Ok<ApiPage<ProductRow>>, ProblemHttpResult>> ListAsync(
        string? q, string? unit, string? at, int? commune, int? group, ProductStatus? status, int? subject, string? sort, int? page, int? pageSize, int? province,
        UserScopeLoader scopes, OcopDbContext db, ProductListIndex index, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var search = new ProductSearch(q, commune, group, status, subject, sort, page ?? 1, pageSize ?? 20, province, unit, at);
        var place = await search.Place.ResolveAsync(db, ct);
        if (place.Error is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: place.Error, detail: place.Detail);
        }

        var (rows, total) = await search.RunAsync(db, index, scope, place, ct);
        ApiResults.AddPageLinks(http, search.SafePage, search.SafePageSize, total);
        return TypedResults.Ok(new ApiPage<ProductRow>(rows, total, search.SafePage, search.SafePageSize));
    }

    private static async Task<Results<Ok<ProductDetail>, ProblemHttpResult>> GetAsync(
        int id, UserScopeLoader scopes, OcopDbContext db, HttpContext http, CancellationToken ct)
    {
        // Another commune's product answers 404, exactly like a missing one: ids are not a way to probe the registry.
        var product = await ProductDetail.LoadAsync(db, await scopes.GetAsync(ct), id, ct);
        if (product is null)
        {
            // TypedResults.Problem, not NotFound(problem): only it answers with the application/problem+json content type.
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy sản phẩm.");
        }

        http.Response.Headers.ETag = ApiResults.ETag(product.Version);
        return TypedResults.Ok(product);
    }

    private static async Task<Results<Created<ProductDetail>, ProblemHttpResult>> CreateAsync(
        SaveProduct.Command command, UserScopeLoader scopes, SaveProduct save, OcopDbContext db, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        command.Id = null;
        return await RecordWrites.CreatedAsync(http, save.RunAsync(scope, command, ct: ct), saved => ProductDetail.LoadAsync(db, scope, saved.Id, ct), "/api/v1/products");
    }

    private static async Task<Results<Ok<ProductDetail>, ProblemHttpResult>> UpdateAsync(
        int id, SaveProduct.Command command, UserScopeLoader scopes, SaveProduct save, OcopDbContext db, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        command.Id = id;
        return await RecordWrites.UpdatedAsync(http, version =>
        {
            command.Version = version;
            return save.RunAsync(scope, command, ct: ct);
        }, _ => ProductDetail.LoadAsync(db, scope, id, ct));
    }

    private static async Task<Results<Created, ProblemHttpResult>> AddPhotoAsync(
        int id, IFormFile? photo, [Microsoft.AspNetCore.Mvc.FromForm] string? caption, UserScopeLoader scopes, AddProductPhoto add, CancellationToken ct)
    {
        var result = await add.RunAsync(await scopes.GetAsync(ct), new AddProductPhoto.Command(id, photo, caption), ct);
        return result.IsDone ? TypedResults.Created($"/Products/Photo/{result.Value}") : ApiResults.Problem(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ArchiveAsync(
        int id, bool restore, HttpRequest request, UserScopeLoader scopes, ArchiveProduct archive, CancellationToken ct)
    {
        var (version, problem) = ApiResults.IfMatch(request);
        if (problem is not null)
        {
            return problem;
        }

        var result = await archive.RunAsync(await scopes.GetAsync(ct), new ArchiveProduct.Command(id, version!.Value, restore), ct);
        if (!result.IsDone)
        {
            return ApiResults.Problem(result);
        }

        request.HttpContext.Response.Headers.ETag = ApiResults.ETag(result.Value);
        return TypedResults.NoContent();
    }
}

public sealed record ProductDetail(
    int Id, string Name, ProductStatus Status, string CategoryCode, string CategoryName, int SubjectId, string SubjectName,
    int CommuneId, string CommuneCode, string CommuneName, string? Description, string? Story, ProductStandards Standards,
    string? Gtin, List<string> Photos, DateTime CreatedAt, DateTime UpdatedAt, int Version) : IApiRecord
{
    /// <summary>The product if the user may see it; another commune's answers null, exactly like a missing one.</summary>
    public static Task<ProductDetail?> LoadAsync(OcopDbContext db, UserScope scope, int id, CancellationToken ct) =>
        scope.Visible(db.Products).AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new ProductDetail(
                p.Id, p.Name, p.Status, p.Category!.Code, p.Category.Name, p.SubjectId, p.Subject!.Name,
                p.CommuneId, p.Commune!.Code, p.Commune.Name, p.Description, p.Story, p.Standards, p.Gtin,
                p.Photos.Where(f => !f.IsArchived).Select(f => "/Products/Photo/" + f.Id).ToList(),
                p.CreatedAt, p.UpdatedAt, p.Version))
            .SingleOrDefaultAsync(ct);
}
