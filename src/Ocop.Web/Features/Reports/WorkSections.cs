using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Cycle;
using Ocop.Web.Features.Planning;
using Ocop.Web.Features.Tasks;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Reports;

/// <summary>The report's sections on the work itself: the year's OCOP cycle, the tasks of offices and communes, the problems raised.</summary>
public static class WorkSections
{
    /// <summary>The cycle of the period's last year, and the tasks the user reaches, inside the report's unit.</summary>
    public static async Task<(CycleSummary Cycle, TaskSummary Tasks)> LoadAsync(
        OcopDbContext db, TaskViewer viewer, FigureUnit unit, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var entries = viewer.Scope.Visible(db.CycleEntries);
        var tasks = viewer.Visible(db.PlanTasks);
        if (unit.Communes is { } communes)
        {
            var ids = communes.ToList();
            entries = entries.Where(e => ids.Contains(e.CommuneId));
        }

        if (unit.UnitId is int unitId)
        {
            tasks = await TaskSummary.InUnitAsync(db, tasks, unitId, ct);
        }

        return (await CycleSummary.ForAsync(entries, to.Year, to, ct), await TaskSummary.ForAsync(db, from, to, tasks, ct));
    }

    public static ReportSection Cycle(CycleSummary cycle)
    {
        var steps = CycleSummary.Steps.Select(s => $"{Display.Name(s)}: {cycle.ActiveAt(s)}").ToList();
        var paragraphs = new List<string>
        {
            cycle.Total == 0
                ? $"Năm {cycle.Year} chưa có ý tưởng sản phẩm nào vào chu trình OCOP."
                : $"Năm {cycle.Year} có {cycle.Total} ý tưởng sản phẩm trong chu trình OCOP; đang ở các bước: {string.Join("; ", steps)}. " +
                  $"Trả lại để hoàn thiện: {cycle.Returned}; dừng: {cycle.Dropped}; hoàn thành chu trình: {cycle.Completed}.",
        };
        if (cycle.Stuck > 0)
        {
            paragraphs.Add($"{cycle.Stuck} ý tưởng đứng ở một bước từ {CycleRules.StuckAfterDays} ngày trở lên, cần đôn đốc.");
        }

        return new ReportSection("Thực hiện chu trình OCOP", paragraphs, cycle.Communes.Count == 0 ? null : new ReportTable(
            ["Xã", .. CycleSummary.Steps.Select(s => $"B{(int)s}"), "Trả lại", "Hoàn thành"],
            cycle.Communes.Select(c => (IReadOnlyList<string>)[c.CommuneName, .. c.ActiveByStep.Select(n => n.ToString(Display.Vi)),
                c.Returned.ToString(Display.Vi), c.Completed.ToString(Display.Vi)]).ToList()));
    }

    public static ReportSection Tasks(TaskSummary tasks)
    {
        var counts = Enum.GetValues<PlanTaskStatus>().Select(s => $"{Display.Name(s).ToLowerInvariant()} {tasks.ByStatus.GetValueOrDefault(s)}");
        var paragraphs = new List<string>
        {
            tasks.Total == 0
                ? "Không có nhiệm vụ nào được giao trong phạm vi báo cáo."
                : $"{tasks.Total} nhiệm vụ theo kế hoạch: {string.Join(", ", counts)} (tính đến ngày {Display.Date(tasks.To)}).",
        };
        return new ReportSection("Tình hình thực hiện nhiệm vụ của các phòng, ban và xã", paragraphs, tasks.Overdue.Count == 0 ? null : new ReportTable(
            ["Mục", "Nhiệm vụ quá hạn", "Đơn vị thực hiện", "Số ngày quá hạn"],
            tasks.Overdue.Select(t => (IReadOnlyList<string>)[t.Section, t.Title, t.Owner, t.DaysLate(tasks.To).ToString(Display.Vi)]).ToList(),
            [10, 50, 25, 15]));
    }

    public static ReportSection Problems(TaskSummary tasks) =>
        new("Khó khăn, vướng mắc và kiến nghị",
            [tasks.Problems.Count == 0
                ? "Trong kỳ các đơn vị không nêu khó khăn, kiến nghị nào."
                : $"Trong kỳ các đơn vị nêu {tasks.Problems.Count} khó khăn, kiến nghị (qua Phòng Nông nghiệp); {tasks.Problems.Count(p => p.State != ProblemState.Answered)} chưa được trả lời."],
            tasks.Problems.Count == 0 ? null : new ReportTable(
                ["Đơn vị", "Nhiệm vụ", "Nội dung", "Trả lời"],
                tasks.Problems.Select(p => (IReadOnlyList<string>)[p.Owner, p.TaskTitle, p.Problem, p.Reply ?? "Chưa trả lời"]).ToList(),
                [18, 25, 32, 25]));
}
