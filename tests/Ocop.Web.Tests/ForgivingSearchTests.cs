using System.Net;
using System.Text.Json;
using Ocop.Web.Tests.Evaluation;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>
/// Search that forgives (issue 17): every word in any order, across product, subject and commune (its name then and
/// now), the usual abbreviations, without diacritics, best matches first — in the registry's lists, the API and the
/// round's product picker alike. These cases failed when a search had to be the exact phrase.
/// </summary>
public class ForgivingSearchTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("banh tet da loc")]
    [InlineData("da loc banh tet")]
    [InlineData("Bánh tét Đa-Lộc")]
    public async Task Words_of_a_product_found_in_any_order_put_it_first_in_the_page_and_the_api(string typed)
    {
        var client = await app.As(Demo.ProgramOffice);
        var laCam = await app.ProductIdAsync(Demo.BanhTetLaCam);
        var q = Uri.EscapeDataString(typed);

        var api = await ApiAsync(client, "/api/v1/products?q=" + q);
        Assert.Contains(laCam, api.Ids);
        Assert.DoesNotContain(await app.ProductIdAsync(Demo.BanhTetMyChanh), api.Ids); // Mỹ Chánh is not Đa Lộc
        // Both Đa Lộc bánh tét have every word in their names; the shorter fits best and comes first.
        Assert.Equal([Demo.BanhTetLaCam, Demo.BanhTetNhanChuoi], api.Names.Take(2));

        var page = await client.GetPageAsync("/Products?q=" + q);
        Assert.Equal(laCam, Html.LinkedIds(page, "/Products/Details/").First());
    }

    [Theory]
    [InlineData("htx tien thanh")]
    [InlineData("HTX Tiến Thành")]
    [InlineData("hop tac xa tien thanh")]
    [InlineData("tien thanh htx")]
    public async Task A_cooperative_is_found_by_its_abbreviation_in_the_subjects_page_and_api_and_its_products(string typed)
    {
        var client = await app.As(Demo.ProgramOffice);
        var tienThanh = await app.SubjectIdAsync(Demo.TienThanh);
        var q = Uri.EscapeDataString(typed);

        var subjects = await ApiAsync(client, "/api/v1/subjects?q=" + q);
        Assert.Equal(tienThanh, subjects.Ids.First());
        Assert.Equal(tienThanh, Html.LinkedIds(await client.GetPageAsync("/Subjects?q=" + q), "/Subjects/Details/").First());

        var products = await ApiAsync(client, "/api/v1/products?q=" + q + "&pageSize=100");
        Assert.Contains(await app.ProductIdAsync(Demo.GaoLongHoa), products.Ids);
    }

    [Fact]
    public async Task A_household_business_is_found_as_hkd_and_a_cooperative_is_not()
    {
        var client = await app.As(Demo.ProgramOffice);
        var found = await ApiAsync(client, "/api/v1/subjects?q=hkd+ba+nam");
        Assert.Equal([await app.SubjectIdAsync(Demo.BaNam)], found.Ids);
        Assert.Empty((await ApiAsync(client, "/api/v1/subjects?q=htx+ba+nam")).Ids);
    }

    [Theory]
    [InlineData("ba nam da loc")]     // the commune it was registered in, before 1 July 2025
    [InlineData("ba nam chau thanh")] // the commune that holds Đa Lộc's records today
    public async Task A_subject_is_found_by_its_commune_s_name_old_and_new(string typed)
    {
        var client = await app.As(Demo.ProgramOffice);
        var baNam = await app.SubjectIdAsync(Demo.BaNam);
        var q = Uri.EscapeDataString(typed);

        Assert.Equal([baNam], (await ApiAsync(client, "/api/v1/subjects?q=" + q)).Ids);
        Assert.Equal([baNam], Html.LinkedIds(await client.GetPageAsync("/Subjects?q=" + q), "/Subjects/Details/"));
        Assert.Empty((await ApiAsync(client, "/api/v1/subjects?q=ba+nam+hoa+minh")).Ids);
    }

    [Fact]
    public async Task Products_are_found_by_their_commune_s_name_of_today()
    {
        var client = await app.As(Demo.ProgramOffice);
        // The bánh tét of Đa Lộc and Mỹ Chánh: both former communes are the commune Châu Thành today.
        var api = await ApiAsync(client, "/api/v1/products?q=banh+tet+chau+thanh&pageSize=100");
        foreach (var name in new[] { Demo.BanhTetLaCam, Demo.BanhTetNhanChuoi, Demo.BanhTetMyChanh })
        {
            Assert.Contains(await app.ProductIdAsync(name), api.Ids);
        }
    }

    [Fact]
    public async Task The_round_s_product_picker_forgives_as_the_list_does()
    {
        var round = await TestRound.CreateAsync(app);
        var office = await app.As(Demo.ProgramOffice);
        var laCam = await app.ProductIdAsync(Demo.BanhTetLaCam);
        var rice = await app.ProductIdAsync(Demo.GaoLongHoa);

        var html = await office.GetPageAsync($"/Rounds/Details/{round.Id}?q=" + Uri.EscapeDataString("banh tet da loc"));
        Assert.Contains($"name=\"AddProduct.ProductId\" value=\"{laCam}\"", html, StringComparison.Ordinal);
        html = await office.GetPageAsync($"/Rounds/Details/{round.Id}?q=" + Uri.EscapeDataString("htx tien thanh gao"));
        Assert.Contains($"name=\"AddProduct.ProductId\" value=\"{rice}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_order_wins_over_relevance_and_every_column_sorts()
    {
        var client = await app.As(Demo.Leader);
        var byName = await ApiAsync(client, "/api/v1/products?q=banh+tet&sort=-name");
        Assert.Equal(byName.Names.Order(StringComparer.Create(Ocop.Web.Shared.Display.Vi, false)).Reverse(), byName.Names);
        foreach (var column in Ocop.Web.Features.Products.ProductSort.Columns)
        {
            var up = await ApiAsync(client, $"/api/v1/products?sort={column}&pageSize=100");
            var down = await ApiAsync(client, $"/api/v1/products?sort=-{column}&pageSize=100");
            Assert.Equal(up.Total, down.Total);
            Assert.Equal(up.Ids.Order(), down.Ids.Order());
        }
    }

    private sealed record ApiList(int Total, List<int> Ids, List<string> Names);

    private static async Task<ApiList> ApiAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = document.RootElement.GetProperty("items").EnumerateArray().ToList();
        return new ApiList(
            document.RootElement.GetProperty("total").GetInt32(),
            items.Select(i => i.GetProperty("id").GetInt32()).ToList(),
            items.Select(i => i.GetProperty("name").GetString()!).ToList());
    }
}
