using Ocop.Core.Planning;
using Ocop.Web.Features.Planning;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Reports;

/// <summary>The report's sections drawn from the plan: targets against results, as the dashboard shows them.</summary>
public static class PlanSections
{
    /// <summary>
    /// Each target with its verdict: a target whose deadline has come by the report's last day is judged on its figure at
    /// the deadline (Đạt / Không đạt); the others stand as on that day. The figure on the report's last day is beside each.
    /// </summary>
    public static ReportSection Targets(PlanHeader plan, DateOnly at, IReadOnlyList<TargetFigure> targets)
    {
        var judged = targets.Where(t => t.IsJudged).ToList();
        var running = targets.Where(t => !t.IsJudged).ToList();
        var paragraphs = new List<string>();
        if (judged.Count > 0)
        {
            var missed = judged.Where(t => t.State == TargetState.NotAchieved).Select(t => t.Code).ToList();
            paragraphs.Add($"{judged.Count}/{targets.Count} chỉ tiêu của {plan.Number} đã đến hạn: đạt {judged.Count(t => t.State == TargetState.Achieved)}" +
                (missed.Count == 0 ? "." : $"; không đạt: {string.Join(", ", missed)}."));
        }

        if (running.Count > 0 || targets.Count == 0)
        {
            var behind = running.Where(t => t.State == TargetState.Behind).Select(t => t.Code).ToList();
            paragraphs.Add($"Đến ngày {Display.Date(at)}, {running.Count(t => t.State == TargetState.Achieved)}/{running.Count} chỉ tiêu chưa đến hạn của {plan.Number} đã đạt" +
                (behind.Count == 0 ? "." : $"; các chỉ tiêu chậm tiến độ: {string.Join(", ", behind)}."));
        }

        paragraphs.AddRange(targets.Where(t => t.CorrectedAfterSnapshot).Select(t =>
            $"Chỉ tiêu {t.Code}: số liệu đã chốt {PlanDisplay.Figure(t.Snapshot!.Value, t.Output)}; số liệu hiện tại {PlanDisplay.Figure(t.LiveValue, t.Output)} (đã điều chỉnh sau khi chốt)."));
        return new ReportSection("Kết quả thực hiện các chỉ tiêu", paragraphs, new ReportTable(
            ["Mã", "Chỉ tiêu", "Mục tiêu", "Kết quả tại hạn", "Đánh giá", $"Số liệu ngày {Display.Date(at)}"],
            targets.Select(t => (IReadOnlyList<string>)[t.Code, t.Wording, PlanDisplay.Target(t.TargetValue, t.Direction, t.Output),
                t.AtDeadline is { } end ? PlanDisplay.Figure(end.Value, t.Output) : $"Chưa đến hạn ({Display.Date(t.Deadline)})",
                Display.Name(t.State), PlanDisplay.Figure(t.Value, t.Output)]).ToList(),
            [7, 37, 13, 14, 13, 16]));
    }
}
