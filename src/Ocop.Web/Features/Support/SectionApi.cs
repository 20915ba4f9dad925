using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Promotion;
using Ocop.Web.Features.Protection;
using Ocop.Web.Features.Shared;
using Ocop.Web.Features.Training;
using Ocop.Web.Features.ValueChains;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Support;

/// <summary>
/// Read endpoints of section III: each register's rows as its list page shows them to the same user, with the place
/// filter of the other list APIs (<c>?unit=&lt;code&gt;&amp;at=</c>), archived on request, paged.
/// </summary>
public static class SectionApi
{
    public static RouteGroupBuilder MapSectionApi(this RouteGroupBuilder api)
    {
        Map(api, "/support/budgets", "ListBudgetAllocations", "Dự toán kinh phí hỗ trợ / Budget allocations", (s, f, ct) => BudgetFigures.AllocationsAsync(s, f, null, ct), SupportAccess.CanReadBudgets);
        Map(api, "/training", "ListTrainingEvents", "Đào tạo, truyền thông / Training and communication events", TrainingRegister.Events);
        Map(api, "/trade-fairs", "ListTradeFairs", "Hội chợ, triển lãm / Trade fairs", PromotionRegisters.Fairs);
        Map(api, "/sales-points", "ListSalesPoints", "Điểm bán sản phẩm OCOP (có tọa độ) / OCOP sales points", PromotionRegisters.SalesPoints);
        Map(api, "/ecommerce-listings", "ListEcommerceListings", "Sản phẩm trên sàn thương mại điện tử / E-commerce listings", PromotionRegisters.Listings);
        Map(api, "/tourism/points", "ListTourismPoints", "Điểm du lịch cộng đồng (có tọa độ) / Community tourism points", PromotionRegisters.TourismPoints);
        Map(api, "/tourism/routes", "ListTourismRoutes", "Tuyến du lịch / Tourism routes", PromotionRegisters.Routes);
        Map(api, "/ip-titles", "ListIpTitles", "Thương hiệu, nhãn hiệu, chỉ dẫn địa lý / IP register", ProtectionRegisters.Titles);
        Map(api, "/traceability", "ListTraceability", "Truy xuất nguồn gốc / Traceability", ProtectionRegisters.Traceability);
        Map(api, "/raw-material-areas", "ListRawMaterialAreas", "Vùng nguyên liệu / Raw-material areas", ValueChainRegisters.Areas);
        Map(api, "/rewards", "ListRewards", "Khen thưởng / Rewards and commendations", ValueChainRegisters.Rewards);
        api.MapGet("/support/policies", PoliciesAsync)
            .WithName("ListSupportPolicies").WithTags("Support").WithSummary("Chính sách hỗ trợ theo hạng sao / Support policies by star level")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    public sealed record PolicyRow(int Id, string Name, string LegalBasis, string Kind, string? Source, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<StarRate> Rates);

    private static async Task<Results<Ok<List<PolicyRow>>, ProblemHttpResult>> PoliciesAsync(SectionContext section, CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        if (!SupportAccess.CanReadPolicies(scope.Role))
        {
            return Forbidden();
        }

        var rows = await section.Db.SupportPolicies.AsNoTracking().Include(p => p.Rates).Where(p => !p.IsArchived).OrderBy(p => p.Name).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(p => new PolicyRow(p.Id, p.Name, p.LegalBasis, Display.Name(p.Kind), p.Source is { } s ? Display.Name(s) : null,
            p.ValidFrom, p.ValidTo, p.Rates.OrderBy(r => r.Stars).Select(r => new StarRate(r.Stars, r.MaxAmountVnd, r.RatePercent)).ToList())).ToList());
    }

    private static void Map<TRow>(RouteGroupBuilder api, string path, string name, string summary, RegisterDefinition<TRow> definition) where TRow : IRegisterRow =>
        Map(api, path, name, summary, definition.Load, role => SupportAccess.CanList(definition.Kind, role));

    private static void Map<TRow>(RouteGroupBuilder api, string path, string name, string summary,
        Func<SectionContext, RegisterFilter, CancellationToken, Task<List<TRow>>> load, Func<Core.Access.Role, bool> mayList)
    {
        api.MapGet(path, async Task<Results<Ok<ApiPage<TRow>>, ProblemHttpResult>> (string? unit, string? at, bool? archived, int? page, int? pageSize,
            SectionContext section, CancellationToken ct) =>
        {
            var scope = await section.ScopeAsync(ct);
            if (!mayList(scope.Role))
            {
                return Forbidden();
            }

            var place = new UnitQuery(Unit: unit, At: at).Resolve(scope.Units, scope.Today);
            if (place.Error is not null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: place.Error, detail: place.Detail);
            }

            var rows = await load(section, new RegisterFilter(place.Communes, archived ?? false), ct);
            var size = Math.Clamp(pageSize ?? 50, 1, 100);
            var number = Math.Max(1, page ?? 1);
            return TypedResults.Ok(new ApiPage<TRow>(rows.Skip((number - 1) * size).Take(size).ToList(), rows.Count, number, size));
        })
            .WithName(name)
            .WithTags("Support")
            .WithSummary(summary)
            .WithDescription(UnitQuery.CodeHelp + " — chỉ hồ sơ thuộc đơn vị đó (và các đơn vị cũ đã sáp nhập vào); archived: hồ sơ đã lưu trữ; page, pageSize (≤ 100). Cùng phạm vi như trang danh sách của người dùng.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Bạn không có quyền xem danh sách này.");
}
