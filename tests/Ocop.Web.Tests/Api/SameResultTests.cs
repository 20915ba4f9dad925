using System.Globalization;
using System.Net;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Products;
using Ocop.Web.Features.Subjects;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Api;

/// <summary>
/// The page and the API call one use case each: the same command reaches the same record, the same refusal with the
/// same message, the same audit trail under the same user — one test per use case.
/// </summary>
public class SameResultTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly byte[] Png = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestFiles", "photo.png"));

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    private async Task<(HttpClient Page, HttpClient Api)> OfficerAsync()
    {
        var page = await app.As(Demo.ChauThanhOfficer);
        return (page, ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(page)));
    }

    private async Task<HtmlForm> SubjectFormAsync(HttpClient page, SaveSubject.Command c) =>
        (await page.GetFormAsync("/Subjects/Edit"))
            .Set("Input.Name", c.Name).Set("Input.LegalForm", c.LegalForm.ToString()).Set("Input.TaxCode", c.TaxCode)
            .Set("Input.CommuneId", c.CommuneId?.ToString(CultureInfo.InvariantCulture)).Set("Input.Address", c.Address)
            .Set("Input.Representative", c.Representative).Set("Input.RegisteredOn", c.RegisteredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Set("Input.WorkersTotal", c.WorkersTotal.ToString(CultureInfo.InvariantCulture)).Set("Input.WorkersLocal", c.WorkersLocal.ToString(CultureInfo.InvariantCulture))
            .SetAll("Input.SalesChannels", [.. c.SalesChannels.Select(s => s.ToString())]);

    private async Task<SaveSubject.Command> SubjectAsync(string name) => new()
    {
        Name = name,
        LegalForm = LegalForm.CooperativeGroup,
        TaxCode = "2100123456",
        CommuneId = await app.CurrentCommuneIdAsync(Demo.ChauThanhCommune),
        Address = "Ấp Phú Hòa",
        Representative = "Lê Văn Bảy",
        RegisteredOn = new DateOnly(2024, 9, 2),
        WorkersTotal = 8,
        WorkersLocal = 6,
        SalesChannels = [SalesChannels.OcopSalesPoint, SalesChannels.ECommerce],
    };

    [Fact]
    public async Task SaveSubject_from_the_form_and_the_API_records_the_same_subject_and_refuses_alike()
    {
        var (page, api) = await OfficerAsync();
        var command = await SubjectAsync(Unique("Tổ hợp tác Bánh phồng"));
        using var viaPage = await page.PostFormAsync(await SubjectFormAsync(page, command));
        Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);
        var fromPage = await app.SubjectAsync(Html.IdFromLocation(viaPage, "/Subjects/Details/"));
        var apiCommand = await SubjectAsync(Unique("Tổ hợp tác Bánh phồng"));
        using var viaApi = await api.PostJsonAsync("/api/v1/subjects", apiCommand);
        Assert.Equal(HttpStatusCode.Created, viaApi.StatusCode);
        var fromApi = await app.SubjectAsync((await viaApi.ReadAsync<SubjectDetail>()).Id);
        Assert.Equal(Facts(fromPage), Facts(fromApi));
        var (pageAudit, apiAudit) = ((await app.AuditAsync(nameof(Subject), fromPage.Id))[0], (await app.AuditAsync(nameof(Subject), fromApi.Id))[0]);
        Assert.Equal((pageAudit.Action, pageAudit.UserName, pageAudit.Changes.Count), (apiAudit.Action, apiAudit.UserName, apiAudit.Changes.Count));

        var bad = await SubjectAsync("Tổ hợp tác thiếu lao động");
        bad.WorkersLocal = 30;
        var pageErrors = Html.FieldErrors(await (await page.PostFormAsync(await SubjectFormAsync(page, bad))).Content.ReadAsStringAsync());
        using var apiRefusal = await api.PostJsonAsync("/api/v1/subjects", bad);
        Assert.Equal(HttpStatusCode.BadRequest, apiRefusal.StatusCode);
        Assert.Equal(pageErrors["Input.WorkersLocal"], Assert.Single((await apiRefusal.FieldErrorsAsync())["workersLocal"]));
    }

    private static object Facts(Subject s) => new { s.LegalForm, s.TaxCode, s.CommuneId, s.Address, s.Representative, s.RegisteredOn, s.WorkersTotal, s.WorkersLocal, s.SalesChannels, s.Version };

    private async Task<SaveProduct.Command> ProductAsync(string name, string? gtin = null) => new()
    {
        Name = name,
        SubjectId = await app.SubjectIdAsync(Demo.BaNam),
        CommuneId = await app.CurrentCommuneIdAsync(Demo.ChauThanhCommune),
        CategoryId = await app.CategoryIdAsync(Demo.RiceProductsCategory),
        Status = ProductStatus.Registered,
        Standards = [ProductStandards.VietGap],
        Gtin = gtin,
        Description = "Gói lá chuối.",
    };

    private static async Task<HtmlForm> ProductFormAsync(HttpClient page, SaveProduct.Command c) =>
        (await page.GetFormAsync("/Products/Edit"))
            .Set("Input.Name", c.Name).Set("Input.SubjectId", c.SubjectId?.ToString(CultureInfo.InvariantCulture))
            .Set("Input.CommuneId", c.CommuneId?.ToString(CultureInfo.InvariantCulture)).Set("Input.CategoryId", c.CategoryId?.ToString(CultureInfo.InvariantCulture))
            .Set("Input.Status", c.Status.ToString()).SetAll("Input.Standards", [.. c.Standards.Select(s => s.ToString())])
            .Set("Input.Gtin", c.Gtin).Set("Input.Description", c.Description);

    [Fact]
    public async Task SaveProduct_from_the_form_and_the_API_records_the_same_product_and_refuses_a_bad_barcode_alike()
    {
        var (page, api) = await OfficerAsync();
        using var viaPage = await page.PostFormAsync(await ProductFormAsync(page, await ProductAsync(Unique("Bánh tét nếp than"))));
        Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);
        var fromPage = await app.ProductAsync(Html.IdFromLocation(viaPage, "/Products/Details/"));
        using var viaApi = await api.PostJsonAsync("/api/v1/products", await ProductAsync(Unique("Bánh tét nếp than")));
        Assert.Equal(HttpStatusCode.Created, viaApi.StatusCode);
        var fromApi = await app.ProductAsync((await viaApi.ReadAsync<ProductDetail>()).Id);
        Assert.Equal(
            (fromPage.SubjectId, fromPage.CommuneId, fromPage.CategoryId, fromPage.Status, fromPage.Standards, fromPage.Description, fromPage.Version),
            (fromApi.SubjectId, fromApi.CommuneId, fromApi.CategoryId, fromApi.Status, fromApi.Standards, fromApi.Description, fromApi.Version));

        var bad = await ProductAsync("Bánh tét mã vạch sai", gtin: "8936012345672");
        var pageErrors = Html.FieldErrors(await (await page.PostFormAsync(await ProductFormAsync(page, bad))).Content.ReadAsStringAsync());
        using var apiRefusal = await api.PostJsonAsync("/api/v1/products", bad);
        Assert.Equal(pageErrors["Input.Gtin"], Assert.Single((await apiRefusal.FieldErrorsAsync())["gtin"]));
    }

    [Fact]
    public async Task ArchiveSubject_from_the_page_and_the_API_archives_and_audits_alike()
    {
        var (page, api) = await OfficerAsync();
        var ids = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            using var created = await api.PostJsonAsync("/api/v1/subjects", await SubjectAsync(Unique("Hộ kinh doanh lưu trữ")));
            ids.Add((await created.ReadAsync<SubjectDetail>()).Id);
        }

        using (var viaPage = await page.PostFormAsync(await page.GetFormAsync($"/Subjects/Details/{ids[0]}", handler: "Archive")))
        {
            Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);
        }

        using (var viaApi = await api.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/subjects/{ids[1]}/archive") { Headers = { { "If-Match", "\"0\"" } } }))
        {
            Assert.Equal(HttpStatusCode.NoContent, viaApi.StatusCode);
            Assert.Equal("\"1\"", viaApi.Headers.ETag?.Tag);
        }

        var (a, b) = ((await app.AuditAsync(nameof(Subject), ids[0]))[^1], (await app.AuditAsync(nameof(Subject), ids[1]))[^1]);
        Assert.Equal((AuditAction.Archived, Demo.ChauThanhOfficer), (a.Action, a.UserName));
        Assert.Equal((a.Action, a.UserName), (b.Action, b.UserName));
        Assert.Equal(a.Changes, b.Changes);
        Assert.True((await app.SubjectAsync(ids[1])).IsArchived);
    }

    [Fact]
    public async Task ArchiveProduct_from_the_page_and_the_API_archives_and_a_stale_version_is_refused_by_both()
    {
        var (page, api) = await OfficerAsync();
        var ids = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            using var created = await api.PostJsonAsync("/api/v1/products", await ProductAsync(Unique("Bánh tét lưu trữ")));
            ids.Add((await created.ReadAsync<ProductDetail>()).Id);
        }

        using (var viaPage = await page.PostFormAsync(await page.GetFormAsync($"/Products/Details/{ids[0]}", handler: "Archive")))
        {
            Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);
        }

        using (var viaApi = await api.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/products/{ids[1]}/archive") { Headers = { { "If-Match", "\"0\"" } } }))
        {
            Assert.Equal(HttpStatusCode.NoContent, viaApi.StatusCode);
        }

        Assert.Equal(ProductStatus.Archived, (await app.ProductAsync(ids[0])).Status);
        Assert.Equal(ProductStatus.Archived, (await app.ProductAsync(ids[1])).Status);
        var (a, b) = ((await app.AuditAsync(nameof(Product), ids[0]))[^1], (await app.AuditAsync(nameof(Product), ids[1]))[^1]);
        Assert.Equal((a.Action, a.UserName), (b.Action, b.UserName));
        Assert.Equal(a.Changes, b.Changes);

        // Restoring from version 0 again: both refuse (the page says so, the API answers 412), nothing changes.
        var before = await app.CountsAsync();
        var stale = (await page.GetFormAsync($"/Products/Details/{ids[0]}", handler: "Archive")).Set("version", "0").Set("restore", "true");
        using (var viaPage = await page.PostFormAsync(stale))
        {
            Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);
        }

        using (var viaApi = await api.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/products/{ids[1]}/restore") { Headers = { { "If-Match", "\"0\"" } } }))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, viaApi.StatusCode);
        }

        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task AddProductPhoto_from_the_page_and_the_API_stores_the_photo_and_refuses_a_non_image_alike()
    {
        var (page, api) = await OfficerAsync();
        var product = await app.ProductIdAsync(Demo.BanhTetLaCam);
        var before = (await app.ProductAsync(product)).Photos.Count;
        using (var viaPage = await page.PostFileAsync(await page.GetFormAsync($"/Products/Details/{product}", handler: "Upload"), "photo", "banh-tet.png", Png, "image/png"))
        {
            Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);
        }

        using (var viaApi = await api.PostFileAsync($"/api/v1/products/{product}/photos", [new("caption", "Bánh tét")], "photo", "banh-tet.png", Png, "image/png"))
        {
            Assert.Equal(HttpStatusCode.Created, viaApi.StatusCode);
        }

        var photos = (await app.ProductAsync(product)).Photos;
        Assert.Equal(before + 2, photos.Count);
        Assert.All(photos.TakeLast(2), p => Assert.Equal("image/png", p.ContentType));

        var text = "không phải ảnh"u8.ToArray();
        var pageRefusal = await page.PostFileAsync(await page.GetFormAsync($"/Products/Details/{product}", handler: "Upload"), "photo", "anh.png", text, "image/png");
        var pageMessage = Html.SummaryErrors(await pageRefusal.Content.ReadAsStringAsync());
        using var apiRefusal = await api.PostFileAsync($"/api/v1/products/{product}/photos", [], "photo", "anh.png", text, "image/png");
        Assert.Equal(HttpStatusCode.BadRequest, apiRefusal.StatusCode);
        Assert.Equal(pageMessage, (await apiRefusal.FieldErrorsAsync())["photo"]);
        Assert.Equal(before + 2, (await app.ProductAsync(product)).Photos.Count);
    }
}
