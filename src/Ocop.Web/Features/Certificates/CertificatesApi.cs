using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Recognitions;

namespace Ocop.Web.Features.Certificates;

/// <summary>A product's ranking history for signed-in users, and the public check of a certificate by its number.</summary>
public static class CertificatesApi
{
    public static RouteGroupBuilder MapCertificatesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/products/{id:int}/rankings", RankingsAsync)
            .WithName("GetProductRankings")
            .WithSummary("Lịch sử đánh giá, phân hạng của sản phẩm / Product ranking history")
            .WithDescription("Mọi đợt đánh giá đã kết thúc (cấp, ngày, điểm, kết quả theo đúng tên gọi của quy định: outcome, star chỉ là hạng đã công nhận được tại cấp đó, không bao giờ là 5 trước quyết định của cấp trung ương; proposedStar là hạng đề xuất) và mọi quyết định, giấy chứng nhận với tình trạng vào ngày at (mặc định hôm nay, yyyy-MM-dd). Cùng quyền xem như sản phẩm.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        // The number holds a slash ("2026/OCOP-847-001"), hence the catch-all; an encoded slash (%2F) works as well.
        api.MapGet("/certificates/{**number}", CheckAsync)
            .WithName("CheckCertificate")
            .WithSummary("Tra cứu giấy chứng nhận OCOP (công khai) / Check an OCOP certificate (public)")
            .WithDescription("Không cần đăng nhập: sản phẩm, chủ thể, địa chỉ, nơi sản xuất, hạng sao, quyết định và cơ quan ban hành như khi cấp (không đổi theo các lần sửa sau), ngày cấp, ngày hết hạn và tình trạng vào ngày at (mặc định hôm nay, yyyy-MM-dd); giấy chứng nhận bị thu hồi nêu quyết định thu hồi, ngày và căn cứ.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>Reads <c>?at=yyyy-MM-dd</c>: null when absent, a problem when malformed.</summary>
    private static (DateOnly? At, ProblemHttpResult? Problem) ParseAt(string? at)
    {
        if (string.IsNullOrWhiteSpace(at))
        {
            return (null, null);
        }

        return DateOnly.TryParseExact(at.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
               && date.Year is >= 2000 and <= 2100
            ? (date, null)
            : (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ngày không hợp lệ.",
                detail: "Tham số at là một ngày dạng yyyy-MM-dd, ví dụ 2026-06-30."));
    }

    private static async Task<Results<Ok<RankingHistory>, ProblemHttpResult>> RankingsAsync(
        int id, string? at, UserScopeLoader scopes, OcopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (date, bad) = ParseAt(at);
        if (bad is not null)
        {
            return bad;
        }

        var scope = await scopes.GetAsync(ct);
        // Out of scope answers 404 like a missing product, as the product API does.
        var product = await scope.Visible(db.Products).AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(ct);
        return product is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy sản phẩm.")
            : TypedResults.Ok(await RankingHistory.LoadAsync(db, clock, product.Id, product.Name, ct, date));
    }

    private static async Task<Results<Ok<CertificateCheck>, ProblemHttpResult>> CheckAsync(
        string number, string? at, OcopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (date, bad) = ParseAt(at);
        if (bad is not null)
        {
            return bad;
        }

        var wanted = Uri.UnescapeDataString(number).Trim();
        var c = await db.Certificates.AsNoTracking().Where(c => c.Number == wanted).SingleOrDefaultAsync(ct);
        // What it says comes from the certificate as issued; only its state is of today.
        var issued = c is null ? null : await RecognitionDocuments.CertificateAsync(db, c.Id, by: null, ct);
        if (c is null || issued is not { Facts: var facts })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy giấy chứng nhận.",
                detail: "Không có giấy chứng nhận OCOP nào mang số này.");
        }

        var rules = new CertificateRules(db, clock);
        var on = date ?? rules.Today;
        var status = CertificateRules.StateOn(c, on, await rules.ProcessesAsync(ct));
        var printed = facts.Certificate;
        // A revocation in force on the date names its decision, its date and its ground.
        var revocation = status.State == CertificateState.Revoked && c.RevokedOn is DateOnly revokedOn && c.RevocationGround is RevocationGround ground
            ? new RevocationFacts(c.RevocationDecision ?? "", revokedOn, ground, Ocop.Web.Shared.Display.Name(ground))
            : null;
        var renewed = c.ReevaluationOutcome is ReevaluationOutcome outcome && c.ReevaluationDecidedOn is DateOnly decided && decided <= on
            ? new ReevaluationFacts(outcome, Ocop.Web.Shared.Display.Name(outcome), decided,
                c.SupersededById is int next ? await db.Certificates.Where(x => x.Id == next).Select(x => x.Number).SingleOrDefaultAsync(ct) : null)
            : null;
        return TypedResults.Ok(new CertificateCheck(printed.Number, printed.ProductName, printed.SubjectName, printed.CommuneName, printed.SubjectAddress,
            printed.Stars, printed.IssuedOn, printed.ExpiresOn, status.State, Ocop.Web.Shared.Display.Name(status.State), status.IsValid, status.ValidUntil,
            facts.DecisionNumber, facts.DecisionSignedOn, facts.Issuer.ShortName, on, revocation, renewed));
    }
}

/// <summary>What anyone may learn about a certificate: enough to tell whether a product may carry the OCOP mark today.</summary>
/// <param name="Commune">The commune of production as the certificate names it (the name on its issue date).</param>
/// <param name="Address">The subject's address as the certificate prints it.</param>
/// <param name="StateName">The state in Vietnamese.</param>
/// <param name="IsValid">Whether it counts as valid today (valid, window open, expiring soon, kept valid pending re-evaluation).</param>
/// <param name="ValidUntil">Last valid day, extensions included; null when revoked.</param>
/// <param name="CheckedOn">The Vietnam date the state was computed for (<c>?at=</c>, today by default).</param>
/// <param name="Revocation">The revoking decision, its date and ground, when the certificate is revoked on that date.</param>
/// <param name="Reevaluation">The outcome of its re-evaluation, when decided by that date.</param>
public sealed record CertificateCheck(string Number, string Product, string Subject, string Commune, string Address, int Stars, DateOnly IssuedOn, DateOnly ExpiresOn,
    CertificateState State, string StateName, bool IsValid, DateOnly? ValidUntil, string DecisionNumber, DateOnly DecisionSignedOn, string Issuer, DateOnly CheckedOn,
    RevocationFacts? Revocation, ReevaluationFacts? Reevaluation);

/// <summary>A revocation as the public check tells it: the decision, the day it took effect, one of the six grounds.</summary>
public sealed record RevocationFacts(string Decision, DateOnly On, RevocationGround Ground, string GroundName);

/// <summary>What a re-evaluation concluded: renewed (with the new certificate's number) or not.</summary>
public sealed record ReevaluationFacts(ReevaluationOutcome Outcome, string OutcomeName, DateOnly DecidedOn, string? NewCertificate);
