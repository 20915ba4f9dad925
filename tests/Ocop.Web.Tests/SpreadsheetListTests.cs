using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>
/// Lists like a spreadsheet (issue 17): stars, certificate state, commune and group columns; sort by any column from
/// its header; the chosen columns kept with the user's account; paging on every list.
/// </summary>
public class SpreadsheetListTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_product_list_shows_stars_and_the_certificate_s_state_and_the_api_gives_them()
    {
        var client = await app.As(Demo.ProgramOffice);
        var rice = await app.ProductIdAsync(Demo.GaoLongHoa);
        var stars = await app.QueryAsync(db => db.Certificates.Where(c => c.ProductId == rice).OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Id)
            .Select(c => c.Stars).FirstAsync());

        var page = await client.GetPageAsync("/Products?q=" + Uri.EscapeDataString(Demo.GaoLongHoa));
        foreach (var header in new[] { "Chủ thể", "Xã", "Nhóm", "Hạng sao", "Giấy chứng nhận", "Trạng thái" })
        {
            Assert.True(HasHeader(page, header), header);
        }

        Assert.Contains($"aria-label=\"{stars} sao\"", page, StringComparison.Ordinal);

        using var response = await client.GetAsync($"/api/v1/products?q={Uri.EscapeDataString(Demo.GaoLongHoa)}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == rice);
        Assert.Equal(stars, item.GetProperty("stars").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, item.GetProperty("certificateState").ValueKind);
    }

    [Fact]
    public async Task A_column_header_sorts_by_its_column_and_again_the_other_way_keeping_the_filters()
    {
        var client = await app.As(Demo.Leader);
        var page = await client.GetPageAsync("/Products?status=Registered&page=2");
        var link = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, """<th scope="col" aria-sort="none"><a href="(?<url>[^"]+)">Hạng sao""").Groups["url"].Value);
        Assert.Contains("sort=stars", link, StringComparison.Ordinal);
        Assert.Contains("status=Registered", link, StringComparison.Ordinal);
        Assert.DoesNotContain("page=", link, StringComparison.Ordinal);

        var sorted = await client.GetPageAsync(link);
        Assert.Contains("""aria-sort="ascending"><a href=""", sorted, StringComparison.Ordinal);
        Assert.Contains("sort=-stars", sorted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chosen_columns_are_kept_with_the_account_and_follow_it_to_another_sign_in()
    {
        var client = await app.As(Demo.Department);
        var form = await client.GetFormAsync("/Products?status=Registered", "Columns");
        form.SetAll("Columns", "stars", "commune");
        using var saved = await client.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("status=Registered", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Another sign-in of the same account (another device) sees the same choice.
        var elsewhere = await app.SignInAsync(Demo.Department, Ocop.Web.Data.DemoData.Password);
        var page = await elsewhere.GetPageAsync("/Products");
        Assert.True(HasHeader(page, "Hạng sao") && HasHeader(page, "Xã"));
        Assert.False(HasHeader(page, "Chủ thể") || HasHeader(page, "Trạng thái"));

        // Another user still sees every column.
        Assert.True(HasHeader(await (await app.As(Demo.ProgramOffice)).GetPageAsync("/Products"), "Chủ thể"));
    }

    private static bool HasHeader(string page, string label) =>
        System.Text.RegularExpressions.Regex.IsMatch(page, $"""<th scope="col" aria-sort="\w+"><a href="[^"]*">{label}<""");
}
