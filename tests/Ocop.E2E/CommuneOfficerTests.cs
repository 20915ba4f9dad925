using System.Globalization;
using System.Text.RegularExpressions;
using Ocop.E2E.Infrastructure;
using Ocop.E2E.Pages;
using Ocop.Web.Data;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ocop.E2E;

/// <summary>
/// A commune officer's day with the registry, in a real browser with JavaScript off: the officer of the commune
/// Châu Thành of today (since 1 July 2025: the former township, Đa Lộc, Mỹ Chánh and Thanh Mỹ) works with the old
/// communes' records and new ones in one list.
/// </summary>
public sealed class CommuneOfficerTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string ChauThanhOfficer = "canbo.chauthanh";
    private const string HoaMinhOfficer = "canbo.hoaminh";
    private const string ProductName = "Bánh phồng tôm Đa Lộc thử nghiệm";
    private const string PhotoCaption = "Bánh phồng tôm phơi nắng";

    [Fact]
    public Task Commune_officer_registers_a_subject_and_a_product_with_a_photo_and_finds_it_by_a_search_without_diacritics() =>
        InBrowserAsync(async browser =>
        {
            var page = await browser.NewPageAsync();
            var home = await (await LoginPage.OpenAsync(page)).SignInAsync(ChauThanhOfficer, DemoData.Password);
            await Expect(home.Greeting).ToContainTextAsync("UBND xã Châu Thành");

            // A product of 2023, registered in Đa Lộc before the merger, is the officer's to find.
            var products = await ProductListPage.OpenAsync(page);
            await products.SearchAsync("banh tet la cam");
            await Expect(products.ProductLink("Bánh tét lá cẩm Đa Lộc")).ToBeVisibleAsync();
            await Expect(products.Results).ToContainTextAsync("Xã Đa Lộc (nay Xã Châu Thành)");

            // The subject, in the commune that took over Đa Lộc on 1 July 2025: still the officer's to keep.
            var subjects = await home.GoToSubjectsAsync();
            var form = await subjects.AddSubjectAsync();
            await Expect(form.Heading).ToHaveTextAsync("Thêm chủ thể");
            await form.Name.FillAsync("Hộ kinh doanh Bánh phồng tôm Cô Tư (thử nghiệm)");
            await form.ChooseLegalFormAsync("Hộ kinh doanh");
            await form.ChooseCommuneAsync("Xã Châu Thành (Tỉnh Vĩnh Long)");
            await form.Address.FillAsync("Ấp 3 (trước đây xã Đa Lộc), xã Châu Thành, tỉnh Vĩnh Long");
            await form.Representative.FillAsync("Nguyễn Thị Tư");
            await form.Phone.FillAsync("0294 3860 999");
            await form.WomenLed.CheckAsync();
            await form.WorkersTotal.FillAsync("6");
            var subject = await form.SaveAsync();
            await Expect(subject.Flash).ToHaveTextAsync("Đã thêm chủ thể.");
            await Expect(subject.Heading).ToHaveTextAsync("Hộ kinh doanh Bánh phồng tôm Cô Tư (thử nghiệm)");
            await Expect(subject.Facts.Filter(new() { HasText = "Nguyễn Thị Tư" })).ToBeVisibleAsync();

            // Its product, started from the subject so that subject and commune come filled in.
            var productForm = await subject.AddProductAsync();
            await Expect(productForm.Heading).ToHaveTextAsync("Thêm sản phẩm");
            await productForm.Name.FillAsync(ProductName);
            await productForm.ChooseCategoryAsync("I.3.d");
            await productForm.ChooseStandardAsync("VietGAP");
            await productForm.Description.FillAsync("Bánh phồng tôm làm từ tôm đất và bột năng, phơi nắng tự nhiên.");
            var product = await productForm.SaveAsync();
            await Expect(product.Flash).ToHaveTextAsync("Đã thêm sản phẩm.");
            await Expect(product.Heading).ToHaveTextAsync(ProductName);
            await Expect(product.Facts.Filter(new() { HasText = "Xã Châu Thành" })).ToBeVisibleAsync();

            // A real PNG made here, checked by content on the server.
            var png = TestImages.Png(48, 32);
            await product.UploadPhotoAsync("banh-phong-tom.png", "image/png", png, PhotoCaption);
            await Expect(product.Flash).ToHaveTextAsync("Đã tải ảnh lên.");

            // Found again by a search typed without diacritics, from the list, through the query string.
            var list = await product.GoToProductsAsync();
            await list.SearchAsync("banh phong tom");
            await Expect(page).ToHaveURLAsync(new Regex(@"/Products\?q=banh\+phong\+tom"));
            await Expect(list.Count).ToHaveTextAsync("1 sản phẩm");
            var found = await list.OpenProductAsync(ProductName);

            await Expect(found.Heading).ToHaveTextAsync(ProductName);
            var photo = found.Photo(PhotoCaption);
            await photo.ScrollIntoViewIfNeededAsync();
            await Expect(photo).ToBeVisibleAsync();
            // The browser decoded the served image: it has the size of the one uploaded.
            await Expect(photo).ToHaveJSPropertyAsync("naturalWidth", 48);
            var served = await page.Context.APIRequest.GetAsync(await photo.GetAttributeAsync("src") ?? "");
            Assert.Equal(200, served.Status);
            // Written anew from its pixels (issue 13): an opaque image comes back as JPEG, never as the uploaded bytes.
            Assert.Equal("image/jpeg", served.Headers["content-type"]);
            Assert.NotEqual(png, await served.BodyAsync());

            // The commune of today lists the new product and the Đa Lộc product of 2023 together.
            list = await found.GoToProductsAsync();
            await list.FilterByCommuneAsync("Xã Châu Thành (Tỉnh Vĩnh Long)");
            await Expect(list.ProductLink(ProductName)).ToBeVisibleAsync();
            await Expect(list.ProductLink("Bánh tét lá cẩm Đa Lộc")).ToBeVisibleAsync();
        });

    [Fact]
    public Task Commune_officer_cannot_open_a_product_of_another_commune_by_its_address() =>
        InBrowserAsync(async browser =>
        {
            // Hòa Minh's officer can open one of Hòa Minh's products: the address is real.
            var hoaMinh = await ProductListPage.OpenAsync(await browser.NewPageAsync(HoaMinhOfficer));
            await hoaMinh.SearchAsync("tham xo dua");
            var theirs = await hoaMinh.OpenProductAsync("Thảm xơ dừa Hòa Minh");
            await Expect(theirs.Heading).ToHaveTextAsync("Thảm xơ dừa Hòa Minh");
            var address = new Uri(theirs.Page.Url).PathAndQuery;
            var edit = address.Replace("/Details/", "/Edit/", StringComparison.Ordinal);

            // Đa Lộc's officer neither finds it nor reaches it by typing its address.
            var daLocPage = await browser.NewPageAsync(ChauThanhOfficer);
            var daLoc = await (await ProductListPage.OpenAsync(daLocPage)).SearchAsync("tham xo dua");
            await Expect(daLoc.Count).ToHaveTextAsync("0 sản phẩm");

            foreach (var url in new[] { address, edit })
            {
                var refused = await StatusPage.OpenAsync(daLocPage, url);
                Assert.True(refused.Status is 403 or 404, $"{url} answered {refused.Status}");
                // The refusal keeps the layout and says in words what happened.
                await Expect(refused.Heading).ToHaveTextAsync(Ocop.Web.Shared.StatusPages.Title(refused.Status));
                await Expect(daLocPage.GetByText("Thảm xơ dừa Hòa Minh")).ToHaveCountAsync(0);
            }
        });
}
