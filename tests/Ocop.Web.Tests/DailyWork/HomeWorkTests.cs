using System.Net;
using System.Text.RegularExpressions;
using Ocop.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ocop.Web.Tests.DailyWork;

/// <summary>Issue 17: home is my work — per role what waits, every item a link to a page the role can use.</summary>
public partial class HomeWorkTests(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    public static TheoryData<string> Users() => [.. Demo.Users];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Every_item_of_the_to_do_list_opens_a_page_the_role_can_use(string user)
    {
        var client = await app.As(user);
        var home = await client.GetStringAsync("/");
        var main = MainPattern().Match(home).Value;
        var links = HrefPattern().Matches(main).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        output.WriteLine(string.Join("\n", links));
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            using var response = await client.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user}: {link} answered {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData(Demo.ProgramOffice, new[] { "Hồ sơ chờ kiểm tra", "Đợt đánh giá cần chuẩn bị, đang chấm", "Giấy chứng nhận đến kỳ đánh giá lại", "Ý tưởng chờ đánh giá khả thi", "Nhiệm vụ quá hạn", "Kiến nghị chờ trả lời" })]
    [InlineData(Demo.ChauThanhOfficer, new[] { "Ý tưởng, sản phẩm trong chu trình OCOP", "Hồ sơ của các xã tôi phụ trách", "Nhiệm vụ của tôi" })]
    [InlineData(Demo.Department, new[] { "Nhiệm vụ của tôi" })]
    [InlineData(Demo.Council, new[] { "Phiếu cần chấm" })]
    [InlineData(Demo.Producer, new[] { "Hồ sơ của tôi", "Giấy chứng nhận của tôi" })]
    [InlineData(Demo.Leader, new[] { "Chỉ tiêu: ", "Nhiệm vụ quá hạn" })]
    public async Task Each_role_lands_on_what_waits_for_it(string user, string[] headings)
    {
        var home = Html.Text(await (await app.As(user)).GetStringAsync("/"));
        output.WriteLine(Regex.Replace(Regex.Replace(MainPattern().Match(home).Value, "<[^>]+>", " "), @"\s+", " "));
        foreach (var heading in headings)
        {
            Assert.Contains("<h2 id=\"work-", home, StringComparison.Ordinal);
            Assert.Contains(heading, home, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_council_member_sees_each_sheet_to_score_with_its_deadline()
    {
        var home = Html.Text(await (await app.As(Demo.Council)).GetStringAsync("/"));
        Assert.Matches(new Regex(@"href=""/Rounds/\d+/Score/\d+"""), home);
        Assert.Matches(new Regex(@"hạn \d\d/\d\d/\d{4}"), home);
    }

    [GeneratedRegex("""<main.*?</main>""", RegexOptions.Singleline)]
    private static partial Regex MainPattern();

    [GeneratedRegex("""href="([^"#]+)""")]
    private static partial Regex HrefPattern();
}
