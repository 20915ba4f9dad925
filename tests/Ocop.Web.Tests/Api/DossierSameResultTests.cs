using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Dossiers;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Api;

/// <summary>
/// Each dossier use case from the dossier pages and from the API: the same record, the same audit under the same user,
/// the same refusal with the same message, the same answer to a stale version.
/// </summary>
public class DossierSameResultTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<(HttpClient Page, HttpClient Api, int Product)> ClientsAsync()
    {
        var page = await app.As(Demo.ChauThanhOfficer);
        var api = ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(page));
        return (page, api, await app.ProductIdAsync(Demo.BanhTetLaCam));
    }

    private static async Task<int> OpenAsync(HttpClient api, int product, int year)
    {
        using var opened = await DossierClient.OpenThroughApiAsync(api, product, year, DossierVariant.FirstEvaluation);
        await DossierClient.AssertStatusAsync(HttpStatusCode.Created, opened, "Open");
        return (await opened.ReadAsync<DossierDetail>()).Id;
    }

    [Fact]
    public async Task OpenDossier_from_the_form_and_the_API_opens_alike_and_refuses_a_second_dossier_of_the_year_alike()
    {
        var (page, api, product) = await ClientsAsync();

        using var viaPage = await DossierClient.OpenOnPageAsync(page, product, 2060, DossierVariant.FirstEvaluation, "Sản phẩm chủ lực của xã.");
        await DossierClient.AssertStatusAsync(HttpStatusCode.Redirect, viaPage, "The form");
        var fromPage = await app.DossierAsync(Html.IdFromLocation(viaPage, "/Dossiers/Details/"));
        using var viaApi = await DossierClient.OpenThroughApiAsync(api, product, 2061, DossierVariant.FirstEvaluation, "Sản phẩm chủ lực của xã.");
        await DossierClient.AssertStatusAsync(HttpStatusCode.Created, viaApi, "The API");
        var created = await viaApi.ReadAsync<DossierDetail>();
        Assert.Equal($"/api/v1/dossiers/{created.Id}", viaApi.Headers.Location?.OriginalString);
        Assert.Equal("\"0\"", viaApi.Headers.ETag?.Tag);
        var fromApi = await app.DossierAsync(created.Id);
        Assert.Equal(
            (fromPage.ProductId, fromPage.Variant, fromPage.State, fromPage.Notes, fromPage.Version, fromPage.CopiedFromId),
            (fromApi.ProductId, fromApi.Variant, fromApi.State, fromApi.Notes, fromApi.Version, fromApi.CopiedFromId));
        var (pageAudit, apiAudit) = (Assert.Single(await app.AuditAsync(nameof(Dossier), fromPage.Id)), Assert.Single(await app.AuditAsync(nameof(Dossier), fromApi.Id)));
        Assert.Equal((AuditAction.Created, Demo.ChauThanhOfficer), (pageAudit.Action, pageAudit.UserName));
        Assert.Equal((pageAudit.Action, pageAudit.UserName, pageAudit.UserId), (apiAudit.Action, apiAudit.UserName, apiAudit.UserId));

        // A second dossier of 2060 while the first is on its way: the same message under the year, nothing written.
        var before = await app.QueryAsync(db => db.Dossiers.CountAsync());
        using var pageDuplicate = await DossierClient.OpenOnPageAsync(page, product, 2060, DossierVariant.Upgrade);
        Assert.Equal(HttpStatusCode.OK, pageDuplicate.StatusCode);
        var pageMessage = Html.FieldErrors(await pageDuplicate.Content.ReadAsStringAsync())["Input.Year"];
        using var apiDuplicate = await DossierClient.OpenThroughApiAsync(api, product, 2060, DossierVariant.Upgrade);
        Assert.Equal(HttpStatusCode.BadRequest, apiDuplicate.StatusCode);
        Assert.Equal("application/problem+json", apiDuplicate.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pageMessage, Assert.Single((await apiDuplicate.FieldErrorsAsync())["year"]));
        Assert.Contains("đã có hồ sơ năm này", pageMessage, StringComparison.Ordinal);

        // A year out of range, and no variant: the same messages.
        var pageErrors = Html.FieldErrors(await (await page.PostFormAsync((await page.GetFormAsync($"/Dossiers/Create/{product}"))
            .Set("Input.Year", "1990").Set("Input.Variant", ""))).Content.ReadAsStringAsync());
        using var apiInvalid = await api.PostJsonAsync("/api/v1/dossiers", new OpenDossier.Command { ProductId = product, Year = 1990 });
        var apiErrors = await apiInvalid.FieldErrorsAsync();
        Assert.Equal((pageErrors["Input.Year"], pageErrors["Input.Variant"]), (Assert.Single(apiErrors["year"]), Assert.Single(apiErrors["variant"])));
        Assert.Equal(before, await app.QueryAsync(db => db.Dossiers.CountAsync()));
    }

    [Fact]
    public async Task ChangeDossier_notes_from_the_page_and_the_API_change_alike_and_refuse_a_stale_version_alike()
    {
        var (page, api, product) = await ClientsAsync();
        var (a, b) = (await OpenAsync(api, product, 2062), await OpenAsync(api, product, 2063));

        using (var viaPage = await DossierClient.PostOnPageAsync(page, a, "Notes", ("notes", "  Bổ sung phiếu kiểm nghiệm.  ")))
        {
            await DossierClient.AssertStatusAsync(HttpStatusCode.Redirect, viaPage, "The notes form");
        }

        using (var viaApi = await DossierClient.ChangeThroughApiAsync(api, b, "notes", 0, new DossierNotes("  Bổ sung phiếu kiểm nghiệm.  ")))
        {
            await DossierClient.AssertStatusAsync(HttpStatusCode.OK, viaApi, "PUT notes");
            Assert.Equal("\"1\"", viaApi.Headers.ETag?.Tag);
            Assert.Equal("Bổ sung phiếu kiểm nghiệm.", (await viaApi.ReadAsync<DossierDetail>()).Notes);
        }

        var (fromPage, fromApi) = (await app.DossierAsync(a), await app.DossierAsync(b));
        Assert.Equal((fromPage.Notes, fromPage.Version), (fromApi.Notes, fromApi.Version));
        var (pageAudit, apiAudit) = ((await app.AuditAsync(nameof(Dossier), a))[^1], (await app.AuditAsync(nameof(Dossier), b))[^1]);
        Assert.Equal((AuditAction.Updated, Demo.ChauThanhOfficer, new FieldChange("Notes", null, "Bổ sung phiếu kiểm nghiệm.")),
            (pageAudit.Action, pageAudit.UserName, pageAudit.Change("Notes")));
        Assert.Equal((pageAudit.Action, pageAudit.UserName, pageAudit.Change("Notes")), (apiAudit.Action, apiAudit.UserName, apiAudit.Change("Notes")));

        // Too long: the same message under "notes".
        var tooLong = new string('x', 4001);
        var pageErrors = Html.FieldErrors(await (await DossierClient.PostOnPageAsync(page, a, "Notes", ("notes", tooLong))).Content.ReadAsStringAsync());
        using var apiTooLong = await DossierClient.ChangeThroughApiAsync(api, b, "notes", 1, new DossierNotes(tooLong));
        Assert.Equal(HttpStatusCode.BadRequest, apiTooLong.StatusCode);
        Assert.Equal(pageErrors["notes"], Assert.Single((await apiTooLong.FieldErrorsAsync())["notes"]));

        // From an old version: the page says so, the API answers 412; without If-Match 428. Neither writes.
        var stalePage = Html.SummaryErrors(await (await DossierClient.PostOnPageAsync(page, a, "Notes", ("notes", "Cũ"), ("version", "0"))).Content.ReadAsStringAsync());
        Assert.Contains(ChangeDossier.StaleMessage, stalePage);
        using var staleApi = await DossierClient.ChangeThroughApiAsync(api, b, "notes", 0, new DossierNotes("Cũ"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleApi.StatusCode);
        Assert.Equal(ChangeDossier.StaleMessage, (await staleApi.ReadAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>()).Title);
        using var missing = await DossierClient.ChangeThroughApiAsync(api, b, "notes", null, new DossierNotes("Cũ"));
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Equal(("Bổ sung phiếu kiểm nghiệm.", 1), ((await app.DossierAsync(a)).Notes, (await app.DossierAsync(a)).Version));
        Assert.Equal(("Bổ sung phiếu kiểm nghiệm.", 1), ((await app.DossierAsync(b)).Notes, (await app.DossierAsync(b)).Version));
    }

    [Fact]
    public async Task AddDossierDocument_from_the_page_and_the_API_stores_alike_refuses_a_renamed_file_alike_and_removes_alike()
    {
        var (page, api, product) = await ClientsAsync();
        var (a, b) = (await OpenAsync(api, product, 2064), await OpenAsync(api, product, 2065));
        var item = (await app.RequiredItemsAsync(a))[0];

        using (var viaPage = await DossierClient.UploadOnPageAsync(page, a, item.Id, "phieu-dang-ky.pdf", DossierClient.Pdf))
        {
            await DossierClient.AssertStatusAsync(HttpStatusCode.Redirect, viaPage, "The upload form");
        }

        using var viaApi = await DossierClient.UploadThroughApiAsync(api, b, item.Id, "phieu-dang-ky.pdf", DossierClient.Pdf);
        await DossierClient.AssertStatusAsync(HttpStatusCode.Created, viaApi, "POST documents");
        var file = await viaApi.ReadAsync<DossierFile>();
        Assert.Equal($"/api/v1/dossiers/{b}/documents/{file.Id}", viaApi.Headers.Location?.OriginalString);
        Assert.Equal(file.Url, viaApi.Headers.Location?.OriginalString);
        Assert.Equal(DossierClient.Pdf, await api.GetByteArrayAsync(file.Url));
        var (fromPage, fromApi) = await app.QueryAsync(async db => (
            await db.DossierDocuments.AsNoTracking().SingleAsync(f => f.DossierId == a), await db.DossierDocuments.AsNoTracking().SingleAsync(f => f.DossierId == b)));
        Assert.Equal(file.Id, fromApi.Id);
        Assert.Equal((fromPage.ChecklistItemId, fromPage.ContentType, fromPage.SizeBytes, fromPage.OriginalName, fromPage.IsArchived),
            (fromApi.ChecklistItemId, fromApi.ContentType, fromApi.SizeBytes, fromApi.OriginalName, fromApi.IsArchived));
        Assert.Equal(("application/pdf", "phieu-dang-ky.pdf"), (fromApi.ContentType, fromApi.OriginalName));
        var (pageAudit, apiAudit) = (Assert.Single(await app.AuditAsync(nameof(DossierDocument), fromPage.Id)), Assert.Single(await app.AuditAsync(nameof(DossierDocument), fromApi.Id)));
        Assert.Equal((AuditAction.Created, Demo.ChauThanhOfficer), (apiAudit.Action, apiAudit.UserName));
        Assert.Equal((pageAudit.Action, pageAudit.UserName), (apiAudit.Action, apiAudit.UserName));

        // A text file named .pdf: the same message under "file", nothing stored by either.
        var stored = await app.StoredAsync();
        using var pageRefusal = await DossierClient.UploadOnPageAsync(page, a, item.Id, "gia-mao.pdf", DossierClient.NotPdf);
        Assert.Equal(HttpStatusCode.OK, pageRefusal.StatusCode);
        var pageMessage = Html.FieldErrors(await pageRefusal.Content.ReadAsStringAsync())["file"];
        using var apiRefusal = await DossierClient.UploadThroughApiAsync(api, b, item.Id, "gia-mao.pdf", DossierClient.NotPdf);
        Assert.Equal(HttpStatusCode.BadRequest, apiRefusal.StatusCode);
        Assert.Equal(pageMessage, Assert.Single((await apiRefusal.FieldErrorsAsync())["file"]));
        Assert.Contains("không phải PDF", pageMessage, StringComparison.Ordinal);

        // No item, or no file: the page's messages.
        using var apiNoItem = await DossierClient.UploadThroughApiAsync(api, b, null, "phieu.pdf", DossierClient.Pdf);
        Assert.Equal(["Chọn giấy tờ trong danh mục."], Assert.Single(await apiNoItem.FieldErrorsAsync()).Value);
        using var apiNoFile = await DossierClient.UploadThroughApiAsync(api, b, item.Id, "", null);
        Assert.Equal(("file", "Chọn một tệp."), ((await apiNoFile.FieldErrorsAsync()).Single().Key, (await apiNoFile.FieldErrorsAsync()).Single().Value.Single()));
        Assert.Equal(stored, await app.StoredAsync());

        // Taken off by both: archived, still stored; a second removal finds nothing.
        using (var pageRemove = await page.PostWithTokenAsync($"/Dossiers/Details/{a}?handler=ArchiveDocument&documentId={fromPage.Id}"))
        {
            await DossierClient.AssertStatusAsync(HttpStatusCode.Redirect, pageRemove, "The remove button");
        }

        using (var apiRemove = await api.PostAsync($"/api/v1/dossiers/{b}/documents/{fromApi.Id}/archive", null))
        {
            await DossierClient.AssertStatusAsync(HttpStatusCode.NoContent, apiRemove, "POST archive");
        }

        using (var again = await api.PostAsync($"/api/v1/dossiers/{b}/documents/{fromApi.Id}/archive", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }

        var archived = await app.QueryAsync(db => db.DossierDocuments.Where(f => f.Id == fromPage.Id || f.Id == fromApi.Id).Select(f => f.IsArchived).ToListAsync());
        Assert.Equal([true, true], archived);
        var removals = ((await app.AuditAsync(nameof(DossierDocument), fromPage.Id))[^1], (await app.AuditAsync(nameof(DossierDocument), fromApi.Id))[^1]);
        Assert.Equal(removals.Item1.Change("IsArchived"), removals.Item2.Change("IsArchived"));
        Assert.Equal(stored, await app.StoredAsync());
    }

    [Fact]
    public async Task Submit_return_and_accept_from_the_page_and_the_API_move_the_dossier_alike_and_refuse_alike()
    {
        var (page, api, product) = await ClientsAsync();
        var (a, b) = (await OpenAsync(api, product, 2066), await OpenAsync(api, product, 2067));
        var required = await app.RequiredItemsAsync(a);
        async Task<int> VersionAsync(int id) => (await app.DossierAsync(id)).Version;

        // Incomplete: the same message; the API lists what is missing.
        var pageRefusal = Html.SummaryErrors(await (await DossierClient.PostOnPageAsync(page, a, "Submit")).Content.ReadAsStringAsync());
        using var apiRefusal = await DossierClient.ChangeThroughApiAsync(api, b, "submit", 0);
        Assert.Equal(HttpStatusCode.BadRequest, apiRefusal.StatusCode);
        var apiErrors = await apiRefusal.FieldErrorsAsync();
        Assert.Equal($"Chưa nộp được: còn thiếu {required.Count} giấy tờ bắt buộc.", Assert.Single(pageRefusal));
        Assert.Equal(pageRefusal, apiErrors[""]);
        Assert.Equal(required.Select(i => i.Title), apiErrors[ChangeDossier.MissingField]);
        Assert.Equal((DossierState.Draft, DossierState.Draft), ((await app.DossierAsync(a)).State, (await app.DossierAsync(b)).State));

        foreach (var id in new[] { a, b })
        {
            foreach (var item in required)
            {
                using var upload = await DossierClient.UploadThroughApiAsync(api, id, item.Id, "giay-to.pdf", DossierClient.Pdf);
                await DossierClient.AssertStatusAsync(HttpStatusCode.Created, upload, "Upload");
            }
        }

        using (var viaPage = await DossierClient.PostOnPageAsync(page, a, "Submit"))
        {
            await DossierClient.AssertStatusAsync(HttpStatusCode.Redirect, viaPage, "The submit form");
        }

        using (var viaApi = await DossierClient.ChangeThroughApiAsync(api, b, "submit", await VersionAsync(b)))
        {
            await DossierClient.AssertStatusAsync(HttpStatusCode.OK, viaApi, "POST submit");
            Assert.Equal(DossierState.Submitted, (await viaApi.ReadAsync<DossierDetail>()).State);
        }

        // A return needs a reason: the same message under "reason".
        var pageNoReason = Html.FieldErrors(await (await DossierClient.PostOnPageAsync(page, a, "Return", ("reason", "  "))).Content.ReadAsStringAsync());
        using var apiNoReason = await DossierClient.ChangeThroughApiAsync(api, b, "return", await VersionAsync(b), new DossierReturn("  "));
        Assert.Equal(HttpStatusCode.BadRequest, apiNoReason.StatusCode);
        Assert.Equal(pageNoReason["reason"], Assert.Single((await apiNoReason.FieldErrorsAsync())["reason"]));

        const string Reason = "Phiếu kiểm nghiệm đã hết hạn, bổ sung phiếu mới.";
        using (var viaPage = await DossierClient.PostOnPageAsync(page, a, "Return", ("reason", Reason)))
        {
            await DossierClient.AssertStatusAsync(HttpStatusCode.Redirect, viaPage, "The return form");
        }

        using (var viaApi = await DossierClient.ChangeThroughApiAsync(api, b, "return", await VersionAsync(b), new DossierReturn(Reason)))
        {
            await DossierClient.AssertStatusAsync(HttpStatusCode.OK, viaApi, "POST return");
        }

        using (var viaPage = await DossierClient.PostOnPageAsync(page, a, "Submit"))
        {
            await DossierClient.AssertStatusAsync(HttpStatusCode.Redirect, viaPage, "The submit form again");
        }

        using (var viaApi = await DossierClient.ChangeThroughApiAsync(api, b, "submit", await VersionAsync(b)))
        {
            await DossierClient.AssertStatusAsync(HttpStatusCode.OK, viaApi, "POST submit again");
        }

        using (var viaPage = await DossierClient.PostOnPageAsync(page, a, "Accept"))
        {
            await DossierClient.AssertStatusAsync(HttpStatusCode.Redirect, viaPage, "The accept form");
        }

        using (var viaApi = await DossierClient.ChangeThroughApiAsync(api, b, "accept", await VersionAsync(b)))
        {
            await DossierClient.AssertStatusAsync(HttpStatusCode.OK, viaApi, "POST accept");
        }

        var (fromPage, fromApi) = (await app.DossierAsync(a), await app.DossierAsync(b));
        Assert.Equal((DossierState.Accepted, Reason), (fromPage.State, fromPage.ReturnReason));
        Assert.Equal((fromPage.State, fromPage.ReturnReason, fromPage.Version, fromPage.AcceptedAt is null, fromPage.SubmittedAt is null),
            (fromApi.State, fromApi.ReturnReason, fromApi.Version, fromApi.AcceptedAt is null, fromApi.SubmittedAt is null));
        var (pageTrail, apiTrail) = (await app.AuditAsync(nameof(Dossier), a), await app.AuditAsync(nameof(Dossier), b));
        Assert.Equal(pageTrail.Select(e => (e.Action, e.UserName, e.Changes.Find(c => c.Field == "State"))),
            apiTrail.Select(e => (e.Action, e.UserName, e.Changes.Find(c => c.Field == "State"))));
        Assert.Equal(new FieldChange("State", nameof(DossierState.Submitted), nameof(DossierState.Accepted)), apiTrail[^1].Change("State"));

        // Accepted: a second acceptance is refused by both (403), and nothing moves.
        using (var pageAgain = await page.PostWithTokenAsync($"/Dossiers/Details/{a}?handler=Accept", ("version", Id(fromPage.Version))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, pageAgain.StatusCode);
        }

        using var apiAgain = await DossierClient.ChangeThroughApiAsync(api, b, "accept", fromApi.Version);
        Assert.Equal(HttpStatusCode.Forbidden, apiAgain.StatusCode);
        Assert.Equal("Chỉ kiểm tra (tiếp nhận, trả lại) được hồ sơ đã nộp.", (await apiAgain.ReadAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>()).Title);
        Assert.Equal((fromPage.Version, fromApi.Version), (await VersionAsync(a), await VersionAsync(b)));
    }
}
