using Ocop.Core.Planning;

namespace Ocop.Core.Tests.Planning;

public class PlanTargetRulesTests
{
    [Theory]
    [InlineData(MeasureOutput.Percent, "100", false)]
    [InlineData(MeasureOutput.Percent, "100.5", true)]
    [InlineData(MeasureOutput.Count, "250", false)]
    [InlineData(MeasureOutput.Percent, "0", false)]
    public void A_percentage_target_cannot_exceed_100(MeasureOutput output, string value, bool refused) =>
        Assert.Equal(refused, PlanTargetRules.ValueProblem(output, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) is not null);

    [Theory]
    [InlineData("2021-01-01", true)]
    [InlineData("2025-12-31", true)]
    [InlineData("2020-12-31", false)]
    [InlineData("2026-01-01", false)]
    public void A_deadline_lies_within_the_plan_period(string deadline, bool inside) =>
        Assert.Equal(inside, PlanTargetRules.DeadlineInPeriod(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31)));

    [Theory]
    [InlineData(2024, "2026-03-01", null)]
    [InlineData(2025, "2026-01-01", null)]
    [InlineData(2025, "2025-12-30", "Chưa hết năm: chỉ chốt số liệu sau ngày 31/12.")]
    [InlineData(2020, "2026-03-01", "Năm chốt số liệu phải nằm trong kỳ của kế hoạch.")]
    [InlineData(2026, "2027-03-01", "Năm chốt số liệu phải nằm trong kỳ của kế hoạch.")]
    public void A_year_is_closed_once_it_has_ended_and_within_the_plan_period(int year, string today, string? problem) =>
        Assert.Equal(problem, PlanTargetRules.CloseProblem(year, new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}
