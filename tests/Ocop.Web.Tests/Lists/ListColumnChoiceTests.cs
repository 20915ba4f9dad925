using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Lists;

/// <summary>
/// Columns chosen per user and sorting by any column in the subject and task lists, as in the product list (issue 17.6);
/// the choice is read once and held with the account until the user saves another.
/// </summary>
public class ListColumnChoiceTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_subject_list_keeps_the_chosen_columns_with_the_account()
    {
        var client = await app.As(Demo.Department);
        var form = await client.GetFormAsync("/Subjects?form=Cooperative", "Columns");
        form.SetAll("Columns", "phone", "products");
        using var saved = await client.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("form=Cooperative", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var elsewhere = await app.SignInAsync(Demo.Department, DemoData.Password);
        var page = await elsewhere.GetPageAsync("/Subjects");
        Assert.True(HasHeader(page, "Tên chủ thể") && HasHeader(page, "Điện thoại") && HasHeader(page, "Sản phẩm"));
        Assert.False(HasHeader(page, "Loại hình") || HasHeader(page, "Người đại diện") || HasHeader(page, "Xã"));

        Assert.True(HasHeader(await (await app.As(Demo.ProgramOffice)).GetPageAsync("/Subjects"), "Người đại diện"));
    }

    [Theory]
    [InlineData("Người đại diện", "representative")]
    [InlineData("Điện thoại", "phone")]
    [InlineData("Sản phẩm", "products")]
    [InlineData("Xã", "commune")]
    public async Task A_subject_column_header_sorts_by_it_and_again_the_other_way(string header, string sort)
    {
        var client = await app.As(Demo.Leader);
        var link = HeaderLink(await client.GetPageAsync("/Subjects?archived=false&page=2"), header);
        Assert.Contains("sort=" + sort, link, StringComparison.Ordinal);
        Assert.Contains("archived=false", link, StringComparison.Ordinal);
        Assert.DoesNotContain("page=", link, StringComparison.Ordinal);

        var sorted = await client.GetPageAsync(link);
        Assert.Contains("""aria-sort="ascending">""", sorted, StringComparison.Ordinal);
        Assert.Contains("sort=-" + sort, HeaderLink(sorted, header), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subjects_sorted_by_representative_come_in_that_order()
    {
        var client = await app.As(Demo.ProgramOffice);
        var expected = await app.QueryAsync(db => db.Subjects.Where(s => !s.IsArchived).OrderBy(s => s.Representative).ThenBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => s.Id).Take(20).ToListAsync());
        var page = await client.GetPageAsync("/Subjects?sort=representative");
        Assert.Equal(expected, RowIds(page, "/Subjects/Details/"));
    }

    [Fact]
    public async Task The_task_list_keeps_the_chosen_columns_and_sorts_by_any_of_them()
    {
        var client = await app.As(Demo.ProgramOffice);
        var form = await client.GetFormAsync("/Tasks?overdue=true", "Columns");
        form.SetAll("Columns", "due", "status");
        using var saved = await client.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("overdue=true", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var page = await client.GetPageAsync("/Tasks");
        Assert.True(HasHeader(page, "Nhiệm vụ") && HasHeader(page, "Hạn") && HasHeader(page, "Tình trạng"));
        Assert.False(HasHeader(page, "Mục") || HasHeader(page, "Đơn vị thực hiện") || HasHeader(page, "Định kỳ"));

        var byDue = await client.GetPageAsync(HeaderLink(page, "Hạn"));
        var dues = Regex.Matches(byDue, """<td[^>]*>(?<d>\d{2}/\d{2}/\d{4})</td>""")
            .Select(m => DateOnly.ParseExact(m.Groups["d"].Value, "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(dues);
        Assert.Equal(dues.Order(), dues);

        var byDueDescending = await client.GetPageAsync(HeaderLink(byDue, "Hạn"));
        Assert.Contains("""aria-sort="descending">""", byDueDescending, StringComparison.Ordinal);
        foreach (var sort in new[] { "title", "-title", "section", "owner", "recurrence", "period", "status", "-status", "nonsense" })
        {
            Assert.Contains("<table class=\"list\" id=\"tasks\">", await client.GetPageAsync("/Tasks?sort=" + sort), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_chosen_columns_are_read_once_and_replaced_when_the_user_saves()
    {
        var client = await app.As(Demo.Leader);
        var userId = await app.UserIdAsync(Demo.Leader);
        // The held facts are dropped whenever a user is saved anywhere in this process (DirectoryVersion is process-wide,
        // and other test classes save users in parallel): the choice is only expected held when the version stood still.
        var before = DirectoryVersion.Current;
        Assert.True(HasHeader(await client.GetPageAsync("/Products"), "Chủ thể"));

        // Written behind the application's back: the list keeps the choice it holds, so it does not read it per request.
        await app.QueryAsync(async db =>
        {
            db.UserClaims.Add(new() { UserId = userId, ClaimType = "ocop:list-columns:products", ClaimValue = "stars" });
            return await db.SaveChangesAsync();
        });
        var held = HasHeader(await client.GetPageAsync("/Products"), "Chủ thể");
        if (DirectoryVersion.Current == before)
        {
            Assert.True(held);
        }

        // Saving a choice replaces the held one at once.
        var form = await client.GetFormAsync("/Products", "Columns");
        form.SetAll("Columns", "commune");
        using var saved = await client.PostFormAsync(form);
        var page = await client.GetPageAsync("/Products");
        Assert.True(HasHeader(page, "Xã"));
        Assert.False(HasHeader(page, "Chủ thể") || HasHeader(page, "Hạng sao"));
    }

    [Theory]
    [InlineData("subject")]
    [InlineData("-subject")]
    [InlineData("group")]
    [InlineData("-stars")]
    [InlineData("certificate")]
    [InlineData("-certificate")]
    [InlineData("status")]
    [InlineData("-commune")]
    public async Task Every_product_column_order_pages_the_same_rows_as_the_whole_list_in_that_order(string sort)
    {
        var client = await app.As(Demo.ProgramOffice);
        using var json = System.Text.Json.JsonDocument.Parse(await client.GetPageAsync("/api/v1/products?pageSize=100&sort=" + sort));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        if (sort == "-stars")
        {
            var stars = items.Select(i => i.GetProperty("stars") is { ValueKind: System.Text.Json.JsonValueKind.Number } s ? s.GetInt32() : 0).ToList();
            Assert.Equal(stars.OrderDescending(), stars);
        }

        var first = RowIds(await client.GetPageAsync("/Products?sort=" + sort), "/Products/Details/");
        Assert.Equal(items.Select(i => i.GetProperty("id").GetInt32()).Take(first.Count), first);
        var second = RowIds(await client.GetPageAsync("/Products?page=2&sort=" + sort), "/Products/Details/");
        Assert.Equal(items.Select(i => i.GetProperty("id").GetInt32()).Skip(first.Count).Take(second.Count), second);
    }

    private static List<int> RowIds(string page, string before) =>
        [.. Regex.Matches(page, Regex.Escape(before) + """(?<id>\d+)""").Select(m => int.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static string HeaderLink(string page, string label) =>
        WebUtility.HtmlDecode(Regex.Match(page, $"""<th scope="col" aria-sort="\w+"><a href="(?<url>[^"]+)">{Regex.Escape(label)}<""").Groups["url"].Value);

    private static bool HasHeader(string page, string label) =>
        Regex.IsMatch(page, $"""<th scope="col" aria-sort="\w+"><a href="[^"]*">{Regex.Escape(label)}<""");
}
