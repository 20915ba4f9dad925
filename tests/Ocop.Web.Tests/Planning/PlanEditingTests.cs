using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Planning;

/// <summary>
/// Plans of today made by the offices through the forms: a plan and its targets, a copy to the next period, a commune's
/// own plan, and the dashboard that opens on the plan in force for the user's own unit. Each test makes its own plans
/// (numbers of its own), so none depends on another's.
/// </summary>
public partial class PlanEditingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<int> IndicatorIdAsync(string code) => app.QueryAsync(db => db.Indicators.Where(i => i.Code == code).Select(i => i.Id).SingleAsync());

    private Task<int> PlanCountAsync() => app.QueryAsync(db => db.Plans.CountAsync());

    private Task<int> TargetCountAsync() => app.QueryAsync(db => db.PlanTargets.CountAsync());

    private Task<Plan> PlanAsync(string number) =>
        app.QueryAsync(db => db.Plans.AsNoTracking().Include(p => p.Targets).SingleAsync(p => p.Number == number));

    /// <summary>The new-plan form filled for this year's plan of the unit.</summary>
    private static HtmlForm ThisYearsPlan(HtmlForm form, string number, string title, string issuer, int unitId) =>
        form.Set("Input.Number", number).Set("Input.Title", title).Set("Input.Issuer", issuer)
            .Set("Input.IssuedOn", Iso(new DateOnly(Today.Year, 1, 15)))
            .Set("Input.PeriodFrom", Iso(new DateOnly(Today.Year, 1, 1))).Set("Input.PeriodTo", Iso(new DateOnly(Today.Year, 12, 31)))
            .Set("Input.UnitId", Id(unitId));

    private async Task<int> AddTargetAsync(HttpClient client, int planId, string code, string indicator, string value)
    {
        var form = await client.GetFormAsync($"/Planning/Target?plan={planId}");
        form.Set("Input.Code", code).Set("Input.Wording", $"Chỉ tiêu {code} của kế hoạch").Set("Input.IndicatorId", Id(await IndicatorIdAsync(indicator)))
            .Set("Input.TargetValue", value);
        using var saved = await client.PostFormAsync(form);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        Assert.Equal($"/Planning/Details/{planId}", saved.Location());
        return await app.QueryAsync(db => db.PlanTargets.Where(t => t.PlanId == planId && t.Code == code).Select(t => t.Id).SingleAsync());
    }

    private static string Heading(string html) => Html.Text(HeadingPattern().Match(html).Groups["h"].Value).Trim();

    /// <summary>The figure the dashboard shows for a target (the link marked data-figure).</summary>
    private static string Figure(string html, string code)
    {
        var match = Regex.Match(html, "data-figure=\"" + Regex.Escape(code) + "\">(?<v>[^<]*)</a>");
        Assert.True(match.Success, $"No figure for {code}.");
        return WebUtility.HtmlDecode(match.Groups["v"].Value);
    }

    [Fact]
    public async Task A_plan_created_through_the_form_then_given_a_target_through_the_form_shows_on_the_dashboard()
    {
        var office = await app.As(Demo.ProgramOffice);
        // Phường Nguyệt Hóa: a commune of today that took in a former Châu Thành commune.
        var ward = await app.CurrentCommuneIdAsync("29254");
        var wardName = await app.QueryAsync(db => db.Units.Where(u => u.Id == ward).Select(u => u.Name).SingleAsync());

        using var created = await office.PostFormAsync(ThisYearsPlan(await office.GetFormAsync("/Planning/Edit"),
            "21/KH-UBND", $"Kế hoạch thực hiện Chương trình OCOP {wardName} năm {Today.Year}", "UBND phường Nguyệt Hóa", ward));

        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var planId = Html.IdFromLocation(created, "/Planning/Details/");
        var plan = await PlanAsync("21/KH-UBND");
        Assert.Equal((ward, new DateOnly(Today.Year, 1, 1), new DateOnly(Today.Year, 12, 31)), (plan.UnitId!.Value, plan.PeriodFrom, plan.PeriodTo));
        var audit = Assert.Single(await app.AuditAsync(nameof(Plan), planId));
        Assert.Equal((AuditAction.Created, Demo.ProgramOffice), (audit.Action, audit.UserName));

        // The target form offers the plan's last day as the deadline.
        var targetForm = await office.GetFormAsync($"/Planning/Target?plan={planId}");
        // Shown as the person reads and types it (issue 17): dd/MM/yyyy.
        Assert.Equal(plan.PeriodTo.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), targetForm["Input.Deadline"]);
        var target = await AddTargetAsync(office, planId, "P1", "SP-3SAO", "2");
        Assert.Equal(AuditAction.Created, Assert.Single(await app.AuditAsync(nameof(PlanTarget), target)).Action);

        var html = await office.GetPageAsync($"/Planning/Dashboard?plan={planId}");
        Assert.Equal($"Bảng điều khiển: 21/KH-UBND – {wardName}", Heading(html));
        Assert.NotEmpty(Figure(html, "P1"));
        Assert.Contains("≥ 2", Html.Text(html), StringComparison.Ordinal);
        var details = Html.Text(await office.GetPageAsync($"/Planning/Details/{planId}"));
        Assert.Contains("Đang thực hiện".ToLower(CultureInfo.GetCultureInfo("vi-VN")), details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Copying_a_plan_to_2031_2035_copies_its_targets_with_deadlines_at_the_new_end_or_writes_nothing()
    {
        var admin = await app.As(Demo.Admin);
        var source = await PlanAsync(DemoPlans2026.ProvincePlanNumber);
        Assert.NotEmpty(source.Targets);
        var form = await admin.GetFormAsync($"/Planning/Copy/{source.Id}");
        // The form proposes the period after the source's, for the same unit.
        Assert.Equal(("01/01/2031", "31/12/2035", Id(source.UnitId!.Value)), (form["Input.PeriodFrom"], form["Input.PeriodTo"], form["Input.UnitId"]));
        var (plans, targets) = (await PlanCountAsync(), await TargetCountAsync());

        form.Set("Input.Number", source.Number);
        using var duplicate = await admin.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains($"đã có kế hoạch số {source.Number}", Html.FieldErrors(await duplicate.Content.ReadAsStringAsync())["Input.Number"], StringComparison.Ordinal);
        Assert.Equal((plans, targets), (await PlanCountAsync(), await TargetCountAsync()));

        form.Set("Input.Number", "31/KH-UBND").Set("Input.Title", "Kế hoạch thực hiện Chương trình OCOP tỉnh Vĩnh Long giai đoạn 2031–2035");
        using var copied = await admin.PostFormAsync(form);

        Assert.True(copied.StatusCode == HttpStatusCode.Redirect, await copied.Content.ReadAsStringAsync());
        var copy = await PlanAsync("31/KH-UBND");
        Assert.Equal(Html.IdFromLocation(copied, "/Planning/Details/"), copy.Id);
        Assert.Equal((new DateOnly(2031, 1, 1), new DateOnly(2035, 12, 31), source.UnitId), (copy.PeriodFrom, copy.PeriodTo, copy.UnitId));
        Assert.Equal(
            source.Targets.OrderBy(t => t.Code, StringComparer.Ordinal).Select(t => (t.Code, t.IndicatorId, t.TargetValue, t.Direction, t.Wording, t.SortOrder)),
            copy.Targets.OrderBy(t => t.Code, StringComparer.Ordinal).Select(t => (t.Code, t.IndicatorId, t.TargetValue, t.Direction, t.Wording, t.SortOrder)));
        Assert.All(copy.Targets, t => Assert.Equal(new DateOnly(2035, 12, 31), t.Deadline));
        // The source keeps its own deadlines; the copy's plan and every target are in the audit trail.
        Assert.All((await PlanAsync(DemoPlans2026.ProvincePlanNumber)).Targets, t => Assert.Equal(new DateOnly(2030, 12, 31), t.Deadline));
        Assert.Equal(AuditAction.Created, Assert.Single(await app.AuditAsync(nameof(Plan), copy.Id)).Action);
        foreach (var t in copy.Targets)
        {
            Assert.Equal(AuditAction.Created, Assert.Single(await app.AuditAsync(nameof(PlanTarget), t.Id)).Action);
        }

        using var api = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/plans/{copy.Id}/targets"));
        Assert.Equal(source.Targets.Count, api.RootElement.GetProperty("targets").GetArrayLength());
    }

    [Fact]
    public async Task A_commune_officer_makes_their_commune_plan_and_their_dashboard_opens_on_it_headed_with_the_commune()
    {
        var officer = await app.As(Demo.HoaMinhOfficer);
        var hoaMinh = await app.CurrentCommuneIdAsync(Demo.HoaMinh);
        var chauThanh = await app.CurrentCommuneIdAsync(Demo.ChauThanhCommune);
        var plans = await PlanCountAsync();
        var form = ThisYearsPlan(await officer.GetFormAsync("/Planning/Edit"),
            "03/KH-UBND", $"Kế hoạch thực hiện Chương trình OCOP xã Hòa Minh năm {Today.Year}", "UBND xã Hòa Minh", chauThanh);

        // Another commune's plan is not theirs to make.
        using var refused = await officer.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("không lập được kế hoạch cho đơn vị này", Html.FieldErrors(await refused.Content.ReadAsStringAsync())["Input.UnitId"], StringComparison.Ordinal);
        Assert.Equal(plans, await PlanCountAsync());

        using var created = await officer.PostFormAsync(form.Set("Input.UnitId", Id(hoaMinh)));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var planId = Html.IdFromLocation(created, "/Planning/Details/");
        await AddTargetAsync(officer, planId, "X1", "SP-3SAO", "1");

        var html = await officer.GetPageAsync("/Planning/Dashboard");

        var hoaMinhName = await app.QueryAsync(db => db.Units.Where(u => u.Id == hoaMinh).Select(u => u.Name).SingleAsync());
        Assert.Equal($"Bảng điều khiển: 03/KH-UBND – {hoaMinhName}", Heading(html));
        Assert.NotEmpty(Figure(html, "X1"));
        Assert.Matches($"<option value=\"{planId}\" selected=\"selected\">", html);

        // The province's plan above them is read, not changed, by a commune officer.
        var province = await PlanAsync(DemoPlans2026.ProvincePlanNumber);
        foreach (var url in new[] { $"/Planning/Edit/{province.Id}", $"/Planning/Target?plan={province.Id}", $"/Planning/Target/{province.Targets[0].Id}" })
        {
            using var forbidden = await officer.GetAsync(url);
            Assert.True(forbidden.StatusCode == HttpStatusCode.Forbidden, url);
        }
    }

    [Fact]
    public async Task A_commune_officer_whose_commune_has_no_plan_opens_the_province_plan_headed_with_their_commune()
    {
        // Xã Song Lộc (since 1 July 2025) has no plan of its own in the demo.
        var songLoc = await app.CurrentCommuneIdAsync("29386");
        const string userName = "canbo.songloc";
        await app.WithUsersAsync(async users =>
        {
            var user = new AppUser { UserName = userName, FullName = "Cán bộ xã Song Lộc", Role = Role.CommuneOfficer };
            user.Units.Add(new UserUnit { UserId = user.Id, UnitId = songLoc });
            Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
            return user.Id;
        });
        var officer = await app.SignInAsync(userName, DemoData.Password);

        var html = await officer.GetPageAsync("/Planning/Dashboard");

        var name = await app.QueryAsync(db => db.Units.Where(u => u.Id == songLoc).Select(u => u.Name).SingleAsync());
        Assert.Equal($"Bảng điều khiển: {DemoPlans2026.ProvincePlanNumber} – {name}", Heading(html));
        // The picker lists the plans in force first: the province plan before the district plan that ended in 2025.
        var options = Regex.Matches(html, "<option value=\"\\d+\"[^>]*>(?<label>[^<]*)</option>").Select(m => WebUtility.HtmlDecode(m.Groups["label"].Value)).ToList();
        Assert.True(options.FindIndex(o => o.StartsWith(DemoPlans2026.ProvincePlanNumber, StringComparison.Ordinal))
            < options.FindIndex(o => o.StartsWith("46/KH-UBND", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_leader_opens_the_widest_plan_in_force_and_the_api_lists_plans_in_force_first()
    {
        var leader = await app.As(Demo.Leader);
        var html = await leader.GetPageAsync("/Planning/Dashboard");
        Assert.StartsWith($"Bảng điều khiển: {DemoPlans2026.ProvincePlanNumber} – ", Heading(html), StringComparison.Ordinal);

        using var plans = JsonDocument.Parse(await leader.GetStringAsync("/api/v1/plans"));
        var standings = plans.RootElement.EnumerateArray().Select(p => p.GetProperty("standing").GetString()).ToList();
        Assert.Equal("InForce", standings[0]);
        Assert.Equal(standings.OrderBy(s => s == "InForce" ? 0 : s == "Upcoming" ? 1 : 2), standings);
        var demo = plans.RootElement.EnumerateArray().Single(p => p.GetProperty("number").GetString() == DemoPlans2026.ProvincePlanNumber);
        Assert.Contains("demo", demo.GetProperty("note").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("86", demo.GetProperty("unitCode").GetString());
    }

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        // user, changes (field=value; …), field at fault, message
        { Demo.ProgramOffice, "Input.PeriodFrom=2026-12-31;Input.PeriodTo=2026-01-01", "Input.PeriodTo", "không được trước ngày bắt đầu" },
        { Demo.ProgramOffice, "Input.PeriodFrom=2026-02-30", "Input.PeriodFrom", "không hợp lệ" },
        { Demo.ProgramOffice, "Input.Number=", "Input.Number", "Nhập số kế hoạch." },
        { Demo.ProgramOffice, "Input.UnitId=", "Input.UnitId", "Chọn đơn vị của kế hoạch." },
        { Demo.ProgramOffice, "Input.UnitId=0", "Input.UnitId", "Chỉ quản trị hệ thống lập chương trình toàn quốc." },
        { Demo.Admin, "Input.UnitId=987654", "Input.UnitId", "Đơn vị không tồn tại." },
        { Demo.Admin, "Input.UnitId={district};Input.Number=46/KH-UBND;Input.PeriodFrom=2023-01-01;Input.PeriodTo=2025-12-31", "Input.Number", "Đơn vị này đã có kế hoạch số 46/KH-UBND." },
        { Demo.Admin, "Input.UnitId={district};Input.PeriodFrom=2026-01-01;Input.PeriodTo=2030-12-31", "Input.UnitId", "không có trong kỳ kế hoạch" },
        { Demo.Admin, "Input.ParentId=987654", "Input.ParentId", "Kế hoạch cấp trên không tồn tại." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_plan_input_gets_a_form_error_and_writes_nothing(string user, string changes, string field, string message)
    {
        var client = await app.As(user);
        var district = await app.QueryAsync(db => db.Units.Where(u => u.Code == "847").Select(u => u.Id).SingleAsync());
        var form = ThisYearsPlan(await client.GetFormAsync("/Planning/Edit"), "77/KH-UBND", "Kế hoạch thử", "UBND xã Hòa Minh",
            await app.CurrentCommuneIdAsync(Demo.HoaMinh));
        foreach (var change in changes.Split(';'))
        {
            var (name, value) = (change[..change.IndexOf('=', StringComparison.Ordinal)], change[(change.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            form.Set(name, value.Replace("{district}", Id(district), StringComparison.Ordinal));
        }

        var (plans, audit) = (await PlanCountAsync(), await app.QueryAsync(db => db.AuditEntries.CountAsync()));
        using var response = await client.PostFormAsync(form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {HttpClientExtensions.Shorten(html)}");
        Assert.Contains(message, Html.FieldErrors(html).GetValueOrDefault(field) ?? "(none)", StringComparison.Ordinal);
        Assert.Equal((plans, audit), (await PlanCountAsync(), await app.QueryAsync(db => db.AuditEntries.CountAsync())));
    }

    [Fact]
    public async Task An_edit_is_saved_and_audited_and_a_stale_cyclic_or_target_stranding_edit_is_refused()
    {
        var admin = await app.As(Demo.Admin);
        using var created = await admin.PostFormAsync(ThisYearsPlan(await admin.GetFormAsync("/Planning/Edit"),
            "05/KH-UBND", "Kế hoạch thử của phường Hòa Thuận", "UBND phường Hòa Thuận", await app.CurrentCommuneIdAsync("29398")));
        var planId = Html.IdFromLocation(created, "/Planning/Details/");
        await AddTargetAsync(admin, planId, "H1", "CT-KENH", "50");
        var child = await admin.PostFormAsync(ThisYearsPlan(await admin.GetFormAsync("/Planning/Edit"),
            "06/KH-UBND", "Kế hoạch con", "UBND phường Hòa Thuận", await app.CurrentCommuneIdAsync("29398")).Set("Input.ParentId", Id(planId)));
        var childId = Html.IdFromLocation(child, "/Planning/Details/");
        child.Dispose();

        var form = await admin.GetFormAsync($"/Planning/Edit/{planId}");
        using var renamed = await admin.PostFormAsync(form.Set("Input.Title", "Kế hoạch OCOP phường Hòa Thuận"));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var update = (await app.AuditAsync(nameof(Plan), planId)).Last();
        Assert.Equal(("Kế hoạch thử của phường Hòa Thuận", "Kế hoạch OCOP phường Hòa Thuận"), (update.Change("Title").Old, update.Change("Title").New));

        // The form above still carries the old version.
        using var stale = await admin.PostFormAsync(form.Set("Input.Title", "Tên khác"));
        Assert.Contains("vừa được người khác thay đổi", string.Join(" ", Html.SummaryErrors(await stale.Content.ReadAsStringAsync())), StringComparison.Ordinal);

        var fresh = await admin.GetFormAsync($"/Planning/Edit/{planId}");
        var parents = Regex.Match(await admin.GetPageAsync($"/Planning/Edit/{planId}"), "<select[^>]*name=\"Input.ParentId\"[^>]*>(?<options>.*?)</select>", RegexOptions.Singleline);
        Assert.Contains($"<option value=\"{childId}\"", parents.Groups["options"].Value, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{planId}\"", parents.Groups["options"].Value, StringComparison.Ordinal);
        using var cyclic = await admin.PostFormAsync(fresh.Set("Input.ParentId", Id(childId)));
        Assert.Contains("không thể là chính kế hoạch này", Html.FieldErrors(await cyclic.Content.ReadAsStringAsync())["Input.ParentId"], StringComparison.Ordinal);

        using var stranding = await admin.PostFormAsync(fresh.Set("Input.ParentId", "").Set("Input.PeriodTo", Iso(new DateOnly(Today.Year, 6, 30))));
        Assert.Contains("H1", Html.FieldErrors(await stranding.Content.ReadAsStringAsync())["Input.PeriodTo"], StringComparison.Ordinal);
        var kept = await app.QueryAsync(db => db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId));
        Assert.Equal(("Kế hoạch OCOP phường Hòa Thuận", new DateOnly(Today.Year, 12, 31), (int?)null), (kept.Title, kept.PeriodTo, kept.ParentId));

        // A target's deadline stays inside the plan's period.
        var target = await admin.GetFormAsync($"/Planning/Target?plan={planId}");
        using var late = await admin.PostFormAsync(target.Set("Input.Code", "H2").Set("Input.Wording", "Trễ hạn")
            .Set("Input.IndicatorId", Id(await IndicatorIdAsync("SP-3SAO"))).Set("Input.TargetValue", "1").Set("Input.Deadline", Iso(new DateOnly(Today.Year + 1, 1, 1))));
        Assert.Contains("nằm trong kỳ kế hoạch", Html.FieldErrors(await late.Content.ReadAsStringAsync())["Input.Deadline"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Demo.Department)]
    [InlineData(Demo.Council)]
    [InlineData(Demo.Leader)]
    public async Task Those_who_read_plans_do_not_make_them(string user)
    {
        var client = await app.As(user);
        var plan = (await PlanAsync(DemoPlans2026.ProvincePlanNumber)).Id;
        foreach (var url in new[] { "/Planning/Edit", $"/Planning/Edit/{plan}", $"/Planning/Copy/{plan}" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} {url}: {(int)response.StatusCode}");
        }

        var plans = await PlanCountAsync();
        using var posted = await client.PostWithTokenAsync("/Planning/Edit", ("Input.Number", "88/KH-UBND"), ("Input.Title", "x"), ("Input.Issuer", "x"),
            ("Input.IssuedOn", "2026-01-01"), ("Input.PeriodFrom", "2026-01-01"), ("Input.PeriodTo", "2026-12-31"), ("Input.UnitId", "0"));
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(plans, await PlanCountAsync());
        Assert.Contains("Kế hoạch", Html.Text(await client.GetPageAsync($"/Planning/Details/{plan}")), StringComparison.Ordinal);
    }

    [GeneratedRegex("<h1>(?<h>.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex HeadingPattern();
}
