using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Dossiers;
using Ocop.Web.Shared;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Api;

/// <summary>
/// The dossier API: lists with paging links and place filters, one dossier with its checklist and ETag, files uploaded
/// with the page's checks, and a token that acts with its user's rights only.
/// </summary>
public class DossierApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_token_lists_its_dossiers_with_paging_links_and_place_filters_and_reads_one_with_its_checklist()
    {
        var api = ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(await app.As(Demo.ChauThanhOfficer)));
        var product = await app.ProductIdAsync(Demo.BanhTetNhanChuoi);
        var ids = new List<int>();
        foreach (var year in new[] { 2070, 2071, 2072 })
        {
            using var opened = await DossierClient.OpenThroughApiAsync(api, product, year, DossierVariant.FirstEvaluation);
            await DossierClient.AssertStatusAsync(HttpStatusCode.Created, opened, "Open");
            ids.Add((await opened.ReadAsync<DossierDetail>()).Id);
        }

        using var first = await api.GetAsync($"/api/v1/dossiers?product={product}&pageSize=2");
        await DossierClient.AssertStatusAsync(HttpStatusCode.OK, first, "The list");
        var page = await first.ReadAsync<ApiPage<DossierRow>>();
        Assert.Equal((3, 2), (page.Total, page.Items.Count));
        Assert.Equal([ids[2], ids[1]], page.Items.Select(r => r.Id));   // newest year first
        Assert.Equal("3", first.Headers.GetValues("X-Total-Count").Single());
        var links = string.Join(",", first.Headers.GetValues("Link"));
        Assert.Contains($"</api/v1/dossiers?product={product}&pageSize=2&page=2>; rel=\"next\"", links, StringComparison.Ordinal);
        Assert.Contains($"</api/v1/dossiers?product={product}&pageSize=2&page=2>; rel=\"last\"", links, StringComparison.Ordinal);

        // Today's commune (Châu Thành) covers Đa Lộc's records; Hòa Minh does not; an unknown code is a problem.
        var inChauThanh = await api.GetFromJsonAsync<ApiPage<DossierRow>>($"/api/v1/dossiers?product={product}&unit={Demo.ChauThanhCommune}&year=2071", ApiClient.Json);
        Assert.Equal([ids[1]], inChauThanh!.Items.Select(r => r.Id));
        var inHoaMinh = await api.GetFromJsonAsync<ApiPage<DossierRow>>($"/api/v1/dossiers?product={product}&unit={Demo.HoaMinh}", ApiClient.Json);
        Assert.Equal(0, inHoaMinh!.Total);
        using var badUnit = await api.GetAsync("/api/v1/dossiers?unit=99999");
        Assert.Equal(HttpStatusCode.BadRequest, badUnit.StatusCode);
        Assert.Equal("application/problem+json", badUnit.Content.Headers.ContentType?.MediaType);

        using var one = await api.GetAsync($"/api/v1/dossiers/{ids[0]}");
        Assert.Equal("\"0\"", one.Headers.ETag?.Tag);
        var detail = await one.ReadAsync<DossierDetail>();
        var required = await app.RequiredItemsAsync(ids[0]);
        Assert.Equal((Demo.BanhTetNhanChuoi, 2070, DossierState.Draft), (detail.ProductName, detail.Year, detail.State));
        Assert.Equal(required.Select(i => i.Title), detail.Completeness.Missing);
        Assert.Equal(required.Select(i => i.Id), detail.Items.Where(i => i.Required).Select(i => i.Id));
        Assert.False(detail.Completeness.IsComplete);
    }

    [Fact]
    public async Task A_commune_officers_token_cannot_write_another_communes_dossier()
    {
        var owner = ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(await app.As(Demo.ChauThanhOfficer)));
        var product = await app.ProductIdAsync(Demo.BanhTetLaCam);   // Đa Lộc, under Châu Thành
        using var opened = await DossierClient.OpenThroughApiAsync(owner, product, 2073, DossierVariant.FirstEvaluation);
        var id = (await opened.ReadAsync<DossierDetail>()).Id;
        var item = (await app.RequiredItemsAsync(id))[0].Id;
        using var uploaded = await DossierClient.UploadThroughApiAsync(owner, id, item, "dang-ky.pdf", DossierClient.Pdf);
        var document = (await uploaded.ReadAsync<DossierFile>()).Id;

        var outsider = ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(await app.As(Demo.HoaMinhOfficer)));
        var leader = ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(await app.As(Demo.Leader)));
        var dossiers = await app.QueryAsync(db => db.Dossiers.CountAsync());
        var stored = await app.StoredAsync();
        var audit = await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action < AuditAction.SignedIn));

        using (var create = await DossierClient.OpenThroughApiAsync(outsider, product, 2074, DossierVariant.FirstEvaluation))
        {
            Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        }

        foreach (var (step, body) in new (string, object?)[] { ("notes", new DossierNotes("Sửa hộ")), ("submit", null), ("return", new DossierReturn("Trả lại")), ("accept", null) })
        {
            using var change = await DossierClient.ChangeThroughApiAsync(outsider, id, step, 0, body);
            Assert.True(change.StatusCode == HttpStatusCode.NotFound, $"{step}: {(int)change.StatusCode}");
        }

        using (var upload = await DossierClient.UploadThroughApiAsync(outsider, id, item, "x.pdf", DossierClient.Pdf))
        {
            Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        }

        using (var remove = await outsider.PostAsync($"/api/v1/dossiers/{id}/documents/{document}/archive", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/dossiers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/dossiers/{id}/documents/{document}")).StatusCode);
        Assert.DoesNotContain(id, (await outsider.GetFromJsonAsync<ApiPage<DossierRow>>("/api/v1/dossiers?pageSize=100", ApiClient.Json))!.Items.Select(r => r.Id));

        // A reader (the leader) sees it but may not change it: 403 with the reason.
        using (var notes = await DossierClient.ChangeThroughApiAsync(leader, id, "notes", 0, new DossierNotes("Sửa hộ")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notes.StatusCode);
            Assert.Equal("Bạn không được sửa hồ sơ này.", (await notes.ReadAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>()).Title);
        }

        Assert.Equal(dossiers, await app.QueryAsync(db => db.Dossiers.CountAsync()));
        Assert.Equal(stored, await app.StoredAsync());
        Assert.Equal(audit, await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action < AuditAction.SignedIn)));
        var unchanged = await app.DossierAsync(id);
        Assert.Equal((0, null, DossierState.Draft), (unchanged.Version, unchanged.Notes, unchanged.State));
    }

    [Fact]
    public async Task Writes_need_a_token_and_If_Match_and_an_oversized_file_is_refused_with_the_limit()
    {
        var person = await app.As(Demo.ChauThanhOfficer);
        var product = await app.ProductIdAsync(Demo.BanhTetLaCam);
        var before = await app.QueryAsync(db => db.Dossiers.CountAsync());

        // The browser's cookie reads but never writes through the API.
        using (var byCookie = await DossierClient.OpenThroughApiAsync(person, product, 2075, DossierVariant.FirstEvaluation))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, byCookie.StatusCode);
        }

        Assert.Equal(before, await app.QueryAsync(db => db.Dossiers.CountAsync()));
        var api = ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(person));
        using var opened = await DossierClient.OpenThroughApiAsync(api, product, 2075, DossierVariant.FirstEvaluation);
        var id = (await opened.ReadAsync<DossierDetail>()).Id;
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync($"/api/v1/dossiers/{id}")).StatusCode);

        using (var noTag = await DossierClient.ChangeThroughApiAsync(api, id, "submit", null))
        {
            Assert.Equal((HttpStatusCode)428, noTag.StatusCode);
        }

        var stored = await app.StoredAsync();
        var item = (await app.RequiredItemsAsync(id))[0].Id;
        var oversized = new byte[(int)DocumentStore.MaxBytes + 1];
        DossierClient.Pdf.CopyTo(oversized, 0);
        using var tooLarge = await DossierClient.UploadThroughApiAsync(api, id, item, "qua-lon.pdf", oversized);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains("mỗi tệp tối đa 20 MB", Assert.Single((await tooLarge.FieldErrorsAsync())["file"]), StringComparison.Ordinal);
        Assert.Equal(stored, await app.StoredAsync());

        using var notJson = await api.PostAsync("/api/v1/dossiers", new StringContent("{\"year\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_dossier_writes()
    {
        using var openApi = await app.NewClient().GetAsync("/openapi/v1.json");
        using var doc = System.Text.Json.JsonDocument.Parse(await openApi.Content.ReadAsStringAsync());
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/dossiers").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/dossiers/{id}").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/dossiers/{id}/documents").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/dossiers/{id}/submit").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/support/records").TryGetProperty("get", out _));
    }
}
