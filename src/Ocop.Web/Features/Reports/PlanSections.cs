using Ocop.Core.Planning;
using Ocop.Web.Features.Planning;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Reports;

/// <summary>The report's sections drawn from the plan: targets against results, as the dashboard shows them.</summary>
public static class PlanSections
{
    public static ReportSection Targets(PlanHeader plan, DateOnly at, IReadOnlyList<TargetFigure> targets)
    {
        var achieved = targets.Count(t => t.State == TargetState.Achieved);
        var behind = targets.Where(t => t.State == TargetState.Behind).Select(t => t.Code).ToList();
        var paragraphs = new List<string>
        {
            $"Đến ngày {Display.Date(at)}, {achieved}/{targets.Count} chỉ tiêu của {plan.Number} đã đạt" +
                (behind.Count == 0 ? "." : $"; các chỉ tiêu chậm tiến độ: {string.Join(", ", behind)}."),
        };
        paragraphs.AddRange(targets.Where(t => t.CorrectedAfterSnapshot).Select(t =>
            $"Chỉ tiêu {t.Code}: số liệu đã chốt {PlanDisplay.Figure(t.Snapshot!.Value, t.Output)}; số liệu hiện tại {PlanDisplay.Figure(t.LiveValue, t.Output)} (đã điều chỉnh sau khi chốt)."));
        return new ReportSection("Kết quả thực hiện các chỉ tiêu", paragraphs, new ReportTable(
            ["Mã", "Chỉ tiêu", "Mục tiêu", "Kết quả", "Tình trạng"],
            targets.Select(t => (IReadOnlyList<string>)[t.Code, t.Wording, PlanDisplay.Target(t.TargetValue, t.Direction, t.Output),
                PlanDisplay.Figure(t.Value, t.Output), Display.Name(t.State)]).ToList(),
            [8, 46, 16, 14, 16]));
    }
}
