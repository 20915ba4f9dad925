using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Certificates;

/// <summary>A product's ranking history for signed-in users, and the public check of a certificate by its number.</summary>
public static class CertificatesApi
{
    public static RouteGroupBuilder MapCertificatesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/products/{id:int}/rankings", RankingsAsync)
            .WithName("GetProductRankings")
            .WithSummary("Lịch sử đánh giá, phân hạng của sản phẩm / Product ranking history")
            .WithDescription("Mọi đợt đánh giá (cấp, ngày, điểm, hạng sao, giới hạn hạng sao) và mọi quyết định, giấy chứng nhận với tình trạng hôm nay. Cùng quyền xem như sản phẩm.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        // The number holds a slash ("2026/OCOP-847-001"), hence the catch-all; an encoded slash (%2F) works as well.
        api.MapGet("/certificates/{**number}", CheckAsync)
            .WithName("CheckCertificate")
            .WithSummary("Tra cứu giấy chứng nhận OCOP (công khai) / Check an OCOP certificate (public)")
            .WithDescription("Không cần đăng nhập: sản phẩm, chủ thể, xã, hạng sao, ngày cấp, ngày hết hạn và tình trạng hôm nay.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<RankingHistory>, ProblemHttpResult>> RankingsAsync(
        int id, UserScopeLoader scopes, OcopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        // Out of scope answers 404 like a missing product, as the product API does.
        var product = await scope.Visible(db.Products).AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(ct);
        return product is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy sản phẩm.")
            : TypedResults.Ok(await RankingHistory.LoadAsync(db, clock, product.Id, product.Name, ct));
    }

    private static async Task<Results<Ok<CertificateCheck>, ProblemHttpResult>> CheckAsync(
        string number, OcopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var wanted = Uri.UnescapeDataString(number).Trim();
        var found = await db.Certificates.AsNoTracking()
            .Where(c => c.Number == wanted)
            .Select(c => new
            {
                Certificate = c,
                ProductName = c.Product!.Name,
                SubjectName = c.Product.Subject!.Name,
                CommuneName = c.Product.Commune!.Name,
                c.Recognition!.DecisionNumber,
                c.Recognition.SignedOn,
                c.Recognition.Issuer,
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy giấy chứng nhận.",
                detail: "Không có giấy chứng nhận OCOP nào mang số này.");
        }

        var rules = new CertificateRules(db, clock);
        var status = CertificateRules.StateOn(found.Certificate, rules.Today, await rules.ProcessesAsync(ct));
        var c = found.Certificate;
        return TypedResults.Ok(new CertificateCheck(c.Number, found.ProductName, found.SubjectName, found.CommuneName, c.Stars,
            c.IssuedOn, c.ExpiresOn, status.State, Ocop.Web.Shared.Display.Name(status.State), status.IsValid, status.ValidUntil,
            found.DecisionNumber, found.SignedOn, found.Issuer, rules.Today));
    }
}

/// <summary>What anyone may learn about a certificate: enough to tell whether a product may carry the OCOP mark today.</summary>
/// <param name="StateName">The state in Vietnamese.</param>
/// <param name="IsValid">Whether it counts as valid today (valid, window open, expiring soon, kept valid pending re-evaluation).</param>
/// <param name="ValidUntil">Last valid day, extensions included; null when revoked.</param>
/// <param name="CheckedOn">The Vietnam date the state was computed for.</param>
public sealed record CertificateCheck(string Number, string Product, string Subject, string Commune, int Stars, DateOnly IssuedOn, DateOnly ExpiresOn,
    CertificateState State, string StateName, bool IsValid, DateOnly? ValidUntil, string DecisionNumber, DateOnly DecisionSignedOn, string Issuer, DateOnly CheckedOn);
