using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Registry;
using Ocop.Web.Tests.Infrastructure;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Ocop.Web.Tests;

/// <summary>
/// The lists find what people type without diacritics, keep every filter in the URL, page through the same rows in the
/// page and the API, and export exactly the filtered rows. This class only reads, so the demo data is as seeded.
/// </summary>
public class SearchAndExportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string[] AllBanhTet = [Demo.BanhTetLaCam, Demo.BanhTetMyChanh, Demo.BanhTetNhanChuoi];

    [Theory]
    [InlineData("banh tet")]
    [InlineData("BANH TET")]
    [InlineData("Bánh tét")]
    [InlineData("bánh tet")]
    [InlineData("  banh   tet  ")]
    public async Task Product_search_ignores_diacritics_case_and_spacing_in_the_page_and_the_api(string typed)
    {
        var client = await app.As(Demo.ProgramOffice);
        var expected = await IdsAsync(AllBanhTet);

        var page = await client.GetPageAsync("/Products?q=" + Uri.EscapeDataString(typed));
        Assert.Equal(expected, Html.LinkedIds(page, "/Products/Details/").Order());
        Assert.Contains("3 sản phẩm", page, StringComparison.Ordinal);

        var api = await ApiAsync(client, "/api/v1/products?q=" + Uri.EscapeDataString(typed));
        Assert.Equal(3, api.Total);
        Assert.Equal(expected, api.Ids.Order());
    }

    [Fact]
    public async Task Search_without_the_stroke_finds_d_with_stroke()
    {
        var client = await app.As(Demo.ProgramOffice);
        var api = await ApiAsync(client, "/api/v1/products?q=da+loc&pageSize=100");
        Assert.Contains(await app.ProductIdAsync(Demo.BanhTetLaCam), api.Ids);
        Assert.Contains(await app.ProductIdAsync("Thịt bò vàng Đa Lộc"), api.Ids);
        var subjects = await ApiAsync(client, "/api/v1/subjects?q=ba+nam");
        Assert.Equal([await app.SubjectIdAsync(Demo.BaNam)], subjects.Ids);
    }

    [Fact]
    public async Task Filters_narrow_the_search_alike_in_the_page_and_the_api()
    {
        var client = await app.As(Demo.ProgramOffice);
        var daLoc = await app.CommuneIdAsync(Demo.DaLoc);
        var processedFood = await app.CategoryIdAsync(Demo.ProcessedFoodGroup);
        var baNam = await app.SubjectIdAsync(Demo.BaNam);
        var cases = new (string Query, string[] Expected)[]
        {
            ($"q=banh+tet&commune={daLoc}", [Demo.BanhTetLaCam, Demo.BanhTetNhanChuoi]),
            ($"q=banh+tet&group={processedFood}", AllBanhTet),
            ($"q=banh+tet&status=Ranked", [Demo.BanhTetLaCam]),
            ($"q=banh+tet&subject={baNam}", [Demo.BanhTetLaCam, Demo.BanhTetNhanChuoi]),
            ($"q=banh+tet&commune={daLoc}&status=Potential", []),
        };

        foreach (var (query, names) in cases)
        {
            var expected = await IdsAsync(names);
            Assert.Equal(expected, Html.LinkedIds(await client.GetPageAsync("/Products?" + query), "/Products/Details/").Order());
            Assert.Equal(expected, (await ApiAsync(client, "/api/v1/products?" + query)).Ids.Order());
        }
    }

    [Fact]
    public async Task Api_pages_through_the_search_without_losing_or_repeating_rows()
    {
        var client = await app.As(Demo.Leader);
        var first = await ApiAsync(client, "/api/v1/products?q=banh+tet&pageSize=2&page=1");
        var second = await ApiAsync(client, "/api/v1/products?q=banh+tet&pageSize=2&page=2");
        var beyond = await ApiAsync(client, "/api/v1/products?q=banh+tet&pageSize=2&page=3");

        Assert.Equal((3, 2, 1, 0), (first.Total, first.Ids.Count, second.Ids.Count, beyond.Ids.Count));
        Assert.Equal(3, beyond.Total);
        Assert.Equal(await IdsAsync(AllBanhTet), first.Ids.Concat(second.Ids).Order());
        // Sorted by name in Vietnamese alphabetical order by default ("lá" before "Mỹ"), and the reverse on request.
        Assert.Equal(first.Names.Concat(second.Names), first.Names.Concat(second.Names).Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false)));
        var reversed = await ApiAsync(client, "/api/v1/products?q=banh+tet&sort=-name");
        Assert.Equal(first.Names.Concat(second.Names).Reverse(), reversed.Names);
    }

    [Fact]
    public async Task The_list_page_pages_and_its_links_keep_the_filters()
    {
        var client = await app.As(Demo.Admin);
        var registered = await app.QueryAsync(db => db.Products.Where(p => p.Status == ProductStatus.Registered).Select(p => p.Id).ToListAsync());
        Assert.True(registered.Count > 20, "the demo data should fill more than one page of registered products");

        var first = await client.GetPageAsync("/Products?status=Registered");
        Assert.Equal(20, Html.LinkedIds(first, "/Products/Details/").Count);
        Assert.Contains("Trang 1 / 2", first, StringComparison.Ordinal);
        var next = Regex.Match(first, """<a href="(?<url>[^"]+)" rel="next">""").Groups["url"].Value;
        next = WebUtility.HtmlDecode(next);
        Assert.Contains("status=Registered", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);

        var second = await client.GetPageAsync(next);
        Assert.Equal(registered.Order(), Html.LinkedIds(first, "/Products/Details/").Concat(Html.LinkedIds(second, "/Products/Details/")).Order());
    }

    [Fact]
    public async Task Subject_search_ignores_diacritics_and_filters_by_legal_form_in_the_page_and_the_api()
    {
        var client = await app.As(Demo.ProgramOffice);
        var expected = new[] { await app.SubjectIdAsync(Demo.BaNam), await app.SubjectIdAsync(Demo.UtHien) }.Order().ToList();

        Assert.Equal(expected, Html.LinkedIds(await client.GetPageAsync("/Subjects?q=BANH+TET&form=HouseholdBusiness"), "/Subjects/Details/").Order());
        Assert.Equal(expected, (await ApiAsync(client, "/api/v1/subjects?q=bánh+tét&form=HouseholdBusiness")).Ids.Order());
        Assert.Empty((await ApiAsync(client, "/api/v1/subjects?q=banh+tet&form=Cooperative")).Ids);
        var page = await ApiAsync(client, "/api/v1/subjects?q=banh+tet&pageSize=1&page=2");
        Assert.Equal((2, 1), (page.Total, page.Ids.Count));
    }

    [Fact]
    public async Task The_product_export_opens_as_a_workbook_holding_exactly_the_filtered_rows_of_every_page()
    {
        var client = await app.As(Demo.ProgramOffice);
        var daLoc = await app.CommuneIdAsync(Demo.DaLoc);

        var filtered = await ExportAsync(client, $"/Products?handler=Export&q=banh+tet&commune={daLoc}");
        Assert.Equal([Demo.BanhTetLaCam, Demo.BanhTetNhanChuoi], filtered.Select(r => (string)r["Tên sản phẩm"]!).Order(StringComparer.Ordinal));
        Assert.All(filtered, r => Assert.Equal(("Xã Đa Lộc", "Xã Châu Thành"), (r["Xã đăng ký"], r["Xã hiện nay"])));
        Assert.All(filtered, r => Assert.Equal(Demo.BaNam, r["Chủ thể"]));
        Assert.Equal("Đã xếp hạng", filtered.Single(r => (string?)r["Tên sản phẩm"] == Demo.BanhTetLaCam)["Trạng thái"]);

        // Not just the first page: every registered product, as the API counts them.
        var all = await ExportAsync(client, "/Products?handler=Export&status=Registered");
        var total = (await ApiAsync(client, "/api/v1/products?status=Registered&pageSize=100")).Total;
        Assert.True(total > 20);
        Assert.Equal(total, all.Count);
    }

    [Fact]
    public async Task The_subject_export_holds_the_filtered_subjects_and_only_those_the_user_may_see()
    {
        var office = await app.As(Demo.ProgramOffice);
        var cooperatives = await ExportAsync(office, "/Subjects?handler=Export&form=Cooperative");
        var api = await ApiAsync(office, "/api/v1/subjects?form=Cooperative&pageSize=100");
        Assert.Equal(api.Names.Order(StringComparer.Ordinal), cooperatives.Select(r => (string)r["Tên chủ thể"]!).Order(StringComparer.Ordinal));
        Assert.All(cooperatives, r => Assert.Equal("Hợp tác xã", r["Loại hình"]));

        var officer = await app.As(Demo.ChauThanhOfficer);
        var reach = await ExportAsync(officer, "/Products?handler=Export");
        Assert.NotEmpty(reach);
        // The commune of today, Châu Thành, holds the former Đa Lộc, Mỹ Chánh, Thanh Mỹ and township records.
        Assert.All(reach, r => Assert.Equal("Xã Châu Thành", (string)r["Xã hiện nay"]!));
        Assert.Contains(reach, r => (string)r["Xã đăng ký"]! == "Xã Đa Lộc");
    }

    private async Task<List<int>> IdsAsync(IEnumerable<string> productNames)
    {
        var ids = new List<int>();
        foreach (var name in productNames)
        {
            ids.Add(await app.ProductIdAsync(name));
        }

        return ids.Order().ToList();
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

    private static async Task<List<IDictionary<string, object?>>> ExportAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }
}
