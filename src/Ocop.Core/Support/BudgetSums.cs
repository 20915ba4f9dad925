namespace Ocop.Core.Support;

/// <summary>Money set aside for a year from one source (a budget line), held by an office or a commune.</summary>
/// <param name="OfficeId">The office responsible for spending it; null for a commune's own budget.</param>
/// <param name="CommuneId">The commune it was allocated to, when allocated to one.</param>
public sealed record AllocationFact(int Id, int Year, FundingSource Source, long AmountVnd, int? OfficeId, int? CommuneId, bool IsArchived = false);

/// <summary>One support as money: committed (decided) and paid, by source, office, commune and producer.</summary>
/// <param name="CommuneId">The supported product's commune of production, or the subject's when the support names no product.</param>
public sealed record SpendingFact(int Id, DateOnly On, FundingSource? Source, long CommittedVnd, long PaidVnd, int? OfficeId, int CommuneId, int SubjectId,
    int? AllocationId = null, bool IsArchived = false);

/// <summary>One row of a budget table: allocated against committed and paid, and what is left.</summary>
public sealed record BudgetLine<TKey>(TKey Key, long AllocatedVnd, long CommittedVnd, long PaidVnd)
{
    /// <summary>Allocated but not yet committed; negative when more was committed than allocated.</summary>
    public long UncommittedVnd => AllocatedVnd - CommittedVnd;
}

/// <summary>A year's budget of a unit: the lines by source, office, commune and producer, and the totals.</summary>
public sealed record BudgetSummary(
    int Year,
    IReadOnlyList<BudgetLine<FundingSource?>> BySource,
    IReadOnlyList<BudgetLine<int?>> ByOffice,
    IReadOnlyList<BudgetLine<int?>> ByCommune,
    IReadOnlyList<BudgetLine<int>> ByProducer,
    BudgetLine<string> Total);

/// <summary>
/// Budget sums for one year (plan 46, IV.2: the finance office allocates; the offices commit and pay): allocations of the
/// year against the support dated in it. Archived records never count. Support with no recorded source (records from before
/// sources existed) is summed under "not recorded" (a null key), never guessed. A producer has no allocation of its own: its
/// line shows what it was given.
/// </summary>
public static class BudgetSums
{
    public static BudgetSummary For(int year, IEnumerable<AllocationFact> allocations, IEnumerable<SpendingFact> spending)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        ArgumentNullException.ThrowIfNull(spending);
        var allocated = allocations.Where(a => !a.IsArchived && a.Year == year).ToList();
        var spent = spending.Where(s => !s.IsArchived && s.On.Year == year).ToList();
        return new BudgetSummary(
            year,
            Lines(allocated, spent, a => (FundingSource?)a.Source, s => s.Source),
            Lines(allocated, spent, a => a.OfficeId, s => s.OfficeId),
            Lines(allocated, spent, a => a.CommuneId, s => (int?)s.CommuneId),
            spent.GroupBy(s => s.SubjectId)
                .Select(g => new BudgetLine<int>(g.Key, 0, g.Sum(s => s.CommittedVnd), g.Sum(s => s.PaidVnd)))
                .OrderByDescending(l => l.CommittedVnd).ThenBy(l => l.Key).ToList(),
            new BudgetLine<string>("", allocated.Sum(a => a.AmountVnd), spent.Sum(s => s.CommittedVnd), spent.Sum(s => s.PaidVnd)));
    }

    /// <summary>What is left of one allocation once the support committed against it is counted (archived support aside).</summary>
    public static long Remaining(AllocationFact allocation, IEnumerable<SpendingFact> spending)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(spending);
        return allocation.AmountVnd - spending.Where(s => !s.IsArchived && s.AllocationId == allocation.Id).Sum(s => s.CommittedVnd);
    }

    /// <summary>
    /// Why a support may not be charged to an allocation, in Vietnamese for the form; null when it may. The support must be
    /// of the allocation's year and source, and what is committed against it may not pass the amount allocated.
    /// </summary>
    /// <param name="others">The other support charged to the allocation (the one being saved left out).</param>
    public static string? ChargeProblem(AllocationFact allocation, DateOnly on, FundingSource? source, long committedVnd, IEnumerable<SpendingFact> others)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        if (allocation.IsArchived)
        {
            return "Dự toán này đã lưu trữ, không ghi thêm hỗ trợ vào.";
        }

        if (on.Year != allocation.Year)
        {
            return $"Dự toán là của năm {allocation.Year}: ngày hỗ trợ phải trong năm đó.";
        }

        if (source != allocation.Source)
        {
            return "Nguồn kinh phí của hỗ trợ phải trùng nguồn của dự toán.";
        }

        var left = Remaining(allocation, others);
        return committedVnd > left
            ? $"Vượt dự toán: còn {left.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} đồng chưa cam kết."
            : null;
    }

    private static List<BudgetLine<TKey>> Lines<TKey>(List<AllocationFact> allocated, List<SpendingFact> spent, Func<AllocationFact, TKey> allocationKey, Func<SpendingFact, TKey> spendingKey)
    {
        var byAllocation = allocated.GroupBy(allocationKey).ToDictionary(g => Box(g.Key), g => g.Sum(a => a.AmountVnd));
        var bySpending = spent.GroupBy(spendingKey).ToDictionary(g => Box(g.Key), g => (Committed: g.Sum(s => s.CommittedVnd), Paid: g.Sum(s => s.PaidVnd)));
        return byAllocation.Keys.Union(bySpending.Keys)
            .Select(k => new BudgetLine<TKey>(k.Value, byAllocation.GetValueOrDefault(k), bySpending.GetValueOrDefault(k).Committed, bySpending.GetValueOrDefault(k).Paid))
            .OrderByDescending(l => l.AllocatedVnd).ThenByDescending(l => l.CommittedVnd).ToList();
    }

    // Dictionaries take no null key: a null key (no source, no office, no commune) is boxed like any other.
    private static KeyBox<TKey> Box<TKey>(TKey key) => new(key);

    private readonly record struct KeyBox<TKey>(TKey Value);
}
