using System.Text.RegularExpressions;
using Ocop.E2E.Infrastructure;
using Ocop.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ocop.E2E;

/// <summary>
/// Issue 16: a visitor on a phone, not signed in, finds a certified product by a search typed without diacritics,
/// sees where to buy it on the map and in the list (the sales point of the demo's register, issue 15), and reads the
/// same page in English. JavaScript is on here: the map is the one thing of the public face drawn by script.
/// </summary>
public sealed class PublicVisitorTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Product = "Bánh tét lá cẩm Đa Lộc";
    private const string SalesPoint = "Điểm giới thiệu và bán sản phẩm OCOP Châu Thành (demo)";

    [Fact]
    public Task A_visitor_on_a_phone_searches_without_diacritics_opens_a_product_sees_where_to_buy_it_and_switches_to_english() =>
        InBrowserAsync(async browser =>
        {
            var page = await browser.NewPageAsync(adjust: o =>
            {
                o.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
                o.IsMobile = true;
                o.HasTouch = true;
                o.JavaScriptEnabled = true;
            });
            var visitor = await PublicPage.OpenHomeAsync(page);
            await Expect(visitor.Heading).ToBeVisibleAsync();
            Assert.Equal(0, await visitor.OverflowAsync());

            await visitor.SearchAsync("banh tet la cam");
            await Expect(page).ToHaveURLAsync(new Regex(@"/san-pham\?q=banh"));
            await Expect(visitor.Product(Product)).ToBeVisibleAsync();
            Assert.Equal(0, await visitor.OverflowAsync());

            await visitor.Product(Product).ClickAsync();
            await Expect(visitor.Heading).ToHaveTextAsync(Product);
            await Expect(page).ToHaveURLAsync(new Regex(@"/san-pham/\d+/banh-tet-la-cam-da-loc$"));
            var where = visitor.WhereToBuy();
            await where.ScrollIntoViewIfNeededAsync();
            await Expect(where.GetByRole(AriaRole.Listitem).Filter(new() { HasText = SalesPoint })).ToBeVisibleAsync();
            await Expect(PublicPage.Markers(visitor.Map())).ToHaveCountAsync(1);
            Assert.Equal(0, await visitor.OverflowAsync());

            await visitor.LanguageSwitch("English").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/en/products/\d+/banh-tet-la-cam-da-loc$"));
            await Expect(visitor.Heading).ToHaveTextAsync(Product);
            var english = visitor.WhereToBuy("Where to buy");
            await Expect(english.GetByRole(AriaRole.Listitem).Filter(new() { HasText = SalesPoint })).ToBeVisibleAsync();
            await Expect(PublicPage.Markers(visitor.Map("Map of the places"))).ToHaveCountAsync(1);
            await Expect(visitor.LanguageSwitch("Tiếng Việt")).ToBeVisibleAsync();
        });
}
