using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Planning.Support;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Api;

/// <summary>
/// <see cref="SaveSupportRecord"/> from the support form and from the API: the same record, the same audit under the same
/// user, the same refusal when an allocation would be charged past what is left, the same answer to a stale version.
/// </summary>
public class SupportRecordSameResultTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static HtmlForm Fill(HtmlForm form, SaveSupportRecord.Command c) =>
        form.Set("Input.SubjectId", Id(c.SubjectId!.Value)).Set("Input.Kind", c.Kind.ToString()).Set("Input.Description", c.Description)
            .Set("Input.On", c.On?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Set("Input.AmountVnd", c.AmountVnd?.ToString(CultureInfo.InvariantCulture))
            .Set("Input.PaidVnd", c.PaidVnd?.ToString(CultureInfo.InvariantCulture)).Set("Input.Source", c.Source?.ToString())
            .Set("Input.OfficeId", c.OfficeId is int o ? Id(o) : "").Set("Input.BudgetAllocationId", c.BudgetAllocationId is int a ? Id(a) : "");

    private async Task<int> AllocationAsync(long amount, string decision)
    {
        var finance = await app.As(DemoSupportData.FinanceUser);
        var province = await app.QueryAsync(db => db.Units.Where(u => u.Code == Demo.VinhLong && u.ValidTo == null && u.Level == Core.Units.UnitLevel.Province).Select(u => u.Id).SingleAsync());
        var agriculture = await app.QueryAsync(db => db.Offices.Where(o => o.ShortName == "NN&PTNT").Select(o => o.Id).SingleAsync());
        var form = (await finance.GetFormAsync("/Support/BudgetEdit"))
            .Set("Input.Year", Id(Today.Year)).Set("Input.Source", nameof(FundingSource.AgriculturalExtension)).Set("Input.UnitId", Id(province))
            .Set("Input.OfficeId", Id(agriculture)).Set("Input.AmountVnd", amount.ToString(CultureInfo.InvariantCulture)).Set("Input.Decision", decision);
        using var saved = await finance.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return await app.QueryAsync(db => db.BudgetAllocations.Where(a => a.Decision == decision).Select(a => a.Id).SingleAsync());
    }

    [Fact]
    public async Task SaveSupportRecord_from_the_form_and_the_API_records_alike_and_refuses_an_overcharged_allocation_and_a_stale_version_alike()
    {
        var decision = "QĐ khuyến nông " + Guid.NewGuid().ToString("N")[..6];
        var allocation = await AllocationAsync(10_000_000, decision);
        var agriculture = await app.QueryAsync(db => db.Offices.Where(o => o.ShortName == "NN&PTNT").Select(o => o.Id).SingleAsync());
        var page = await app.As(Demo.ProgramOffice);
        var api = ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(page));
        SaveSupportRecord.Command Command(string description, long amount) => new()
        {
            SubjectId = null,
            Kind = SupportKind.Training,
            Description = description,
            On = Today,
            AmountVnd = amount,
            PaidVnd = amount / 2,
            Source = FundingSource.AgriculturalExtension,
            OfficeId = agriculture,
            BudgetAllocationId = allocation,
        };
        var subject = await app.SubjectIdAsync(Demo.BaNam);

        var first = Command("Tập huấn đóng gói (trang)", 6_000_000);
        first.SubjectId = subject;
        using (var viaPage = await page.PostFormAsync(Fill(await page.GetFormAsync("/Planning/Support/Edit"), first)))
        {
            Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);
        }

        // 6 of 10 million are charged: another 6 is refused by both, with the same message, and writes nothing.
        var over = Command("Tập huấn đóng gói (vượt)", 6_000_000);
        over.SubjectId = subject;
        var before = await app.QueryAsync(db => db.SupportRecords.CountAsync());
        var pageErrors = Html.FieldErrors(await (await page.PostFormAsync(Fill(await page.GetFormAsync("/Planning/Support/Edit"), over))).Content.ReadAsStringAsync());
        using var apiRefusal = await api.PostJsonAsync("/api/v1/support/records", over);
        Assert.Equal(HttpStatusCode.BadRequest, apiRefusal.StatusCode);
        Assert.Contains("Vượt dự toán", pageErrors["Input.BudgetAllocationId"], StringComparison.Ordinal);
        Assert.Equal(pageErrors["Input.BudgetAllocationId"], Assert.Single((await apiRefusal.FieldErrorsAsync())["budgetAllocationId"]));
        Assert.Equal(before, await app.QueryAsync(db => db.SupportRecords.CountAsync()));

        // What is left (4 million) is accepted through the API.
        var second = Command("Tập huấn đóng gói (API)", 4_000_000);
        second.SubjectId = subject;
        using var viaApi = await api.PostJsonAsync("/api/v1/support/records", second);
        Assert.Equal(HttpStatusCode.Created, viaApi.StatusCode);
        var created = await viaApi.ReadAsync<SupportRecordDetail>();
        var records = await app.QueryAsync(db => db.SupportRecords.AsNoTracking().Where(r => r.BudgetAllocationId == allocation).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(2, records.Count);
        var (fromPage, fromApi) = (records[0], records[1]);
        Assert.Equal(created.Id, fromApi.Id);
        Assert.Equal(
            (fromPage.SubjectId, fromPage.Kind, fromPage.On, fromPage.Source, fromPage.OfficeId, fromPage.Version, fromPage.PaidVnd * 2 == fromPage.AmountVnd),
            (fromApi.SubjectId, fromApi.Kind, fromApi.On, fromApi.Source, fromApi.OfficeId, fromApi.Version, fromApi.PaidVnd * 2 == fromApi.AmountVnd));
        var (pageAudit, apiAudit) = ((await app.AuditAsync(nameof(SupportRecord), fromPage.Id))[0], (await app.AuditAsync(nameof(SupportRecord), fromApi.Id))[0]);
        Assert.Equal((pageAudit.Action, pageAudit.UserName), (apiAudit.Action, apiAudit.UserName));
        Assert.Equal(Demo.ProgramOffice, apiAudit.UserName);

        // A change from an old version: the page says so, the API answers 412; neither writes.
        var stale = Command("Tập huấn đóng gói (sửa)", 1_000_000);
        stale.SubjectId = subject;
        using var apiStale = await api.PutJsonAsync($"/api/v1/support/records/{fromApi.Id}", stale, "\"" + Id(fromApi.Version + 7) + "\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, apiStale.StatusCode);
        var form = Fill(await page.GetFormAsync($"/Planning/Support/Edit/{fromApi.Id}"), stale).Set("Input.Version", Id(fromApi.Version + 7));
        var pageStale = Html.SummaryErrors(await (await page.PostFormAsync(form)).Content.ReadAsStringAsync());
        Assert.Contains(SaveSupportRecord.StaleMessage, pageStale);
        Assert.Equal("Tập huấn đóng gói (API)", await app.QueryAsync(db => db.SupportRecords.Where(r => r.Id == fromApi.Id).Select(r => r.Description).SingleAsync()));

        // The current version: both write.
        using var apiChange = await api.PutJsonAsync($"/api/v1/support/records/{fromApi.Id}", stale, viaApi.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, apiChange.StatusCode);
        Assert.Equal(1_000_000, (await apiChange.ReadAsync<SupportRecordDetail>()).AmountVnd);
    }

    [Fact]
    public async Task A_commune_officers_token_cannot_record_support_for_another_communes_subject()
    {
        var officer = await app.As(Demo.HoaMinhOfficer);
        var api = ApiClient.WithToken(app, await ApiClient.MakeTokenAsync(officer));
        var before = await app.QueryAsync(db => db.SupportRecords.CountAsync());
        using var refused = await api.PostJsonAsync("/api/v1/support/records", new SaveSupportRecord.Command
        {
            SubjectId = await app.SubjectIdAsync(Demo.BaNam),
            Kind = SupportKind.Training,
            Description = "Tập huấn",
            On = Today,
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("subjectId", (await refused.FieldErrorsAsync()).Keys);
        Assert.Equal(before, await app.QueryAsync(db => db.SupportRecords.CountAsync()));
    }
}
