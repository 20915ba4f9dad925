using Microsoft.EntityFrameworkCore;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>
/// Each role against each page and API route, decided on the server. The records are chosen so that every rule shows:
/// {product} and {subject} are Bà Năm's in Đa Lộc (canbo.chauthanh's commune, not canbo.hoaminh's); {ownProduct} and
/// {ownSubject} are HTX Tiến Thành's in Long Hòa (the producer's own, in neither officer's communes). Archive posts carry
/// a stale version, so an allowed one is turned back with a message (302 to the record) and nothing is ever archived.
/// </summary>
public class RoleMatrixTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Anonymous = "(anonymous)";

    // login = redirect to the sign-in page; 302 = back to the record's page.
    //                                                      admin vanphong phongban daloc hoaminh hoidong chuthe lanhdao anonymous
    private static readonly (string Route, string Expected)[] Matrix =
    [
        // The root is the public home for visitors (issue 16), the work home for everyone signed in.
        ("GET /",                                           "200   200      200      200   200     200     200    200     200"),
        ("GET /Products",                                   "200   200      200      200   200     200     200    200     login"),
        ("GET /Products?handler=Export",                    "200   200      200      200   200     200     200    200     login"),
        ("GET /Products/Details/{product}",                 "200   200      200      200   404     200     404    200     login"),
        ("GET /Products/Details/{ownProduct}",              "200   200      200      404   404     200     200    200     login"),
        ("GET /Products/Edit",                              "200   200      403      200   200     403     200    403     login"),
        ("GET /Products/Edit/{product}",                    "200   200      403      200   404     403     404    403     login"),
        ("GET /Products/Edit/{ownProduct}",                 "200   200      403      404   404     403     200    403     login"),
        ("POST /Products/Details/{product}?handler=Archive",    "302   302      403      302   404     403     404    403     login"),
        ("POST /Products/Details/{ownProduct}?handler=Archive", "302   302      403      404   404     403     302    403     login"),
        ("GET /Subjects",                                   "200   200      200      200   200     200     200    200     login"),
        ("GET /Subjects?handler=Export",                    "200   200      200      200   200     200     200    200     login"),
        ("GET /Subjects/Details/{subject}",                 "200   200      200      200   404     200     404    200     login"),
        ("GET /Subjects/Details/{ownSubject}",              "200   200      200      404   404     200     200    200     login"),
        ("GET /Subjects/Edit",                              "200   200      403      200   200     403     403    403     login"),
        ("GET /Subjects/Edit/{subject}",                    "200   200      403      200   404     403     404    403     login"),
        ("GET /Subjects/Edit/{ownSubject}",                 "200   200      403      404   404     403     200    403     login"),
        ("POST /Subjects/Details/{subject}?handler=Archive",    "302   302      403      302   404     403     404    403     login"),
        ("POST /Subjects/Details/{ownSubject}?handler=Archive", "302   302      403      404   404     403     403    403     login"),
        ("GET /CraftVillages",                              "200   200      200      200   200     200     200    200     login"),
        ("GET /CraftVillages/Edit",                         "200   200      403      200   200     403     403    403     login"),
        ("GET /CraftVillages/Edit/{village}",               "200   200      403      200   404     403     403    403     login"),
        ("GET /Units",                                      "200   200      200      200   200     200     200    200     login"),
        ("GET /Taxonomy",                                   "200   200      200      200   200     200     200    200     login"),
        ("GET /Taxonomy/Edit/{category}",                   "200   200      403      403   403     403     403    403     login"),
        ("GET /Admin/Users",                                "200   403      403      403   403     403     403    403     login"),
        ("GET /Admin/Users/Edit",                           "200   403      403      403   403     403     403    403     login"),
        ("GET /History/Product/{product}",                  "200   200      200      200   404     200     404    200     login"),
        ("GET /History/Subject/{ownSubject}",               "200   200      200      404   404     200     200    200     login"),
        ("GET /History/CraftVillage/{village}",             "200   200      200      200   404     200     404    200     login"),
        ("GET /History/ProductCategory/{category}",         "200   200      200      200   200     200     200    200     login"),
        ("GET /Reports",                                    "200   200      200      200   200     200     403    200     login"),
        ("GET /Reports?handler=Docx",                       "200   200      200      200   200     200     403    200     login"),
        ("GET /Reports?handler=Annexes",                    "200   200      200      200   200     200     403    200     login"),
        ("GET /Cycle",                                      "200   200      200      200   200     200     200    200     login"),
        ("GET /Cycle/Create",                               "200   200      403      200   200     403     200    403     login"),
        ("GET /Cycle/Details/{cycleEntry}",                 "200   200      200      200   404     200     404    200     login"),
        ("POST /Cycle/Details/{cycleEntry}?handler=Advance", "200  200      403      200   404     403     404    403     login"),
        ("POST /Cycle/Details/{cycleEntry}?handler=Return",  "200  200      403      403   404     403     404    403     login"),
        ("GET /Tasks",                                      "200   200      200      200   200     403     403    200     login"),
        ("GET /Tasks/Details/{communeTask}",                "200   200      404      200   404     404     404    200     login"),
        ("GET /Tasks/Details/{officeTask}",                 "200   200      200      404   404     404     404    200     login"),
        ("POST /Tasks/Details/{communeTask}?handler=Report", "403  403      404      200   404     404     404    403     login"),
        ("POST /Tasks/Details/{officeTask}?handler=Report",  "403  403      200      404   404     404     404    403     login"),
        ("GET /Tasks/Edit",                                 "200   200      403      403   403     403     403    403     login"),
        ("GET /Tasks/Edit/{communeTask}",                   "200   200      403      403   403     403     403    403     login"),
        ("GET /Tasks/Problems",                             "200   200      403      403   403     403     403    403     login"),
        ("GET /Tasks/Overdue",                              "200   200      403      403   403     403     403    200     login"),
        ("GET /Planning",                                   "200   200      200      200   200     200     403    200     login"),
        ("GET /Planning/Dashboard",                         "200   200      200      200   200     200     403    200     login"),
        ("GET /Planning/Dashboard?plan={plan}&unit={district}", "200   200      200      200   200     200     403    200     login"),
        ("GET /Planning/Details/{plan}",                    "200   200      200      200   200     200     403    200     login"),
        ("GET /Planning/Indicators",                        "200   200      200      200   200     200     403    200     login"),
        ("GET /Planning/Target?plan={plan}",                "200   200      403      403   403     403     403    403     login"),
        ("GET /Planning/Edit",                              "200   200      403      200   200     403     403    403     login"),
        ("GET /Planning/Edit/{plan}",                       "200   200      403      403   403     403     403    403     login"),
        ("GET /Planning/Copy/{plan}",                       "200   200      403      200   200     403     403    403     login"),
        ("GET /History/Plan/{plan}",                        "200   200      200      200   200     200     404    200     login"),
        ("GET /Planning/Records?plan={plan}&target={target}", "200   200      200      200   200     200     403    200     login"),
        ("POST /Planning/Dashboard?handler=Snapshot",       "404   404      403      403   403     403     403    403     login"),
        ("GET /Planning/Support",                           "200   200      200      200   200     200     403    200     login"),
        ("GET /Planning/Support/Edit",                      "200   200      403      200   200     403     403    403     login"),
        ("GET /Planning/Support/Edit/{support}",            "200   200      403      200   404     403     403    403     login"),
        ("GET /api/v1/plans",                               "200   200      200      200   200     200     403    200     401"),
        ("GET /api/v1/plans/{plan}/targets",                "200   200      200      200   200     200     403    200     401"),
        ("GET /api/v1/products",                            "200   200      200      200   200     200     200    200     401"),
        ("GET /api/v1/subjects",                            "200   200      200      200   200     200     200    200     401"),
        ("GET /api/v1/products/{product}",                  "200   200      200      200   404     200     404    200     401"),
        ("GET /api/v1/products/{ownProduct}",               "200   200      200      404   404     200     200    200     401"),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var users = Demo.Users.Append(Anonymous).ToArray();
        var data = new TheoryData<string, string, string>();
        foreach (var (route, expected) in Matrix)
        {
            var outcomes = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(users.Length, outcomes.Length);
            for (var i = 0; i < users.Length; i++)
            {
                data.Add(users[i], route, outcomes[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_reaches_exactly_what_its_rules_allow(string user, string route, string expected)
    {
        var client = user == Anonymous ? app.NewClient() : await app.As(user);
        var parts = route.Split(' ', 2);
        var (method, url) = (parts[0], await FillAsync(parts[1]));
        var before = method == "POST" ? await app.CountsAsync() : null;

        using var response = method == "POST"
            ? await client.PostWithTokenAsync(url, ("version", "-1"))
            : await client.GetAsync(url);

        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var because = $"{user} {method} {url} answered {status} {response.Location()}";
        switch (expected)
        {
            case "login":
                Assert.True(status == 302, because);
                Assert.StartsWith("http://localhost/Account/Login?ReturnUrl=", response.Location(), StringComparison.Ordinal);
                break;
            case "302":
                Assert.True(status == 302, because);
                Assert.Equal(url.Split('?')[0], response.Location());
                break;
            default:
                Assert.True(status == int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), because + ": " + HttpClientExtensions.Shorten(body));
                break;
        }

        if (status == 403)
        {
            Assert.Contains("không có quyền", body, StringComparison.Ordinal);
        }

        if (url.StartsWith("/api/", StringComparison.Ordinal))
        {
            Assert.Equal(status == 200 ? "application/json" : "application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        else if (url.Contains("handler=Export", StringComparison.Ordinal) && status == 200)
        {
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        }

        // Allowed or refused, the stale archive request writes nothing.
        if (before is not null)
        {
            Assert.Equal(before, await app.CountsAsync());
        }
    }

    private async Task<string> FillAsync(string url)
    {
        var ids = new Dictionary<string, Func<Task<int>>>
        {
            ["{product}"] = () => app.ProductIdAsync(Demo.BanhTetLaCam),
            ["{ownProduct}"] = () => app.ProductIdAsync(Demo.GaoLongHoa),
            ["{subject}"] = () => app.SubjectIdAsync(Demo.BaNam),
            ["{ownSubject}"] = () => app.SubjectIdAsync(Demo.TienThanh),
            ["{category}"] = () => app.CategoryIdAsync(Demo.RiceProductsCategory),
            // Bà Năm's idea in Đa Lộc at the business-plan step; a task of Đa Lộc; a task of Phòng Kinh tế và Hạ tầng (phongban's office).
            ["{cycleEntry}"] = () => app.QueryAsync(db => db.CycleEntries.Where(e => e.IdeaName == "Bánh tét nhân đậu xanh lá dứa").Select(e => e.Id).SingleAsync()),
            ["{communeTask}"] = () => app.QueryAsync(db => db.PlanTasks.Where(t => t.Commune!.Code == Demo.DaLoc && t.Commune.ValidTo != null).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync()),
            ["{officeTask}"] = () => app.QueryAsync(db => db.PlanTasks.Where(t => t.Office!.ShortName == "KT&HT").OrderBy(t => t.Id).Select(t => t.Id).FirstAsync()),
            ["{plan}"] = () => app.QueryAsync(db => db.Plans.Where(p => p.Number == "46/KH-UBND").Select(p => p.Id).SingleAsync()),
            ["{district}"] = () => app.QueryAsync(db => db.Units.Where(u => u.Code == "847").Select(u => u.Id).SingleAsync()),
            ["{target}"] = () => app.QueryAsync(db => db.PlanTargets.Where(t => t.Code == "T1" && t.Plan!.Number == "46/KH-UBND").Select(t => t.Id).SingleAsync()),
            ["{support}"] = () => app.QueryAsync(db => db.SupportRecords.Where(r => r.Subject!.Name == Demo.BaNam).Select(r => r.Id).FirstAsync()),
            ["{village}"] = () => app.QueryAsync(db => db.CraftVillages.Where(v => v.Name == "Làng nghề bánh tét Đa Lộc").Select(v => v.Id).SingleAsync()),
        };
        foreach (var (placeholder, id) in ids)
        {
            if (url.Contains(placeholder, StringComparison.Ordinal))
            {
                url = url.Replace(placeholder, (await app.IdAsync(placeholder, id)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }
        }

        return url;
    }
}
