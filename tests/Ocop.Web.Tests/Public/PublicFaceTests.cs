using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Core.Evaluation;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Public;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Public;

/// <summary>
/// Issue 16, the public face, through HTTP without signing in: only products recognised at least once, never drafts,
/// archived records, personal data or others' scores; a lapsed certificate said as such; QR codes, the GS1 Digital Link
/// and the sitemap; Vietnamese and English; a change saved by the office shown at once.
/// </summary>
public partial class PublicFaceTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string ExpiredProduct = "Bưởi da xanh Song Lộc";      // its only certificate expired (demo data)
    private const string RevokedProduct = "Dưa lưới Lương Hòa A";       // its only certificate revoked (demo data)
    private const string RenamedProduct = "Dầu dừa ép lạnh Dừa Xanh";   // changed by the freshness test
    private const string UncertifiedProduct = "Gạo thơm hữu cơ Tiến Thành";

    [Fact]
    public async Task The_catalog_finds_products_typed_without_diacritics_by_stars_and_by_the_old_or_new_commune_name()
    {
        var visitor = app.NewClient();
        Assert.Contains(Demo.BanhTetLaCam, await visitor.GetPageAsync("/san-pham?q=banh+tet"));
        Assert.Contains(Demo.BanhTetLaCam, await visitor.GetPageAsync("/san-pham?q=BANH%20TET%20LA%20CAM"));
        // The registry's forgiving search: all words in any order, the producer's name and legal form among them.
        Assert.Contains(Demo.BanhTetLaCam, await visitor.GetPageAsync("/san-pham?q=cam+tet+banh+la"));
        Assert.Contains(Demo.BanhTetLaCam, await visitor.GetPageAsync("/san-pham?q=banh+tet+hkd"));
        // Registered in Đa Lộc, which is part of the commune Châu Thành since 1 July 2025: either name finds it.
        Assert.Contains(Demo.BanhTetLaCam, await visitor.GetPageAsync("/san-pham?commune=da+loc"));
        Assert.Contains(Demo.BanhTetLaCam, await visitor.GetPageAsync("/san-pham?commune=Ch%C3%A2u+Th%C3%A0nh"));
        Assert.DoesNotContain(Demo.BanhTetLaCam, await visitor.GetPageAsync("/san-pham?commune=hoa+minh"));
        Assert.Contains(Demo.BanhTetLaCam, await visitor.GetPageAsync("/san-pham?stars=3"));
        Assert.DoesNotContain(Demo.BanhTetLaCam, await visitor.GetPageAsync("/san-pham?stars=4"));
        var group = await app.QueryAsync(db => db.ProductCategories.Where(c => c.Code == "I.3").Select(c => c.Id).SingleAsync());
        Assert.Contains(Demo.BanhTetLaCam, await visitor.GetPageAsync($"/san-pham?group={group}"));
        Assert.Contains("Không có sản phẩm nào khớp", await visitor.GetPageAsync("/san-pham?q=khong+co+san+pham+nay"));
        // Junk in the filters is a visitor's search, not an error.
        using var junk = await visitor.GetAsync("/san-pham?stars=abc&page=-4&group=99999999999");
        Assert.Equal(HttpStatusCode.OK, junk.StatusCode);
    }

    [Fact]
    public async Task Public_pages_never_show_drafts_archived_records_or_unrecognised_products()
    {
        var visitor = app.NewClient();
        var catalog = await visitor.GetPageAsync("/san-pham");
        Assert.Contains(Demo.GaoLongHoa, catalog);
        Assert.DoesNotContain(UncertifiedProduct, catalog);      // registered, never recognised
        Assert.DoesNotContain(Demo.BanhTetNhanChuoi, catalog);   // never recognised
        Assert.DoesNotContain(Demo.ChauXoDua, catalog);          // archived
        var uncertified = await app.ProductIdAsync(UncertifiedProduct);
        using (var page = await visitor.GetAsync($"/san-pham/{uncertified}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }

        // A recognised product archived by the office leaves the public face at once.
        var archived = await app.QueryAsync(async db =>
        {
            var product = await db.Products.Where(p => p.Name == Demo.ConChimTour).SingleAsync();
            product.Status = ProductStatus.Archived;
            await db.SaveChangesAsync();
            return product.Id;
        });
        using (var page = await visitor.GetAsync($"/san-pham/{archived}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }

        Assert.DoesNotContain(Demo.ConChimTour, await visitor.GetPageAsync("/san-pham"));
        Assert.DoesNotContain($"/san-pham/{archived}/", await visitor.GetPageAsync("/sitemap.xml"));
    }

    [Fact]
    public async Task No_household_phone_no_id_number_no_representative_and_no_score_is_shown()
    {
        var visitor = app.NewClient();
        var household = await app.QueryAsync(db => db.Subjects.SingleAsync(s => s.Name == Demo.BaNam));
        var cooperative = await app.QueryAsync(db => db.Subjects.SingleAsync(s => s.Name == Demo.TienThanh));
        var scores = await app.QueryAsync(db => db.Certificates.Where(c => c.ScoreHundredths != null).Select(c => c.ScoreHundredths!.Value).ToListAsync());
        var banhTet = await ProductPageAsync(visitor, Demo.BanhTetLaCam);
        var gao = await ProductPageAsync(visitor, Demo.GaoLongHoa);

        Assert.Contains(Demo.BaNam, banhTet);
        Assert.DoesNotContain(household.Phone!, banhTet);
        Assert.DoesNotContain(household.Representative, banhTet);
        Assert.DoesNotContain(household.RegistrationNumber!, banhTet);
        Assert.Contains("liên hệ qua nơi bán", banhTet, StringComparison.Ordinal);
        // A cooperative's registered phone and e-mail are its business contact.
        Assert.Contains(cooperative.Phone!, gao);
        Assert.Contains(cooperative.Email!, gao);
        Assert.DoesNotContain(cooperative.Representative, gao);
        Assert.DoesNotContain(cooperative.TaxCode!, gao);
        foreach (var page in new[] { banhTet, gao, await visitor.GetPageAsync("/san-pham"), await visitor.GetPageAsync("/") })
        {
            foreach (var score in scores)
            {
                Assert.DoesNotContain((score / 100m).ToString("0.00", CultureInfo.GetCultureInfo("vi-VN")), page, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task An_expired_certificate_says_expired_a_revoked_one_says_revoked_and_neither_shows_stars()
    {
        var visitor = app.NewClient();
        var expired = await ProductPageAsync(visitor, ExpiredProduct);
        Assert.Contains("đã hết hạn ngày", expired, StringComparison.Ordinal);
        Assert.Contains("Hết hạn", expired, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"stars big\"", expired, StringComparison.Ordinal);
        Assert.DoesNotContain("itemprop=\"award\"", expired, StringComparison.Ordinal);

        var revoked = await ProductPageAsync(visitor, RevokedProduct);
        Assert.Contains("đã bị thu hồi từ ngày", revoked, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"stars big\"", revoked, StringComparison.Ordinal);

        var valid = await ProductPageAsync(visitor, Demo.GaoLongHoa);
        Assert.Contains("class=\"stars big\" aria-label=\"4 sao OCOP\"", valid, StringComparison.Ordinal);
        // In the catalog a lapsed product carries its state, not stars, and comes after the valid ones.
        var catalog = await visitor.GetPageAsync("/san-pham");
        Assert.True(catalog.IndexOf(Demo.GaoLongHoa, StringComparison.Ordinal) < catalog.IndexOf(ExpiredProduct, StringComparison.Ordinal));
        Assert.DoesNotContain(ExpiredProduct, await visitor.GetPageAsync("/san-pham?stars=3"));
    }

    [Fact]
    public async Task The_QR_code_and_the_GS1_digital_link_lead_to_the_product_page()
    {
        var visitor = app.NewClient();
        var gao = await app.ProductIdAsync(Demo.GaoLongHoa);
        using (var qr = await visitor.GetAsync($"/ma-qr/{gao}.png"))
        {
            Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
            Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, (await qr.Content.ReadAsByteArrayAsync())[..4]);
        }

        // The demo's rice carries GTIN-13 8936012345674: its GS1 Digital Link writes it with 14 digits.
        var gtin = await app.QueryAsync(db => db.Products.Where(p => p.Id == gao).Select(p => p.Gtin).SingleAsync());
        using (var link = await visitor.GetAsync($"/01/{gtin!.PadLeft(14, '0')}"))
        {
            Assert.Equal(HttpStatusCode.TemporaryRedirect, link.StatusCode);
            Assert.StartsWith($"/san-pham/{gao}/gao-huu-co-long-hoa", link.Location(), StringComparison.Ordinal);
        }

        using (var withLot = new HttpRequestMessage(HttpMethod.Get, $"/01/{gtin}/10/LO2026A"))
        {
            withLot.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
            using var english = await visitor.SendAsync(withLot);
            Assert.Equal(HttpStatusCode.TemporaryRedirect, english.StatusCode);
            Assert.StartsWith($"/en/products/{gao}/", english.Location(), StringComparison.Ordinal);
        }

        var badCheckDigit = gtin[..^1] + (gtin[^1] == '9' ? '0' : (char)(gtin[^1] + 1));
        foreach (var unknown in new[] { "/01/" + badCheckDigit, "/01/00000000000000", "/01/abc", "/ma-qr/999999.png" })
        {
            using var missing = await visitor.GetAsync(unknown);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        // The page opened by the QR code (no name in it) leads to the address with the product's name.
        using var shortLink = await visitor.GetAsync($"/san-pham/{gao}");
        Assert.Equal(HttpStatusCode.MovedPermanently, shortLink.StatusCode);
        Assert.StartsWith($"/san-pham/{gao}/gao-huu-co-long-hoa-hoa-minh", shortLink.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sitemap_lists_every_public_product_and_nothing_else()
    {
        var visitor = app.NewClient();
        var sitemap = await visitor.GetPageAsync("/sitemap.xml");
        var listed = SitemapProduct().Matches(sitemap).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();
        var expected = await app.QueryAsync(db => db.Products
            .Where(p => p.Status != ProductStatus.Archived && !p.Subject!.IsArchived && db.Certificates.Any(c => c.ProductId == p.Id))
            .Select(p => p.Id).ToListAsync());
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), listed.Order());
        Assert.Contains("/en/products/", sitemap, StringComparison.Ordinal);
        Assert.Contains("Sitemap: ", await visitor.GetPageAsync("/robots.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_is_checked_by_its_number_and_an_unknown_number_says_so()
    {
        var visitor = app.NewClient();
        var number = await app.QueryAsync(db => db.Certificates.Where(c => c.Product!.Name == Demo.GaoLongHoa).Select(c => c.Number).FirstAsync());
        var page = await visitor.GetPageAsync("/kiem-tra-chung-nhan?number=" + Uri.EscapeDataString(number));
        Assert.Contains(number, page, StringComparison.Ordinal);
        Assert.Contains("class=\"notice valid\"", page, StringComparison.Ordinal);
        Assert.Contains(Demo.TienThanh, page, StringComparison.Ordinal);
        var english = await visitor.GetPageAsync("/en/certificate-check?number=" + Uri.EscapeDataString(number));
        Assert.Contains("Valid", english, StringComparison.Ordinal);

        using var unknown = await visitor.GetAsync("/kiem-tra-chung-nhan?number=2099%2FOCOP-00-999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Không có giấy chứng nhận OCOP nào mang số này.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_public_page_has_an_english_twin_with_english_formats_and_search_engine_data()
    {
        var visitor = app.NewClient();
        var gao = await app.ProductIdAsync(Demo.GaoLongHoa);
        var issued = await app.QueryAsync(db => db.Certificates.Where(c => c.ProductId == gao).Select(c => c.IssuedOn).FirstAsync());
        var vi = await visitor.GetPageAsync($"/san-pham/{gao}/gao-huu-co-long-hoa-hoa-minh");
        var en = await visitor.GetPageAsync($"/en/products/{gao}/gao-huu-co-long-hoa-hoa-minh");
        Assert.Contains("<html lang=\"vi\">", vi, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", en, StringComparison.Ordinal);
        Assert.Contains(issued.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), vi, StringComparison.Ordinal);
        Assert.Contains(issued.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), en, StringComparison.Ordinal);
        Assert.Contains("Where to buy", en, StringComparison.Ordinal);
        Assert.Contains("Nơi mua", vi, StringComparison.Ordinal);
        // The language switch keeps the page.
        Assert.Contains($"href=\"/en/products/{gao}/gao-huu-co-long-hoa-hoa-minh\" hreflang=\"en\"", vi, StringComparison.Ordinal);
        Assert.Contains($"href=\"/san-pham/{gao}/gao-huu-co-long-hoa-hoa-minh\" hreflang=\"vi\"", en, StringComparison.Ordinal);
        // schema.org Product and social previews.
        Assert.Contains("itemtype=\"https://schema.org/Product\"", vi, StringComparison.Ordinal);
        Assert.Contains("itemprop=\"gtin14\">08936012345674<", vi, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:type\" content=\"product\">", vi, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" hreflang=\"en\"", vi, StringComparison.Ordinal);
        foreach (var (url, words) in new[] { ("/en", "Certified OCOP products"), ("/en/products?q=gao", "OCOP products"), ("/en/map", "Map of sales points"), ("/", "Sản phẩm OCOP được chứng nhận"), ("/ban-do", "Bản đồ") })
        {
            Assert.Contains(words, await visitor.GetPageAsync(url), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_change_saved_by_the_office_shows_publicly_within_a_second()
    {
        var visitor = app.NewClient();
        var office = await app.As(Demo.ProgramOffice);
        var productId = await app.ProductIdAsync(RenamedProduct);
        Assert.Contains(RenamedProduct, await visitor.GetPageAsync("/san-pham?q=dau+dua"));
        Assert.Contains(RenamedProduct, await visitor.GetPageAsync("/san-pham?q=dau+dua")); // now answered from the cache

        var form = await office.GetFormAsync($"/Products/Edit/{productId}");
        form.Set("Input.Name", "Dầu dừa tinh khiết Dừa Xanh");
        var watch = Stopwatch.StartNew();
        using (var saved = await office.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var catalog = await visitor.GetPageAsync("/san-pham?q=dau+dua");
        Assert.Contains("Dầu dừa tinh khiết Dừa Xanh", catalog, StringComparison.Ordinal);
        Assert.DoesNotContain(RenamedProduct, catalog, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"shown after {watch.Elapsed.TotalMilliseconds:F0} ms");

        // A revocation recorded on the certificate alone (the product row is not touched) takes the stars away at once.
        Assert.Contains("class=\"stars big\"", await visitor.GetPageAsync($"/en/products/{productId}/dau-dua-tinh-khiet-dua-xanh"), StringComparison.Ordinal);
        await app.QueryAsync(async db =>
        {
            var certificate = await db.Certificates.SingleAsync(c => c.ProductId == productId);
            certificate.RevokedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-1);
            certificate.RevocationGround = RevocationGround.MarkMisuse;
            certificate.RevocationDecision = "99/QĐ-UBND";
            return await db.SaveChangesAsync();
        });
        var revoked = await visitor.GetPageAsync($"/en/products/{productId}/dau-dua-tinh-khiet-dua-xanh");
        Assert.Contains("was revoked on", revoked, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"stars big\"", revoked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_to_buy_comes_from_the_registers_on_the_page_the_map_and_the_filter()
    {
        var gao = await app.ProductIdAsync(Demo.GaoLongHoa);
        var commune = await app.CurrentCommuneIdAsync(Demo.HoaMinh);
        var registers = new WhereToBuyRegisters(
            [
                new PublicPlace("sales-1", PlaceKind.SalesPoint, "Điểm bán OCOP chợ Châu Thành", "Chợ Châu Thành", commune, 9.7, 106.3, null, null, [gao]),
                new PublicPlace("tourism-1", PlaceKind.Tourism, "Cồn Chim", null, commune, 9.68, 106.35, null, null, []),
                new PublicPlace("sales-2", PlaceKind.SalesPoint, "Quầy OCOP chưa có tọa độ", "Ấp 2", commune, null, null, null, null, [gao]),
            ],
            [new PublicListing(gao, "Sàn thương mại điện tử tỉnh", "https://ocop.example.vn/gao"), new PublicListing(gao, "Sai địa chỉ", "javascript:alert(1)")]);
        await using var factory = app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IWhereToBuySource>(new FixedRegisters(registers))));
        using var visitor = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await visitor.GetPageAsync($"/san-pham/{gao}/gao-huu-co-long-hoa-hoa-minh");
        Assert.Contains("Điểm bán OCOP chợ Châu Thành", page, StringComparison.Ordinal);
        Assert.Contains("data-lat=\"9.7\" data-lng=\"106.3\"", page, StringComparison.Ordinal);
        Assert.Contains("class=\"place-map\"", page, StringComparison.Ordinal);
        Assert.Contains("chưa có tọa độ", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://ocop.example.vn/gao\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", page, StringComparison.Ordinal);
        var map = await visitor.GetPageAsync("/ban-do");
        Assert.Contains("Cồn Chim", map, StringComparison.Ordinal);
        Assert.Contains(Demo.GaoLongHoa, map, StringComparison.Ordinal);
        var sold = await visitor.GetPageAsync("/san-pham?salesPoint=true");
        Assert.Contains(Demo.GaoLongHoa, sold, StringComparison.Ordinal);
        Assert.DoesNotContain(Demo.BanhTetLaCam, sold, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_to_buy_reads_the_section_III_registers_standing_today_and_an_ended_listing_or_a_closed_sales_point_leaves_at_once()
    {
        // The demo's registers (docs/support.md): a sales point selling the rice and the bánh tét, a Postmart listing of
        // the rice, the Cồn Chim community site, and a tourism point that is the sales point itself.
        const string salesPoint = "Điểm giới thiệu và bán sản phẩm OCOP Châu Thành (demo)";
        const string listingUrl = "https://postmart.vn/gao-huu-co-long-hoa-demo";
        var visitor = app.NewClient();
        var rice = await ProductPageAsync(visitor, Demo.GaoLongHoa);
        Assert.Contains(salesPoint, rice, StringComparison.Ordinal);
        Assert.Contains("data-lat=\"9.9347\" data-lng=\"106.3421\"", rice, StringComparison.Ordinal);
        Assert.Contains($"href=\"{listingUrl}\"", rice, StringComparison.Ordinal);
        Assert.Contains(salesPoint, await ProductPageAsync(visitor, Demo.BanhTetLaCam), StringComparison.Ordinal);
        var map = await visitor.GetPageAsync("/ban-do");
        Assert.Contains("Cồn Chim (demo)", map, StringComparison.Ordinal);
        Assert.Contains(salesPoint, map, StringComparison.Ordinal);
        Assert.DoesNotContain("Điểm bán OCOP Châu Thành (demo)", map, StringComparison.Ordinal); // the same place, drawn once
        var sold = await visitor.GetPageAsync("/san-pham?salesPoint=true");
        Assert.Contains(Demo.GaoLongHoa, sold, StringComparison.Ordinal);
        Assert.Contains(Demo.BanhTetLaCam, sold, StringComparison.Ordinal);
        Assert.DoesNotContain(ExpiredProduct, sold, StringComparison.Ordinal);

        // The office ends the listing through its form: gone from the product page at once.
        var office = await app.As(Demo.ProgramOffice);
        var listingId = await app.QueryAsync(db => db.EcommerceListings.Where(l => l.Url == listingUrl).Select(l => l.Id).SingleAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var form = await office.GetFormAsync($"/Promotion/ListingEdit/{listingId}");
        form.Set("Input.EndedOn", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var watch = Stopwatch.StartNew();
        using (var saved = await office.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        rice = await ProductPageAsync(visitor, Demo.GaoLongHoa);
        Assert.DoesNotContain(listingUrl, rice, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"shown after {watch.Elapsed.TotalMilliseconds:F0} ms");

        // The sales point closes today: the first day it no longer operates. No product is sold at a sales point now.
        await app.QueryAsync(async db =>
        {
            var point = await db.SalesPoints.SingleAsync(p => p.Name == salesPoint);
            point.ClosedOn = today;
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(salesPoint, await ProductPageAsync(visitor, Demo.GaoLongHoa), StringComparison.Ordinal);
        Assert.DoesNotContain(salesPoint, await visitor.GetPageAsync("/ban-do"), StringComparison.Ordinal);
        sold = await visitor.GetPageAsync("/san-pham?salesPoint=true");
        Assert.DoesNotContain(Demo.GaoLongHoa, sold, StringComparison.Ordinal);
        Assert.DoesNotContain(Demo.BanhTetLaCam, sold, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Label_sheets_are_for_signed_in_users_and_a_producer_prints_only_its_own()
    {
        using (var anonymous = await app.NewClient().GetAsync("/Public/Labels"))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        }

        var producer = await app.As(Demo.Producer);
        var own = await producer.GetPageAsync("/Public/Labels");
        Assert.Contains(Demo.GaoLongHoa, own, StringComparison.Ordinal);
        Assert.DoesNotContain(Demo.BanhTetLaCam, own, StringComparison.Ordinal);
        var office = await (await app.As(Demo.ProgramOffice)).GetPageAsync("/Public/Labels");
        Assert.Contains(Demo.BanhTetLaCam, office, StringComparison.Ordinal);
        Assert.Contains("/ma-qr/", office, StringComparison.Ordinal);
    }

    private async Task<string> ProductPageAsync(HttpClient visitor, string name)
    {
        var id = await app.ProductIdAsync(name);
        using var response = await visitor.GetAsync($"/san-pham/{id}");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        return await visitor.GetPageAsync(response.Location());
    }

    [GeneratedRegex(@"<loc>[^<]*/san-pham/(\d+)/[^<]*</loc>")]
    private static partial Regex SitemapProduct();

    private sealed class FixedRegisters(WhereToBuyRegisters registers) : IWhereToBuySource
    {
        public Task<WhereToBuyRegisters> LoadAsync(OcopDbContext db, DateOnly today, CancellationToken ct) => Task.FromResult(registers);

        public Task<long> FingerprintAsync(OcopDbContext db, CancellationToken ct) => Task.FromResult(1L);
    }
}
