using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Scoresheets;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Evaluation;

/// <summary>
/// Scoresheets as versioned data, through the real pages: everyone reads the seeded sheets, only administrators change
/// them, a published version never changes, and a sheet survives the trip out to XLSX and back unchanged.
/// </summary>
public class ScoresheetsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Basis148 = "148/2023";
    private const string Basis26 = "26/2026";

    [Fact]
    public async Task The_list_shows_every_seeded_sheet_of_both_legal_bases_and_says_they_are_not_yet_verified()
    {
        var client = await app.As(Demo.Council);
        var seeded = await app.QueryAsync(db => db.Scoresheets.Where(s => s.SheetVersion == 1).Select(s => s.Id).ToListAsync());

        var html = await client.GetPageAsync("/Scoresheets");

        Assert.Equal(52, seeded.Count);
        Assert.Subset(Html.LinkedIds(html, "/Scoresheets/Details/").ToHashSet(), seeded.ToHashSet());
        var text = Html.Text(html);
        Assert.Contains("Căn cứ 148/2023", text, StringComparison.Ordinal);
        Assert.Contains("Căn cứ 26/2026", text, StringComparison.Ordinal);
        Assert.Contains("Chưa đối chiếu công báo", text, StringComparison.Ordinal);
        Assert.Contains("Đã ban hành", text, StringComparison.Ordinal);
        Assert.Contains("Rau, củ, quả, hạt tươi", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhập phiếu từ tệp XLSX", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_detail_page_shows_the_whole_sheet_with_star_minimums_gaps_and_publishing_checks()
    {
        var client = await app.As(Demo.Producer);
        var set7 = await SheetIdAsync(Basis148, 7, 1);
        var tourism = await SheetIdAsync(Basis26, 26, 1);

        var sheet7 = Html.Text(await client.GetPageAsync($"/Scoresheets/Details/{set7}"));
        var sheet26 = Html.Text(await client.GetPageAsync($"/Scoresheets/Details/{tourism}"));

        var model7 = await ModelAsync(set7);
        foreach (var leaf in model7.ScoredCriteria)
        {
            Assert.Contains(leaf.Leaf.Text, sheet7, StringComparison.Ordinal);
        }

        Assert.Contains("C1.d", sheet7, StringComparison.Ordinal);
        Assert.Contains("Thiếu sót đã biết của nguồn dữ liệu", sheet7, StringComparison.Ordinal);
        Assert.Contains("Kiểm tra trước khi ban hành", sheet7, StringComparison.Ordinal);
        Assert.Contains("không thể đạt điểm tối đa", sheet7, StringComparison.Ordinal);
        Assert.Contains("Chưa đối chiếu công báo", sheet7, StringComparison.Ordinal);
        Assert.Contains("★★★", sheet7, StringComparison.Ordinal);
        Assert.Contains("Lựa chọn một trong các trường hợp sau", sheet26, StringComparison.Ordinal);
        // Set 26 prints no rejection paragraph (its data says so in the technical note, kept from producers); set 1 does.
        Assert.DoesNotContain("Hồ sơ bị loại khi", sheet26, StringComparison.Ordinal);
        Assert.DoesNotContain("set 26 has none", sheet26, StringComparison.Ordinal);
        var sheet1 = Html.Text(await client.GetPageAsync($"/Scoresheets/Details/{await SheetIdAsync(Basis26, 1, 1)}"));
        Assert.Contains("Hồ sơ bị loại khi", sheet1, StringComparison.Ordinal);
        var highestMark = (await ModelAsync(tourism)).ScoredCriteria.SelectMany(c => c.Leaf.Options).Max(o => o.MinimumForStar ?? 0);
        Assert.Contains(new string('★', highestMark), sheet26, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Publish", sheet26, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Demo.ProgramOffice)]
    [InlineData(Demo.Council)]
    [InlineData(Demo.Producer)]
    [InlineData(Demo.Leader)]
    public async Task Only_administrators_may_change_scoresheets_and_legal_bases(string user)
    {
        var client = await app.As(user);
        var admin = await app.As(Demo.Admin);
        var draft = await CopyAsync(admin, await SheetIdAsync(Basis148, 2, 1));
        var basisId = await app.QueryAsync(db => db.LegalBases.Where(b => b.Code == Basis26).Select(b => b.Id).SingleAsync());
        var before = await CountsAsync();
        var version = (await RecordAsync(draft)).Version.ToString(CultureInfo.InvariantCulture);

        foreach (var handler in new[] { "Copy", "Publish", "Retire", "Verify" })
        {
            using var refused = await client.PostWithTokenAsync($"/Scoresheets/Details/{draft}?handler={handler}", ("Version", version));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        foreach (var url in new[] { $"/Scoresheets/Edit/{draft}", "/Scoresheets/Import", $"/Scoresheets/EditLegalBasis/{basisId}" })
        {
            using var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            using var post = await client.PostWithTokenAsync(url, ("Input.Version", version));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        Assert.Equal(before, await CountsAsync());
        var details = Html.Text(await client.GetPageAsync($"/Scoresheets/Details/{draft}"));
        Assert.DoesNotContain("Sao chép thành phiên bản mới", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copy_is_edited_as_a_draft_and_published_as_the_version_new_rounds_use_while_the_old_one_stays_published()
    {
        var admin = await app.As(Demo.Admin);
        var original = await SheetIdAsync(Basis26, 1, 1);
        Assert.Equal(ScoresheetStatus.Published, (await RecordAsync(original)).Status);

        var draft = await CopyAsync(admin, original);
        var copied = await RecordAsync(draft);
        Assert.Equal(ScoresheetStatus.Draft, copied.Status);
        Assert.True(copied.SheetVersion > 1);
        Assert.False(copied.Verified);

        var form = await admin.GetFormAsync($"/Scoresheets/Edit/{draft}");
        var code = form["Input.Criteria[0].Code"];
        form.Set("Input.Criteria[0].Text", "1.1. Nguồn gốc sản phẩm (bản sửa)")
            .Set("Input.Criteria[0].Options[0].Text", "Dưới 50% sản phẩm được trồng trên địa bàn cấp xã")
            .Set("Input.Criteria[0].Options[0].Points", "1,5")
            .Set("Input.Criteria[0].Options[1].Star", "3")
            .Set("Input.Criteria[0].Options[2].Remove", "true")
            .Set("Input.Criteria[0].NewText", "Từ 75% đến 100% sản phẩm được trồng trên địa bàn cấp xã")
            .Set("Input.Criteria[0].NewPoints", "3");
        using (var saved = await admin.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var edited = (await ModelAsync(draft)).ScoredCriteria.Select(s => s.Leaf).Single(c => c.Code == code);
        Assert.Equal("1.1. Nguồn gốc sản phẩm (bản sửa)", edited.Text);
        Assert.Equal(
            [(1, "Dưới 50% sản phẩm được trồng trên địa bàn cấp xã", (Points?)new Points(15), (int?)null), (2, edited.Options[1].Text, edited.Options[1].Points, 3), (3, "Từ 75% đến 100% sản phẩm được trồng trên địa bàn cấp xã", Points.FromWhole(3), null)],
            edited.Options.Select(o => (o.Number, o.Text, o.Points, o.MinimumForStar)).ToList());

        using (var published = await PostActionAsync(admin, draft, "Publish"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        Assert.Equal(ScoresheetStatus.Published, (await RecordAsync(draft)).Status);
        Assert.Equal(ScoresheetStatus.Published, (await RecordAsync(original)).Status);
        Assert.Contains("Dùng cho đợt mới", Html.Text(await admin.GetPageAsync($"/Scoresheets/Details/{draft}")), StringComparison.Ordinal);
        Assert.DoesNotContain("Dùng cho đợt mới", Html.Text(await admin.GetPageAsync($"/Scoresheets/Details/{original}")), StringComparison.Ordinal);

        using (var retired = await PostActionAsync(admin, draft, "Retire"))
        {
            Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        }

        Assert.Equal(ScoresheetStatus.Retired, (await RecordAsync(draft)).Status);
        Assert.Contains("Dùng cho đợt mới", Html.Text(await admin.GetPageAsync($"/Scoresheets/Details/{original}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_a_broken_sheet_is_blocked_with_the_reasons_listed()
    {
        var admin = await app.As(Demo.Admin);
        var draft = await CopyAsync(admin, await SheetIdAsync(Basis26, 2, 1));
        var form = await admin.GetFormAsync($"/Scoresheets/Edit/{draft}");
        form.Set("Input.Criteria[0].Options[0].Points", "99");
        using (var saved = await admin.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var definition = (await RecordAsync(draft)).Definition;
        using var refused = await PostActionAsync(admin, draft, "Publish");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var text = Html.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Không thể thực hiện", text, StringComparison.Ordinal);
        Assert.Contains("Phương án 1", text, StringComparison.Ordinal);
        Assert.Contains("Phương án được 99 điểm, vượt điểm tối đa của tiêu chí", text, StringComparison.Ordinal);
        var record = await RecordAsync(draft);
        Assert.Equal(ScoresheetStatus.Draft, record.Status);
        Assert.Equal(definition, record.Definition);
    }

    [Fact]
    public async Task A_published_sheet_cannot_be_edited_in_place()
    {
        var admin = await app.As(Demo.Admin);
        var published = await SheetIdAsync(Basis148, 1, 1);
        var before = await RecordAsync(published);
        Assert.Equal(ScoresheetStatus.Published, before.Status);

        using var page = await admin.GetAsync($"/Scoresheets/Edit/{published}");
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("sao chép thành phiên bản mới", Html.Text(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var post = await admin.PostWithTokenAsync($"/Scoresheets/Edit/{published}",
            ("Input.Version", before.Version.ToString(CultureInfo.InvariantCulture)), ("Input.EffectiveFrom", "2026-01-01"),
            ("Input.Criteria[0].Code", "A1.a"), ("Input.Criteria[0].Text", "Sửa trái phép"), ("Input.Criteria[0].Max", "5"));
        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);

        var after = await RecordAsync(published);
        Assert.Equal(before.Definition, after.Definition);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task Every_seeded_sheet_exported_to_xlsx_and_imported_back_has_an_identical_definition()
    {
        var admin = await app.As(Demo.Admin);
        var seeded = await app.QueryAsync(db => db.Scoresheets.Where(s => s.SheetVersion == 1).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync());

        foreach (var id in seeded)
        {
            var bytes = await ExportAsync(admin, id);
            using var imported = await ImportAsync(admin, bytes);
            Assert.True(imported.StatusCode == HttpStatusCode.Redirect, $"Import of sheet {id} answered {(int)imported.StatusCode}: {HttpClientExtensions.Shorten(Html.Text(await imported.Content.ReadAsStringAsync()))}");
            var copy = Html.IdFromLocation(imported, "/Scoresheets/Details/");

            var source = await RecordAsync(id);
            var target = await RecordAsync(copy);
            Assert.Equal((source.LegalBasisCode, source.ProductSetNumber, ScoresheetStatus.Draft), (target.LegalBasisCode, target.ProductSetNumber, target.Status));
            Assert.True(target.SheetVersion > source.SheetVersion);
            Assert.Equal(Comparable(source.ToModel()), Comparable(target.ToModel()));
        }
    }

    [Fact]
    public async Task A_bad_xlsx_file_is_reported_by_row_in_vietnamese_and_nothing_is_saved()
    {
        var admin = await app.As(Demo.Admin);
        var bytes = await ExportAsync(admin, await SheetIdAsync(Basis148, 3, 1));
        var rows = Query(bytes, ScoresheetXlsx.RowsSheet);
        rows[1]["Điểm"] = "ba";
        rows[3]["Sao tối thiểu"] = 7;
        rows[4]["Phần"] = null;
        var broken = Save(new Dictionary<string, object>
        {
            [ScoresheetXlsx.RowsSheet] = rows,
            [ScoresheetXlsx.InfoSheet] = Query(bytes, ScoresheetXlsx.InfoSheet),
        });
        var before = await CountsAsync();

        using var response = await ImportAsync(admin, broken);
        var text = Html.Text(await response.Content.ReadAsStringAsync());
        using var notExcel = await ImportAsync(admin, "không phải bảng tính"u8.ToArray());
        var notExcelText = Html.Text(await notExcel.Content.ReadAsStringAsync());
        using var damaged = await ImportAsync(admin, [.. "PK\u0003\u0004"u8, .. bytes[4..200]]);
        var damagedText = Html.Text(await damaged.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Dòng 3: điểm “ba” không phải số", text, StringComparison.Ordinal);
        Assert.Contains("Dòng 5: “Sao tối thiểu” = “7” không phải hạng sao của căn cứ 148/2023", text, StringComparison.Ordinal);
        Assert.Contains("Dòng 6: thiếu mã phần.", text, StringComparison.Ordinal);
        Assert.Contains("Tệp không phải bảng tính XLSX.", notExcelText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, damaged.StatusCode);
        Assert.Contains("Không đọc được tệp XLSX", damagedText, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Marking_a_sheet_verified_records_who_and_when()
    {
        var admin = await app.As(Demo.Admin);
        var id = await SheetIdAsync(Basis26, 5, 1);
        var started = DateTime.UtcNow.AddSeconds(-5);

        using var response = await PostActionAsync(admin, id, "Verify");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var record = await RecordAsync(id);
        Assert.True(record.Verified);
        Assert.Equal(Demo.Admin, record.VerifiedBy);
        Assert.InRange(record.VerifiedAt!.Value, started, DateTime.UtcNow.AddSeconds(5));
        var audit = (await app.AuditAsync(nameof(ScoresheetRecord), id)).Last();
        Assert.Equal(Demo.Admin, audit.UserName);
        Assert.Equal(new FieldChange("Verified", "False", "True"), audit.Change("Verified"));
        Assert.Contains("Đã đối chiếu, bởi admin", Html.Text(await admin.GetPageAsync($"/Scoresheets/Details/{id}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Star_thresholds_are_data_an_administrator_edits_with_checks_and_an_audit_trail()
    {
        var admin = await app.As(Demo.Admin);
        var id = await app.QueryAsync(db => db.LegalBases.Where(b => b.Code == "1048/2019").Select(b => b.Id).SingleAsync());
        var page = Html.Text(await admin.GetPageAsync("/Scoresheets/LegalBases"));
        Assert.Contains("từ 50 đến dưới 70", page, StringComparison.Ordinal);
        Assert.Contains("Quá nửa số thành viên chấm đạt mức tối thiểu", page, StringComparison.Ordinal);

        var form = await admin.GetFormAsync($"/Scoresheets/EditLegalBasis/{id}");
        var before = (await app.QueryAsync(db => db.LegalBases.AsNoTracking().SingleAsync(b => b.Id == id))).Definition;
        form.Set("Input.Bands[3].From", "45");
        using (var refused = await admin.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Ngưỡng 4 sao phải cao hơn ngưỡng 3 sao (50)", Html.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(before, (await app.QueryAsync(db => db.LegalBases.AsNoTracking().SingleAsync(b => b.Id == id))).Definition);

        form.Set("Input.Bands[2].From", "55").Set("Input.Bands[3].From", "70").Set("Input.Consensus", nameof(MinimumConsensus.Average));
        using (var saved = await admin.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var basis = (await app.QueryAsync(db => db.LegalBases.AsNoTracking().SingleAsync(b => b.Id == id))).ToModel();
        Assert.Equal(new Points(550), basis.Band(3)!.From);
        Assert.Equal(MinimumConsensus.Average, basis.Minimums.Consensus);
        Assert.Equal(3, basis.StarForScore(MeanScore.OfOne(new Points(550))));
        Assert.Equal(2, basis.StarForScore(MeanScore.OfOne(new Points(549))));
        var audit = (await app.AuditAsync(nameof(LegalBasisRecord), id)).Last();
        Assert.Equal(Demo.Admin, audit.UserName);
        Assert.Contains("từ 55 đến dưới 70", Html.Text(await admin.GetPageAsync("/Scoresheets/LegalBases")), StringComparison.Ordinal);
    }

    private static string Comparable(Scoresheet sheet) =>
        LawJson.Write(sheet with { Version = 0, Status = ScoresheetStatus.Draft, Verified = false });

    private Task<int> SheetIdAsync(string basis, int set, int version) =>
        app.QueryAsync(db => db.Scoresheets.Where(s => s.LegalBasisCode == basis && s.ProductSetNumber == set && s.SheetVersion == version).Select(s => s.Id).SingleAsync());

    private Task<ScoresheetRecord> RecordAsync(int id) => app.QueryAsync(db => db.Scoresheets.AsNoTracking().SingleAsync(s => s.Id == id));

    private async Task<Scoresheet> ModelAsync(int id) => (await RecordAsync(id)).ToModel();

    private Task<(int Sheets, int Versions, int Audit, int Bases)> CountsAsync() => app.QueryAsync(async db =>
        (await db.Scoresheets.CountAsync(), await db.Scoresheets.SumAsync(s => s.Version), await db.AuditEntries.CountAsync(), await db.LegalBases.SumAsync(b => b.Version)));

    private static async Task<HttpResponseMessage> PostActionAsync(HttpClient client, int id, string handler)
    {
        var form = await client.GetFormAsync($"/Scoresheets/Details/{id}", handler);
        return await client.PostFormAsync(form);
    }

    private static async Task<int> CopyAsync(HttpClient admin, int id)
    {
        using var response = await PostActionAsync(admin, id, "Copy");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Html.IdFromLocation(response, "/Scoresheets/Details/");
    }

    private static async Task<byte[]> ExportAsync(HttpClient client, int id)
    {
        using var response = await client.GetAsync($"/Scoresheets/Details/{id}?handler=Xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ScoresheetXlsx.ContentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient admin, byte[] bytes)
    {
        var form = await admin.GetFormAsync("/Scoresheets/Import");
        return await admin.PostFileAsync(form, "file", "phieu-cham.xlsx", bytes, ScoresheetXlsx.ContentType);
    }

    private static List<IDictionary<string, object?>> Query(byte[] bytes, string sheet)
    {
        using var stream = new MemoryStream(bytes);
        return stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()
            .Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>(r, StringComparer.Ordinal)).ToList();
    }

    private static byte[] Save(Dictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
