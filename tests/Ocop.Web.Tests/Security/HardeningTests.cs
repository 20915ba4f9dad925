using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Security;

/// <summary>Issue 13, input and headers: junk never breaks a page, headers protect every response.</summary>
public class HardeningTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly byte[] Png = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestFiles", "photo.png"));

    [Theory]
    [InlineData("/")]
    [InlineData("/Products")]
    [InlineData("/Account/Login")]
    [InlineData("/No/Such/Page")]
    public async Task Every_response_carries_a_strict_content_security_policy_and_the_other_headers(string url)
    {
        var client = await app.As(Demo.Admin);
        using var response = await client.GetAsync(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Products")]
    [InlineData("/Planning/Dashboard")]
    [InlineData("/Certificates")]
    [InlineData("/Admin/Users")]
    public async Task Pages_hold_no_inline_script_or_style_the_policy_would_block(string url)
    {
        var page = await (await app.As(Demo.Admin)).GetPageAsync(url);
        Assert.DoesNotContain(" style=\"", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"<script(?![^>]*\ssrc=)[^>]*>", page);
        Assert.DoesNotContain(" onclick=", page, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Products")]
    [InlineData("/api/v1/products")]
    public async Task Trace_is_answered_405(string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod("TRACE"), url);
        using var response = await (await app.As(Demo.Admin)).SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("/Certificates?year=-1")]
    [InlineData("/Certificates?year=99999")]
    [InlineData("/Planning/Dashboard?at=9999-12-31")]
    [InlineData("/Planning/Dashboard?at=0001-01-01")]
    [InlineData("/Reports?from=0001-01-01")]
    [InlineData("/Reports?from=2024-01-01&to=9999-12-31")]
    [InlineData("/Units?at=0001-01-01")]
    [InlineData("/Products?q=b%01nh")]
    public async Task Junk_in_a_query_is_a_400_page_in_vietnamese_never_a_500(string url)
    {
        using var response = await (await app.As(Demo.Admin)).GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Yêu cầu không hợp lệ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/plans/1/targets?at=9999-12-31")]
    [InlineData("/api/v1/products?q=%01")]
    public async Task Junk_in_an_api_query_is_a_400_problem(string url)
    {
        using var response = await (await app.As(Demo.Admin)).GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_target_value_beyond_any_real_figure_is_a_form_error_not_a_500()
    {
        var office = await app.As(Demo.Admin);
        var target = await app.QueryAsync(db => db.PlanTargets.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var before = await FingerprintAsync();
        var form = await office.GetFormAsync($"/Planning/Target/{target}");
        using var response = await office.PostFormAsync(form.Set("Input.TargetValue", "2147483648"));
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}");
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task A_product_name_with_a_control_character_is_refused_and_nothing_is_saved()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var id = await app.ProductIdAsync(Demo.BanhTetLaCam);
        var before = await app.CountsAsync();
        var form = await officer.GetFormAsync($"/Products/Edit/{id}");
        using var response = await officer.PostFormAsync(form.Set("Input.Name", "Bánh tét\u0001 lá cẩm"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ký tự điều khiển", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task Documents_stay_whole_even_when_an_old_record_holds_a_control_character()
    {
        // Written past the form, as rows saved before input was checked are.
        var product = await app.QueryAsync(db => db.Certificates.OrderBy(c => c.Id).Select(c => new { c.ProductId, c.RecognitionId }).FirstAsync());
        var name = await app.QueryAsync(db => db.Products.Where(p => p.Id == product.ProductId).Select(p => p.Name).SingleAsync());
        await app.QueryAsync(db => db.Products.Where(p => p.Id == product.ProductId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Name, name + "\u0001\u000B")));
        try
        {
            var office = await app.As(Demo.ProgramOffice);
            using var decision = await office.GetAsync($"/Recognitions/Details/{product.RecognitionId}?handler=Docx");
            Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
            using var report = await office.GetAsync("/Reports?handler=Docx&from=2022-01-01&to=" + DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        }
        finally
        {
            await app.QueryAsync(db => db.Products.Where(p => p.Id == product.ProductId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Name, name)));
        }
    }

    [Fact]
    public async Task A_page_error_reaches_a_browser_as_a_page_not_json()
    {
        var client = await app.As(Demo.Admin);
        var token = await client.TokenAsync();
        // A multipart body cut short: the form cannot be read.
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--xyz\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n" + token + "\r\n--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=xyz");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Subjects/Edit") { Content = content };
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"answered {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_upload_over_the_request_limit_gets_a_page_that_says_how_large_it_may_be()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var dossier = await app.QueryAsync(db => db.Dossiers.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());
        var token = await officer.TokenAsync();
        using var response = await officer.PostFileAsync($"/Dossiers/Details/{dossier}?handler=Upload",
            [new(HtmlForm.TokenField, token)], "file", "ho-so.pdf", new byte[26 * 1024 * 1024], "application/pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("tối đa", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_png_header_followed_by_html_is_refused_and_nothing_is_stored()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var id = await app.ProductIdAsync(Demo.BanhTetLaCam);
        var before = await app.CountsAsync();
        var form = await officer.GetFormAsync($"/Products/Details/{id}", handler: "Upload");
        var bytes = Png.Take(16).Concat(Encoding.ASCII.GetBytes("<html><script>alert(1)</script></html>")).ToArray();
        using var response = await officer.PostFileAsync(form, "photo", "anh.png", bytes, "image/png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("không đọc được", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Theory]
    [InlineData("anh\u0000.png", "anh.png")]
    [InlineData("..\\..\\windows\\anh.png", "anh.png")]
    [InlineData("tai-lieu\u202Egnp.exe", "tai-lieugnp.exe")]
    public async Task Photo_file_names_are_stored_clean(string fileName, string stored)
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var id = await app.ProductIdAsync(Demo.BanhTetNhanChuoi);
        var form = await officer.GetFormAsync($"/Products/Details/{id}", handler: "Upload");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in form.Fields)
        {
            content.Add(new StringContent(value), name);
        }

        // As a hostile client sends it: the name percent-encoded (RFC 5987), NUL and all.
        var file = new ByteArrayContent(Png);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        file.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = "\"photo\"", FileNameStar = fileName };
        content.Add(file);
        using var response = await officer.PostAsync(form.Action, content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var photo = (await app.ProductAsync(id)).Photos.OrderBy(p => p.Id).Last();
        Assert.Equal(stored, photo.OriginalName);
    }

    [Fact]
    public async Task A_five_thousand_character_file_name_is_cut_to_255_with_its_extension()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var id = await app.ProductIdAsync(Demo.BanhTetNhanChuoi);
        var form = await officer.GetFormAsync($"/Products/Details/{id}", handler: "Upload");
        using var response = await officer.PostFileAsync(form, "photo", new string('a', 5000) + ".png", Png, "image/png");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var photo = (await app.ProductAsync(id)).Photos.OrderBy(p => p.Id).Last();
        Assert.Equal(255, photo.OriginalName.Length);
        Assert.EndsWith(".png", photo.OriginalName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_reports_on_the_database_and_the_file_store()
    {
        using (var healthy = await app.NewClient().GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        }

        var databaseFolder = Directory.CreateTempSubdirectory("ocop-web-tests-db-").FullName;
        var storeFolder = Directory.CreateTempSubdirectory("ocop-web-tests-store-").FullName;
        try
        {
            await using var fixture = new OcopWebFactory("Sqlite", $"Data Source={Path.Combine(databaseFolder, "ocop.db")}", storeFolder);
            using var client = fixture.CreateClient();
            using (var before = await client.GetAsync("/health"))
            {
                Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            }

            // The file store goes away (an unmounted share): uploads would fail, so health says so.
            Directory.Delete(storeFolder, recursive: true);
            using var response = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }
        finally
        {
            Directory.Delete(databaseFolder, recursive: true);
        }
    }

    private Task<string> FingerprintAsync() => app.QueryAsync(db => DatabaseFingerprint.OfAsync(db));
}
