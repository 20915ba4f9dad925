namespace Ocop.Core.Planning;

/// <summary>
/// The rules a plan's target and a year-end close of its figures keep, whoever sets them (the target form, the
/// dashboard, an API client): a percentage cannot exceed 100, a deadline lies within the plan's period, and a year is
/// closed only once it has ended and only within the plan's period.
/// </summary>
public static class PlanTargetRules
{
    /// <summary>Why the value cannot be a target of an indicator of this form, or null.</summary>
    public static string? ValueProblem(MeasureOutput output, decimal value) =>
        output == MeasureOutput.Percent && value > 100 ? "Chỉ tiêu tỷ lệ không vượt quá 100 %." : null;

    public static bool DeadlineInPeriod(DateOnly deadline, DateOnly periodFrom, DateOnly periodTo) =>
        deadline >= periodFrom && deadline <= periodTo;

    /// <summary>The day a year's figures are closed on: its last.</summary>
    public static DateOnly YearEnd(int year) => new(year, 12, 31);

    /// <summary>Why the figures of the year cannot be closed for a plan of this period today, or null.</summary>
    public static string? CloseProblem(int year, DateOnly periodFrom, DateOnly periodTo, DateOnly today) =>
        year < periodFrom.Year || year > periodTo.Year ? "Năm chốt số liệu phải nằm trong kỳ của kế hoạch."
        : YearEnd(year) > today ? "Chưa hết năm: chỉ chốt số liệu sau ngày 31/12."
        : null;
}
