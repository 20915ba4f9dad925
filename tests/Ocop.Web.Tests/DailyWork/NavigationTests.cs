using System.Net;
using System.Text.RegularExpressions;
using Ocop.Core.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.DailyWork;

/// <summary>
/// Issue 17: the menu offers only what a role may do (every link answers 200 for the role it is shown to, and a page
/// left out would refuse the role), and a refused page keeps the layout, says why and offers a way back.
/// </summary>
public partial class NavigationTests(AppFixture app) : IClassFixture<AppFixture>
{
    public static TheoryData<string> Users() => [.. Demo.Users, Ocop.Web.Data.DemoSupportData.FinanceUser];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Every_menu_link_answers_200_for_the_role_it_is_shown_to(string user)
    {
        var client = await app.As(user);
        var home = await client.GetStringAsync("/");
        var links = MenuLinks(home);
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            using var response = await client.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user}: {link} answered {(int)response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(Users))]
    public async Task A_page_left_out_of_a_role_s_menu_is_one_the_role_may_not_open(string user)
    {
        var client = await app.As(user);
        var shown = MenuLinks(await client.GetStringAsync("/")).ToHashSet(StringComparer.Ordinal);
        foreach (var link in Navigation.Links.Where(l => !shown.Contains(l.Href)))
        {
            using var response = await client.GetAsync(link.Href);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user}: {link.Href} is not in the menu but answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_menu_is_drawn_from_the_rules_the_pages_use()
    {
        Assert.DoesNotContain(Navigation.For(Role.Producer), l => l.Href is "/Rounds" or "/Planning/Dashboard" or "/Tasks" or "/Reports");
        Assert.DoesNotContain(Navigation.For(Role.CommuneOfficer), l => l.Href == "/Rounds");
        Assert.Contains(Navigation.For(Role.CouncilMember), l => l.Href == "/Rounds");
        Assert.Contains(Navigation.For(Role.Administrator), l => l.Href == "/Admin/Users");
        // Section III: budgets and the offices' events are not the producer's; its own IP titles and listings are.
        Assert.DoesNotContain(Navigation.For(Role.Producer), l => l.Href is "/Support/Budgets" or "/Support/Policies" or "/Training" or "/Promotion/Fairs" or "/EvaluationCalendar");
        Assert.Contains(Navigation.For(Role.Producer), l => l.Href == "/Protection/Titles");
        Assert.Contains(Navigation.For(Role.Department), l => l.Href == "/Support/Budgets");
        Assert.Contains(Navigation.For(Role.ProgramOffice), l => l.Href == "/EvaluationCalendar/Holidays");
        var office = await (await app.As(Demo.ProgramOffice)).GetStringAsync("/Products");
        Assert.Matches("<a href=\"/Products\" aria-current=\"page\">", office);
    }

    [Fact]
    public async Task A_refused_page_keeps_the_layout_says_why_and_offers_a_way_back()
    {
        var producer = await app.As(Demo.Producer);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Rounds");
        request.Headers.Referrer = new Uri("http://localhost/Products?q=gao");
        using var response = await producer.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("aria-label=\"Chính\"", html, StringComparison.Ordinal);
        Assert.Contains("Mục «Đánh giá, phân hạng» không dành cho vai trò «Chủ thể sản xuất» của bạn.", Html.Text(html), StringComparison.Ordinal);
        Assert.Contains("href=\"/Products?q=gao\"", html, StringComparison.Ordinal);
        Assert.Contains("Về trang chủ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_record_and_refused_input_keep_the_layout_too()
    {
        var office = await app.As(Demo.ProgramOffice);
        using var missing = await office.GetAsync("/Products/Details/987654321");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("aria-label=\"Chính\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var refused = await office.GetAsync("/Products?q=%01");
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("aria-label=\"Chính\"", html, StringComparison.Ordinal);
        Assert.Contains("Giá trị của «q»", Html.Text(html), StringComparison.Ordinal);

        using var api = await office.GetAsync("/api/v1/products/987654321");
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    private static List<string> MenuLinks(string html)
    {
        var nav = NavPattern().Match(html);
        Assert.True(nav.Success, "The page has no main menu.");
        return HrefPattern().Matches(nav.Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
    }

    [GeneratedRegex("""<nav aria-label="Chính">.*?</nav>""", RegexOptions.Singleline)]
    private static partial Regex NavPattern();

    [GeneratedRegex("""href="([^"]+)""")]
    private static partial Regex HrefPattern();
}
