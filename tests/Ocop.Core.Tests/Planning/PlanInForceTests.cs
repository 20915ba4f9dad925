using System.Globalization;
using Ocop.Core.Access;
using Ocop.Core.Planning;

namespace Ocop.Core.Tests.Planning;

public class PlanInForceTests
{
    // Units of the examples: a commune (1) inside a province (10); a former district (20) inside a former province (30).
    private const int Commune = 1, Province = 10, District = 20, FormerProvince = 30;

    private static readonly PlanPeriod Program919 = Plan(919, null, "2021-01-01", "2025-12-31", "2022-08-01");
    private static readonly PlanPeriod Province2207 = Plan(2207, FormerProvince, "2022-01-01", "2025-12-31", "2022-11-14");
    private static readonly PlanPeriod District46 = Plan(46, District, "2023-01-01", "2025-12-31", "2023-05-11");
    private static readonly PlanPeriod Province2026 = Plan(12, Province, "2026-01-01", "2030-12-31", "2026-01-20");
    private static readonly PlanPeriod Commune2026 = Plan(5, Commune, "2026-01-01", "2026-12-31", "2026-02-05");
    private static readonly PlanPeriod[] All = [Program919, Province2207, District46, Province2026, Commune2026];

    private static PlanPeriod Plan(int id, int? unit, string from, string to, string issued) =>
        new(id, unit, Day(from), Day(to), Day(issued));

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The chain of a commune officer today: their commune, the province above it, then national programs.</summary>
    private static int? CommuneChain(int? unit) => unit switch { Commune => 0, Province => 1, null => 2, _ => null };

    /// <summary>The chain of the former district's office: the district, its province, then national programs.</summary>
    private static int? DistrictChain(int? unit) => unit switch { District => 0, FormerProvince => 1, null => 2, _ => null };

    public static TheoryData<string, string, int?> Choices => new()
    {
        // who, date, expected plan
        { "commune", "2026-12-04", 5 },        // the commune's own plan in force
        { "commune", "2027-03-01", 12 },       // the commune plan ended: the province plan above it
        { "commune", "2025-06-30", 919 },      // before either: the national program then in force
        { "commune", "2031-02-01", 12 },       // nothing in force: the plan that ended last
        { "district", "2024-06-30", 46 },      // the district's own plan, not the province's or the nation's
        { "district", "2026-12-04", 46 },      // all ended on the same day: the nearest unit's
        { "district", "2020-01-01", 919 },     // before every plan: the one that starts first
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void A_unit_is_judged_against_the_nearest_plan_in_force(string who, string on, int? expected)
    {
        Func<int?, int?> chain = who == "commune" ? CommuneChain : DistrictChain;
        Assert.Equal(expected, PlanInForce.Choose(All, chain, Day(on))?.Id);
    }

    [Fact]
    public void Of_two_plans_in_force_for_the_same_unit_the_later_issued_wins()
    {
        var amended = Plan(13, Province, "2026-07-01", "2030-12-31", "2026-06-15");
        Assert.Equal(13, PlanInForce.Choose([.. All, amended], u => u == Province ? 0 : null, Day("2026-12-04"))?.Id);
    }

    [Fact]
    public void A_unit_without_any_plan_gets_none() =>
        Assert.Null(PlanInForce.Choose(All, u => u == 99 ? 0 : null, Day("2026-12-04")));

    [Theory]
    [InlineData("2026-12-04", "5,12,46,2207,919")]  // in force (latest issued first), then ended (latest ended, latest issued first)
    [InlineData("2025-06-30", "46,2207,919,5,12")]  // the 2026 plans are still to come, soonest first
    public void The_picker_lists_plans_in_force_first(string on, string expected) =>
        Assert.Equal(expected, string.Join(',', PlanInForce.PickerOrder(All, Day(on)).Select(p => p.Id)));

    [Theory]
    [InlineData("2026-01-01", "2030-12-31", "2031-01-01", "2035-12-31")]
    [InlineData("2023-01-01", "2025-12-31", "2026-01-01", "2028-12-31")]
    [InlineData("2026-01-01", "2026-12-31", "2027-01-01", "2027-12-31")]
    [InlineData("2026-07-01", "2026-12-31", "2027-01-01", "2027-06-30")] // a half-year: the next six months
    [InlineData("2026-03-15", "2026-04-14", "2026-04-15", "2026-05-15")] // not whole months: the same number of days
    public void A_copy_runs_for_the_same_length_from_the_day_after(string from, string to, string nextFrom, string nextTo) =>
        Assert.Equal((Day(nextFrom), Day(nextTo)), PlanInForce.NextPeriod(Day(from), Day(to)));

    [Theory]
    [InlineData("2026-01-01", PlanStanding.InForce)]
    [InlineData("2030-12-31", PlanStanding.InForce)]
    [InlineData("2025-12-31", PlanStanding.Upcoming)]
    [InlineData("2031-01-01", PlanStanding.Ended)]
    public void A_plan_is_in_force_from_its_first_to_its_last_day(string on, PlanStanding expected) =>
        Assert.Equal(expected, Province2026.StandingOn(Day(on)));

    public static TheoryData<Role, bool, bool, bool, bool> EditMatrix => new()
    {
        // role, national program, unit inside the user's units, unit is a commune, may edit
        { Role.Administrator, true, false, false, true },
        { Role.Administrator, false, false, false, true },
        { Role.ProgramOffice, false, true, false, true },
        { Role.ProgramOffice, false, true, true, true },
        { Role.ProgramOffice, false, false, false, false },
        { Role.ProgramOffice, true, true, false, false },   // a national program is the administrator's
        { Role.CommuneOfficer, false, true, true, true },   // their own commune's plan
        { Role.CommuneOfficer, false, true, false, false }, // not the plan of the province above them
        { Role.CommuneOfficer, false, false, true, false }, // not another commune's
        { Role.Department, false, true, true, false },
        { Role.CouncilMember, false, true, false, false },
        { Role.Leader, false, true, false, false },
        { Role.Producer, false, true, true, false },
    };

    [Theory]
    [MemberData(nameof(EditMatrix))]
    public void Offices_edit_plans_of_their_units_and_a_commune_officer_their_commune_plan(Role role, bool national, bool inReach, bool commune, bool expected) =>
        Assert.Equal(expected, PlanningAccess.CanEditPlan(role, national, inReach, commune));

    [Theory]
    [InlineData(Role.Administrator, true)]
    [InlineData(Role.ProgramOffice, true)]
    [InlineData(Role.CommuneOfficer, true)]
    [InlineData(Role.Department, false)]
    [InlineData(Role.CouncilMember, false)]
    [InlineData(Role.Leader, false)]
    [InlineData(Role.Producer, false)]
    public void Offices_and_commune_officers_make_plans_others_read(Role role, bool expected) =>
        Assert.Equal(expected, PlanningAccess.CanCreatePlans(role));
}
