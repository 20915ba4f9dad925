using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Units;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>
/// A list's place filter offers what the user may reach. A wide scope (the leader reaches the whole country) chooses the
/// province first, so a page never carries thousands of communes, and opens on the deploying office's province (Vĩnh
/// Long); a commune officer gets their own communes at once. A unit covers its predecessors' records: the province of
/// today holds the old Châu Thành district's, a former unit what it held in its life; integrators name units by code and
/// date (<c>?unit=86&amp;at=…</c>).
/// </summary>
public class UnitFilterTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_wide_scope_opens_on_the_deploying_offices_province_and_chooses_the_province_first()
    {
        var leader = await app.As(Demo.Leader);
        var vinhLong = await app.UnitIdAsync(Demo.VinhLong);
        var page = await leader.GetPageAsync("/Products");
        Assert.Matches($"<option value=\"{vinhLong}\" selected=\"selected\">", page);
        var expected = (await app.QueryAsync(db => db.Units
            .Where(u => u.Level == UnitLevel.Commune && u.ParentId == vinhLong).Select(u => u.Id).ToListAsync()))
            .ConvertAll(id => id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(124, expected.Count);
        Assert.Equal(expected.Order(), Options(page, "commune").Order());

        // "Tất cả" (an empty province) is a choice of its own: the whole reach, no commune list.
        page = await leader.GetPageAsync("/Products?province=");
        Assert.Contains("name=\"province\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"commune\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commune_in_a_shared_link_brings_its_province_with_it()
    {
        var leader = await app.As(Demo.Leader);
        var daLoc = await app.CommuneIdAsync(Demo.DaLoc);
        var traVinh = await app.UnitIdAsync(Demo.TraVinh);
        var page = await leader.GetPageAsync($"/Subjects?commune={daLoc}");
        Assert.Matches($"<option value=\"{traVinh}\" selected=\"selected\">", page);
        Assert.Matches($"<option value=\"{daLoc}\" selected=\"selected\">", page);
    }

    [Fact]
    public async Task A_province_of_today_covers_the_former_provinces_records_on_the_page_and_in_the_api()
    {
        var leader = await app.As(Demo.Leader);
        var all = await app.QueryAsync(db => db.Products.CountAsync(p => p.Status != Core.Registry.ProductStatus.Archived));
        var vinhLong = await app.UnitIdAsync(Demo.VinhLong);
        var traVinh = await app.UnitIdAsync(Demo.TraVinh);
        var benTre = await app.UnitIdAsync(Demo.BenTre);
        var inTraVinh = await app.QueryAsync(db => db.Products.CountAsync(p => p.Status != Core.Registry.ProductStatus.Archived
            && p.Commune!.Parent!.ParentId == traVinh));
        Assert.True(inTraVinh > 0 && inTraVinh < all, "the demo holds the old district's records and today's");

        Assert.Contains($"{all} sản phẩm", await leader.GetPageAsync($"/Products?province={vinhLong}"), StringComparison.Ordinal);
        Assert.Contains($"{inTraVinh} sản phẩm", await leader.GetPageAsync($"/Products?province={traVinh}"), StringComparison.Ordinal);
        Assert.Equal(all, await TotalAsync(leader, $"/api/v1/products?province={vinhLong}"));
        Assert.Equal(inTraVinh, await TotalAsync(leader, $"/api/v1/products?province={traVinh}"));
        var inBenTre = await app.QueryAsync(db => db.Products.CountAsync(p => p.Status != Core.Registry.ProductStatus.Archived
            && p.Commune!.Parent!.ParentId == benTre));
        Assert.Equal(inBenTre, await TotalAsync(leader, $"/api/v1/products?province={benTre}"));
    }

    [Theory]
    [InlineData("unit=86", "all")]                       // Vĩnh Long of today: every record, old years included
    [InlineData("unit=86&at=2025-06-30", "old-vinh-long")] // the old Vĩnh Long province that carried the code before
    [InlineData("unit=84", "tra-vinh")]                  // a ceased province still names its own records
    [InlineData("unit=847", "district")]                 // the former Châu Thành district
    [InlineData("unit=847&at=2024-12-31", "district")]
    [InlineData("unit=29374", "chau-thanh")]             // the commune of today: township, Đa Lộc, Mỹ Chánh, Thanh Mỹ and its own
    [InlineData("unit=29374&at=2025-06-30", "township")] // the township that carried the code until the reform
    [InlineData("unit=29377", "da-loc")]
    public async Task The_api_takes_an_official_unit_code_and_a_date(string query, string expected)
    {
        var office = await app.As(Demo.ProgramOffice);
        var wanted = await app.QueryAsync(async db =>
        {
            var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code, u.ParentId, u.ValidTo, ParentCode = u.Parent == null ? null : u.Parent.Code, GrandparentCode = u.Parent == null || u.Parent.Parent == null ? null : u.Parent.Parent.Code }).ToListAsync();
            var products = await db.Products.Where(p => p.Status != Core.Registry.ProductStatus.Archived).Select(p => p.CommuneId).ToListAsync();
            var byId = units.ToDictionary(u => u.Id);
            return products.Count(c => expected switch
            {
                "all" => true,
                "old-vinh-long" => byId[c].ValidTo != null && byId[c].GrandparentCode == "86",
                "tra-vinh" => byId[c].ValidTo != null && byId[c].GrandparentCode == "84",
                "district" => byId[c].ValidTo != null && byId[c].ParentCode == "847",
                "chau-thanh" => byId[c].Code == "29374" || (byId[c].ValidTo != null && byId[c].Code is "29377" or "29380" or "29383"),
                "township" => byId[c].ValidTo != null && byId[c].Code == "29374",
                "da-loc" => byId[c].ValidTo != null && byId[c].Code == "29377",
                _ => false,
            });
        });
        Assert.Equal(wanted, await TotalAsync(office, $"/api/v1/products?{query}&pageSize=100"));
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/api/v1/subjects?{query}")).StatusCode);
    }

    [Theory]
    [InlineData("unit=99999")]
    [InlineData("unit=86&at=30/06/2025")]
    public async Task A_code_that_names_no_unit_or_a_bad_date_is_a_problem_not_an_empty_list(string query)
    {
        var office = await app.As(Demo.ProgramOffice);
        foreach (var list in new[] { "products", "subjects" })
        {
            using var response = await office.GetAsync($"/api/v1/{list}?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static async Task<int> TotalAsync(HttpClient client, string url)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(url));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    [Fact]
    public async Task A_commune_officer_gets_their_communes_without_a_province_step()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var page = await officer.GetPageAsync("/Products");
        Assert.DoesNotContain("name=\"province\"", page, StringComparison.Ordinal);
        Assert.Contains(((await app.CommuneIdAsync(Demo.DaLoc)).ToString(CultureInfo.InvariantCulture)), Options(page, "commune"));
        Assert.DoesNotContain((await app.CommuneIdAsync(Demo.HoaMinh)).ToString(CultureInfo.InvariantCulture), Options(page, "commune"));
    }

    [Fact]
    public async Task Forms_offer_only_communes_that_exist_today()
    {
        var office = await app.As(Demo.ProgramOffice);
        var form = await office.GetPageAsync("/Subjects/Edit");
        var offered = Options(form, "Input.CommuneId");
        var dissolved = await app.CommuneIdAsync(Demo.DaLoc);
        Assert.DoesNotContain(dissolved.ToString(CultureInfo.InvariantCulture), offered);
        Assert.NotEmpty(offered);
    }

    [Fact]
    public async Task A_new_record_in_a_commune_dissolved_in_2025_is_refused_and_the_form_names_the_successor()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var before = await app.CountsAsync();
        var form = (await officer.GetFormAsync("/CraftVillages/Edit"))
            .Set("Input.Name", "Làng nghề thử xã cũ").Set("Input.CommuneId", (await app.CommuneIdAsync(Demo.DaLoc)).ToString(CultureInfo.InvariantCulture));

        using var response = await officer.PostFormAsync(form);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var error = Html.FieldErrors(await response.Content.ReadAsStringAsync())["Input.CommuneId"];
        Assert.Contains("không còn là đơn vị hành chính từ 01/07/2025", error, StringComparison.Ordinal);
        Assert.Contains("Châu Thành", error, StringComparison.Ordinal);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task A_record_already_in_a_dissolved_commune_keeps_it_when_edited()
    {
        var office = await app.As(Demo.ProgramOffice);
        var product = await app.ProductIdAsync(Demo.BanhTetMyChanh);
        var form = await office.GetFormAsync($"/Products/Edit/{product}");
        Assert.Equal((await app.CommuneIdAsync(Demo.MyChanh)).ToString(CultureInfo.InvariantCulture), form["Input.CommuneId"]);

        using var response = await office.PostFormAsync(form.Set("Input.Description", "Sửa mô tả, xã giữ nguyên."));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    private static List<string> Options(string html, string selectName) => HtmlSelect.Options(html, selectName);
}
