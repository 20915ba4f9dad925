using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Api;
using Ocop.Web.Features.Products;
using Ocop.Web.Features.Subjects;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Api;

/// <summary>
/// The write API with personal access tokens: the token's user's rights and no more, 401 for a revoked or expired
/// token, 412 for a stale If-Match, every write audited under the token's user; cookies read but never write.
/// </summary>
public class WriteApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    private async Task<SaveSubject.Command> NewSubjectAsync(string name) => new()
    {
        Name = name,
        LegalForm = LegalForm.HouseholdBusiness,
        CommuneId = await app.CurrentCommuneIdAsync(Demo.ChauThanhCommune),
        RegisteredOn = new DateOnly(2024, 3, 1),
        Address = "Ấp Phú Hòa",
        Representative = "Nguyễn Văn An",
        WorkersTotal = 5,
        WorkersLocal = 5,
        SalesChannels = [SalesChannels.OcopSalesPoint],
    };

    [Fact]
    public async Task A_token_creates_and_updates_a_subject_audited_under_its_user_and_a_stale_If_Match_gets_412()
    {
        var api = ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(await app.As(Demo.ChauThanhOfficer)));
        var name = Unique("Hộ kinh doanh Bánh tét API");

        using var created = await api.PostJsonAsync("/api/v1/subjects", await NewSubjectAsync(name));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var subject = await created.ReadAsync<SubjectDetail>();
        Assert.Equal($"/api/v1/subjects/{subject.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal("\"0\"", created.Headers.ETag?.Tag);
        var officer = await app.UserIdAsync(Demo.ChauThanhOfficer);
        var audit = Assert.Single(await app.AuditAsync(nameof(Subject), subject.Id));
        Assert.Equal((AuditAction.Created, Demo.ChauThanhOfficer, officer), (audit.Action, audit.UserName, audit.UserId));

        var change = await NewSubjectAsync(name);
        change.WorkersTotal = 9;
        change.EffectiveOn = new DateOnly(2024, 3, 1);
        using (var updated = await api.PutJsonAsync($"/api/v1/subjects/{subject.Id}", change, "\"0\""))
        {
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
            Assert.Equal("\"1\"", updated.Headers.ETag?.Tag);
        }

        var update = (await app.AuditAsync(nameof(Subject), subject.Id))[^1];
        Assert.Equal((AuditAction.Updated, Demo.ChauThanhOfficer, officer), (update.Action, update.UserName, update.UserId));
        Assert.Equal(new FieldChange("WorkersTotal", "5", "9"), update.Change("WorkersTotal"));

        // The same version again: someone (here: we) changed it since.
        var before = await app.CountsAsync();
        change.WorkersTotal = 12;
        using var stale = await api.PutJsonAsync($"/api/v1/subjects/{subject.Id}", change, "\"0\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        using var missing = await api.PutJsonAsync($"/api/v1/subjects/{subject.Id}", change, null);
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task A_commune_officers_token_cannot_write_another_communes_records()
    {
        var api = ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(await app.As(Demo.ChauThanhOfficer)));
        var conChim = await app.SubjectIdAsync(Demo.ConChim);   // Hòa Minh, another commune
        var tour = await app.ProductIdAsync(Demo.ConChimTour);
        var before = await app.CountsAsync();

        var elsewhere = await NewSubjectAsync(Unique("Hộ kinh doanh ở xã khác"));
        elsewhere.CommuneId = await app.CurrentCommuneIdAsync(Demo.HoaMinh);
        using var create = await api.PostJsonAsync("/api/v1/subjects", elsewhere);
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal(["Bạn không phụ trách xã này."], (await create.FieldErrorsAsync())["communeId"]);

        using var update = await api.PutJsonAsync($"/api/v1/subjects/{conChim}", await NewSubjectAsync("Đổi tên"), "\"0\"");
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        using var product = await api.PutJsonAsync($"/api/v1/products/{tour}", new SaveProduct.Command { Name = "Đổi tên" }, "\"0\"");
        Assert.Equal(HttpStatusCode.NotFound, product.StatusCode);
        using var archive = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/products/{tour}/archive") { Headers = { { "If-Match", "\"0\"" } } };
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendAsync(archive)).StatusCode);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task A_revoked_or_expired_token_gets_401_and_writes_nothing()
    {
        var person = await app.As(Demo.ProgramOffice);
        var token = await ApiClient.MakeTokenAsync(person, "Thu hồi thử");
        var api = ApiClient.WithToken(app, token);
        using (var ok = await api.GetAsync("/api/v1/subjects?pageSize=1"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var id = await app.QueryAsync(db => db.ApiTokens.Where(t => t.TokenHash == ApiTokens.Hash(token)).Select(t => t.Id).SingleAsync());
        using (var revoke = await person.PostFormAsync(await person.GetFormAsync("/Tokens", handler: "Revoke")))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        }

        Assert.NotNull(await app.QueryAsync(db => db.ApiTokens.Where(t => t.Id == id).Select(t => t.RevokedAt).SingleAsync()));
        var revoked = Assert.Single(await app.AuditAsync(nameof(ApiToken), id), a => a.Action == AuditAction.Updated);
        Assert.Equal(Demo.ProgramOffice, revoked.UserName);
        Assert.DoesNotContain((await app.AuditAsync(nameof(ApiToken), id)).SelectMany(a => a.Changes), c => c.Field == "TokenHash");

        var before = await app.CountsAsync();
        using (var read = await api.GetAsync("/api/v1/subjects?pageSize=1"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        }

        using (var write = await api.PostJsonAsync("/api/v1/subjects", await NewSubjectAsync(Unique("Sau khi thu hồi"))))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        }

        Assert.Equal(before, await app.CountsAsync());

        // Expired: a token whose time is up works no more, whatever it could do before.
        var expiring = await ApiClient.MakeTokenAsync(person, "Hết hạn thử", days: 1);
        await app.QueryAsync(async db =>
        {
            var row = await db.ApiTokens.SingleAsync(t => t.TokenHash == ApiTokens.Hash(expiring));
            row.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        before = await app.CountsAsync();
        using (var expired = await ApiClient.WithToken(app, expiring).PostJsonAsync("/api/v1/subjects", await NewSubjectAsync(Unique("Hết hạn"))))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        }

        using (var made = await ApiClient.WithToken(app, "ocop_" + new string('x', 43)).GetAsync("/api/v1/subjects"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, made.StatusCode);
        }

        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task A_signed_in_browser_reads_the_API_but_cannot_write_through_it()
    {
        var browser = await app.As(Demo.ProgramOffice);
        using (var read = await browser.GetAsync("/api/v1/subjects?pageSize=1"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        var before = await app.CountsAsync();
        using var write = await browser.PostJsonAsync("/api/v1/subjects", await NewSubjectAsync(Unique("Qua cookie")));
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task Lists_link_their_pages_and_the_OpenAPI_document_declares_the_token_scheme()
    {
        var api = ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(await app.As(Demo.ProgramOffice)));
        using var page = await api.GetAsync("/api/v1/products?pageSize=2&page=2&sort=name");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var links = string.Join(",", page.Headers.GetValues("Link"));
        Assert.Contains("</api/v1/products?pageSize=2&sort=name&page=1>; rel=\"first\"", links, StringComparison.Ordinal);
        Assert.Contains("</api/v1/products?pageSize=2&sort=name&page=1>; rel=\"prev\"", links, StringComparison.Ordinal);
        Assert.Contains("</api/v1/products?pageSize=2&sort=name&page=3>; rel=\"next\"", links, StringComparison.Ordinal);
        Assert.Contains("rel=\"last\"", links, StringComparison.Ordinal);

        using var openApi = await app.NewClient().GetAsync("/openapi/v1.json");
        using var doc = JsonDocument.Parse(await openApi.Content.ReadAsStringAsync());
        var scheme = doc.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiToken");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        Assert.True(doc.RootElement.GetProperty("paths").GetProperty("/api/v1/subjects/{id}").TryGetProperty("put", out _));
    }

    [Fact]
    public async Task Bad_input_is_a_problem_with_field_errors_never_a_500()
    {
        var api = ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(await app.As(Demo.ChauThanhOfficer)));
        var before = await app.CountsAsync();
        var bad = await NewSubjectAsync("Tên có ký tự \u202E lạ");
        bad.WorkersLocal = 50;
        bad.TaxCode = "12";
        using var response = await api.PostJsonAsync("/api/v1/subjects", bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.FieldErrorsAsync();
        Assert.Equal(["name", "taxCode", "workersLocal"], errors.Keys.Order(StringComparer.Ordinal));

        using var notJson = await api.PostAsync("/api/v1/subjects", new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        using var badTag = await api.PutJsonAsync($"/api/v1/subjects/{await app.SubjectIdAsync(Demo.BaNam)}", bad, "abc");
        Assert.Equal(HttpStatusCode.BadRequest, badTag.StatusCode);
        Assert.Equal(before, await app.CountsAsync());
    }
}

/// <summary>Rate limits per token: past its limit a token gets 429 with Retry-After, another token is not held back.</summary>
public class ApiRateLimitTests : IAsyncLifetime
{
    private readonly LimitedAppFixture app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task A_token_past_its_requests_per_minute_gets_429_and_another_token_still_works()
    {
        var person = await app.As(Demo.ProgramOffice);
        var first = ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(person, "Một"));
        var second = ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(person, "Hai"));
        var subject = await app.SubjectIdAsync(Demo.BaNam);
        for (var i = 0; i < LimitedAppFixture.PerMinute; i++)
        {
            using var ok = await first.PutJsonAsync($"/api/v1/subjects/{subject}", new SaveSubject.Command(), "\"999\"");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, ok.StatusCode);
        }

        using var limited = await first.PutJsonAsync($"/api/v1/subjects/{subject}", new SaveSubject.Command(), "\"999\"");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
        using var other = await second.PutJsonAsync($"/api/v1/subjects/{subject}", new SaveSubject.Command(), "\"999\"");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    private sealed class LimitedAppFixture : AppFixture
    {
        public const int PerMinute = 3;

        protected override void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
            builder.UseSetting("Ocop:Api:RequestsPerMinute", PerMinute.ToString(CultureInfo.InvariantCulture));
    }
}
