using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>
/// Vietnam's units before and after the 2025 reform as shipped reference data, and the people of today working with the
/// records of the old years: a current unit covers its predecessors' records; the units themselves are public open data.
/// </summary>
public class UnitsThroughTimeTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_user_of_the_new_commune_Chau_Thanh_works_with_the_Da_Loc_records_and_today_s_in_one_list()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var listed = Html.LinkedIds(await officer.GetPageAsync("/Products?sort=commune"), "/Products/Details/");
        Assert.Contains(await app.ProductIdAsync(Demo.BanhTetLaCam), listed);            // Đa Lộc, 2023
        Assert.Contains(await app.ProductIdAsync("Nem chua lá ổi Cô Út"), listed);        // the commune of today
        Assert.DoesNotContain(await app.ProductIdAsync(Demo.ConChimTour), listed);       // Hòa Minh is another commune

        // The list names the old commune with the one that holds it today.
        Assert.Contains("Xã Đa Lộc (nay Xã Châu Thành)", Html.Text(await officer.GetPageAsync("/Products?q=banh+tet+la+cam")), StringComparison.Ordinal);

        // Home counts the commune of today once, old records included.
        var home = Html.Text(await officer.GetPageAsync("/"));
        Assert.Contains("Xã Châu Thành", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Xã Đa Lộc", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Vinh_Long_office_user_sees_every_Chau_Thanh_record_and_the_district_s_T1_of_30_06_2025_plus_what_came_after()
    {
        var office = await app.As(Demo.ProgramOffice);
        var districtProducts = await app.QueryAsync(db => db.Products.Where(p => p.Status != ProductStatus.Archived && p.Commune!.Parent!.Code == Demo.ChauThanhDistrict)
            .Select(p => p.Id).ToListAsync());
        var listed = await ApiIdsAsync(office, "/api/v1/products?pageSize=100");
        Assert.Superset(districtProducts.ToHashSet(), listed.ToHashSet());

        var plan = await app.QueryAsync(db => db.Plans.Where(p => p.Number == "46/KH-UBND").Select(p => p.Id).SingleAsync());
        // On its last day the district held all of the demo's recognised products of Trà Vinh. (On that date the code 86
        // names the old Vĩnh Long province, which held none.)
        var lastDistrictDay = await T1Async(office, plan, Demo.ChauThanhDistrict, "2025-06-30");
        Assert.True(lastDistrictDay > 0, "the demo district had recognised products on its last day");
        Assert.Equal(lastDistrictDay, await T1Async(office, plan, Demo.TraVinh, "2025-06-30"));
        Assert.Equal(0, await T1Async(office, plan, Demo.VinhLong, "2025-06-30"));

        // Today: the district's products still valid, plus those of the new communes, all under Vĩnh Long.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var districtToday = await T1Async(office, plan, Demo.ChauThanhDistrict, today);
        var newCommunesToday = await app.QueryAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
            return await db.Certificates.Where(c => c.Stars >= 3 && c.RevokedOn == null && c.ExpiresOn >= today && c.SupersededById == null
                    && c.Product!.Status != ProductStatus.Archived && c.Product.Commune!.ValidTo == null)
                .Select(c => c.ProductId).Distinct().CountAsync();
        });
        Assert.Equal(districtToday + newCommunesToday, await T1Async(office, plan, Demo.VinhLong, today));
    }

    [Fact]
    public async Task A_Vinh_Long_office_user_sees_the_units_of_former_Ben_Tre_Tra_Vinh_and_Vinh_Long_under_the_new_province()
    {
        var office = await app.As(Demo.ProgramOffice);
        var page = Html.Text(await office.GetPageAsync("/Units?level=Province"));
        foreach (var province in new[] { "Tỉnh Bến Tre", "Tỉnh Trà Vinh" })
        {
            Assert.Contains(province, page, StringComparison.Ordinal);
        }

        Assert.Contains("Sáp nhập vào Tỉnh Vĩnh Long (86)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Thành phố Hà Nội", page, StringComparison.Ordinal); // elsewhere stays out of the way …
        Assert.Contains("Thành phố Hà Nội", Html.Text(await office.GetPageAsync("/Units?level=Province&within=0")), StringComparison.Ordinal); // … unless asked for

        var districts = await app.QueryAsync(db => db.Units.CountAsync(u => u.Level == Core.Units.UnitLevel.District
            && (u.Parent!.Code == Demo.BenTre || u.Parent.Code == Demo.TraVinh || u.Parent.Code == Demo.VinhLong)));
        Assert.Contains($"{districts} đơn vị", Html.Text(await office.GetPageAsync("/Units?level=District")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_for_a_former_Ben_Tre_commune_without_diacritics_finds_it_and_names_its_successor()
    {
        using var anonymous = app.NewClient();
        using var json = JsonDocument.Parse(await anonymous.GetStringAsync("/api/v1/units?q=an+binh+tay&level=commune"));
        var unit = json.RootElement.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "29149");
        Assert.Equal("Xã An Bình Tây", unit.GetProperty("name").GetString());
        Assert.Equal("2025-06-30", unit.GetProperty("validTo").GetString());
        Assert.Equal("Huyện Ba Tri", unit.GetProperty("parent").GetProperty("name").GetString());
        Assert.Equal("Xã Ba Tri", unit.GetProperty("successors")[0].GetProperty("name").GetString());

        var office = await app.As(Demo.ProgramOffice);
        Assert.Contains("Sáp nhập vào Xã Ba Tri (29110) từ 01/07/2025", Html.Text(await office.GetPageAsync("/Units?q=an+binh+tay")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("level=province&at=2025-06-30", 63)]
    [InlineData("level=district", 696)]
    [InlineData("level=commune&at=2025-06-30", 10_047)]
    [InlineData("level=province&at=2026-12-04", 34)]
    [InlineData("level=commune&at=2025-07-01", 3_321)]
    [InlineData("level=commune&within=86", 124 + 354)]   // Vĩnh Long of today: its communes and the 354 former ones of Bến Tre, Trà Vinh and Vĩnh Long
    [InlineData("level=commune&within=86&at=2026-01-01", 124)]
    [InlineData("q=29374", 2)]                           // the township until 30/06/2025, the merged commune since
    public async Task The_units_are_public_open_data_by_level_date_and_place(string query, int total)
    {
        using var anonymous = app.NewClient();
        using var response = await anonymous.GetAsync("/api/v1/units?pageSize=100&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(total, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(Math.Min(total, 100), json.RootElement.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("level=village")]
    [InlineData("at=2025-13-01")]
    [InlineData("within=12345")]
    public async Task A_bad_units_query_is_a_problem(string query)
    {
        using var anonymous = app.NewClient();
        using var response = await anonymous.GetAsync("/api/v1/units?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_office_records_which_successor_holds_a_split_commune_s_records_and_it_is_audited()
    {
        var office = await app.As(Demo.ProgramOffice);
        // Phường Cái Vồn (Bình Minh, old Vĩnh Long) was split between Cái Vồn (29770) and Bình Minh (29771).
        var (caiVon, binhMinh) = await app.QueryAsync(async db => (
            await db.Units.Where(u => u.Code == "29770" && u.ValidTo != null).Select(u => u.Id).SingleAsync(),
            await db.Units.Where(u => u.Code == "29771" && u.ValidTo == null).Select(u => u.Id).SingleAsync()));
        var form = (await office.GetFormAsync("/Units?q=29770&within=0", "Successor"))
            .Set("unit", caiVon.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Set("successor", binhMinh.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await office.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var unit = await app.QueryAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == caiVon));
        Assert.Equal((binhMinh, (DateOnly?)DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7))), (unit.SuccessorId!.Value, unit.SuccessorChosenOn));
        var audit = (await app.AuditAsync(nameof(AdministrativeUnit), caiVon))[^1];
        Assert.Equal((AuditAction.Updated, Demo.ProgramOffice), (audit.Action, audit.UserName));
        Assert.Equal(binhMinh.ToString(System.Globalization.CultureInfo.InvariantCulture), audit.Change("SuccessorId").New);

        // Only a successor the law names can be chosen.
        var hoaMinh = await app.CurrentCommuneIdAsync(Demo.HoaMinh);
        using var refused = await office.PostFormAsync(form.Set("successor", hoaMinh.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(binhMinh, (await app.QueryAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == caiVon))).SuccessorId);
    }

    [Fact]
    public async Task A_form_offers_a_wide_reach_the_office_s_communes_and_finds_others_by_a_search_never_thousands()
    {
        var admin = await app.As(Demo.Admin);
        var form = await admin.GetPageAsync("/Products/Edit");
        var offered = HtmlSelect.Options(form, "Input.CommuneId");
        Assert.InRange(offered.Count, 100, 200);
        Assert.Contains((await app.CurrentCommuneIdAsync(Demo.ChauThanhCommune)).ToString(System.Globalization.CultureInfo.InvariantCulture), offered);
        var hongHa = await app.CurrentCommuneIdAsync("00097");
        Assert.DoesNotContain(hongHa.ToString(System.Globalization.CultureInfo.InvariantCulture), offered);

        // A former name typed without diacritics finds the ward of today that took it over; what was typed stays.
        var search = (await admin.GetFormAsync("/Products/Edit")).Set("Input.Name", "Sản phẩm ở Hà Nội").Set("CommuneQuery", "phuong phuc xa");
        using var response = await admin.PostAsync("/Products/Edit?handler=FindCommune", new FormUrlEncodedContent(search.Fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(hongHa.ToString(System.Globalization.CultureInfo.InvariantCulture), HtmlSelect.Options(page, "Input.CommuneId"));
        Assert.Contains("Sản phẩm ở Hà Nội", Html.Text(page), StringComparison.Ordinal);
        Assert.DoesNotContain("Sản phẩm ở Hà Nội", await app.QueryAsync(db => db.Products.Select(p => p.Name).ToListAsync()));
    }

    [Theory]
    [InlineData("unit=86", new[] { "15/KH-UBND", "08/KH-UBND", "46/KH-UBND", "2207/QĐ-UBND" })] // today's province covers the old years' plans
    [InlineData("unit=847", new[] { "46/KH-UBND" })]
    [InlineData("unit=29374", new[] { "08/KH-UBND" })]
    [InlineData("unit=29374&at=2025-06-30", new string[0])]                           // the township had no plan
    public async Task The_plan_list_takes_an_official_unit_code_covering_its_predecessors(string query, string[] numbers)
    {
        var office = await app.As(Demo.ProgramOffice);
        using var json = JsonDocument.Parse(await office.GetStringAsync("/api/v1/plans?" + query));
        Assert.Equal(numbers.Order(StringComparer.Ordinal),
            json.RootElement.EnumerateArray().Select(p => p.GetProperty("number").GetString()!).Order(StringComparer.Ordinal));
        using var bad = await office.GetAsync("/api/v1/plans?unit=99999");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private static async Task<List<int>> ApiIdsAsync(HttpClient client, string url)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(url));
        return json.RootElement.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToList();
    }

    private static async Task<decimal> T1Async(HttpClient client, int plan, string unit, string at)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/plans/{plan}/targets?unit={unit}&at={at}"));
        var t1 = json.RootElement.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "T1");
        return t1.GetProperty("numerator").GetDecimal();
    }
}

/// <summary>The registry load on its own database: it renames a unit, which the other tests must not see.</summary>
public class UnitRegistryLoadTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Loading_the_registry_again_changes_nothing_and_a_corrected_file_renames_without_losing_references()
    {
        var before = await app.QueryAsync(async db => (await db.Units.CountAsync(), await db.AuditEntries.CountAsync(), await db.UnitSuccessorLinks.CountAsync()));
        await app.QueryAsync(async db =>
        {
            await ReferenceData.SeedAsync(db);
            return 0;
        });
        Assert.Equal(before, await app.QueryAsync(async db => (await db.Units.CountAsync(), await db.AuditEntries.CountAsync(), await db.UnitSuccessorLinks.CountAsync())));

        // A corrected file: one commune's name fixed. Same unit, same id, same records.
        var daLoc = await app.CommuneIdAsync(Demo.DaLoc);
        var product = await app.ProductAsync(await app.ProductIdAsync(Demo.BanhTetLaCam));
        var file = Path.Combine(app.DataFolder, ReferenceData.UnitsFile);
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Data", "Seed", ReferenceData.UnitsFile));
        var corrected = System.Text.RegularExpressions.Regex.Replace(text, "(\"code\": \"29377\",\\s*\"name\": \")Xã Đa Lộc\"", "$1Xã Đa Lộc (tên sửa)\"");
        Assert.NotEqual(text, corrected);
        await File.WriteAllTextAsync(file, corrected);
        await app.QueryAsync(async db =>
        {
            await ReferenceData.SeedUnitsAsync(db, file, default);
            return 0;
        });

        var renamed = await app.QueryAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == daLoc));
        Assert.Equal("Xã Đa Lộc (tên sửa)", renamed.Name);
        Assert.Equal(daLoc, (await app.ProductAsync(product.Id)).CommuneId);
        var audit = (await app.AuditAsync(nameof(AdministrativeUnit), daLoc))[^1];
        Assert.Equal(("Xã Đa Lộc", "Xã Đa Lộc (tên sửa)"), (audit.Change("Name").Old, audit.Change("Name").New));
        Assert.Equal(before.Item1, await app.QueryAsync(db => db.Units.CountAsync()));
        Assert.Contains("1 đổi tên", (await app.QueryAsync(db => db.ReferenceFileImports.AsNoTracking().SingleAsync(f => f.Name == ReferenceData.UnitsFile))).Summary, StringComparison.Ordinal);
    }
}
