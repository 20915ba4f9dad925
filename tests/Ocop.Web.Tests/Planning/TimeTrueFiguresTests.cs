using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Core.Registry;
using Ocop.Web.Tests.Infrastructure;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Ocop.Web.Tests.Planning;

/// <summary>
/// Figures at a past date read the facts true on that date: a subject counts from its registration with the legal form,
/// channels and green value chain it had then; a report for a period holds nothing created after it; T7 counts products;
/// a target past its deadline is judged on its figure at the deadline. Through HTTP on the Châu Thành demo (plan 46/KH-UBND,
/// deadline 31/12/2025), whose facts change over 2023–2026.
/// </summary>
public class TimeTrueFiguresTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly End2023 = new(2023, 12, 31);
    private static readonly DateOnly End2024 = new(2024, 12, 31);
    private static readonly DateOnly End2025 = new(2025, 12, 31);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<int> PlanIdAsync() => app.IdAsync("plan46", () => app.QueryAsync(db => db.Plans.Where(p => p.Number == "46/KH-UBND").Select(p => p.Id).SingleAsync()));

    private Task<int> DistrictIdAsync() => app.IdAsync("district", () => app.QueryAsync(db => db.Units.Where(u => u.Code == "847").Select(u => u.Id).SingleAsync()));

    /// <summary>Plan 46's targets for the former Châu Thành district on the date, through the API, by code.</summary>
    private async Task<Dictionary<string, JsonElement>> TargetsAsync(DateOnly at)
    {
        var office = await app.As(Demo.ProgramOffice);
        using var json = JsonDocument.Parse(await office.GetStringAsync($"/api/v1/plans/{await PlanIdAsync()}/targets?unit=847&at={Iso(at)}"));
        return json.RootElement.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("code").GetString()!, t => t.Clone());
    }

    private static decimal? Value(JsonElement target, string property = "value") =>
        target.GetProperty(property) is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;

    private static (long Numerator, long? Denominator) Counts(JsonElement target) =>
        (target.GetProperty("numerator").GetInt64(), target.GetProperty("denominator") is { ValueKind: JsonValueKind.Number } d ? d.GetInt64() : null);

    /// <summary>
    /// A target's numerator and denominator on the date for the commune Châu Thành of today, which covers the former
    /// township, Đa Lộc, Mỹ Chánh and Thanh Mỹ and holds the records entered since (new subjects go there). Its code names
    /// it from 1 July 2025 on; before, the code named the township, so an earlier date asks the dashboard by the unit's id.
    /// </summary>
    private async Task<(long Numerator, long? Denominator)> ChauThanhOfTodayAsync(string code, DateOnly at)
    {
        var office = await app.As(Demo.ProgramOffice);
        if (at >= new DateOnly(2025, 7, 1))
        {
            using var json = JsonDocument.Parse(await office.GetStringAsync($"/api/v1/plans/{await PlanIdAsync()}/targets?unit={Demo.ChauThanhCommune}&at={Iso(at)}"));
            return Counts(json.RootElement.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("code").GetString() == code));
        }

        var commune = await app.CurrentCommuneIdAsync(Demo.ChauThanhCommune);
        var html = await office.GetPageAsync($"/Planning/Dashboard?plan={await PlanIdAsync()}&unit={commune}&at={Iso(at)}");
        var match = Regex.Match(html, "data-figure=\"" + Regex.Escape(code) + "\">[^<]*</a>.*?</td>\\s*<td[^>]*>\\s*<a [^>]*>(?<n>[0-9.]+)</a>(?:\\s*/\\s*<a [^>]*>(?<d>[0-9.]+)</a>)?", RegexOptions.Singleline);
        Assert.True(match.Success, $"No counts for {code} on the dashboard.");
        static long Number(string text) => long.Parse(text.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        return (Number(match.Groups["n"].Value), match.Groups["d"].Success ? Number(match.Groups["d"].Value) : null);
    }

    /// <summary>Creates a subject through the form as the program office, in the new commune Châu Thành; returns its id.</summary>
    private async Task<int> CreateSubjectAsync(string name, LegalForm form, DateOnly? registeredOn = null, params SalesChannels[] channels)
    {
        var office = await app.As(Demo.ProgramOffice);
        var page = await office.GetFormAsync("/Subjects/Edit");
        page.Set("Input.Name", name).Set("Input.LegalForm", form.ToString()).Set("Input.Address", "Ấp Phú Hòa")
            .Set("Input.Representative", "Nguyễn Văn Mới").Set("Input.CommuneId", Id(await app.CurrentCommuneIdAsync(Demo.ChauThanhCommune)))
            .Set("Input.RegisteredOn", Iso(registeredOn ?? Today)).SetAll("Input.SalesChannels", [.. channels.Select(c => c.ToString())]);
        using var response = await office.PostFormAsync(page);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Html.Text(await response.Content.ReadAsStringAsync()));
        return Html.IdFromLocation(response, "/Subjects/Details/");
    }

    [Fact]
    public async Task T3_at_31_12_2024_ignores_a_cooperative_registered_in_2026()
    {
        Assert.True(Today.Year >= 2026, "The test needs a date in 2026 or later.");
        var before2024 = await ChauThanhOfTodayAsync("T3", End2024);
        var beforeToday = await ChauThanhOfTodayAsync("T3", Today);

        await CreateSubjectAsync("Hợp tác xã Nông sản Phú Hòa (2026)", LegalForm.Cooperative);

        Assert.Equal(before2024, await ChauThanhOfTodayAsync("T3", End2024));
        Assert.Equal((beforeToday.Numerator + 1, beforeToday.Denominator + 1), await ChauThanhOfTodayAsync("T3", Today));
    }

    [Fact]
    public async Task A_subject_transcribed_later_counts_from_the_registration_date_the_office_enters()
    {
        var at2023 = await ChauThanhOfTodayAsync("T3", End2023);
        var at2024 = await ChauThanhOfTodayAsync("T3", End2024);

        var id = await CreateSubjectAsync("Hợp tác xã Dừa sáp Phú Hòa (chép từ hồ sơ giấy)", LegalForm.Cooperative, new DateOnly(2024, 6, 1));

        Assert.Equal(at2023, await ChauThanhOfTodayAsync("T3", End2023));
        Assert.Equal((at2024.Numerator + 1, at2024.Denominator + 1), await ChauThanhOfTodayAsync("T3", End2024));
        var details = Html.Text(await (await app.As(Demo.ProgramOffice)).GetPageAsync($"/Subjects/Details/{id}"));
        Assert.Contains("01/06/2024", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task T3_T4_and_T6_at_the_ends_of_2023_2024_and_2025_read_the_facts_of_those_dates()
    {
        var years = new[] { End2023, End2024, End2025 };
        var figures = new List<Dictionary<string, JsonElement>>();
        foreach (var at in years)
        {
            figures.Add(await TargetsAsync(at));
        }

        foreach (var code in new[] { "T3", "T4", "T6" })
        {
            var values = figures.Select(f => Value(f[code])).ToList();
            Assert.True(values.Distinct().Count() == 3, $"{code} at the ends of 2023, 2024, 2025: {string.Join(" / ", values)}");
        }

        // Each is the core's figure over the facts true on that date, read straight from the database.
        for (var i = 0; i < years.Length; i++)
        {
            var expected = await ExpectedFigures.Plan46Async(app, years[i]);
            foreach (var code in new[] { "T3", "T4", "T6" })
            {
                Assert.Equal((expected[code].Value, expected[code].Numerator, expected[code].Denominator),
                    (Value(figures[i][code]), Counts(figures[i][code]).Numerator, Counts(figures[i][code]).Denominator));
            }
        }
    }

    [Fact]
    public async Task A_change_dated_before_the_latest_recorded_change_is_refused_and_nothing_is_written()
    {
        var office = await app.As(Demo.ProgramOffice);
        var id = await CreateSubjectAsync("Hộ kinh doanh Bánh canh Phú Hòa (đổi loại hình)", LegalForm.HouseholdBusiness, new DateOnly(2021, 1, 1));
        var first = await office.GetFormAsync($"/Subjects/Edit/{id}");
        first.Set("Input.LegalForm", nameof(LegalForm.Cooperative)).Set("Input.EffectiveOn", "2024-07-01");
        using (var saved = await office.PostFormAsync(first))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var counts = await app.CountsAsync();
        var periods = await app.QueryAsync(db => db.Set<Ocop.Web.Data.SubjectLegalFormPeriod>().CountAsync());
        var form = await office.GetFormAsync($"/Subjects/Edit/{id}");
        form.Set("Input.LegalForm", nameof(LegalForm.Company)).Set("Input.EffectiveOn", "2024-03-01").Set("Input.Phone", "0911 000 111");
        using var refused = await office.PostFormAsync(form);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Đã ghi nhận thay đổi từ ngày 01/07/2024", Html.FieldErrors(await refused.Content.ReadAsStringAsync())["Input.EffectiveOn"], StringComparison.Ordinal);
        Assert.Equal(counts, await app.CountsAsync());
        Assert.Equal(periods, await app.QueryAsync(db => db.Set<Ocop.Web.Data.SubjectLegalFormPeriod>().CountAsync()));

        // A date after today and a registration after the first change are refused the same way.
        form.Set("Input.EffectiveOn", Iso(Today.AddDays(1)));
        using var future = await office.PostFormAsync(form);
        Assert.Contains("không được sau hôm nay", Html.FieldErrors(await future.Content.ReadAsStringAsync())["Input.EffectiveOn"], StringComparison.Ordinal);
        form.Set("Input.EffectiveOn", Iso(Today)).Set("Input.RegisteredOn", "2024-08-01");
        using var registration = await office.PostFormAsync(form);
        Assert.Contains("phải trước các thay đổi đã ghi nhận", Html.FieldErrors(await registration.Content.ReadAsStringAsync())["Input.RegisteredOn"], StringComparison.Ordinal);
        Assert.Equal(counts, await app.CountsAsync());
    }

    [Fact]
    public async Task A_corrected_registration_date_moves_the_subjects_first_facts_with_it()
    {
        var office = await app.As(Demo.ProgramOffice);
        var id = await CreateSubjectAsync("Tổ hợp tác Đan đát Phú Hòa (ngày đăng ký sửa lại)", LegalForm.CooperativeGroup, new DateOnly(2025, 3, 1), SalesChannels.ECommerce);
        var (t3, t6) = (await ChauThanhOfTodayAsync("T3", End2024), await ChauThanhOfTodayAsync("T6", End2024));

        var form = await office.GetFormAsync($"/Subjects/Edit/{id}");
        form.Set("Input.RegisteredOn", "2024-02-01");
        using var saved = await office.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal((t3.Numerator + 1, t3.Denominator + 1), await ChauThanhOfTodayAsync("T3", End2024));
        Assert.Equal(t6.Numerator + 1, (await ChauThanhOfTodayAsync("T6", End2024)).Numerator);
        var periods = await app.QueryAsync(db => db.Set<Ocop.Web.Data.SubjectChannelPeriod>().Where(p => p.SubjectId == id).Select(p => p.StartedOn).ToListAsync());
        Assert.Equal([new DateOnly(2024, 2, 1)], periods);
    }

    /// <summary>Whoever writes a subject's columns without a dated change (an import, a script), the change takes effect today.</summary>
    [Fact]
    public async Task A_change_written_to_the_columns_without_a_date_takes_effect_today_and_keeps_the_past()
    {
        var id = await CreateSubjectAsync("Hộ kinh doanh Nem Phú Hòa (ghi thẳng)", LegalForm.HouseholdBusiness, new DateOnly(2022, 1, 1));
        var at2025 = await ChauThanhOfTodayAsync("T6", End2025);
        var today = await ChauThanhOfTodayAsync("T6", Today);

        await app.QueryAsync(async db =>
        {
            var subject = await db.Subjects.SingleAsync(s => s.Id == id);
            subject.SalesChannels = SalesChannels.Supermarket;
            return await db.SaveChangesAsync();
        });

        Assert.Equal(at2025, await ChauThanhOfTodayAsync("T6", End2025));
        Assert.Equal(today.Numerator + 1, (await ChauThanhOfTodayAsync("T6", Today)).Numerator);
        var channel = await app.QueryAsync(db => db.Set<Ocop.Web.Data.SubjectChannelPeriod>().SingleAsync(p => p.SubjectId == id));
        Assert.Equal((SalesChannels.Supermarket, Today, (DateOnly?)null), (channel.Channel, channel.StartedOn, channel.EndedOn));
    }

    /// <summary>The migration default: a subject from before dated facts gets its creation day as registration date and its facts from then.</summary>
    [Fact]
    public async Task A_subject_recorded_before_dated_facts_gets_its_facts_from_its_creation_day()
    {
        var id = await CreateSubjectAsync("Hợp tác xã Sen Phú Hòa (trước khi có lịch sử)", LegalForm.Cooperative, new DateOnly(2020, 5, 5), SalesChannels.ECommerce);
        var created = await app.QueryAsync(async db =>
        {
            // As the row stood before the migration: no periods, no registration date.
            await db.Set<Ocop.Web.Data.SubjectLegalFormPeriod>().Where(p => p.SubjectId == id).ExecuteDeleteAsync();
            await db.Set<Ocop.Web.Data.SubjectChannelPeriod>().Where(p => p.SubjectId == id).ExecuteDeleteAsync();
            await db.Subjects.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.RegisteredOn, default(DateOnly)));
            return await db.Subjects.Where(s => s.Id == id).Select(s => s.CreatedAt).SingleAsync();
        });

        await app.QueryAsync(async db =>
        {
            await Ocop.Web.Data.SubjectFactBackfill.RunAsync(db);
            return 0;
        });

        var day = DateOnly.FromDateTime(created.AddHours(7));
        var subject = await app.SubjectAsync(id);
        Assert.Equal(day, subject.RegisteredOn);
        var form = await app.QueryAsync(db => db.Set<Ocop.Web.Data.SubjectLegalFormPeriod>().SingleAsync(p => p.SubjectId == id));
        Assert.Equal((LegalForm.Cooperative, day, (DateOnly?)null), (form.LegalForm, form.StartedOn, form.EndedOn));
        var channel = await app.QueryAsync(db => db.Set<Ocop.Web.Data.SubjectChannelPeriod>().SingleAsync(p => p.SubjectId == id));
        Assert.Equal((SalesChannels.ECommerce, day), (channel.Channel, channel.StartedOn));
    }

    [Fact]
    public async Task A_legal_form_change_recorded_with_its_date_changes_T3_from_that_date_and_keeps_the_past()
    {
        var office = await app.As(Demo.ProgramOffice);
        var id = await CreateSubjectAsync("Hộ kinh doanh Mắm tép Phú Hòa (thành HTX 2024)", LegalForm.HouseholdBusiness, new DateOnly(2022, 3, 1));
        var at2023 = await ChauThanhOfTodayAsync("T3", End2023);
        var at2024 = await ChauThanhOfTodayAsync("T3", End2024);

        var form = await office.GetFormAsync($"/Subjects/Edit/{id}");
        form.Set("Input.LegalForm", nameof(LegalForm.Cooperative)).Set("Input.EffectiveOn", "2024-07-01");
        using var saved = await office.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal(at2023, await ChauThanhOfTodayAsync("T3", End2023));
        Assert.Equal((at2024.Numerator + 1, at2024.Denominator), await ChauThanhOfTodayAsync("T3", End2024));
        var details = Html.Text(await office.GetPageAsync($"/Subjects/Details/{id}"));
        Assert.Matches(@"Hộ kinh doanh[^<]*</td>\s*<td[^>]*>01/03/2022</td>\s*<td[^>]*>01/07/2024</td>", details);
        Assert.Matches(@"Hợp tác xã[^<]*</td>\s*<td[^>]*>01/07/2024</td>", details);
    }

    [Fact]
    public async Task T7_counts_two_trademark_records_for_one_product_once()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var subject = Id(await app.SubjectIdAsync(Demo.BaNam));
        var product = Id(await app.ProductIdAsync(Demo.BanhTetNhanChuoi));
        var before = Value((await TargetsAsync(Today))["T7b"]);

        foreach (var (description, on) in new[] { ("Hỗ trợ đăng ký nhãn hiệu bánh tét nhân chuối", Iso(Today.AddDays(-40))), ("Hỗ trợ gia hạn hồ sơ nhãn hiệu bánh tét nhân chuối", Iso(Today.AddDays(-10))) })
        {
            var form = await officer.GetFormAsync("/Planning/Support/Edit");
            form.Set("Input.SubjectId", subject).Set("Input.ProductId", product).Set("Input.Kind", nameof(SupportKind.Trademark))
                .Set("Input.Description", description).Set("Input.On", on);
            using var created = await officer.PostFormAsync(form);
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        Assert.Equal(before + 1, Value((await TargetsAsync(Today))["T7b"]));
    }

    [Fact]
    public async Task A_target_past_its_deadline_shows_its_verdict_at_the_deadline_with_todays_figure_beside()
    {
        Assert.True(Today > End2025, "The test needs plan 46's deadline (31/12/2025) to have passed.");
        var atDeadline = await TargetsAsync(End2025);
        var today = await TargetsAsync(Today);

        // The API: the verdict on the figure at the deadline, and today's figure beside it.
        foreach (var (code, target) in today)
        {
            var deadlineValue = Value(target, "deadlineValue");
            Assert.Equal(Value(atDeadline[code]), deadlineValue);
            Assert.True(target.GetProperty("judged").GetBoolean(), code);
            var reached = deadlineValue >= target.GetProperty("targetValue").GetDecimal();
            Assert.Equal(reached ? "Achieved" : "NotAchieved", target.GetProperty("status").GetString());
            Assert.Equal(reached ? "Đạt" : "Không đạt", target.GetProperty("statusName").GetString());
        }

        // The dashboard.
        var office = await app.As(Demo.ProgramOffice);
        var html = await office.GetPageAsync($"/Planning/Dashboard?plan={await PlanIdAsync()}&unit={await DistrictIdAsync()}&at={Iso(Today)}");
        foreach (var (code, target) in today)
        {
            var output = Enum.Parse<MeasureOutput>(target.GetProperty("output").GetString()!);
            Assert.Equal(Ocop.Web.Features.Planning.PlanDisplay.Figure(Value(target, "deadlineValue"), output), Marked(html, "data-deadline-figure", code));
            Assert.Equal(Ocop.Web.Features.Planning.PlanDisplay.Figure(Value(target), output), Marked(html, "data-figure", code));
            Assert.Equal(target.GetProperty("statusName").GetString(), Marked(html, "data-state", code));
        }

        // The periodic report drafted today: result at the deadline, verdict, and the figure on the report's last day.
        using var response = await office.GetAsync($"/Reports?handler=Docx&plan={await PlanIdAsync()}&unit={await DistrictIdAsync()}&from=2026-01-01&to={Iso(Today)}");
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Select(r => r.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList())
            .Where(cells => cells.Count == 6 && today.ContainsKey(cells[0])).ToDictionary(cells => cells[0]);
        foreach (var (code, target) in today)
        {
            var output = Enum.Parse<MeasureOutput>(target.GetProperty("output").GetString()!);
            Assert.True(rows.ContainsKey(code), $"target {code} is missing from the report");
            Assert.Equal(Ocop.Web.Features.Planning.PlanDisplay.Figure(Value(target, "deadlineValue"), output), rows[code][3]);
            Assert.Equal(target.GetProperty("statusName").GetString(), rows[code][4]);
            Assert.Equal(Ocop.Web.Features.Planning.PlanDisplay.Figure(Value(target), output), rows[code][5]);
        }
    }

    [Fact]
    public async Task The_2025_report_ignores_records_created_in_2026()
    {
        Assert.True(Today.Year >= 2026, "The test needs a date in 2026 or later.");
        var office = await app.As(Demo.ProgramOffice);
        var query = $"plan={await PlanIdAsync()}&unit={await DistrictIdAsync()}&from=2025-01-01&to=2025-12-31";
        var before = await ReportAsync(office, query);

        // Records created today: a subject (registered today) with a product, an idea filed for the 2025 cycle, and a
        // commune's report on its 2025 task.
        var subject = await CreateSubjectAsync("Tổ hợp tác Bánh ít Phú Hòa (2026)", LegalForm.CooperativeGroup, null, SalesChannels.ECommerce);
        var product = await office.GetFormAsync($"/Products/Edit?subject={subject}");
        product.Set("Input.Name", "Bánh ít lá gai Phú Hòa").Set("Input.CommuneId", Id(await app.CurrentCommuneIdAsync(Demo.ChauThanhCommune)))
            .Set("Input.CategoryId", Id(await app.CategoryIdAsync(Demo.RiceProductsCategory)));
        using (var created = await office.PostFormAsync(product))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Redirect, string.Join("; ", Html.FieldErrors(await created.Content.ReadAsStringAsync())));
        }

        var idea = await office.GetFormAsync("/Cycle/Create");
        idea.Set("Input.Year", "2025").Set("Input.CommuneId", Id(await app.CommuneIdAsync(Demo.DaLoc)))
            .Set("Input.ProposerName", "Hộ ông Sáu").Set("Input.IdeaName", "Bánh ít lá gai (ghi muộn)");
        using (var filed = await office.PostFormAsync(idea))
        {
            Assert.True(filed.StatusCode == HttpStatusCode.Redirect, string.Join("; ", Html.FieldErrors(await filed.Content.ReadAsStringAsync())));
        }

        // A task of the program office added today to run from 2025, reported done for 2025 the same day.
        var programOffice = await app.QueryAsync(db => db.Offices.Where(o => o.IsProgramOffice).Select(o => o.Id).FirstAsync());
        var taskForm = await office.GetFormAsync("/Tasks/Edit");
        taskForm.Set("Input.PlanNumber", "46/KH-UBND").Set("Input.Section", "IV.1").Set("Input.Owner", "o" + Id(programOffice))
            .Set("Input.Title", "Rà soát sản phẩm tiềm năng năm 2025 (ghi muộn)").Set("Input.Recurrence", nameof(Recurrence.Yearly)).Set("Input.StartsOn", "2025-01-01");
        using var taskCreated = await office.PostFormAsync(taskForm);
        Assert.True(taskCreated.StatusCode == HttpStatusCode.Redirect, string.Join("; ", Html.FieldErrors(await taskCreated.Content.ReadAsStringAsync())));
        var task = Html.IdFromLocation(taskCreated, "/Tasks/Details/");
        var period = TaskSchedules.PeriodOf(TaskSchedule.Yearly(new DateOnly(2025, 1, 1), 12, 31), new DateOnly(2025, 6, 30)).Start;
        var report = await office.GetFormAsync($"/Tasks/Details/{task}", "Report");
        report.Set("Input.Period", Iso(period)).Set("Input.Text", "Báo cáo muộn cho năm 2025.").Set("Input.Done", "true");
        using (var reported = await office.PostFormAsync(report))
        {
            Assert.True(reported.StatusCode == HttpStatusCode.Redirect, string.Join("; ", Html.FieldErrors(await reported.Content.ReadAsStringAsync())));
        }

        var after = await ReportAsync(office, query);
        Assert.Equal(before.Document, after.Document);
        Assert.Equal(before.Products, after.Products);
        Assert.Equal(before.Subjects, after.Subjects);
    }

    /// <summary>A craft village counts while recognised: from the day it was recognised, until the day its recognition ended.</summary>
    [Fact]
    public async Task A_craft_village_counts_for_T5_only_while_it_is_recognised()
    {
        // Dates follow the demo's certificates, which are dated relative to today: the bánh tét village's product
        // (Bà Năm's, recognised about three years ago) is valid on all of them.
        var at = Today.AddMonths(-6);
        var endedOn = at.AddDays(-60);
        var office = await app.As(Demo.ProgramOffice);
        var village = await app.QueryAsync(db => db.CraftVillages.Where(v => v.Name == "Làng nghề bánh tét Đa Lộc").Select(v => v.Id).SingleAsync());
        var before = Counts((await TargetsAsync(at))["T5"]);
        var dayBefore = Counts((await TargetsAsync(endedOn.AddDays(-1)))["T5"]);
        Assert.True(before.Numerator >= 1, "The demo's bánh tét village has a valid OCOP product six months ago.");

        var form = await office.GetFormAsync($"/CraftVillages/Edit/{village}");
        form.Set("Input.EndedOn", Iso(endedOn));
        using var saved = await office.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal((before.Numerator - 1, before.Denominator - 1), Counts((await TargetsAsync(at))["T5"]));
        Assert.Equal(dayBefore, Counts((await TargetsAsync(endedOn.AddDays(-1)))["T5"]));
        using var index = await office.GetAsync("/CraftVillages");
        Assert.Contains("thôi từ " + endedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), Html.Text(await index.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // An end before the recognition is refused on the form.
        var again = await office.GetFormAsync($"/CraftVillages/Edit/{village}");
        again.Set("Input.RecognisedOn", Iso(endedOn)).Set("Input.EndedOn", Iso(endedOn.AddDays(-1)));
        using var refused = await office.PostFormAsync(again);
        Assert.Contains("phải sau ngày công nhận", Html.FieldErrors(await refused.Content.ReadAsStringAsync())["Input.EndedOn"], StringComparison.Ordinal);
    }

    /// <summary>The text marked with the attribute for a target code (data-figure="T1">…&lt;).</summary>
    private static string Marked(string html, string attribute, string code)
    {
        var match = Regex.Match(html, attribute + "=\"" + Regex.Escape(code) + "\">(?<v>[^<]*)<");
        Assert.True(match.Success, $"No {attribute} for {code}.");
        return WebUtility.HtmlDecode(match.Groups["v"].Value);
    }

    private sealed record DraftedReport(string Document, string Products, string Subjects);

    private static async Task<DraftedReport> ReportAsync(HttpClient client, string query)
    {
        using var docx = await client.GetAsync("/Reports?handler=Docx&" + query);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var body = document.MainDocumentPart!.Document.Body!.OuterXml;

        using var annexes = await client.GetAsync("/Reports?handler=Annexes&" + query);
        var bytes = await annexes.Content.ReadAsByteArrayAsync();
        string Sheet(string name) => string.Join("\n", MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: name)
            .Cast<IDictionary<string, object?>>().Select(r => string.Join(" | ", r.Values)));
        return new DraftedReport(body, Sheet("PL1 Sản phẩm theo xã"), Sheet("PL2 Chủ thể theo loại hình"));
    }
}
