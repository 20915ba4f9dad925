using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Planning;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Planning;

/// <summary>
/// Plans, the dashboard, its drill-down, the API and year-end snapshots through HTTP on the Châu Thành demo data. The
/// expected figures are computed here with the core over facts read straight from the database, not through the app.
/// </summary>
public partial class PlanningTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private Task<int> PlanIdAsync(string number) => app.QueryAsync(db => db.Plans.Where(p => p.Number == number).Select(p => p.Id).SingleAsync());

    private Task<int> DistrictIdAsync() => app.QueryAsync(db => db.Units.Where(u => u.Code == "847").Select(u => u.Id).SingleAsync());

    /// <summary>Each target of plan 46 for Châu Thành on the date, computed with the core over every fact of the district's communes (what the former district held).</summary>
    private Task<Dictionary<string, MeasureResult>> ExpectedAsync(DateOnly at) => app.QueryAsync(async db =>
    {
        var district = await db.Units.SingleAsync(u => u.Code == "847");
        var communes = (await db.Units.Where(u => u.ParentId == district.Id).Select(u => u.Id).ToListAsync()).ToHashSet();
        var certificates = await db.Certificates.AsNoTracking().ToListAsync();
        var facts = new PlanFacts(
            await db.Subjects.Select(s => new SubjectFact(s.Id, s.CommuneId, s.LegalForm, s.IsArchived, s.GreenValueChain, s.SalesChannels, s.WomenLed, s.WorkersTotal, s.WorkersTrained, s.CraftVillageId)).ToListAsync(),
            await db.Products.Select(p => new ProductFact(p.Id, p.SubjectId, p.CommuneId, p.CategoryId, p.Status == ProductStatus.Archived)).ToListAsync(),
            certificates.Select(c => new CertificateFact(c.Id, c.ProductId, c.Stars, c.IssuedOn, c.ExpiresOn, c.RevokedOn,
                certificates.FirstOrDefault(x => x.Id == c.SupersededById)?.IssuedOn, c.ReevaluationFiledOn, c.ReevaluationDecidedOn)).ToList(),
            await db.CraftVillages.Select(v => new CraftVillageFact(v.Id, v.CommuneId, v.IsTraditional, v.IsArchived)).ToListAsync(),
            await db.SupportRecords.Select(r => new SupportFact(r.Id, r.SubjectId, r.Subject!.CommuneId, r.Kind, r.On, r.IsArchived)).ToListAsync());
        var processes = (await db.EvaluationProcesses.ToListAsync()).Select(p => p.ToModel()).ToList();
        var policy = (EvaluationProcesses.InForceOn(at, processes) ?? processes.MinBy(p => p.EffectiveFrom)!).Certificates;
        var plan = await db.Plans.Include(p => p.Targets).ThenInclude(t => t.Indicator).SingleAsync(p => p.Number == "46/KH-UBND");
        var context = new MeasureContext(at, plan.PeriodFrom, policy);
        return plan.Targets.ToDictionary(t => t.Code, t => IndicatorEvaluation.Evaluate(t.Indicator!.ToDefinition(), facts.Within(communes), context));
    });

    private static string Shown(MeasureResult result, MeasureOutput output) => result.Value switch
    {
        null => "—",
        decimal v when output == MeasureOutput.Percent => v.ToString("0.0", CultureInfo.GetCultureInfo("vi-VN")) + " %",
        decimal v => v.ToString("#,##0.#", CultureInfo.GetCultureInfo("vi-VN")),
    };

    /// <summary>The figure the dashboard shows for a target (the link marked data-figure).</summary>
    private static string Figure(string html, string code)
    {
        var match = Regex.Match(html, "data-figure=\"" + Regex.Escape(code) + "\">(?<v>[^<]*)</a>");
        Assert.True(match.Success, $"No figure for {code}.");
        return WebUtility.HtmlDecode(match.Groups["v"].Value);
    }

    [Fact]
    public async Task Dashboard_shows_for_Chau_Thanh_the_figures_the_core_computes_for_each_of_the_eight_targets()
    {
        var leader = await app.As(Demo.Leader);
        var plan = await PlanIdAsync("46/KH-UBND");
        var at = Today;
        var expected = await ExpectedAsync(at);
        var outputs = await app.QueryAsync(async db => (await db.PlanTargets.Where(t => t.PlanId == plan).Select(t => new { t.Code, t.Indicator!.Output }).ToListAsync())
            .ToDictionary(t => t.Code, t => t.Output));

        // The district plan opens on its own unit and today.
        var html = await leader.GetPageAsync($"/Planning/Dashboard?plan={plan}");

        Assert.Equal(["T1", "T2", "T3", "T4", "T5", "T6", "T7a", "T7b"], expected.Keys.Order(StringComparer.Ordinal));
        foreach (var (code, result) in expected)
        {
            Assert.Equal(Shown(result, outputs[code]), Figure(html, code));
        }

        // The demo's support records make T7 true: one brand, two trademarks.
        Assert.Equal(1, expected["T7a"].Value);
        Assert.Equal(2, expected["T7b"].Value);
        Assert.True(expected["T1"].Value > 0);
        var text = Html.Text(html);
        Assert.Contains("Huyện Châu Thành", text, StringComparison.Ordinal);
        Assert.Contains("role=\"progressbar\"", html, StringComparison.Ordinal);
        Assert.Contains("Sản phẩm theo nhóm và hạng sao", text, StringComparison.Ordinal);
        Assert.Contains("Diễn biến theo năm", text, StringComparison.Ordinal);
        // The breakdown lists the district's communes.
        Assert.Contains("Đa Lộc", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_figure_links_to_the_records_behind_it()
    {
        var leader = await app.As(Demo.Leader);
        var expected = await ExpectedAsync(Today);
        var html = await leader.GetPageAsync($"/Planning/Dashboard?plan={await PlanIdAsync("46/KH-UBND")}");
        var link = Regex.Match(html, "href=\"(?<url>/Planning/Records[^\"]*)\" data-figure=\"T1\"").Groups["url"].Value;
        Assert.NotEmpty(link);

        var records = await leader.GetPageAsync(WebUtility.HtmlDecode(link));

        Assert.Equal(expected["T1"].NumeratorIds.Order(), Html.LinkedIds(records, "/Products/Details/").Order());
    }

    [Fact]
    public async Task A_commune_officer_sees_only_their_communes_and_a_producer_is_refused()
    {
        var officer = await app.As(Demo.HoaMinhOfficer);
        var html = Html.Text(await officer.GetPageAsync("/Planning/Dashboard"));
        Assert.DoesNotContain(">Đa Lộc<", html, StringComparison.Ordinal);

        var producer = await app.As(Demo.Producer);
        using var refused = await producer.GetAsync("/Planning/Dashboard");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Api_lists_plans_and_gives_each_target_with_its_figures()
    {
        var leader = await app.As(Demo.Leader);
        var plan = await PlanIdAsync("46/KH-UBND");
        var at = Today;
        var expected = await ExpectedAsync(at);

        using var plans = JsonDocument.Parse(await leader.GetStringAsync("/api/v1/plans"));
        var numbers = plans.RootElement.EnumerateArray().Select(p => p.GetProperty("number").GetString()).ToList();
        Assert.Contains("46/KH-UBND", numbers);
        Assert.Contains("919/QĐ-TTg", numbers);
        Assert.Contains("2207/QĐ-UBND", numbers);

        var url = $"/api/v1/plans/{plan}/targets?unit=847&at={at:yyyy-MM-dd}";
        using var targets = JsonDocument.Parse(await leader.GetStringAsync(url));
        var rows = targets.RootElement.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(8, rows.Count);
        foreach (var row in rows)
        {
            var code = row.GetProperty("code").GetString()!;
            var value = row.GetProperty("value");
            Assert.Equal(expected[code].Value, value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal());
            Assert.Equal(expected[code].Numerator, row.GetProperty("numerator").GetInt64());
            Assert.False(string.IsNullOrEmpty(row.GetProperty("status").GetString()));
            Assert.Equal("AtLeast", row.GetProperty("direction").GetString());
        }

        Assert.Equal(60m, rows.Single(r => r.GetProperty("code").GetString() == "T1").GetProperty("targetValue").GetDecimal());
    }

    [Theory]
    [InlineData("?at=31-12-2025", HttpStatusCode.BadRequest)]
    [InlineData("?unit=99999", HttpStatusCode.BadRequest)]
    [InlineData("/missing", HttpStatusCode.NotFound)]
    public async Task Api_answers_bad_dates_units_and_plans_with_problem_details(string query, HttpStatusCode status)
    {
        var leader = await app.As(Demo.Leader);
        var plan = await PlanIdAsync("46/KH-UBND");
        var url = query == "/missing" ? "/api/v1/plans/999999/targets" : $"/api/v1/plans/{plan}/targets{query}";

        using var response = await leader.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_refuses_a_unit_outside_a_commune_officers_communes()
    {
        var officer = await app.As(Demo.HoaMinhOfficer);
        var plan = await PlanIdAsync("46/KH-UBND");
        using var response = await officer.GetAsync($"/api/v1/plans/{plan}/targets?unit=29377"); // Đa Lộc
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_year_end_snapshot_keeps_the_past_figure_after_a_correction_and_cannot_be_taken_twice()
    {
        Assert.True(Today > new DateOnly(2025, 12, 31), "The test needs the end of 2025 to have passed.");
        var office = await app.As(Demo.ProgramOffice);
        var plan = await PlanIdAsync("46/KH-UBND");
        var district = await DistrictIdAsync();
        var pastUrl = $"/Planning/Dashboard?plan={plan}&unit={district}&at=2025-12-31";
        var before = await ExpectedAsync(new DateOnly(2025, 12, 31));

        var form = await office.GetFormAsync(pastUrl, "Snapshot");
        form.Set("year", "2025");
        using var taken = await office.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var snapshots = await app.QueryAsync(db => db.IndicatorSnapshots.CountAsync(s => s.UnitId == district && s.AsOf == new DateOnly(2025, 12, 31)));
        Assert.Equal(8, snapshots);

        // A correction after the close: one more subject with a green value chain in the district.
        var subject = await app.QueryAsync(db => db.Subjects.Where(s => !s.GreenValueChain && !s.IsArchived && s.Commune!.ParentId == district).Select(s => s.Id).FirstAsync());
        await app.QueryAsync(async db =>
        {
            var s = await db.Subjects.SingleAsync(x => x.Id == subject);
            s.GreenValueChain = true;
            return await db.SaveChangesAsync();
        });
        var after = await ExpectedAsync(new DateOnly(2025, 12, 31));
        Assert.NotEqual(before["T4"].Value, after["T4"].Value);

        var html = await office.GetPageAsync(pastUrl);
        Assert.Equal(Shown(before["T4"], MeasureOutput.Percent), Figure(html, "T4"));
        Assert.Contains("đã điều chỉnh sau khi chốt: số liệu hiện tại " + Shown(after["T4"], MeasureOutput.Percent), Html.Text(html), StringComparison.Ordinal);

        using var api = JsonDocument.Parse(await office.GetStringAsync($"/api/v1/plans/{plan}/targets?unit=847&at=2025-12-31"));
        var t4 = api.RootElement.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "T4");
        Assert.Equal(before["T4"].Value, t4.GetProperty("snapshotValue").GetDecimal());
        Assert.Equal(after["T4"].Value, t4.GetProperty("currentValue").GetDecimal());
        Assert.True(t4.GetProperty("correctedAfterSnapshot").GetBoolean());

        // A second close of the same year is refused, and nothing changes.
        var again = await office.GetFormAsync(pastUrl, "Snapshot");
        again.Set("year", "2025");
        using var refused = await office.PostFormAsync(again);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("đã được chốt", Html.Text(await office.GetPageAsync(refused.Location())), StringComparison.Ordinal);
        Assert.Equal(8, await app.QueryAsync(db => db.IndicatorSnapshots.CountAsync(s => s.UnitId == district && s.AsOf == new DateOnly(2025, 12, 31))));

        // The store itself refuses to change a snapshot.
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.QueryAsync(async db =>
        {
            var s = await db.IndicatorSnapshots.FirstAsync();
            s.Numerator += 1;
            return await db.SaveChangesAsync();
        }));

        // Leaders may not take snapshots.
        var leader = await app.As(Demo.Leader);
        using var forbidden = await leader.PostWithTokenAsync("/Planning/Dashboard?handler=Snapshot", ("plan", plan.ToString(CultureInfo.InvariantCulture)), ("unit", district.ToString(CultureInfo.InvariantCulture)), ("year", "2024"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task A_new_indicator_needs_the_parameters_of_its_kind_and_a_new_code()
    {
        var office = await app.As(Demo.ProgramOffice);
        var form = await office.GetFormAsync("/Planning/Indicators");
        form.Set("Input.Code", "HT-BAOBI").Set("Input.Name", "Sản phẩm được hỗ trợ bao bì").Set("Input.Kind", nameof(MeasureKind.SupportRecords)).Set("Input.Output", nameof(MeasureOutput.Count));

        using var missing = await office.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Chọn loại hỗ trợ.", Html.FieldErrors(await missing.Content.ReadAsStringAsync())["Input.Kind"], StringComparison.Ordinal);

        form.Set("Input.Code", "SP-3SAO").Set("Input.SupportKind", nameof(SupportKind.PackagingAndLabels));
        using var duplicate = await office.PostFormAsync(form);
        Assert.Contains("đã có", Html.FieldErrors(await duplicate.Content.ReadAsStringAsync())["Input.Code"], StringComparison.Ordinal);

        form.Set("Input.Code", "HT-BAOBI");
        using var created = await office.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var indicator = await app.QueryAsync(db => db.Indicators.SingleAsync(i => i.Code == "HT-BAOBI"));
        Assert.Equal(SupportKind.PackagingAndLabels, indicator.SupportKind);
        Assert.Equal(MeasureKind.SupportRecords, indicator.Kind);
    }

    [Fact]
    public async Task A_target_is_validated_then_added_to_the_plan_and_shown_on_the_dashboard()
    {
        // The province plan is seeded without targets; the other tests read the district plan's eight.
        var office = await app.As(Demo.Admin);
        var plan = await PlanIdAsync("2207/QĐ-UBND");
        var share = await app.QueryAsync(db => db.Indicators.Where(i => i.Code == "CT-PHUNU").Select(i => i.Id).SingleAsync());
        var form = await office.GetFormAsync($"/Planning/Target?plan={plan}");
        using var first = await office.PostFormAsync((await office.GetFormAsync($"/Planning/Target?plan={plan}"))
            .Set("Input.Code", "T3").Set("Input.Wording", "Chủ thể là hợp tác xã").Set("Input.IndicatorId", share.ToString(CultureInfo.InvariantCulture))
            .Set("Input.TargetValue", "30").Set("Input.Deadline", "2025-12-31"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        form.Set("Input.Code", "T3").Set("Input.Wording", "Chủ thể do phụ nữ làm chủ").Set("Input.IndicatorId", share.ToString(CultureInfo.InvariantCulture))
            .Set("Input.TargetValue", "140").Set("Input.Deadline", "2025-12-31");

        using var invalid = await office.PostFormAsync(form);
        var errors = Html.FieldErrors(await invalid.Content.ReadAsStringAsync());
        Assert.Contains("đã có chỉ tiêu mang mã này", errors["Input.Code"], StringComparison.Ordinal);
        Assert.Contains("100 %", errors["Input.TargetValue"], StringComparison.Ordinal);

        form.Set("Input.Code", "T8").Set("Input.TargetValue", "40.5");
        using var created = await office.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"/Planning/Details/{plan}", created.Location());
        var html = await office.GetPageAsync("/Planning/Dashboard?plan=" + plan);
        Assert.NotEqual("", Figure(html, "T8"));
        Assert.Contains("≥ 40,5 %", Html.Text(html), StringComparison.Ordinal);
        Assert.Equal(40.5m, await app.QueryAsync(db => db.PlanTargets.Where(t => t.PlanId == plan && t.Code == "T8").Select(t => t.TargetValue).SingleAsync()));

        var leader = await app.As(Demo.Leader);
        using var refused = await leader.GetAsync($"/Planning/Target?plan={plan}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_support_record_counts_for_T7_and_archiving_it_takes_it_out()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var plan = await PlanIdAsync("46/KH-UBND");
        var subject = await app.SubjectIdAsync(Demo.BaNam);
        var before = (await ExpectedAsync(Today))["T7a"].Value;

        var form = await officer.GetFormAsync("/Planning/Support/Edit");
        form.Set("Input.SubjectId", subject.ToString(CultureInfo.InvariantCulture)).Set("Input.Kind", nameof(SupportKind.Brand))
            .Set("Input.Description", "Hỗ trợ xây dựng thương hiệu bánh tét").Set("Input.On", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Set("Input.AmountVnd", "5000000");
        using var created = await officer.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var leader = await app.As(Demo.Leader);
        Assert.Equal(Shown(new MeasureResult(before + 1, 0, null, RecordKind.SupportRecords, [], []), MeasureOutput.Count), Figure(await leader.GetPageAsync("/Planning/Dashboard?plan=" + plan), "T7a"));

        var id = await app.QueryAsync(db => db.SupportRecords.Where(r => r.Description == "Hỗ trợ xây dựng thương hiệu bánh tét").Select(r => r.Id).SingleAsync());
        var audit = await app.AuditAsync(nameof(SupportRecord), id);
        Assert.Equal(AuditAction.Created, Assert.Single(audit).Action);

        // Another commune's officer does not reach it.
        var other = await app.As(Demo.HoaMinhOfficer);
        using var hidden = await other.GetAsync($"/Planning/Support/Edit/{id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        var edit = await officer.GetFormAsync($"/Planning/Support/Edit/{id}");
        edit.Set("Input.IsArchived", "true");
        using var archived = await officer.PostFormAsync(edit);
        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        Assert.Equal(before, (await ExpectedAsync(Today))["T7a"].Value);
    }
}
