using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.DailyWork;

/// <summary>
/// Issue 17, plain Vietnamese wherever a user reads: dates shown and typed as dd/MM/yyyy whatever the browser's
/// language (a text field, not the browser's own date picker), no developer notes, stars read as "3 sao".
/// </summary>
public partial class PlainVietnameseTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_date_field_is_shown_and_typed_as_day_month_year()
    {
        var office = await app.As(Demo.ProgramOffice);
        var html = await office.GetPageAsync("/EvaluationCalendar/Holidays?year=2031");
        var field = DateField().Match(html);
        Assert.True(field.Success, "The holiday form has no date field.");
        Assert.Contains("type=\"text\"", field.Value, StringComparison.Ordinal);
        Assert.Contains("placeholder=\"dd/mm/yyyy\"", field.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"date\"", html, StringComparison.Ordinal);

        var form = await office.GetFormAsync("/EvaluationCalendar/Holidays?year=2031", "Add");
        form.Set("Input.Date", "12/03/2031").Set("Input.Name", "Ngày nghỉ thử");
        using (var added = await office.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        Assert.True(await app.QueryAsync(db => db.PublicHolidays().AnyAsync(h => h.Date == new DateOnly(2031, 3, 12))));
        Assert.Contains("12/03/2031", Html.Text(await office.GetPageAsync("/EvaluationCalendar/Holidays?year=2031")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("03/13/2031")]   // month and day the American way
    [InlineData("31/02/2031")]
    [InlineData("mười hai tháng ba")]
    public async Task A_date_not_in_day_month_year_is_a_form_error_that_keeps_what_was_typed(string typed)
    {
        var office = await app.As(Demo.ProgramOffice);
        var form = await office.GetFormAsync("/EvaluationCalendar/Holidays?year=2031", "Add");
        form.Set("Input.Date", typed).Set("Input.Name", "Ngày nghỉ sai");
        using var refused = await office.PostFormAsync(form);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("ngày/tháng/năm", Html.FieldErrors(html)["Input.Date"], StringComparison.Ordinal);
        Assert.Contains($"value=\"{typed}\"", Html.Text(DateField().Match(html).Value), StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.PublicHolidays().AnyAsync(h => h.Name == "Ngày nghỉ sai")));
    }

    [Fact]
    public async Task A_date_in_a_link_is_read_as_day_month_year_or_iso_and_shown_as_day_month_year()
    {
        var office = await app.As(Demo.ProgramOffice);
        foreach (var at in new[] { "01/07/2025", "2025-07-01" })
        {
            var html = await office.GetPageAsync("/Certificates?at=" + Uri.EscapeDataString(at));
            Assert.Contains("value=\"01/07/2025\"", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Demo.Producer)]
    [InlineData(Demo.Council)]
    [InlineData(Demo.ChauThanhOfficer)]
    public async Task The_scoresheet_s_technical_provenance_note_is_not_shown_to_its_readers(string user)
    {
        var id = await app.QueryAsync(db => db.Scoresheets.Where(s => s.SheetVersion == 1).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        var page = Html.Text(await (await app.As(user)).GetPageAsync($"/Scoresheets/Details/{id}"));
        Assert.DoesNotContain("Extracted", page, StringComparison.Ordinal);
        Assert.DoesNotContain("parser", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stars_are_read_to_a_screen_reader_as_a_number_of_stars()
    {
        var html = await (await app.As(Demo.ProgramOffice)).GetPageAsync("/Certificates");
        Assert.Matches(StarsPattern(), html);
        Assert.DoesNotContain("aria-label=\"3 sao\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("""<input[^>]*name="Input.Date"[^>]*>""")]
    private static partial Regex DateField();

    [GeneratedRegex("""<span aria-hidden="true">★+☆*</span><span class="sr-only">\d sao</span>""")]
    private static partial Regex StarsPattern();
}
