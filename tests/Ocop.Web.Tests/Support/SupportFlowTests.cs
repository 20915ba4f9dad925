using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Support;

/// <summary>The finance office allocates, the agriculture office charges support to it; refused forms of section III write nothing.</summary>
public class SupportFlowTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<int> RowsAsync() => app.QueryAsync(async db =>
        await db.BudgetAllocations.CountAsync() + await db.SupportRecords.CountAsync() + await db.SalesPoints.CountAsync() + await db.EcommerceListings.CountAsync()
        + await db.IpTitles.CountAsync() + await db.SupportPolicies.CountAsync() + await db.SectionFiles.CountAsync() + await db.AuditEntries.CountAsync());

    [Fact]
    public async Task The_finance_office_allocates_and_the_agriculture_office_charges_support_within_it()
    {
        var finance = await app.As(DemoSupportData.FinanceUser);
        var province = await app.QueryAsync(db => db.Units.Where(u => u.Code == Demo.VinhLong && u.ValidTo == null && u.Level == Core.Units.UnitLevel.Province).Select(u => u.Id).SingleAsync());
        var agriculture = await app.QueryAsync(db => db.Offices.Where(o => o.ShortName == "NN&PTNT").Select(o => o.Id).SingleAsync());
        var form = await finance.GetFormAsync("/Support/BudgetEdit");
        form.Set("Input.Year", Id(Today.Year)).Set("Input.Source", nameof(FundingSource.IndustrialExtension)).Set("Input.UnitId", Id(province))
            .Set("Input.OfficeId", Id(agriculture)).Set("Input.AmountVnd", "40000000").Set("Input.Decision", "QĐ khuyến công kiểm thử");
        using var saved = await finance.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var allocation = await app.QueryAsync(db => db.BudgetAllocations.SingleAsync(a => a.Decision == "QĐ khuyến công kiểm thử"));
        Assert.Equal("TC-KH", await app.QueryAsync(db => db.Offices.Where(o => o.Id == allocation.AllocatedByOfficeId).Select(o => o.ShortName).SingleAsync()));

        // The agriculture office charges a support to it; more than is left is refused and writes nothing.
        var office = await app.As(Demo.ProgramOffice);
        var support = await office.GetFormAsync("/Planning/Support/Edit");
        support.Set("Input.SubjectId", Id(await app.SubjectIdAsync(Demo.BaNam))).Set("Input.ProductId", Id(await app.ProductIdAsync(Demo.BanhTetNhanChuoi)))
            .Set("Input.Kind", nameof(SupportKind.PackagingAndLabels)).Set("Input.Description", "Hỗ trợ máy đóng gói kiểm thử").Set("Input.On", Iso(Today))
            .Set("Input.AmountVnd", "45000000").Set("Input.Source", nameof(FundingSource.IndustrialExtension)).Set("Input.OfficeId", Id(agriculture))
            .Set("Input.BudgetAllocationId", Id(allocation.Id));
        var before = await RowsAsync();
        using var over = await office.PostFormAsync(support);
        Assert.Equal(HttpStatusCode.OK, over.StatusCode);
        Assert.Contains("Vượt dự toán", Html.FieldErrors(await over.Content.ReadAsStringAsync())["Input.BudgetAllocationId"], StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync());

        support.Set("Input.AmountVnd", "25000000").Set("Input.PaidVnd", "10000000");
        using var charged = await office.PostFormAsync(support);
        Assert.Equal(HttpStatusCode.Redirect, charged.StatusCode);

        // The budget page and the dashboard show it under its source.
        var page = await office.GetPageAsync($"/Support?year={Today.Year}");
        Assert.Contains("Khuyến công", page, StringComparison.Ordinal);
        Assert.Contains("25.000.000", page, StringComparison.Ordinal);
        var budgets = await finance.GetPageAsync($"/Support/Budgets?year={Today.Year}");
        Assert.Contains("40.000.000", budgets, StringComparison.Ordinal);
        var dashboard = await office.GetPageAsync("/Planning/Dashboard");
        Assert.Contains("Kinh phí hỗ trợ theo nguồn", dashboard, StringComparison.Ordinal);

        // The allocation may not drop below what is committed against it.
        var edit = await finance.GetFormAsync($"/Support/BudgetEdit/{allocation.Id}");
        edit.Set("Input.AmountVnd", "20000000");
        before = await RowsAsync();
        using var below = await finance.PostFormAsync(edit);
        Assert.Contains("không nhỏ hơn", Html.FieldErrors(await below.Content.ReadAsStringAsync())["Input.AmountVnd"], StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync());
    }

    [Theory]
    [InlineData("95.5", "106.3", "Input.Latitude")]
    [InlineData("9.93", "", "Input.Longitude")]
    [InlineData("9.93", "200", "Input.Longitude")]
    [InlineData("abc", "106.3", "Input.Latitude")]
    public async Task A_sales_point_with_bad_coordinates_is_refused_and_nothing_is_written(string latitude, string longitude, string field)
    {
        var office = await app.As(Demo.ProgramOffice);
        var form = await office.GetFormAsync("/Promotion/SalesPointEdit");
        form.Set("Input.Name", "Điểm bán kiểm thử").Set("Input.Operator", "HTX kiểm thử").Set("Input.Address", "Ấp 1")
            .Set("Input.CommuneId", Id(await app.CurrentCommuneIdAsync(Demo.ChauThanhCommune))).Set("Input.OpenedOn", Iso(Today))
            .Set("Input.Latitude", latitude).Set("Input.Longitude", longitude);
        var before = await RowsAsync();
        using var refused = await office.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.True(Html.FieldErrors(await refused.Content.ReadAsStringAsync()).ContainsKey(field));
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task A_listing_whose_address_is_not_a_web_address_is_refused_and_a_good_one_feeds_the_channels()
    {
        var producer = await app.As(Demo.Producer);
        var form = await producer.GetFormAsync("/Promotion/ListingEdit");
        form.Set("Input.ProductId", Id(await app.ProductIdAsync(Demo.GaoLongHoa))).Set("Input.Platform", "Voso").Set("Input.Url", "javascript:alert(1)")
            .Set("Input.StartedOn", Iso(Today));
        var before = await RowsAsync();
        using var refused = await producer.PostFormAsync(form);
        Assert.Contains("https://", Html.FieldErrors(await refused.Content.ReadAsStringAsync())["Input.Url"], StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync());

        // Another producer's product is refused too (the producer's own only).
        form.Set("Input.Url", "https://voso.vn/gao").Set("Input.ProductId", Id(await app.ProductIdAsync(Demo.BanhTetLaCam)));
        using var notOwn = await producer.PostFormAsync(form);
        Assert.True(Html.FieldErrors(await notOwn.Content.ReadAsStringAsync()).ContainsKey("Input.ProductId"));
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task A_recognised_product_lists_the_policies_it_became_eligible_for()
    {
        var office = await app.As(Demo.ProgramOffice);
        var certified = await app.QueryAsync(db => db.Certificates.OrderBy(c => c.Id).Select(c => new { c.ProductId, c.Number, c.Stars }).FirstAsync());
        var page = await office.GetPageAsync($"/Support/Product/{certified.ProductId}");
        Assert.Contains($"data-eligible=\"{certified.Number}\"", page, StringComparison.Ordinal);
        Assert.Contains("Hỗ trợ sản phẩm OCOP được công nhận (demo)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_policy_without_any_rate_is_refused_and_nothing_is_written()
    {
        var office = await app.As(Demo.ProgramOffice);
        var form = await office.GetFormAsync("/Support/PolicyEdit");
        form.Set("Input.Name", "Chính sách kiểm thử").Set("Input.LegalBasis", "NQ kiểm thử").Set("Input.Kind", nameof(SupportKind.Training))
            .Set("Input.ValidFrom", "2026-01-01");
        var before = await RowsAsync();
        using var refused = await office.PostFormAsync(form);
        Assert.True(Html.FieldErrors(await refused.Content.ReadAsStringAsync()).ContainsKey("Input.Rates"));
        Assert.Equal(before, await RowsAsync());
    }
}
