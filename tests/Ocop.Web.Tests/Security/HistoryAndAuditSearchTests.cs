using System.Net;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Security;

/// <summary>Issue 13: every audited record type has a history page; administrators search the whole trail.</summary>
public class HistoryAndAuditSearchTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData(nameof(EvaluationRound))]
    [InlineData(nameof(CouncilMember))]
    [InlineData(nameof(MemberScoresheet))]
    [InlineData(nameof(Recognition))]
    [InlineData(nameof(PlanTarget))]
    [InlineData(nameof(PlanTask))]
    [InlineData(nameof(TaskReport))]
    [InlineData(nameof(SupportRecord))]
    public async Task The_history_of_every_audited_record_type_can_be_read(string type)
    {
        var id = await app.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == type).OrderBy(a => a.Id).Select(a => a.EntityId).FirstOrDefaultAsync());
        Assert.False(id is null, $"the demo data audits no {type}");
        var page = await (await app.As(Demo.Admin)).GetPageAsync($"/History/{type}/{id}");
        Assert.Contains("Lịch sử thay đổi", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Chưa có thay đổi nào được ghi nhận.", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(EvaluationRound))]
    [InlineData(nameof(Recognition))]
    public async Task A_commune_officer_cannot_read_the_history_of_a_round_or_a_decision(string type)
    {
        var id = await app.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == type).OrderBy(a => a.Id).Select(a => a.EntityId).FirstAsync());
        using var response = await (await app.As(Demo.ChauThanhOfficer)).GetAsync($"/History/{type}/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_administrator_finds_audit_entries_by_user_date_and_record_type()
    {
        var admin = await app.As(Demo.Admin);
        var today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // The administrator's own sign-in is an entry of today, on an account.
        var page = Html.Text(await admin.GetPageAsync($"/Audit/Search?user={Demo.Admin}&type=AppUser&from={today}&to={today}"));
        Assert.Contains("Đăng nhập", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>0 mục", page, StringComparison.Ordinal);
        var none = Html.Text(await admin.GetPageAsync($"/Audit/Search?user={Demo.Admin}&type=AppUser&from=2001-01-01&to=2001-01-02"));
        Assert.Contains("0 mục.", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_search_the_audit_trail_and_junk_filters_are_refused()
    {
        using (var office = await (await app.As(Demo.ProgramOffice)).GetAsync("/Audit/Search"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, office.StatusCode);
        }

        using var junk = await (await app.As(Demo.Admin)).GetAsync("/Audit/Search?type=NoSuchType");
        Assert.Equal(HttpStatusCode.BadRequest, junk.StatusCode);
    }
}
