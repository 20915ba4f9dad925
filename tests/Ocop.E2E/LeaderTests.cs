using System.Text.RegularExpressions;
using Ocop.E2E.Infrastructure;
using Ocop.E2E.Pages;
using Ocop.Web.Data;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ocop.E2E;

/// <summary>A leader's morning: the dashboard of the plan in force, the district plan's years, and from a figure to the records behind it.</summary>
public sealed class LeaderTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public Task Leader_opens_the_dashboard_and_follows_the_recognised_products_figure_to_the_products() =>
        InBrowserAsync(async browser =>
        {
            var page = await browser.NewPageAsync();
            var home = await (await LoginPage.OpenAsync(page)).SignInAsync("lanhdao", DemoData.Password);

            // The dashboard opens on the plan in force today: the province's for 2026–2030.
            var today = await home.GoToDashboardAsync();
            await Expect(today.Heading).ToHaveTextAsync(new Regex("^Bảng điều khiển: " + Regex.Escape(DemoPlans2026.ProvincePlanNumber) + " – "));

            // The district plan of 2023–2025 stays one click away, for its own unit.
            var dashboard = await (await (await today.GoToPlansAsync()).OpenAsync("46/KH-UBND")).OpenDashboardAsync();
            await Expect(dashboard.Heading).ToHaveTextAsync("Bảng điều khiển: 46/KH-UBND – Huyện Châu Thành");
            await Expect(page).ToHaveURLAsync(new Regex(@"/Planning/Dashboard"));
            await Expect(dashboard.TargetRow("T1")).ToContainTextAsync("60 sản phẩm OCOP");
            await Expect(dashboard.ProgressBar("T1")).ToHaveAttributeAsync("aria-valuemin", "0");
            await Expect(dashboard.TargetRow("T7b")).ToContainTextAsync("≥ 2");
            var figure = await dashboard.FigureAsync("T1");

            var records = await dashboard.OpenFigureAsync("T1");
            await Expect(records.Heading).ToContainTextAsync("T1");
            await Expect(records.Count).ToHaveTextAsync(new Regex("^" + Regex.Escape(figure) + " hồ sơ"));
            var product = await records.Record("Gạo hữu cơ Long Hòa – Hòa Minh").CountAsync() > 0
                ? "Gạo hữu cơ Long Hòa – Hòa Minh"
                : await records.Records.GetByRole(AriaRole.Link).First.InnerTextAsync();
            await records.Record(product).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(product);
        });
}
