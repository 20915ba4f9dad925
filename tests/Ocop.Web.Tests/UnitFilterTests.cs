using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Units;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>
/// A list's place filter offers what the user may reach. A wide scope (the leader sees every commune of Trà Vinh before
/// 2025 and of Vĩnh Long after) chooses the province first, so a page never carries thousands of communes; a commune
/// officer gets their own communes at once. The province narrows the list like any other filter.
/// </summary>
public partial class UnitFilterTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_wide_scope_chooses_the_province_first_then_its_communes()
    {
        var leader = await app.As(Demo.Leader);
        var page = await leader.GetPageAsync("/Products");
        Assert.Contains("name=\"province\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"commune\"", page, StringComparison.Ordinal);

        var vinhLong = await ProvinceIdAsync("86");
        page = await leader.GetPageAsync($"/Products?province={vinhLong}");
        var communes = Options(page, "commune");
        var expected = await app.QueryAsync(db => db.Units
            .Where(u => u.Level == UnitLevel.Commune && u.ParentId == vinhLong).Select(u => u.Id.ToString()).ToListAsync());
        Assert.Equal(expected.Order(), communes.Order());
    }

    [Fact]
    public async Task A_commune_in_a_shared_link_brings_its_province_with_it()
    {
        var leader = await app.As(Demo.Leader);
        var daLoc = await app.CommuneIdAsync(Demo.DaLoc);
        var traVinh = await ProvinceIdAsync("84");
        var page = await leader.GetPageAsync($"/Subjects?commune={daLoc}");
        Assert.Matches($"<option value=\"{traVinh}\" selected=\"selected\">", page);
        Assert.Matches($"<option value=\"{daLoc}\" selected=\"selected\">", page);
    }

    [Fact]
    public async Task The_province_filter_narrows_the_page_and_the_api_alike()
    {
        var leader = await app.As(Demo.Leader);
        var traVinh = await ProvinceIdAsync("84");
        var vinhLong = await ProvinceIdAsync("86");
        var all = await app.QueryAsync(db => db.Products.CountAsync(p => p.Status != Core.Registry.ProductStatus.Archived));
        var inTraVinh = await app.QueryAsync(db => db.Products.CountAsync(p => p.Status != Core.Registry.ProductStatus.Archived
            && (p.Commune!.ParentId == traVinh || p.Commune.Parent!.ParentId == traVinh)));
        Assert.True(inTraVinh > 0 && inTraVinh <= all, "the demo products lie in Trà Vinh's old communes");

        Assert.Contains($"{inTraVinh} sản phẩm", await leader.GetPageAsync($"/Products?province={traVinh}"), StringComparison.Ordinal);
        var api = await leader.GetStringAsync($"/api/v1/products?province={traVinh}");
        Assert.Contains($"\"total\":{inTraVinh}", api, StringComparison.Ordinal);
        var none = await app.QueryAsync(db => db.Products.CountAsync(p => p.Status != Core.Registry.ProductStatus.Archived
            && (p.Commune!.ParentId == vinhLong || p.Commune.Parent!.ParentId == vinhLong)));
        Assert.Contains($"\"total\":{none}", await leader.GetStringAsync($"/api/v1/products?province={vinhLong}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commune_officer_gets_their_communes_without_a_province_step()
    {
        var officer = await app.As(Demo.DaLocOfficer);
        var page = await officer.GetPageAsync("/Products");
        Assert.DoesNotContain("name=\"province\"", page, StringComparison.Ordinal);
        Assert.Contains(((await app.CommuneIdAsync(Demo.DaLoc)).ToString()), Options(page, "commune"));
        Assert.DoesNotContain((await app.CommuneIdAsync(Demo.HoaMinh)).ToString(), Options(page, "commune"));
    }

    [Fact]
    public async Task Forms_offer_only_communes_that_exist_today()
    {
        var office = await app.As(Demo.ProgramOffice);
        var form = await office.GetPageAsync("/Subjects/Edit");
        var offered = Options(form, "Input.CommuneId");
        var dissolved = await app.CommuneIdAsync(Demo.DaLoc);
        Assert.DoesNotContain(dissolved.ToString(), offered);
        Assert.NotEmpty(offered);
    }

    [Fact]
    public async Task A_new_record_in_a_commune_dissolved_in_2025_is_refused_and_the_form_names_the_successor()
    {
        var officer = await app.As(Demo.DaLocOfficer);
        var before = await app.CountsAsync();
        var form = (await officer.GetFormAsync("/CraftVillages/Edit"))
            .Set("Input.Name", "Làng nghề thử xã cũ").Set("Input.CommuneId", (await app.CommuneIdAsync(Demo.DaLoc)).ToString());

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
        Assert.Equal((await app.CommuneIdAsync(Demo.MyChanh)).ToString(), form["Input.CommuneId"]);

        using var response = await office.PostFormAsync(form.Set("Input.Description", "Sửa mô tả, xã giữ nguyên."));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    private Task<int> ProvinceIdAsync(string code) =>
        app.QueryAsync(db => db.Units.Where(u => u.Code == code && u.Level == UnitLevel.Province).Select(u => u.Id).SingleAsync());

    private static List<string> Options(string html, string selectName)
    {
        var select = Regex.Match(html, $"<select[^>]*name=\"{Regex.Escape(selectName)}\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        Assert.True(select.Success, $"no select named {selectName}");
        return OptionValue().Matches(select.Groups[1].Value).Select(m => m.Groups[1].Value).Where(v => v.Length > 0).ToList();
    }

    [GeneratedRegex("<option value=\"([^\"]*)\"")]
    private static partial Regex OptionValue();
}
