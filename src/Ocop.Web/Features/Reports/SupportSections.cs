using Microsoft.EntityFrameworkCore;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Planning;
using Ocop.Web.Features.Support;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Reports;

/// <summary>
/// The report's sections on section III of the plan, as they stood at the period's end: support by funding source (support
/// dated in the period, allocations of its years), training and communication held in the period, trade promotion (fairs in
/// the period, sales points open and listings standing on its last day).
/// </summary>
public sealed record SupportReport(
    IReadOnlyList<NamedBudgetLine> BySource, NamedBudgetLine Total, IReadOnlyList<(TrainingKind Kind, int Events, int Participants, int Women)> Training,
    IReadOnlyList<(string Name, DateOnly StartsOn, int Products, long SalesVnd)> Fairs, int SalesPointsOpen, int ListingsStanding)
{
    public static async Task<SupportReport> LoadAsync(SectionContext section, FigureUnit unit, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var communes = unit.Communes;
        var lines = new Dictionary<string, NamedBudgetLine>(StringComparer.Ordinal);
        for (var year = from.Year; year <= to.Year; year++)
        {
            var view = await BudgetFigures.YearAsync(section, year, communes, ct);
            foreach (var line in view.BySource)
            {
                lines[line.Name] = lines.TryGetValue(line.Name, out var sum)
                    ? sum with { AllocatedVnd = sum.AllocatedVnd + line.AllocatedVnd, CommittedVnd = sum.CommittedVnd + line.CommittedVnd, PaidVnd = sum.PaidVnd + line.PaidVnd }
                    : line;
            }
        }

        // Support dated in the period only: the years' sums above are narrowed to it by reading the period's support again.
        var scope = await section.ScopeAsync(ct);
        var visible = scope.User.Visible(section.Db.Subjects).Select(s => s.Id);
        var inPeriod = await section.Db.SupportRecords.AsNoTracking()
            .Where(r => !r.IsArchived && r.On >= from && r.On <= to && visible.Contains(r.SubjectId))
            .Select(r => new { r.Source, Committed = r.AmountVnd ?? 0, Paid = r.PaidVnd ?? 0, CommuneId = r.Product != null ? r.Product.CommuneId : r.Subject!.CommuneId })
            .ToListAsync(ct);
        var spent = inPeriod.Where(r => communes is null || communes.Contains(r.CommuneId))
            .GroupBy(r => r.Source is FundingSource s ? Display.Name(s) : "Chưa ghi nguồn")
            .ToDictionary(g => g.Key, g => (Committed: g.Sum(r => r.Committed), Paid: g.Sum(r => r.Paid)), StringComparer.Ordinal);
        var bySource = lines.Keys.Union(spent.Keys)
            .Select(k => new NamedBudgetLine(k, lines.GetValueOrDefault(k)?.AllocatedVnd ?? 0, spent.GetValueOrDefault(k).Committed, spent.GetValueOrDefault(k).Paid))
            .OrderByDescending(l => l.AllocatedVnd).ThenByDescending(l => l.CommittedVnd).ToList();
        var total = new NamedBudgetLine("Tổng cộng", bySource.Sum(l => l.AllocatedVnd), bySource.Sum(l => l.CommittedVnd), bySource.Sum(l => l.PaidVnd));

        var filter = new RegisterFilter(communes, Archived: false);
        var training = (await Ocop.Web.Features.Training.TrainingRegister.LoadAsync(section, filter, ct)).Where(t => t.On >= from && t.On <= to)
            .GroupBy(t => t.Kind).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count(), g.Sum(t => t.Participants), g.Sum(t => t.Women))).ToList();
        var fairs = (await Promotion.PromotionRegisters.Fairs.Load(section, filter, ct)).Where(f => f.StartsOn >= from && f.StartsOn <= to)
            .OrderBy(f => f.StartsOn).Select(f => (f.Name, f.StartsOn, f.Products, f.SalesVnd)).ToList();
        var open = (await Promotion.PromotionRegisters.SalesPoints.Load(section, filter, ct)).Count(p => p.OpenedOn <= to && (p.ClosedOn is null || p.ClosedOn > to));
        var listings = (await Promotion.PromotionRegisters.Listings.Load(section, filter, ct)).Count(l => l.StartedOn <= to && (l.EndedOn is null || l.EndedOn > to));
        return new SupportReport(bySource, total, training, fairs, open, listings);
    }
}

public static class SupportSections
{
    public static ReportSection BySource(SupportReport data) => new("Kinh phí hỗ trợ theo nguồn",
        [data.Total.CommittedVnd == 0 && data.Total.AllocatedVnd == 0
            ? "Trong kỳ chưa ghi nhận dự toán và hồ sơ hỗ trợ nào."
            : $"Dự toán các năm của kỳ {Display.Number(data.Total.AllocatedVnd)} đồng; hỗ trợ trong kỳ đã cam kết {Display.Number(data.Total.CommittedVnd)} đồng, đã chi {Display.Number(data.Total.PaidVnd)} đồng."],
        data.BySource.Count == 0 ? null : new ReportTable(["Nguồn kinh phí", "Dự toán (đồng)", "Cam kết (đồng)", "Đã chi (đồng)"],
            data.BySource.Append(data.Total).Select(l => (IReadOnlyList<string>)[l.Name, Display.Number(l.AllocatedVnd), Display.Number(l.CommittedVnd), Display.Number(l.PaidVnd)]).ToList(),
            [40, 20, 20, 20]));

    public static ReportSection Training(SupportReport data) => new("Đào tạo, tập huấn, truyền thông",
        [data.Training.Count == 0
            ? "Trong kỳ chưa ghi nhận hoạt động đào tạo, truyền thông nào."
            : $"Trong kỳ tổ chức {data.Training.Sum(t => t.Events)} hoạt động với {Display.Number(data.Training.Sum(t => t.Participants))} lượt người tham dự (nữ {Display.Number(data.Training.Sum(t => t.Women))})."],
        data.Training.Count == 0 ? null : new ReportTable(["Loại hoạt động", "Số hoạt động", "Lượt người", "Trong đó nữ"],
            data.Training.Select(t => (IReadOnlyList<string>)[Display.Name(t.Kind), Display.Number(t.Events), Display.Number(t.Participants), Display.Number(t.Women)]).ToList(),
            [40, 20, 20, 20]));

    public static ReportSection Promotion(SupportReport data) => new("Xúc tiến thương mại",
        [$"Trong kỳ tham gia {data.Fairs.Count} hội chợ, triển lãm với doanh số {Display.Number(data.Fairs.Sum(f => f.SalesVnd))} đồng. " +
         $"Cuối kỳ có {data.SalesPointsOpen} điểm giới thiệu và bán sản phẩm OCOP đang hoạt động và {data.ListingsStanding} gian hàng sản phẩm trên sàn thương mại điện tử."],
        data.Fairs.Count == 0 ? null : new ReportTable(["Hội chợ, triển lãm", "Ngày", "Số sản phẩm", "Doanh số (đồng)"],
            data.Fairs.Select(f => (IReadOnlyList<string>)[f.Name, Display.Date(f.StartsOn), Display.Number(f.Products), Display.Number(f.SalesVnd)]).ToList(),
            [45, 15, 15, 25]));
}
