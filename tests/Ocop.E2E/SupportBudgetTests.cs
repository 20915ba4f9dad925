using System.Globalization;
using Ocop.E2E.Infrastructure;
using Ocop.Web.Data;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ocop.E2E;

/// <summary>
/// Issue 15, plan IV.2: the finance office allocates this year's extension budget to the agriculture office, the
/// program office records a support charged to it, and the budget page, the dashboard and the periodic report show it
/// under its source — in a real browser, by the forms' labels.
/// </summary>
public sealed class SupportBudgetTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Decision = "QĐ giao dự toán khuyến công (trình duyệt)";
    private const string Support = "Hỗ trợ máy hàn miệng túi (trình duyệt)";

    [Fact]
    public Task Finance_allocates_a_budget_the_office_charges_a_support_to_it_and_the_dashboard_and_report_show_it() =>
        InBrowserAsync(async browser =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
            var year = today.Year.ToString(CultureInfo.InvariantCulture);

            // The finance office allocates 37,000,000 đồng of extension money to the agriculture office.
            var finance = await browser.NewPageAsync(DemoSupportData.FinanceUser);
            await finance.GotoAsync("/Support/BudgetEdit");
            await Expect(finance.GetByLabel("Năm *")).ToHaveValueAsync(year);
            await ChooseAsync(finance.GetByLabel("Nguồn kinh phí *"), "Khuyến công");
            await ChooseAsync(finance.GetByLabel("Ngân sách của đơn vị *"), "Tỉnh Vĩnh Long");
            await ChooseAsync(finance.GetByLabel("Phòng, ban phụ trách sử dụng"), "Phòng Nông nghiệp");
            await finance.GetByLabel("Số tiền (đồng) *").FillAsync("37000000");
            await finance.GetByLabel("Quyết định giao dự toán").FillAsync(Decision);
            await finance.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
            await Expect(finance.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu dự toán kinh phí.");
            await finance.GotoAsync($"/Support/Budgets?year={year}");
            await Expect(finance.GetByRole(AriaRole.Row).Filter(new() { HasText = Decision })).ToContainTextAsync("37.000.000");

            // The program office records a support against that allocation.
            var office = await browser.NewPageAsync("vanphong");
            await office.GotoAsync("/Planning/Support/Edit");
            await ChooseAsync(office.GetByLabel("Chủ thể *"), "Hộ kinh doanh Bánh tét Bà Năm");
            await ChooseAsync(office.GetByLabel("Loại hỗ trợ *"), "Bao bì, nhãn mác");
            await office.GetByLabel("Nội dung *").FillAsync(Support);
            await FillDateAsync(office.GetByLabel("Ngày *"), today);
            await office.GetByLabel("Kinh phí hỗ trợ, cam kết (đồng)").FillAsync("12500000");
            await ChooseAsync(office.GetByLabel("Nguồn kinh phí"), "Khuyến công");
            await ChooseAsync(office.GetByLabel("Phòng, ban phụ trách"), "Phòng Nông nghiệp");
            // The allocation is offered by year, source and office with what is left of it.
            await ChooseAsync(office.GetByLabel("Chi từ dự toán (cùng năm, cùng nguồn)"), $"{year} – Khuyến công – Phòng Nông nghiệp và Phát triển nông thôn: còn 37.000.000 / 37.000.000 đồng");
            await office.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
            await Expect(office.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu hồ sơ hỗ trợ.");

            // The budget page shows the support committed against the allocation.
            await office.GotoAsync($"/Support?year={year}");
            await Expect(office.GetByRole(AriaRole.Table, new() { Name = "Theo nguồn kinh phí" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Khuyến công" }))
                .ToContainTextAsync("12.500.000");

            // The dashboard of the plan in force shows this year's support by source.
            await office.GotoAsync("/Planning/Dashboard");
            await Expect(office.GetByRole(AriaRole.Heading, new() { Name = "Kinh phí hỗ trợ theo nguồn năm " + year })).ToBeVisibleAsync();
            await Expect(office.GetByRole(AriaRole.Table, new() { Name = "Theo nguồn kinh phí" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "Khuyến công" }))
                .ToContainTextAsync("12.500.000");

            // The periodic report of the year carries the section with the support under its source.
            await office.GotoAsync($"/Reports?from={year}-01-01&to={year}-12-31");
            var section = office.GetByRole(AriaRole.Region, new() { Name = "Kinh phí hỗ trợ theo nguồn" });
            await Expect(section).ToContainTextAsync("Khuyến công");
            await Expect(section).ToContainTextAsync("12.500.000");
        });

    /// <summary>Chooses the first option whose text contains <paramref name="text"/>.</summary>
    private static async Task ChooseAsync(ILocator select, string text)
    {
        var value = await select.Locator("option").Filter(new() { HasText = text }).First.GetAttributeAsync("value")
            ?? throw new InvalidOperationException($"No option '{text}'.");
        await select.SelectOptionAsync(value);
    }

    /// <summary>A date typed as the field asks: a native date input takes ISO, a text one the Vietnamese dd/MM/yyyy.</summary>
    private static async Task FillDateAsync(ILocator input, DateOnly date) =>
        await input.FillAsync(await input.GetAttributeAsync("type") == "date"
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
}
