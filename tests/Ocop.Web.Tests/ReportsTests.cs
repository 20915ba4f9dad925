using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Registry;
using Ocop.Web.Tests.Infrastructure;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Ocop.Web.Tests;

/// <summary>
/// The periodic report drafts itself from the data: the page, the DOCX (Decree 30 format) and the XLSX annexes hold the
/// same figures, for the unit the user reaches. This class only reads.
/// </summary>
public class ReportsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string Period = "from=2022-01-01&to=" + DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_district_report_lists_every_recognition_of_the_period_in_the_page_and_the_docx()
    {
        var office = await app.As(Demo.ProgramOffice);
        var district = await DistrictIdAsync();
        var page = Html.Text(await office.GetPageAsync($"/Reports?unit={district}&{Period}"));
        // The demo products of the former district (the province's round also recognised a product of the former Bến Tre).
        var recognised = await app.QueryAsync(db => db.Certificates
            .Where(c => c.IssuedOn >= new DateOnly(2022, 1, 1) && c.Product!.Commune!.ParentId == district)
            .Select(c => new { c.Number, ProductName = c.Product!.Name, c.Product.CommuneId }).ToListAsync());
        Assert.NotEmpty(recognised);
        Assert.Contains($"Trong kỳ có {recognised.Count} sản phẩm được công nhận", page, StringComparison.Ordinal);

        using var response = await office.GetAsync($"/Reports?handler=Docx&unit={district}&{Period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("BÁO CÁO", text, StringComparison.Ordinal);
        Assert.Contains($"Trong kỳ có {recognised.Count} sản phẩm được công nhận", text, StringComparison.Ordinal);
        Assert.All(recognised, r =>
        {
            Assert.Contains(r.Number, text, StringComparison.Ordinal);
            Assert.Contains(r.ProductName, text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_report_holds_the_dashboards_target_figures_for_the_same_plan_unit_and_date()
    {
        var office = await app.As(Demo.ProgramOffice);
        var district = await DistrictIdAsync();
        var plan = await app.QueryAsync(db => db.Plans.Where(p => p.Number.StartsWith("46/")).Select(p => p.Id).SingleAsync());
        var to = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var api = await office.GetAsync($"/api/v1/plans/{plan}/targets?unit=847&at={to}");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync());

        using var response = await office.GetAsync($"/Reports?handler=Docx&plan={plan}&unit={district}&from=2023-01-01&to={to}");
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Select(r => r.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList())
            .Where(cells => cells.Count == 6).ToDictionary(cells => cells[0]);
        var targets = Targets(json.RootElement).ToList();
        Assert.NotEmpty(targets);
        foreach (var target in targets)
        {
            var code = target.GetProperty("code").GetString()!;
            Assert.True(rows.ContainsKey(code), $"target {code} is missing from the report");
            // The last column is the figure on the report's last day (a judged target's verdict and figure at its deadline stand before it).
            Assert.Equal(Figure(target), rows[code][5]);
        }
    }

    [Fact]
    public async Task The_annexes_hold_every_active_product_with_its_star_and_subjects_by_legal_form()
    {
        var office = await app.As(Demo.ProgramOffice);
        var district = await DistrictIdAsync();
        using var response = await office.GetAsync($"/Reports?handler=Annexes&unit={district}&{Period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var sheets = MiniExcel.GetSheetNames(new MemoryStream(bytes));
        Assert.Equal(["PL1 San pham theo xa", "PL2 Chu the theo loai hinh"], sheets);
        var products = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: sheets[0]).Cast<IDictionary<string, object?>>().ToList();
        // The former district's report holds what the district held: its communes' records, not those of the communes after it.
        var active = await app.QueryAsync(db => db.Products.CountAsync(p => p.Status != ProductStatus.Archived && p.Commune!.ParentId == district));
        Assert.Equal(active, products.Count);
        Assert.Contains(products, p => (string?)p["Sản phẩm"] == Demo.GaoLongHoa && p["Hạng sao"] is not null);

        var subjects = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: sheets[1]).Cast<IDictionary<string, object?>>().ToList();
        var total = subjects.Single(r => (string?)r["Xã"] == "Tổng cộng");
        var activeSubjects = await app.QueryAsync(db => db.Subjects.CountAsync(s => !s.IsArchived && s.Commune!.ParentId == district));
        Assert.Equal(activeSubjects, Convert.ToInt32(total["Tổng số"], CultureInfo.InvariantCulture));
        var cooperatives = await app.QueryAsync(db => db.Subjects.CountAsync(s => !s.IsArchived && s.LegalForm == LegalForm.Cooperative && s.Commune!.ParentId == district));
        Assert.Equal(cooperatives, Convert.ToInt32(total["Hợp tác xã"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_commune_officer_reports_on_their_communes_only()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var page = Html.Text(await officer.GetPageAsync($"/Reports?{Period}"));
        Assert.Contains("Đa Lộc", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Demo.ConChimTour, page, StringComparison.Ordinal);

        // Asking for the whole district gives the officer's own part of it, as the dashboard does.
        var district = Html.Text(await officer.GetPageAsync($"/Reports?unit={await DistrictIdAsync()}&{Period}"));
        Assert.DoesNotContain(Demo.ConChimTour, district, StringComparison.Ordinal);
        using var hoaMinh = await officer.GetAsync($"/Reports?unit={await app.CommuneIdAsync(Demo.HoaMinh)}&{Period}");
        Assert.Equal(HttpStatusCode.NotFound, hoaMinh.StatusCode);
    }

    [Theory]
    [InlineData("from=31-12-2025", "Ngày bắt đầu không hợp lệ")]
    [InlineData("from=2026-02-30", "Ngày bắt đầu không hợp lệ")]
    [InlineData("from=2026-06-01&to=2026-01-01", "Ngày kết thúc phải sau ngày bắt đầu")]
    public async Task A_bad_period_is_explained_on_the_page_and_no_file_is_drafted(string query, string message)
    {
        var office = await app.As(Demo.ProgramOffice);
        using var page = await office.GetAsync("/Reports?" + query);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(message, Html.Text(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var docx = await office.GetAsync("/Reports?handler=Docx&" + query);
        Assert.Equal("text/html", docx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_leader_may_report_on_the_whole_country()
    {
        var leader = await app.As(Demo.Leader);
        var page = Html.Text(await leader.GetPageAsync($"/Reports?unit=0&{Period}"));
        Assert.Contains("Phạm vi: <strong>Toàn quốc</strong>", page, StringComparison.Ordinal);
    }

    private static System.Text.Json.JsonElement.ArrayEnumerator Targets(System.Text.Json.JsonElement root) =>
        (root.ValueKind == System.Text.Json.JsonValueKind.Array ? root : root.GetProperty("targets")).EnumerateArray();

    /// <summary>The value as the report prints it: a count as a number, a share with a percent sign, "—" when there is none.</summary>
    private static string Figure(System.Text.Json.JsonElement target)
    {
        var value = target.GetProperty("value");
        if (value.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            return "—";
        }

        var output = target.GetProperty("output").GetString();
        return Ocop.Web.Features.Planning.PlanDisplay.Figure(value.GetDecimal(),
            Enum.Parse<Ocop.Core.Planning.MeasureOutput>(output!, ignoreCase: true));
    }

    private Task<int> DistrictIdAsync() =>
        app.QueryAsync(db => db.Units.Where(u => u.Code == "847").Select(u => u.Id).SingleAsync());
}
