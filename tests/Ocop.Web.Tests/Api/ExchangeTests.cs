using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Features.Exchange;
using Ocop.Web.Shared;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Api;

/// <summary>
/// The exchange of recognised products and certificates: stable field names, unit codes of the issue date and of today,
/// only what changed since a moment, the same rows as JSON, CSV and the office's download, and only what the user sees.
/// </summary>
public class ExchangeTests(AppFixture app) : IClassFixture<AppFixture>
{
    public static readonly string[] Fields =
    [
        "certificateNumber", "stars", "score", "issuedOn", "expiresOn", "state", "isValid", "revokedOn", "decisionNumber", "decisionSignedOn", "issuer",
        "level", "productId", "productName", "categoryCode", "gtin", "subjectId", "subjectName", "legalForm", "taxCode", "registrationNumber",
        "communeCode", "communeName", "districtCode", "provinceCode", "communeCodeToday", "provinceCodeToday", "changedAt",
    ];

    [Fact]
    public async Task The_export_has_stable_fields_unit_codes_of_the_issue_date_and_of_today_and_the_same_rows_as_CSV_and_download()
    {
        var api = ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(await app.As(Demo.ProgramOffice)));
        using var json = await api.GetAsync("/api/v1/exchange/certificates?pageSize=1000");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        using var doc = System.Text.Json.JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var items = doc.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.Equal(Fields, items[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(doc.RootElement.GetProperty("total").GetInt32(), items.Count);

        // A certificate issued to a Đa Lộc product before 1 July 2025 names Đa Lộc, district 847 and Trà Vinh (84); today, Châu Thành in Vĩnh Long (86).
        var old = items.FirstOrDefault(i => i.GetProperty("communeCode").GetString() == Demo.DaLoc && DateOnly.Parse(i.GetProperty("issuedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture) < new DateOnly(2025, 7, 1));
        Assert.True(old.ValueKind == System.Text.Json.JsonValueKind.Object, "The demo has a certificate of a Đa Lộc product from before the reform.");
        Assert.Equal((Demo.ChauThanhDistrict, Demo.TraVinh, Demo.ChauThanhCommune, Demo.VinhLong),
            (old.GetProperty("districtCode").GetString(), old.GetProperty("provinceCode").GetString(), old.GetProperty("communeCodeToday").GetString(), old.GetProperty("provinceCodeToday").GetString()));

        using var csv = await api.GetAsync("/api/v1/exchange/certificates?format=csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', Fields), lines[0]);
        Assert.Equal(items.Count, lines.Length - 1);

        var office = await app.As(Demo.ProgramOffice);
        using var download = await office.GetAsync("/Exchange?handler=Download&format=csv");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ChangedSince_returns_only_what_changed_after_it_and_a_commune_officer_sees_only_their_communes()
    {
        var api = ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(await app.As(Demo.ProgramOffice)));
        var mark = DateTime.UtcNow.AddSeconds(-1);
        using (var none = await api.GetAsync("/api/v1/exchange/certificates?changedSince=" + Uri.EscapeDataString(DateTime.UtcNow.AddMinutes(1).ToString("O"))))
        {
            Assert.Equal(0, (await none.ReadAsync<ApiPage<ExchangeCertificate>>()).Total);
        }

        // A product with a certificate is renamed: its rows, and only its, come back after the mark.
        var product = await app.QueryAsync(db => db.Certificates.Select(c => c.ProductId).FirstAsync());
        await app.QueryAsync(async db =>
        {
            var p = await db.Products.SingleAsync(x => x.Id == product);
            p.Description = "Mô tả mới cho sàn thương mại.";
            return await db.SaveChangesAsync();
        });
        using var changed = await api.GetAsync("/api/v1/exchange/certificates?changedSince=" + Uri.EscapeDataString(mark.ToString("O")));
        var rows = (await changed.ReadAsync<ApiPage<ExchangeCertificate>>()).Items;
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(product, r.ProductId));
        Assert.All(rows, r => Assert.True(r.ChangedAt >= mark));

        // A date alone reads as its midnight in Vietnam (PostgreSQL once refused it as a moment of no stated kind).
        var tomorrow = DateTime.UtcNow.AddHours(7).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using (var byDate = await api.GetAsync("/api/v1/exchange/certificates?changedSince=" + tomorrow))
        {
            Assert.Equal(HttpStatusCode.OK, byDate.StatusCode);
            Assert.Empty((await byDate.ReadAsync<ApiPage<ExchangeCertificate>>()).Items);
        }

        using var bad = await api.GetAsync("/api/v1/exchange/certificates?changedSince=hôm-qua");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var officer = ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(await app.As(Demo.HoaMinhOfficer)));
        using var theirs = await officer.GetAsync("/api/v1/exchange/certificates?pageSize=1000");
        var seen = (await theirs.ReadAsync<ApiPage<ExchangeCertificate>>()).Items;
        Assert.All(seen, r => Assert.Equal(Demo.HoaMinh, r.CommuneCodeToday));
    }
}
