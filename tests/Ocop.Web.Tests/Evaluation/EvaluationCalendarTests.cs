using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Evaluation;

/// <summary>
/// The round calendar, the holidays it counts over, warnings before a round is saved, the scoresheets as open data, and
/// a coconut candy scored on the corrected I.3.c sheet.
/// </summary>
public class EvaluationCalendarTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_calendar_shows_the_fixed_rounds_of_the_year_and_the_commune_checks_due_over_the_holidays()
    {
        var office = await app.As(Demo.ProgramOffice);
        var page = await office.GetPageAsync("/EvaluationCalendar?year=2026");
        var text = Html.Text(page);
        Assert.Contains("Đợt 1", text, StringComparison.Ordinal);
        Assert.Contains("30/06/2026", text, StringComparison.Ordinal);
        Assert.Contains("30/12/2026", text, StringComparison.Ordinal);
        // The demo's round 1 of 2026 closed before 30/06/2026.
        Assert.Contains("data-state=\"Done\"", page, StringComparison.Ordinal);

        // A dossier received on Wednesday 26/08/2026 under 26/2026 is due 15 working days later, after 1 and 2 September: 18/09/2026.
        var dossier = await app.QueryAsync(async db =>
        {
            var product = await db.Products.Where(p => p.Name == Demo.BanhTetMyChanh).Select(p => p.Id).SingleAsync();
            var d = new Dossier { ProductId = product, Year = 2090, Variant = DossierVariant.FirstEvaluation, State = DossierState.Submitted, SubmittedAt = new DateTime(2026, 8, 26, 2, 0, 0, DateTimeKind.Utc) };
            db.Dossiers.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });
        var communes = Html.Text(await office.GetPageAsync("/EvaluationCalendar?year=2026&level=CommuneCheck"));
        Assert.Contains("18/09/2026", communes, StringComparison.Ordinal);
        Assert.Contains("Trễ hạn", communes, StringComparison.Ordinal);
        Assert.Contains("18/09/2026", Html.Text(await office.GetPageAsync($"/Dossiers/Details/{dossier}")), StringComparison.Ordinal);

        using var producer = await (await app.As(Demo.Producer)).GetAsync("/EvaluationCalendar");
        Assert.Equal(HttpStatusCode.Forbidden, producer.StatusCode);
        using var badLevel = await office.GetAsync("/EvaluationCalendar?level=abc&year=x");
        Assert.Equal(HttpStatusCode.OK, badLevel.StatusCode);
    }

    [Fact]
    public async Task The_office_keeps_the_holidays_and_a_weekend_day_off_is_refused_with_a_message()
    {
        var office = await app.As(Demo.ProgramOffice);
        var page = Html.Text(await office.GetPageAsync("/EvaluationCalendar/Holidays?year=2026"));
        Assert.Contains("Tết Nguyên đán Bính Ngọ", page, StringComparison.Ordinal);

        var form = await office.GetFormAsync("/EvaluationCalendar/Holidays?year=2027", "Add");
        form.Set("Input.Date", "2027-01-02").Set("Input.Name", "Thứ Bảy");
        using (var weekend = await office.PostFormAsync(form))
        {
            Assert.Contains("Thứ Bảy, Chủ nhật vốn là ngày nghỉ", Html.FieldErrors(await weekend.Content.ReadAsStringAsync())["Input.Date"], StringComparison.Ordinal);
        }

        form.Set("Input.Date", "2027-01-01").Set("Input.Name", "Tết Dương lịch");
        using (var added = await office.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        Assert.True(await app.QueryAsync(db => db.PublicHolidays().AnyAsync(h => h.Date == new DateOnly(2027, 1, 1))));
        using var officer = await (await app.As(Demo.ChauThanhOfficer)).PostWithTokenAsync("/EvaluationCalendar/Holidays?handler=Add", ("Input.Date", "2027-01-04"), ("Input.Name", "x"));
        Assert.Equal(HttpStatusCode.Forbidden, officer.StatusCode);
    }

    [Theory]
    [InlineData("148/2023", "Province", "84", "2026-06-01", "2026-06-20", "hết hiệu lực")]             // a 148 round after 06/07/2025
    [InlineData("26/2026", "Province", "84", "2026-06-01", "2026-06-20", "chấm dứt hoạt động sau ngày 30/06/2025")]   // Tỉnh Trà Vinh
    [InlineData("26/2026", "Province", "86", "2026-06-01", "2026-07-10", "phải hoàn thành chậm nhất ngày 30/06/2026")]
    public async Task A_round_the_law_would_question_is_warned_about_before_anything_is_saved(string process, string level, string unit, string opens, string closes, string warning)
    {
        var office = await app.As(Demo.ProgramOffice);
        var unitId = await app.QueryAsync(db => db.Units.Where(u => u.Code == unit && u.Level == Core.Units.UnitLevel.Province).OrderBy(u => (u.ValidTo == null) == (unit == "84") ? 1 : 0).Select(u => u.Id).FirstAsync()); // Trà Vinh as it was; Vĩnh Long of today
        var before = await app.QueryAsync(db => db.EvaluationRounds.CountAsync());
        var form = await office.GetFormAsync("/Rounds/Edit");
        form.Set("Input.Name", "Đợt cảnh báo " + Guid.NewGuid().ToString("N")[..4]).Set("Input.Level", level).Set("Input.ProcessCode", process)
            .Set("Input.UnitId", unitId.ToString(CultureInfo.InvariantCulture)).Set("Input.OpensOn", opens).Set("Input.ClosesOn", closes);
        using var warned = await office.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var html = await warned.Content.ReadAsStringAsync();
        Assert.Contains(warning, Html.Text(html), StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryAsync(db => db.EvaluationRounds.CountAsync()));

        var confirm = HtmlForm.Read(html, "/Rounds/Edit").Set("Input.ConfirmWarnings", "true");
        using var saved = await office.PostFormAsync(confirm);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task Every_scoresheet_version_is_open_data_with_the_corrections_of_the_four_printed_sets()
    {
        var anonymous = app.NewClient();
        using var response = await anonymous.GetAsync("/api/v1/scoresheets");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var versions = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(await app.QueryAsync(db => db.Scoresheets.CountAsync()), versions.Count);
        foreach (var set in new[] { 4, 7, 10, 11 })
        {
            var v = Assert.Single(versions, x => x.GetProperty("legalBasis").GetString() == "26/2026" && x.GetProperty("productSetNumber").GetInt32() == set);
            Assert.Equal("Published", v.GetProperty("status").GetString());
            Assert.NotEmpty(v.GetProperty("corrections").EnumerateArray());
            Assert.Equal(100m, v.GetProperty("totalMax").GetDecimal());
            Assert.Equal([40m, 25m, 35m], v.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("max").GetDecimal()));
            Assert.Equal(5, v.GetProperty("starBands").GetArrayLength());
            Assert.Contains(v.GetProperty("starMinimums").EnumerateArray(), m => m.GetProperty("stars").GetInt32() == 3);
        }

        using var filtered = await anonymous.GetAsync("/api/v1/scoresheets?legalBasis=148/2023&status=Draft");
        using var drafts = JsonDocument.Parse(await filtered.Content.ReadAsStringAsync());
        Assert.All(drafts.RootElement.EnumerateArray(), v => Assert.Equal(("148/2023", "Draft"), (v.GetProperty("legalBasis").GetString(), v.GetProperty("status").GetString())));
        using var bad = await anonymous.GetAsync("/api/v1/scoresheets?status=5");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);

        var id = versions.First(v => v.GetProperty("productSetNumber").GetInt32() == 7 && v.GetProperty("legalBasis").GetString() == "26/2026").GetProperty("id").GetInt32();
        using var one = await anonymous.GetAsync($"/api/v1/scoresheets/{id}");
        Assert.Contains("\"Corrections\"", await one.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var missing = await anonymous.GetAsync("/api/v1/scoresheets/987654");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var page = Html.Text(await (await app.As(Demo.Leader)).GetPageAsync($"/Scoresheets/Details/{id}"));
        Assert.Contains("Đính chính văn bản in", page, StringComparison.Ordinal);
        Assert.Contains("để trống", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coconut_candy_of_the_former_Ben_Tre_is_scored_on_the_corrected_I_3_c_sheet()
    {
        var round = await TestRound.CreateAsync(app);
        var chair = await round.AddMemberAsync(CouncilPosition.Chair);
        var member = await round.AddMemberAsync(CouncilPosition.Member);
        var candy = await round.AddProductAsync("Kẹo dừa Mỏ Cày");
        var sheet = await round.SheetAsync(candy);
        Assert.Equal(("I.3.c", ScoresheetStatus.Published), (sheet.ProductSetCode, sheet.Status));
        Assert.Contains(sheet.Corrections!, c => c.CriterionCode == "A1.2" && c.Printed == "để trống" && c.Used == "0");

        var scorePage = Html.Text(await chair.Client.GetPageAsync($"/Rounds/{round.Id}/Score/{candy}"));
        Assert.Contains("đính chính văn bản in", scorePage, StringComparison.Ordinal);
        var best = await round.AnswersAsync(candy, 1.0);
        var good = await round.AnswersAsync(candy, 0.75);
        await round.ScoreOkAsync(chair, candy, best);
        await round.ScoreOkAsync(member, candy, good);
        await round.CloseAsync(chair);

        var mean = MeanScore.Of([SheetScoring.Score(sheet, best).Total, SheetScoring.Score(sheet, good).Total]);
        Assert.Equal(Points.FromWhole(100), SheetScoring.Score(sheet, best).Total);
        var stored = await app.QueryAsync(db => db.RoundProducts.AsNoTracking().SingleAsync(p => p.Id == candy));
        Assert.Equal(mean.ToHundredths(), stored.ScoreHundredths);
        Assert.NotNull(stored.Star);
        Assert.Contains(mean.ToVietnamese(), Html.Text(await chair.Client.GetPageAsync($"/Rounds/{round.Id}/Results")), StringComparison.Ordinal);
    }
}
