using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Support;

/// <summary>
/// Each role against each route of section III (support, promotion, protection, value chains, training). {fair}, {route},
/// {training} and {allocation} are the province's (the finance office's allocation); {salesPoint} and {listing} lie in the
/// old Đa Lộc / Long Hòa records; {title} is the demo's trademark of Phú Mỹ Châu (Song Lộc); {area} and {reward} are HTX
/// Tiến Thành's (the producer's own). taichinh is the finance office's staff.
/// </summary>
public class SupportRoleMatrixTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Finance = DemoSupportData.FinanceUser;
    private const string Anonymous = "(anonymous)";
    private static readonly string[] Users = [Demo.Admin, Demo.ProgramOffice, Demo.Department, Demo.ChauThanhOfficer, Demo.HoaMinhOfficer, Demo.Council, Demo.Producer, Demo.Leader, Finance, Anonymous];

    //                                                 admin vanphong phongban chauthanh hoaminh hoidong chuthe lanhdao taichinh anonymous
    private static readonly (string Route, string Expected)[] Matrix =
    [
        ("GET /Support",                               "200   200      200      200       200     200     200    200     200      login"),
        ("GET /Support/Policies",                      "200   200      200      200       200     200     403    200     200      login"),
        ("GET /Support/Policies?handler=Export",       "200   200      200      200       200     200     403    200     200      login"),
        ("GET /Support/PolicyEdit",                    "200   200      403      403       403     403     403    403     403      login"),
        ("GET /Support/PolicyEdit/{policy}",           "200   200      403      403       403     403     403    403     403      login"),
        ("GET /Support/Budgets",                       "200   200      200      200       200     200     403    200     200      login"),
        ("GET /Support/Budgets?handler=Export",        "200   200      200      200       200     200     403    200     200      login"),
        ("GET /Support/BudgetEdit",                    "200   200      200      200       200     403     403    403     200      login"),
        ("GET /Support/BudgetEdit/{allocation}",       "200   403      403      404       404     403     403    403     200      login"),
        ("GET /Support/Product/{product}",             "200   200      200      200       404     200     404    200     200      login"),
        ("GET /Training",                              "200   200      200      200       200     200     403    200     200      login"),
        ("GET /Training?handler=Export",               "200   200      200      200       200     200     403    200     200      login"),
        ("GET /Training/Edit",                         "200   200      200      200       200     403     403    403     200      login"),
        ("GET /Training/Edit/{training}",              "200   200      200      404       404     403     403    403     200      login"),
        ("GET /Promotion/Fairs",                       "200   200      200      200       200     200     403    200     200      login"),
        ("GET /Promotion/FairEdit/{fair}",             "200   200      200      404       404     403     403    403     200      login"),
        ("GET /Promotion/SalesPoints",                 "200   200      200      200       200     200     403    200     200      login"),
        ("GET /Promotion/SalesPoints?handler=Export",  "200   200      200      200       200     200     403    200     200      login"),
        ("GET /Promotion/SalesPointEdit/{salesPoint}", "200   200      200      200       404     403     403    403     200      login"),
        ("GET /Promotion/Listings",                    "200   200      200      200       200     200     200    200     200      login"),
        ("GET /Promotion/ListingEdit",                 "200   200      200      200       200     403     200    403     200      login"),
        ("GET /Promotion/ListingEdit/{listing}",       "200   200      200      404       404     403     200    403     200      login"),
        ("GET /Promotion/TourismPoints",               "200   200      200      200       200     200     403    200     200      login"),
        ("GET /Promotion/Routes",                      "200   200      200      200       200     200     403    200     200      login"),
        ("GET /Promotion/RouteEdit/{route}",           "200   200      200      404       404     403     403    403     200      login"),
        ("GET /Protection/Titles",                     "200   200      200      200       200     200     200    200     200      login"),
        ("GET /Protection/TitleEdit/{title}",          "200   200      200      404       404     403     404    403     200      login"),
        ("GET /Protection/Traceability",               "200   200      200      200       200     200     200    200     200      login"),
        ("GET /ValueChains/Areas",                     "200   200      200      200       200     200     200    200     200      login"),
        ("GET /ValueChains/AreaEdit/{area}",           "200   200      200      404       404     403     200    403     200      login"),
        ("GET /ValueChains/Rewards",                   "200   200      200      200       200     200     200    200     200      login"),
        ("GET /ValueChains/RewardEdit/{reward}",       "200   200      200      404       404     403     403    403     200      login"),
        ("GET /History/BudgetAllocation/{allocation}", "200   200      200      404       404     200     404    200     200      login"),
        ("GET /History/TradeFair/{fair}",              "200   200      200      404       404     200     404    200     200      login"),
        ("GET /History/RawMaterialArea/{area}",        "200   200      200      404       404     200     200    200     200      login"),
        ("GET /api/v1/support/policies",               "200   200      200      200       200     200     403    200     200      401"),
        ("GET /api/v1/support/budgets",                "200   200      200      200       200     200     403    200     200      401"),
        ("GET /api/v1/training",                       "200   200      200      200       200     200     403    200     200      401"),
        ("GET /api/v1/trade-fairs",                    "200   200      200      200       200     200     403    200     200      401"),
        ("GET /api/v1/sales-points",                   "200   200      200      200       200     200     403    200     200      401"),
        ("GET /api/v1/ecommerce-listings",             "200   200      200      200       200     200     200    200     200      401"),
        ("GET /api/v1/tourism/points",                 "200   200      200      200       200     200     403    200     200      401"),
        ("GET /api/v1/tourism/routes",                 "200   200      200      200       200     200     403    200     200      401"),
        ("GET /api/v1/ip-titles",                      "200   200      200      200       200     200     200    200     200      401"),
        ("GET /api/v1/traceability",                   "200   200      200      200       200     200     200    200     200      401"),
        ("GET /api/v1/raw-material-areas",             "200   200      200      200       200     200     200    200     200      401"),
        ("GET /api/v1/rewards",                        "200   200      200      200       200     200     200    200     200      401"),
        ("GET /api/v1/sales-points?unit=86",           "200   200      200      200       200     200     403    200     200      401"),
        ("GET /api/v1/sales-points?unit=xyz",          "400   400      400      400       400     400     403    400     400      401"),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (route, expected) in Matrix)
        {
            var outcomes = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(Users.Length, outcomes.Length);
            for (var i = 0; i < Users.Length; i++)
            {
                data.Add(Users[i], route, outcomes[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_reaches_exactly_what_the_rules_of_section_III_allow(string user, string route, string expected)
    {
        var client = user == Anonymous ? app.NewClient() : await app.As(user);
        var url = await FillAsync(route.Split(' ', 2)[1]);
        using var response = await client.GetAsync(url);
        var status = (int)response.StatusCode;
        var because = $"{user} GET {url} answered {status} {response.Location()}";
        if (expected == "login")
        {
            Assert.True(status == 302, because);
            Assert.StartsWith("http://localhost/Account/Login?ReturnUrl=", response.Location(), StringComparison.Ordinal);
            return;
        }

        Assert.True(status == int.Parse(expected, CultureInfo.InvariantCulture), because + ": " + HttpClientExtensions.Shorten(await response.Content.ReadAsStringAsync()));
        if (url.StartsWith("/api/", StringComparison.Ordinal))
        {
            Assert.Equal(status == 200 ? "application/json" : "application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        else if (url.Contains("handler=Export", StringComparison.Ordinal) && status == 200)
        {
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task<string> FillAsync(string url)
    {
        var ids = new Dictionary<string, Func<Task<int>>>
        {
            ["{policy}"] = () => app.QueryAsync(db => db.SupportPolicies.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()),
            ["{allocation}"] = () => app.QueryAsync(db => db.BudgetAllocations.Where(a => a.Office!.ShortName == "NN&PTNT").OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()),
            ["{product}"] = () => app.ProductIdAsync(Demo.BanhTetLaCam),
            ["{training}"] = () => app.QueryAsync(db => db.TrainingEvents.Select(t => t.Id).FirstAsync()),
            ["{fair}"] = () => app.QueryAsync(db => db.TradeFairs.Select(t => t.Id).FirstAsync()),
            ["{salesPoint}"] = () => app.QueryAsync(db => db.SalesPoints.Select(t => t.Id).FirstAsync()),
            ["{listing}"] = () => app.QueryAsync(db => db.EcommerceListings.Select(t => t.Id).FirstAsync()),
            ["{route}"] = () => app.QueryAsync(db => db.TourismRoutes.Select(t => t.Id).FirstAsync()),
            ["{title}"] = () => app.QueryAsync(db => db.IpTitles.Select(t => t.Id).FirstAsync()),
            ["{area}"] = () => app.QueryAsync(db => db.RawMaterialAreas.Select(t => t.Id).FirstAsync()),
            ["{reward}"] = () => app.QueryAsync(db => db.Rewards.Select(t => t.Id).FirstAsync()),
        };
        foreach (var (placeholder, id) in ids)
        {
            if (url.Contains(placeholder, StringComparison.Ordinal))
            {
                url = url.Replace(placeholder, (await app.IdAsync(placeholder, id)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }
        }

        return url;
    }
}
