using System.Globalization;
using Ocop.Core.Planning;
using Ocop.Core.Registry;

namespace Ocop.Core.Tests.Planning;

/// <summary>
/// A fact's history as periods: which value held on a date, and how a change dated the day it took effect is recorded
/// without rewriting the past. Timelines are written "value from–until; …" with ISO dates and "…" for an open end; the
/// subject was registered on 2020-01-01 and today is 2026-12-04.
/// </summary>
public class FactTimelineTests
{
    private static readonly DateOnly Registered = D("2020-01-01");
    private static readonly DateOnly Today = D("2026-12-04");

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    /// <summary>"HouseholdBusiness 2020-01-01–2024-07-01; Cooperative 2024-07-01–…" as periods.</summary>
    private static List<Dated<LegalForm>> Timeline(string text) =>
        text.Length == 0 ? [] : text.Split("; ").Select(part =>
        {
            var (value, period) = (part[..part.IndexOf(' ', StringComparison.Ordinal)], part[(part.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            var dates = period.Split('–');
            return new Dated<LegalForm>(Enum.Parse<LegalForm>(value), new FactPeriod(D(dates[0]), dates[1] == "…" ? null : D(dates[1])));
        }).ToList();

    private static string Text(IEnumerable<Dated<LegalForm>> timeline) =>
        string.Join("; ", timeline.Select(p => $"{p.Value} {p.Period.StartedOn:yyyy-MM-dd}–{(p.Period.EndedOn is DateOnly e ? e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "…")}"));

    [Theory]
    [InlineData("2020-01-01", "2020-01-01", null, true)]    // the day it began
    [InlineData("2019-12-31", "2020-01-01", null, false)]
    [InlineData("2024-06-30", "2020-01-01", "2024-07-01", true)]
    [InlineData("2024-07-01", "2020-01-01", "2024-07-01", false)] // the day it stopped: no longer true
    [InlineData("2099-01-01", "2020-01-01", null, true)]    // open: still true
    public void A_fact_holds_from_the_day_it_began_until_the_day_it_stopped(string date, string started, string? ended, bool holds) =>
        Assert.Equal(holds, new FactPeriod(D(started), ended is null ? null : D(ended)).IsTrueOn(D(date)));

    [Theory]
    [InlineData("2019-12-31", null)]
    [InlineData("2023-12-31", LegalForm.HouseholdBusiness)]
    [InlineData("2024-07-01", LegalForm.Cooperative)]
    [InlineData("2026-12-04", LegalForm.Cooperative)]
    public void The_value_on_a_date_is_the_one_whose_period_holds_it(string date, LegalForm? expected) =>
        Assert.Equal(expected, FactTimeline.On(Timeline("HouseholdBusiness 2020-01-01–2024-07-01; Cooperative 2024-07-01–…"), D(date))?.Value);

    public static TheoryData<string, string, LegalForm, string, string> Changes() => new()
    {
        // rule, timeline before, new value, effective on, timeline after (or the problem's opening words)
        { "a change closes the current period and opens the next", "HouseholdBusiness 2020-01-01–…", LegalForm.Cooperative, "2024-07-01",
            "HouseholdBusiness 2020-01-01–2024-07-01; Cooperative 2024-07-01–…" },
        { "the same value changes nothing", "Cooperative 2020-01-01–…", LegalForm.Cooperative, "2024-07-01", "Cooperative 2020-01-01–…" },
        { "a later change keeps the earlier ones", "HouseholdBusiness 2020-01-01–2024-07-01; Cooperative 2024-07-01–…", LegalForm.Company, "2026-03-01",
            "HouseholdBusiness 2020-01-01–2024-07-01; Cooperative 2024-07-01–2026-03-01; Company 2026-03-01–…" },
        { "a change dated the day the current period began corrects it", "HouseholdBusiness 2020-01-01–2024-07-01; Cooperative 2024-07-01–…", LegalForm.CooperativeGroup, "2024-07-01",
            "HouseholdBusiness 2020-01-01–2024-07-01; CooperativeGroup 2024-07-01–…" },
        { "a correction back to the earlier value lets the earlier period go on", "HouseholdBusiness 2020-01-01–2024-07-01; Cooperative 2024-07-01–…", LegalForm.HouseholdBusiness, "2024-07-01",
            "HouseholdBusiness 2020-01-01–…" },
        { "the first value of a fact that never held opens its timeline", "", LegalForm.Cooperative, "2022-05-01", "Cooperative 2022-05-01–…" },
        { "a fact that ended may begin again from its end", "Cooperative 2020-01-01–2023-01-01", LegalForm.Company, "2023-01-01",
            "Cooperative 2020-01-01–2023-01-01; Company 2023-01-01–…" },
        { "the same value from the day it ended simply goes on", "Cooperative 2020-01-01–2023-01-01", LegalForm.Cooperative, "2023-01-01", "Cooperative 2020-01-01–…" },
        { "a change before the latest one would rewrite history", "HouseholdBusiness 2020-01-01–2024-07-01; Cooperative 2024-07-01–…", LegalForm.Company, "2024-06-30",
            "Đã ghi nhận thay đổi từ ngày 01/07/2024" },
        { "a fact may not begin again before it ended", "Cooperative 2020-01-01–2023-01-01", LegalForm.Company, "2022-12-31", "Đã ghi nhận thay đổi từ ngày 01/01/2023" },
        { "a change may not be dated after today", "HouseholdBusiness 2020-01-01–…", LegalForm.Cooperative, "2026-12-05", "Ngày hiệu lực không được sau hôm nay" },
        { "a change may not be dated before the registration", "", LegalForm.Cooperative, "2019-12-31", "Ngày hiệu lực không được trước ngày đăng ký" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_change_is_recorded_from_the_day_it_took_effect(string rule, string before, LegalForm value, string on, string expected)
    {
        var result = FactTimeline.Begin(Timeline(before), value, D(on), Registered, Today);
        if (expected.Contains('–', StringComparison.Ordinal))
        {
            Assert.True(result.Problem is null, $"{rule}: {result.Problem}");
            Assert.Equal(expected, Text(result.Periods));
        }
        else
        {
            Assert.StartsWith(expected, result.Problem, StringComparison.Ordinal);
            Assert.Equal(before, Text(result.Periods));
        }
    }

    public static TheoryData<string, string, string, string> Ends() => new()
    {
        { "ending closes the open period", "Cooperative 2020-01-01–…", "2024-07-01", "Cooperative 2020-01-01–2024-07-01" },
        { "ending what holds no more changes nothing", "Cooperative 2020-01-01–2023-01-01", "2024-07-01", "Cooperative 2020-01-01–2023-01-01" },
        { "ending on the day it began leaves nothing of it", "Company 2020-01-01–2024-07-01; Cooperative 2024-07-01–…", "2024-07-01", "Company 2020-01-01–2024-07-01" },
        { "ending before it began is refused", "Company 2020-01-01–2024-07-01; Cooperative 2024-07-01–…", "2024-06-01", "Đã ghi nhận thay đổi từ ngày 01/07/2024" },
        { "ending after today is refused", "Cooperative 2020-01-01–…", "2027-01-01", "Ngày hiệu lực không được sau hôm nay" },
    };

    [Theory]
    [MemberData(nameof(Ends))]
    public void A_fact_that_stops_holding_ends_on_that_day(string rule, string before, string on, string expected)
    {
        var result = FactTimeline.End(Timeline(before), D(on), Registered, Today);
        if (expected.Contains('–', StringComparison.Ordinal))
        {
            Assert.True(result.Problem is null, $"{rule}: {result.Problem}");
            Assert.Equal(expected, Text(result.Periods));
        }
        else
        {
            Assert.StartsWith(expected, result.Problem, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string, string, string> Registrations() => new()
    {
        { "an earlier registration date moves the first periods back", "HouseholdBusiness 2020-01-01–2024-07-01; Cooperative 2024-07-01–…", "2018-05-01",
            "HouseholdBusiness 2018-05-01–2024-07-01; Cooperative 2024-07-01–…" },
        { "a later one moves them forward, before the first change", "HouseholdBusiness 2020-01-01–2024-07-01; Cooperative 2024-07-01–…", "2024-06-30",
            "HouseholdBusiness 2024-06-30–2024-07-01; Cooperative 2024-07-01–…" },
        { "a date on or after a recorded change is refused", "HouseholdBusiness 2020-01-01–2024-07-01; Cooperative 2024-07-01–…", "2024-07-01",
            "Ngày đăng ký, thành lập phải trước các thay đổi đã ghi nhận (thay đổi từ ngày 01/07/2024)." },
        { "a fact begun later keeps its date and may start on the new registration day", "Cooperative 2023-03-01–…", "2023-03-01", "Cooperative 2023-03-01–…" },
        { "but not start before it", "Cooperative 2023-03-01–…", "2023-03-02", "Ngày đăng ký, thành lập phải trước các thay đổi đã ghi nhận (thay đổi từ ngày 01/03/2023)." },
        { "a registration date after today is refused", "Cooperative 2020-01-01–…", "2026-12-05", "Ngày đăng ký, thành lập không được sau hôm nay." },
    };

    [Theory]
    [MemberData(nameof(Registrations))]
    public void A_corrected_registration_date_moves_the_facts_registered_with_it(string rule, string before, string newStart, string expected)
    {
        var result = FactTimeline.MoveStart(Timeline(before), Registered, D(newStart), Today);
        if (expected.Contains('–', StringComparison.Ordinal))
        {
            Assert.True(result.Problem is null, $"{rule}: {result.Problem}");
            Assert.Equal(expected, Text(result.Periods));
        }
        else
        {
            Assert.Equal(expected, result.Problem);
        }
    }
}
