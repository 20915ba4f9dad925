using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Web.Features.Planning.Support;
using Ocop.Web.Shared;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Api;

/// <summary>
/// <c>GET /api/v1/support/records</c>: the records the user may reach, paged with links, by unit code and date (a current
/// commune covers its predecessors' records), by what changed since a moment; producers are refused.
/// </summary>
public class SupportRecordListTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private async Task<SupportRecordDetail> RecordAsync(HttpClient api, string subject, string description)
    {
        using var created = await api.PostJsonAsync("/api/v1/support/records", new SaveSupportRecord.Command
        {
            SubjectId = await app.SubjectIdAsync(subject),
            Kind = SupportKind.Training,
            Description = description,
            On = Today,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await created.ReadAsync<SupportRecordDetail>();
    }

    [Fact]
    public async Task The_list_pages_with_links_filters_by_unit_and_by_change_and_refuses_producers()
    {
        var office = await app.As(Demo.ProgramOffice);
        var api = ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(office));
        var since = DateTime.UtcNow.AddSeconds(-1).ToString("O", CultureInfo.InvariantCulture);
        var inDaLoc = await RecordAsync(api, Demo.BaNam, "Tập huấn ghi nhãn (Đa Lộc)");
        var inHoaMinh = await RecordAsync(api, Demo.ConChim, "Tập huấn du lịch (Hòa Minh)");

        // Everything the office reaches, newest support day first, two a page.
        var total = await app.QueryAsync(db => db.SupportRecords.CountAsync(r => !r.IsArchived));
        using var first = await office.GetAsync("/api/v1/support/records?pageSize=2");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await first.ReadAsync<ApiPage<SupportRecordRow>>();
        Assert.Equal((total, 2), (page.Total, page.Items.Count));
        Assert.True(page.Items[0].On >= page.Items[1].On);
        var links = string.Join(",", first.Headers.GetValues("Link"));
        Assert.Contains("</api/v1/support/records?pageSize=2&page=2>; rel=\"next\"", links, StringComparison.Ordinal);

        // Today's commune Châu Thành covers Đa Lộc's subjects; Hòa Minh is another commune.
        var chauThanh = await office.GetFromJsonAsync<ApiPage<SupportRecordRow>>($"/api/v1/support/records?unit={Demo.ChauThanhCommune}&pageSize=100", ApiClient.Json);
        Assert.Contains(inDaLoc.Id, chauThanh!.Items.Select(r => r.Id));
        Assert.DoesNotContain(inHoaMinh.Id, chauThanh.Items.Select(r => r.Id));
        var hoaMinh = await office.GetFromJsonAsync<ApiPage<SupportRecordRow>>($"/api/v1/support/records?unit={Demo.HoaMinh}&pageSize=100", ApiClient.Json);
        Assert.Equal(inHoaMinh.Id, Assert.Single(hoaMinh!.Items, r => r.Description.StartsWith("Tập huấn du lịch", StringComparison.Ordinal)).Id);
        Assert.DoesNotContain(inDaLoc.Id, hoaMinh.Items.Select(r => r.Id));

        // What changed since a moment: the two records, oldest change first; nothing after the end of time.
        var changed = await office.GetFromJsonAsync<ApiPage<SupportRecordRow>>($"/api/v1/support/records?changedSince={Uri.EscapeDataString(since)}", ApiClient.Json);
        Assert.Equal([inDaLoc.Id, inHoaMinh.Id], changed!.Items.Select(r => r.Id));
        Assert.Equal(0, (await office.GetFromJsonAsync<ApiPage<SupportRecordRow>>("/api/v1/support/records?changedSince=2100-01-01", ApiClient.Json))!.Total);

        foreach (var bad in new[] { "changedSince=hôm-qua", "unit=99999", "unit=86&at=30/06/2025" })
        {
            using var refused = await office.GetAsync("/api/v1/support/records?" + bad);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{bad}: {(int)refused.StatusCode}");
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        // A commune officer sees their commune's records only; a producer none at all.
        var officer = await app.As(Demo.HoaMinhOfficer);
        var own = await officer.GetFromJsonAsync<ApiPage<SupportRecordRow>>("/api/v1/support/records?pageSize=100", ApiClient.Json);
        Assert.Contains(inHoaMinh.Id, own!.Items.Select(r => r.Id));
        Assert.DoesNotContain(inDaLoc.Id, own.Items.Select(r => r.Id));
        using var producer = await (await app.As(Demo.Producer)).GetAsync("/api/v1/support/records");
        Assert.Equal(HttpStatusCode.Forbidden, producer.StatusCode);
    }
}
