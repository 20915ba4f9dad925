using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Api;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Dossiers;

/// <summary>
/// The dossier API: the list of the dossiers the user may reach (paged, with links); one dossier with its checklist,
/// files, completeness and <c>ETag</c>; and, with a personal access token, open a dossier, change its notes, add and
/// remove files, submit, return and accept it, through the same use cases as the dossier pages.
/// </summary>
public static class DossiersApi
{
    public const int MaxPageSize = 100;

    /// <summary>The dossier use cases, for the pages and the API alike.</summary>
    public static IServiceCollection AddDossierWrites(this IServiceCollection services)
    {
        services.AddScoped<OpenDossier>();
        services.AddScoped<ChangeDossier>();
        services.AddScoped<AddDossierDocument>();
        services.AddScoped<SaveChecklistItem>();
        return services;
    }

    public static RouteGroupBuilder MapDossiersApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/dossiers", ListAsync)
            .WithName("ListDossiers")
            .WithTags("Dossiers")
            .WithSummary("Danh sách hồ sơ đánh giá / List evaluation dossiers")
            .WithDescription("year; state: Draft, Submitted, Returned, Accepted, Evaluated; variant: FirstEvaluation, Upgrade, Reevaluation; product: id sản phẩm; "
                + UnitQuery.CodeHelp + "; province, commune: id đơn vị (mỗi đơn vị gồm cả hồ sơ của các đơn vị cũ đã sáp nhập vào); "
                + "năm mới trước, rồi hồ sơ vừa sửa trước; page, pageSize (≤ 100); Link: first, prev, next, last; X-Total-Count.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/dossiers/{id:int}", GetAsync)
            .WithName("GetDossier")
            .WithTags("Dossiers")
            .WithSummary("Hồ sơ đánh giá: danh mục giấy tờ, tệp, mức độ đầy đủ (ETag: phiên bản) / Dossier with its checklist and files")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/dossiers/{id:int}/documents/{documentId:int}", FileAsync)
            .WithName("GetDossierDocument")
            .WithTags("Dossiers")
            .WithSummary("Tải một tệp của hồ sơ / Download a dossier file")
            .WithDescription("Cho người xem được hồ sơ; tệp đã gỡ vẫn tải được (lịch sử hồ sơ).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var write = api.MapGroup("/dossiers").WithTags("Dossiers")
            .RequireAuthorization(ApiTokenAuthentication.TokenOnly).RequireRateLimiting(WritePaths.RateLimit);
        write.MapPost("", CreateAsync)
            .WithName("CreateDossier")
            .WithSummary("Lập hồ sơ cho sản phẩm và năm (nâng hạng, đánh giá lại: sao từ hồ sơ gần nhất) / Open a dossier")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        write.MapPut("/{id:int}", (int id, DossierNotes body, HttpContext http, UserScopeLoader scopes, ChangeDossier change, OcopDbContext db, CancellationToken ct) =>
                ChangeAsync(id, DossierStep.Notes, body.Notes, http, scopes, change, db, ct))
            .WithName("UpdateDossier")
            .WithSummary("Sửa ghi chú hồ sơ (If-Match bắt buộc) / Update a dossier's notes (If-Match required)")
            .WithDescription("Sản phẩm, năm và loại hồ sơ cố định từ khi lập; chỉ ghi chú sửa được, khi hồ sơ đang chuẩn bị hoặc bị trả lại.");
        write.MapPost("/{id:int}/submit", (int id, HttpContext http, UserScopeLoader scopes, ChangeDossier change, OcopDbContext db, CancellationToken ct) =>
                ChangeAsync(id, DossierStep.Submit, null, http, scopes, change, db, ct))
            .WithName("SubmitDossier")
            .WithSummary("Nộp hồ sơ đủ giấy tờ bắt buộc (If-Match) / Submit a complete dossier")
            .WithDescription("Thiếu giấy tờ: 400, errors.missing liệt kê các giấy tờ bắt buộc còn thiếu.");
        write.MapPost("/{id:int}/return", (int id, DossierReturn body, HttpContext http, UserScopeLoader scopes, ChangeDossier change, OcopDbContext db, CancellationToken ct) =>
                ChangeAsync(id, DossierStep.Return, body.Reason, http, scopes, change, db, ct))
            .WithName("ReturnDossier")
            .WithSummary("Trả lại hồ sơ đã nộp để bổ sung, kèm lý do (If-Match) / Return a submitted dossier with a reason");
        write.MapPost("/{id:int}/accept", (int id, HttpContext http, UserScopeLoader scopes, ChangeDossier change, OcopDbContext db, CancellationToken ct) =>
                ChangeAsync(id, DossierStep.Accept, null, http, scopes, change, db, ct))
            .WithName("AcceptDossier")
            .WithSummary("Tiếp nhận hồ sơ đã nộp (If-Match) / Accept a submitted dossier");
        // A token, never a cookie, reaches these: no other site can make a browser post here, so no antiforgery token is asked.
        write.MapPost("/{id:int}/documents", AddDocumentAsync)
            .WithName("AddDossierDocument")
            .WithSummary("Tải tệp lên cho một giấy tờ của hồ sơ (multipart: item, file) / Upload a file to a dossier")
            .WithDescription("item: id giấy tờ trong danh mục của hồ sơ (xem GET); file: PDF, ảnh JPEG/PNG/WebP, Word DOCX hoặc Excel XLSX, tối đa 20 MB "
                + "— loại tệp đọc từ nội dung, không từ tên tệp.")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(DocumentStore.RequestLimit))
            .WithFormOptions(multipartBodyLengthLimit: DocumentStore.RequestLimit)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        write.MapPost("/{id:int}/documents/{documentId:int}/archive", RemoveDocumentAsync)
            .WithName("RemoveDossierDocument")
            .WithSummary("Gỡ một tệp khỏi hồ sơ (tệp vẫn được lưu trữ) / Take a file off a dossier")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<ApiPage<DossierRow>>, ProblemHttpResult>> ListAsync(
        int? year, DossierState? state, DossierVariant? variant, int? product, string? unit, string? at, int? province, int? commune, int? page, int? pageSize,
        UserScopeLoader scopes, OcopDbContext db, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var place = await new UnitQuery(province, commune, unit, at).ResolveAsync(db, ct);
        if (place.Error is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: place.Error, detail: place.Detail);
        }

        var products = scope.Visible(db.Products);
        var query = db.Dossiers.AsNoTracking().Where(d => products.Any(p => p.Id == d.ProductId));
        if (year is int y)
        {
            query = query.Where(d => d.Year == y);
        }

        if (state is DossierState s)
        {
            query = query.Where(d => d.State == s);
        }

        if (variant is DossierVariant v)
        {
            query = query.Where(d => d.Variant == v);
        }

        if (product is int productId)
        {
            query = query.Where(d => d.ProductId == productId);
        }

        if (place.Communes is { } communes)
        {
            query = query.Where(d => communes.Contains(d.Product!.CommuneId));
        }

        var size = Math.Clamp(pageSize ?? 20, 1, MaxPageSize);
        var number = Math.Clamp(page ?? 1, 1, 1_000_000);
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(d => d.Year).ThenByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(d => new DossierRow(d.Id, d.ProductId, d.Product!.Name, d.Product.SubjectId, d.Product.Subject!.Name, d.Product.Commune!.Code,
                d.Product.Commune.Name, d.Year, d.Variant, d.State, d.Documents.Count(f => !f.IsArchived), d.UpdatedAt, d.Version))
            .ToListAsync(ct);
        ApiResults.AddPageLinks(http, number, size, total);
        return TypedResults.Ok(new ApiPage<DossierRow>(rows, total, number, size));
    }

    private static async Task<Results<Ok<DossierDetail>, ProblemHttpResult>> GetAsync(int id, UserScopeLoader scopes, OcopDbContext db, HttpContext http, CancellationToken ct)
    {
        var detail = await DossierDetail.LoadAsync(db, await scopes.GetAsync(ct), id, ct);
        if (detail is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy hồ sơ.");
        }

        http.Response.Headers.ETag = ApiResults.ETag(detail.Version);
        return TypedResults.Ok(detail);
    }

    private static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> FileAsync(
        int id, int documentId, UserScopeLoader scopes, OcopDbContext db, DocumentStore store, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var document = await db.DossierDocuments.AsNoTracking()
            .Where(f => f.Id == documentId && f.DossierId == id && scope.Visible(db.Products).Any(p => p.Id == f.Dossier!.ProductId))
            .Select(f => new { f.StoredName, f.ContentType, f.OriginalName })
            .SingleOrDefaultAsync(ct);
        if (document is null || !File.Exists(store.PathOf(document.StoredName)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy tệp.");
        }

        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.PhysicalFile(store.PathOf(document.StoredName), document.ContentType, document.OriginalName);
    }

    private static async Task<Results<Created<DossierDetail>, ProblemHttpResult>> CreateAsync(
        OpenDossier.Command command, UserScopeLoader scopes, OpenDossier open, OcopDbContext db, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        return await RecordWrites.CreatedAsync(http, open.RunAsync(scope, command, ct: ct), opened => DossierDetail.LoadAsync(db, scope, opened.Id, ct), "/api/v1/dossiers");
    }

    private static async Task<Results<Ok<DossierDetail>, ProblemHttpResult>> ChangeAsync(
        int id, DossierStep step, string? text, HttpContext http, UserScopeLoader scopes, ChangeDossier change, OcopDbContext db, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        return await RecordWrites.UpdatedAsync(http, version => change.RunAsync(scope, new ChangeDossier.Command(id, version, step, text), ct),
            _ => DossierDetail.LoadAsync(db, scope, id, ct));
    }

    private static async Task<Results<Created<DossierFile>, ProblemHttpResult>> AddDocumentAsync(
        int id, [FromForm] int? item, IFormFile? file, UserScopeLoader scopes, AddDossierDocument add, OcopDbContext db, CancellationToken ct)
    {
        var result = await add.RunAsync(await scopes.GetAsync(ct), new AddDossierDocument.Command(id, item, file), ct);
        if (!result.IsDone)
        {
            return ApiResults.Problem(result);
        }

        var document = await db.DossierDocuments.AsNoTracking().Where(f => f.Id == result.Value!.DocumentId).Select(DossierFile.Of).SingleAsync(ct);
        return TypedResults.Created(document.Url, document);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveDocumentAsync(
        int id, int documentId, UserScopeLoader scopes, AddDossierDocument add, CancellationToken ct)
    {
        var result = await add.RemoveAsync(await scopes.GetAsync(ct), id, documentId, ct);
        return result.IsDone ? TypedResults.NoContent() : ApiResults.Problem(result);
    }
}

/// <summary>The body of a change of a dossier's notes.</summary>
public sealed record DossierNotes(string? Notes);

/// <summary>The body of a return: what the producer must add.</summary>
public sealed record DossierReturn(string? Reason);

/// <summary>A dossier in the list.</summary>
/// <param name="Documents">Its current files.</param>
public sealed record DossierRow(int Id, int ProductId, string ProductName, int SubjectId, string SubjectName, string CommuneCode, string CommuneName,
    int Year, DossierVariant Variant, DossierState State, int Documents, DateTime UpdatedAt, int Version);

/// <summary>A file of a dossier; <paramref name="Url"/> serves it (with a token or a sign-in) to whoever may see the dossier.</summary>
/// <param name="ItemId">The checklist item it was uploaded for.</param>
public sealed record DossierFile(int Id, int? ItemId, string OriginalName, string ContentType, long SizeBytes, DateTime UploadedAt, string Url)
{
    public static readonly System.Linq.Expressions.Expression<Func<DossierDocument, DossierFile>> Of = f =>
        new DossierFile(f.Id, f.ChecklistItemId, f.OriginalName, f.ContentType, f.SizeBytes, f.UploadedAt, "/api/v1/dossiers/" + f.DossierId + "/documents/" + f.Id);
}

/// <summary>An item of the dossier's checklist with the files uploaded for it.</summary>
public sealed record DossierItem(int Id, string Title, bool Required, List<DossierFile> Documents);

/// <param name="Missing">The titles of the required items without a file.</param>
public sealed record DossierCompleteness(int RequiredTotal, int RequiredDone, int OptionalTotal, int OptionalDone, bool IsComplete, List<string> Missing);

/// <summary>
/// A dossier as the API shows it: its product, state, notes, the checklist of its product group with the files of each
/// item, files outside the checklist (<paramref name="OtherDocuments"/>), its completeness, and its version (the ETag).
/// </summary>
public sealed record DossierDetail(
    int Id, int Version, int ProductId, string ProductName, int SubjectId, string SubjectName, string CommuneCode, string CommuneName, string CategoryCode,
    int Year, DossierVariant Variant, DossierState State, string? Notes, string? ReturnReason, DateTime? SubmittedAt, DateTime? AcceptedAt,
    int? CopiedFromId, int? CertificateId, DossierCompleteness Completeness, List<DossierItem> Items, List<DossierFile> OtherDocuments,
    DateTime CreatedAt, DateTime UpdatedAt) : IApiRecord
{
    private static readonly Func<DossierDocument, DossierFile> ToFile = DossierFile.Of.Compile();

    /// <summary>The dossier if the user may see its product; another commune's answers null, exactly like a missing one.</summary>
    public static async Task<DossierDetail?> LoadAsync(OcopDbContext db, UserScope scope, int id, CancellationToken ct)
    {
        var facts = await DossierFacts.LoadAsync(db, scope, id, track: false, ct);
        if (facts is null)
        {
            return null;
        }

        var d = facts.Dossier;
        var shown = facts.Items.Select(i => i.Id).ToHashSet();
        var c = facts.Completeness;
        return new DossierDetail(d.Id, d.Version, d.ProductId, facts.ProductName, facts.SubjectId, facts.SubjectName, facts.CommuneCode, facts.CommuneName,
            facts.CategoryCode, d.Year, d.Variant, d.State, d.Notes, d.ReturnReason, d.SubmittedAt, d.AcceptedAt, d.CopiedFromId, d.CertificateId,
            new DossierCompleteness(c.RequiredTotal, c.RequiredDone, c.OptionalTotal, c.OptionalDone, c.IsComplete, c.Missing.Select(m => m.Title).ToList()),
            facts.Items.Select(i => new DossierItem(i.Id, i.Title, i.Required, d.Documents.Where(f => f.ChecklistItemId == i.Id).Select(ToFile).ToList())).ToList(),
            d.Documents.Where(f => f.ChecklistItemId is not { } item || !shown.Contains(item)).Select(ToFile).ToList(),
            d.CreatedAt, d.UpdatedAt);
    }
}
