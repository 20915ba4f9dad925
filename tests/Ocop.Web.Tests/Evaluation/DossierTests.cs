using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Dossiers;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Evaluation;

/// <summary>
/// A dossier is prepared, checked for completeness, submitted, returned with reasons, resubmitted and accepted through
/// the real pages; uploads are checked by content and size; nobody reaches another commune's or producer's dossier.
/// </summary>
public class DossierTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    [Fact]
    public async Task A_dossier_goes_from_draft_to_accepted_and_cannot_be_submitted_while_incomplete()
    {
        var producer = await app.As(Demo.Producer);
        var product = await app.ProductIdAsync(Demo.GaoLongHoa);
        var id = await CreateAsync(producer, product, 2040, DossierVariant.FirstEvaluation);
        var required = await RequiredItemsAsync(id);
        Assert.NotEmpty(required);

        // Submitting an empty dossier is refused, and the page lists what is missing.
        using (var refused = await PostAsync(producer, id, "Submit"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = Html.Text(await refused.Content.ReadAsStringAsync());
            Assert.Contains($"Chưa nộp được: còn thiếu {required.Count} giấy tờ bắt buộc.", page, StringComparison.Ordinal);
            Assert.Contains(required[0].Title, page, StringComparison.Ordinal);
            Assert.Contains($"0/{required.Count} giấy tờ bắt buộc", page, StringComparison.Ordinal);
        }

        Assert.Equal(DossierState.Draft, (await DossierAsync(id)).State);

        foreach (var item in required)
        {
            await UploadOkAsync(producer, id, item.Id, "giay-to.pdf", Pdf);
        }

        var complete = Html.Text(await producer.GetPageAsync($"/Dossiers/Details/{id}"));
        Assert.Contains($"{required.Count}/{required.Count} giấy tờ bắt buộc", complete, StringComparison.Ordinal);
        Assert.Contains("Đã đủ giấy tờ bắt buộc.", complete, StringComparison.Ordinal);

        using (var submitted = await PostAsync(producer, id, "Submit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        var afterSubmit = await DossierAsync(id);
        Assert.Equal(DossierState.Submitted, afterSubmit.State);
        Assert.NotNull(afterSubmit.SubmittedAt);

        // Once submitted the producer can neither change it nor accept it.
        using (var upload = await UploadAsync(producer, id, required[0].Id, "them.pdf", Pdf))
        {
            Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        }

        using (var accept = await producer.PostWithTokenAsync($"/Dossiers/Details/{id}?handler=Accept", ("version", afterSubmit.Version.ToString(CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
        }

        // The office returns it; a reason is required.
        var office = await app.As(Demo.ProgramOffice);
        using (var noReason = await PostAsync(office, id, "Return", ("reason", "  ")))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            Assert.Contains("Nhập lý do trả lại", Html.FieldErrors(await noReason.Content.ReadAsStringAsync())["reason"], StringComparison.Ordinal);
        }

        Assert.Equal(DossierState.Submitted, (await DossierAsync(id)).State);
        using (var returned = await PostAsync(office, id, "Return", ("reason", "Phiếu kiểm nghiệm đã hết hạn, bổ sung phiếu mới.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        }

        var afterReturn = await DossierAsync(id);
        Assert.Equal((DossierState.Returned, "Phiếu kiểm nghiệm đã hết hạn, bổ sung phiếu mới."), (afterReturn.State, afterReturn.ReturnReason));
        Assert.Contains("Phiếu kiểm nghiệm đã hết hạn", Html.Text(await producer.GetPageAsync($"/Dossiers/Details/{id}")), StringComparison.Ordinal);

        // Returned: the producer adds a file and resubmits; the office accepts.
        await UploadOkAsync(producer, id, required[^1].Id, "kiem-nghiem-moi.pdf", Pdf);
        using (var resubmitted = await PostAsync(producer, id, "Submit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        }

        Assert.Equal(DossierState.Submitted, (await DossierAsync(id)).State);
        using (var accepted = await PostAsync(office, id, "Accept"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        Assert.Equal(DossierState.Accepted, (await DossierAsync(id)).State);

        // Every transition is in the audit trail and in the page's history.
        var states = (await app.AuditAsync(nameof(Dossier), id)).SelectMany(a => a.Changes).Where(c => c.Field == "State").Select(c => c.New).ToList();
        Assert.Equal(["Draft", "Submitted", "Returned", "Submitted", "Accepted"], states);
        var history = Html.Text(await office.GetPageAsync($"/Dossiers/Details/{id}"));
        Assert.Contains("Trạng thái: Đã nộp → Trả lại để bổ sung", history, StringComparison.Ordinal);
        Assert.Contains("Trạng thái: Đã nộp → Đã tiếp nhận", history, StringComparison.Ordinal);

        // Accepted is final for this page: nothing more to submit or return.
        using var again = await office.PostWithTokenAsync($"/Dossiers/Details/{id}?handler=Return", ("version", (await DossierAsync(id)).Version.ToString(CultureInfo.InvariantCulture)), ("reason", "Thử lại"));
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
    }

    [Fact]
    public async Task A_file_renamed_to_pdf_is_refused_and_nothing_is_stored()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var id = await CreateAsync(officer, await app.ProductIdAsync(Demo.BanhTetNhanChuoi), 2041, DossierVariant.FirstEvaluation);
        var item = (await RequiredItemsAsync(id))[0].Id;
        var (rows, files) = await StoredAsync();

        foreach (var (name, bytes) in new[]
        {
            ("phieu-dang-ky.pdf", Encoding.UTF8.GetBytes("<html><body>Không phải PDF</body></html>")),
            ("bao-cao.docx", ZipWith("readme.txt")),
            ("anh.pdf", [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00]),
        })
        {
            using var response = await UploadAsync(officer, id, item, name, bytes, "application/pdf");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Nội dung tệp không phải PDF", Html.FieldErrors(await response.Content.ReadAsStringAsync())["file"], StringComparison.Ordinal);
        }

        Assert.Equal((rows, files), await StoredAsync());

        // The real thing, whatever its name, is accepted and typed by its content.
        await UploadOkAsync(officer, id, item, "phuong-an.docx", ZipWith("[Content_Types].xml", "word/document.xml"));
        await UploadOkAsync(officer, id, item, "so-lieu", ZipWith("[Content_Types].xml", "xl/workbook.xml"));
        var types = await app.QueryAsync(db => db.DossierDocuments.Where(f => f.DossierId == id).OrderBy(f => f.Id).Select(f => f.ContentType).ToListAsync());
        Assert.Equal(["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"], types);
    }

    [Fact]
    public async Task An_oversized_file_is_refused_with_the_limit_in_the_message()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var id = await CreateAsync(officer, await app.ProductIdAsync(Demo.BanhTetMyChanh), 2042, DossierVariant.FirstEvaluation);
        var item = (await RequiredItemsAsync(id))[0].Id;
        var (rows, files) = await StoredAsync();
        var big = new byte[(20 * 1024 * 1024) + 1];
        Pdf.CopyTo(big, 0);

        using var response = await UploadAsync(officer, id, item, "ho-so-scan.pdf", big);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("mỗi tệp tối đa 20 MB", Html.FieldErrors(await response.Content.ReadAsStringAsync())["file"], StringComparison.Ordinal);
        Assert.Equal((rows, files), await StoredAsync());
    }

    [Fact]
    public async Task Another_communes_officer_and_another_producer_cannot_reach_a_dossier()
    {
        var owner = await app.As(Demo.ChauThanhOfficer);
        var product = await app.ProductIdAsync(Demo.BanhTetLaCam);
        var id = await CreateAsync(owner, product, 2043, DossierVariant.FirstEvaluation);
        var item = (await RequiredItemsAsync(id))[0].Id;
        await UploadOkAsync(owner, id, item, "phieu.pdf", Pdf);
        var document = await app.QueryAsync(db => db.DossierDocuments.Where(f => f.DossierId == id).Select(f => f.Id).SingleAsync());
        Assert.Equal(Pdf, await (await owner.GetAsync($"/Dossiers/File/{document}")).Content.ReadAsByteArrayAsync());

        foreach (var outsider in new[] { Demo.HoaMinhOfficer, Demo.Producer })
        {
            var client = await app.As(outsider);
            foreach (var url in new[] { $"/Dossiers/Details/{id}", $"/Dossiers/File/{document}", $"/Dossiers/Create/{product}", $"/Dossiers?product={product}" })
            {
                using var get = await client.GetAsync(url);
                Assert.True(get.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{outsider} GET {url}: {(int)get.StatusCode}");
            }

            Assert.DoesNotContain(id, Html.LinkedIds(await client.GetPageAsync("/Dossiers"), "/Dossiers/Details/"));
            var version = (await DossierAsync(id)).Version.ToString(CultureInfo.InvariantCulture);
            foreach (var handler in new[] { "Submit", "Accept", "Notes" })
            {
                using var post = await client.PostWithTokenAsync($"/Dossiers/Details/{id}?handler={handler}", ("version", version), ("notes", "x"));
                Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{outsider} {handler}: {(int)post.StatusCode}");
            }
        }

        // Readers see it but cannot act on it.
        var leader = await app.As(Demo.Leader);
        await leader.GetPageAsync($"/Dossiers/Details/{id}");
        using var leaderUpload = await UploadAsync(leader, id, item, "x.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Forbidden, leaderUpload.StatusCode);
        Assert.Equal(DossierState.Draft, (await DossierAsync(id)).State);
        Assert.Null((await DossierAsync(id)).Notes);
    }

    [Fact]
    public async Task An_upgrade_starts_from_a_copy_of_the_last_dossier()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var product = await app.ProductIdAsync(Demo.BanhTetLaCam);
        var first = await CreateAsync(officer, product, 2044, DossierVariant.FirstEvaluation, "Sản phẩm chủ lực của xã.");
        var items = await RequiredItemsAsync(first);
        await UploadOkAsync(officer, first, items[0].Id, "dang-ky.pdf", Pdf);
        await UploadOkAsync(officer, first, items[1].Id, "phuong-an.pdf", Pdf);
        await UploadOkAsync(officer, first, items[1].Id, "phuong-an-cu.pdf", Pdf);
        var removed = await app.QueryAsync(db => db.DossierDocuments.Where(f => f.DossierId == first && f.OriginalName == "phuong-an-cu.pdf").Select(f => f.Id).SingleAsync());
        using (var archive = await officer.PostWithTokenAsync($"/Dossiers/Details/{first}?handler=ArchiveDocument&documentId={removed}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, archive.StatusCode);
        }

        var upgrade = await CreateAsync(officer, product, 2045, DossierVariant.Upgrade);

        var copy = await DossierAsync(upgrade);
        Assert.Equal((first, DossierVariant.Upgrade, DossierState.Draft, "Sản phẩm chủ lực của xã."), (copy.CopiedFromId, copy.Variant, copy.State, copy.Notes));
        var original = await app.QueryAsync(db => db.DossierDocuments.Where(f => f.DossierId == first && !f.IsArchived).OrderBy(f => f.Id).ToListAsync());
        var carried = await app.QueryAsync(db => db.DossierDocuments.Where(f => f.DossierId == upgrade).OrderBy(f => f.Id).ToListAsync());
        Assert.Equal(original.Select(f => (f.ChecklistItemId, f.StoredName, f.OriginalName)), carried.Select(f => (f.ChecklistItemId, f.StoredName, f.OriginalName)));
        Assert.Equal(Pdf, await (await officer.GetAsync($"/Dossiers/File/{carried[0].Id}")).Content.ReadAsByteArrayAsync());

        // The upgrade asks for its own evidence on top of what was carried over.
        var page = Html.Text(await officer.GetPageAsync($"/Dossiers/Details/{upgrade}"));
        Assert.Contains("Minh chứng những thay đổi để nâng hạng sao", page, StringComparison.Ordinal);
        Assert.Contains($"Hồ sơ số {first}", page, StringComparison.Ordinal);
        Assert.Equal((DossierState.Draft, 2), ((await DossierAsync(first)).State, original.Count));

        // A second unfinished dossier for the same year is refused with a message.
        var form = (await officer.GetFormAsync($"/Dossiers/Create/{product}")).Set("Input.Year", "2045").Set("Input.Variant", nameof(DossierVariant.Reevaluation));
        using var duplicate = await officer.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("đã có hồ sơ năm này", Html.FieldErrors(await duplicate.Content.ReadAsStringAsync())["Input.Year"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_filters_by_year_state_and_variant_in_the_query_string()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var id = await CreateAsync(officer, await app.ProductIdAsync(Demo.BanhTetMyChanh), 2046, DossierVariant.Reevaluation);

        Assert.Contains(id, Html.LinkedIds(await officer.GetPageAsync("/Dossiers?year=2046&state=Draft&variant=Reevaluation"), "/Dossiers/Details/"));
        Assert.DoesNotContain(id, Html.LinkedIds(await officer.GetPageAsync("/Dossiers?year=2046&state=Submitted"), "/Dossiers/Details/"));
        Assert.DoesNotContain(id, Html.LinkedIds(await officer.GetPageAsync("/Dossiers?year=2045"), "/Dossiers/Details/"));
        Assert.DoesNotContain(id, Html.LinkedIds(await officer.GetPageAsync("/Dossiers?variant=Upgrade"), "/Dossiers/Details/"));
        Assert.Contains(id, Html.LinkedIds(await (await app.As(Demo.Department)).GetPageAsync("/Dossiers?year=2046"), "/Dossiers/Details/"));
        using var bad = await officer.GetAsync("/Dossiers?state=nonsense&page=-3");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
    }

    [Fact]
    public async Task Only_administrators_and_the_program_office_edit_the_checklist()
    {
        foreach (var user in new[] { Demo.Department, Demo.ChauThanhOfficer, Demo.Council, Demo.Producer, Demo.Leader })
        {
            var client = await app.As(user);
            using var get = await client.GetAsync("/Dossiers/Checklist");
            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
            using var post = await client.PostWithTokenAsync("/Dossiers/Checklist?handler=Save", ("Input.Title", "Giấy tờ lạ"), ("Input.LegalBasisCode", "148/2023"));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        Assert.False(await app.QueryAsync(db => db.DossierChecklist.AnyAsync(i => i.Title == "Giấy tờ lạ")));

        // The office adds an item for rice (I.2) only; it appears on a rice dossier as required, then is archived.
        var office = await app.As(Demo.ProgramOffice);
        var form = (await office.GetFormAsync("/Dossiers/Checklist", "Save"))
            .Set("Input.Title", "Chứng nhận hữu cơ vùng lúa").Set("Input.CategoryPrefix", "I.2").Set("Input.Required", "true");
        using (var saved = await office.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var item = await app.QueryAsync(db => db.DossierChecklist.SingleAsync(i => i.Title == "Chứng nhận hữu cơ vùng lúa"));
        Assert.Equal(("I.2", true, false), (item.CategoryPrefix, item.Required, item.IsArchived));
        var rice = await CreateAsync(await app.As(Demo.Producer), await app.ProductIdAsync(Demo.GaoLongHoa), 2047, DossierVariant.FirstEvaluation);
        Assert.Contains(item.Id, (await RequiredItemsAsync(rice)).Select(i => i.Id));
        Assert.Contains("Chứng nhận hữu cơ vùng lúa", Html.Text(await office.GetPageAsync($"/Dossiers/Details/{rice}")), StringComparison.Ordinal);
        Assert.DoesNotContain("Chứng nhận hữu cơ vùng lúa", Html.Text(await office.GetPageAsync($"/Dossiers/Details/{await CreateAsync(office, await app.ProductIdAsync(Demo.ConChimTour), 2047, DossierVariant.FirstEvaluation)}")), StringComparison.Ordinal);

        // Bad input: an unknown prefix and an empty title are refused in Vietnamese.
        var bad = (await office.GetFormAsync("/Dossiers/Checklist", "Save")).Set("Input.Title", "").Set("Input.CategoryPrefix", "XYZ");
        using (var refused = await office.PostFormAsync(bad))
        {
            var errors = Html.FieldErrors(await refused.Content.ReadAsStringAsync());
            Assert.Equal("Nhập tên giấy tờ.", errors["Input.Title"]);
            Assert.Contains("Không có nhóm sản phẩm mã này", errors["Input.CategoryPrefix"], StringComparison.Ordinal);
        }

        using (var archived = await office.PostWithTokenAsync($"/Dossiers/Checklist?handler=Archive&id={item.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
            Assert.Contains("Đã ngừng dùng", Html.Text(await office.GetPageAsync(archived.Location())), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Chứng nhận hữu cơ vùng lúa", Html.Text(await office.GetPageAsync($"/Dossiers/Details/{rice}")), StringComparison.Ordinal);
        var audit = await app.AuditAsync(nameof(DossierChecklistItem), item.Id);
        Assert.Equal(AuditAction.Created, audit[0].Action);
        Assert.Equal(new FieldChange("IsArchived", "False", "True"), audit[^1].Change("IsArchived"));
    }

    private async Task<int> CreateAsync(HttpClient client, int product, int year, DossierVariant variant, string? notes = null)
    {
        var form = (await client.GetFormAsync($"/Dossiers/Create/{product}"))
            .Set("Input.Year", year.ToString(CultureInfo.InvariantCulture)).Set("Input.Variant", variant.ToString()).Set("Input.Notes", notes);
        using var response = await client.PostFormAsync(form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Create answered {(int)response.StatusCode}: {HttpClientExtensions.Shorten(await response.Content.ReadAsStringAsync())}");
        return Html.IdFromLocation(response, "/Dossiers/Details/");
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, int id, string handler, params (string Name, string Value)[] fields)
    {
        var form = await client.GetFormAsync($"/Dossiers/Details/{id}", handler);
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return await client.PostFormAsync(form);
    }

    /// <summary>Posts what the page's upload form posts (token, item, file), also where the page shows no form, to prove the server refuses.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, int item, string name, byte[] bytes, string claimedType = "application/pdf")
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(await client.TokenAsync()), HtmlForm.TokenField },
            { new StringContent(item.ToString(CultureInfo.InvariantCulture)), "item" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(claimedType);
        content.Add(file, "file", name);
        return await client.PostAsync($"/Dossiers/Details/{id}?handler=Upload", content);
    }

    private async Task UploadOkAsync(HttpClient client, int id, int item, string name, byte[] bytes)
    {
        using var response = await UploadAsync(client, id, item, name, bytes);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Upload answered {(int)response.StatusCode}: {HttpClientExtensions.Shorten(await response.Content.ReadAsStringAsync())}");
    }

    private Task<Dossier> DossierAsync(int id) => app.QueryAsync(db => db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == id));

    /// <summary>The required checklist items of a dossier, in checklist order, by the same rule the page uses.</summary>
    private Task<List<DossierChecklistItem>> RequiredItemsAsync(int id) => app.QueryAsync(async db =>
    {
        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Variant, d.Product!.Category!.Code }).SingleAsync();
        var items = await db.DossierChecklist.AsNoTracking().Where(i => !i.IsArchived && i.Required).ToListAsync();
        return items.Where(i => DossierRules.Applies(i.CategoryPrefix, i.OnlyFor, dossier.Code, dossier.Variant))
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToList();
    });

    private async Task<(int Rows, int Files)> StoredAsync()
    {
        var rows = await app.QueryAsync(db => db.DossierDocuments.CountAsync());
        var folder = Path.Combine(app.DataFolder, "dossiers");
        return (rows, Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0);
    }

    private static byte[] ZipWith(params string[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }

        return stream.ToArray();
    }
}
