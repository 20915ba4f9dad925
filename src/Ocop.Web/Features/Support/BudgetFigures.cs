using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Support;

public sealed record AllocationRow(int Id, int Year, FundingSource Source, string UnitName, string? AllocatedBy, string? OfficeName, string? CommuneName,
    long AmountVnd, long CommittedVnd, long PaidVnd, string? Decision, string? Note, bool IsArchived, [property: JsonIgnore] RecordAccess Access) : IRegisterRow;

/// <summary>A budget table's line with its name: a source, an office, a commune or a producer.</summary>
public sealed record NamedBudgetLine(string Name, long AllocatedVnd, long CommittedVnd, long PaidVnd)
{
    public long UncommittedVnd => AllocatedVnd - CommittedVnd;
}

/// <summary>A year's budget of the user's units (or of one unit) as the pages, the report and the API show it.</summary>
public sealed record BudgetView(int Year, IReadOnlyList<NamedBudgetLine> BySource, IReadOnlyList<NamedBudgetLine> ByOffice,
    IReadOnlyList<NamedBudgetLine> ByCommune, IReadOnlyList<NamedBudgetLine> ByProducer, NamedBudgetLine Total);

/// <summary>
/// Budget allocations and the support charged against them, read for one user: the allocations they may read (in the
/// chosen unit) and the support records of the subjects they see, summed by the core (<see cref="BudgetSums"/>).
/// </summary>
public static class BudgetFigures
{
    public static async Task<List<AllocationRow>> AllocationsAsync(SectionContext section, RegisterFilter filter, int? year, CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        var query = section.Db.BudgetAllocations.AsNoTracking().Where(a => a.IsArchived == filter.Archived);
        if (year is int y)
        {
            query = query.Where(a => a.Year == y);
        }

        var rows = await query.OrderByDescending(a => a.Year).ThenBy(a => a.Source).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.Year,
                a.Source,
                a.UnitId,
                UnitName = a.Unit!.Name,
                a.AllocatedByOfficeId,
                AllocatedBy = a.AllocatedByOffice == null ? null : a.AllocatedByOffice.Name,
                OfficeName = a.Office == null ? null : a.Office.Name,
                CommuneName = a.Commune == null ? null : a.Commune.Name,
                a.CommuneId,
                a.AmountVnd,
                Committed = section.Db.SupportRecords.Where(r => r.BudgetAllocationId == a.Id && !r.IsArchived).Sum(r => r.AmountVnd ?? 0),
                Paid = section.Db.SupportRecords.Where(r => r.BudgetAllocationId == a.Id && !r.IsArchived).Sum(r => r.PaidVnd ?? 0),
                a.Decision,
                a.Note,
                a.IsArchived,
            })
            .ToListAsync(ct);
        return rows.Where(a => SectionScope.Inside(scope.CommunesOf(a.CommuneId ?? a.UnitId), filter.Communes))
            .Select(a => new AllocationRow(a.Id, a.Year, a.Source, a.UnitName, a.AllocatedBy, a.OfficeName, a.CommuneName, a.AmountVnd, a.Committed, a.Paid,
                a.Decision, a.Note, a.IsArchived, AccessTo(scope, a.UnitId, a.CommuneId, a.AllocatedByOfficeId)))
            .Where(r => r.Access != RecordAccess.None).ToList();
    }

    /// <summary>The rule of <see cref="SupportAccess.ForAllocation"/> for one allocation.</summary>
    public static RecordAccess AccessTo(SectionScope scope, int unitId, int? communeId, int? allocatedByOfficeId) =>
        SupportAccess.ForAllocation(scope.Role, scope.UnitInReach(communeId ?? unitId) || scope.UnitInReach(unitId),
            allocatedByOfficeId is int office && scope.OfficeId == office, allocatedByOfficeId is null);

    public static async Task<BudgetView> YearAsync(SectionContext section, int year, IReadOnlySet<int>? communes, CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        var db = section.Db;
        var allocations = await AllocationsAsync(section, new RegisterFilter(communes, Archived: false), year, ct);
        var allocationFacts = await db.BudgetAllocations.AsNoTracking().Where(a => a.Year == year && !a.IsArchived)
            .Select(a => new AllocationFact(a.Id, a.Year, a.Source, a.AmountVnd, a.OfficeId, a.CommuneId, a.IsArchived)).ToListAsync(ct);
        var readable = allocations.Select(a => a.Id).ToHashSet();
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var visible = scope.User.Visible(db.Subjects).Select(s => s.Id);
        var records = db.SupportRecords.AsNoTracking().Where(r => !r.IsArchived && r.On >= from && r.On <= to && visible.Contains(r.SubjectId));
        var spending = await records
            .Select(r => new SpendingFact(r.Id, r.On, r.Source, r.AmountVnd ?? 0, r.PaidVnd ?? 0, r.OfficeId,
                r.Product != null ? r.Product.CommuneId : r.Subject!.CommuneId, r.SubjectId, r.BudgetAllocationId, r.IsArchived))
            .ToListAsync(ct);
        if (communes is not null)
        {
            spending = spending.Where(s => communes.Contains(s.CommuneId)).ToList();
        }

        var summary = BudgetSums.For(year, allocationFacts.Where(a => readable.Contains(a.Id)), spending);
        var offices = await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var subjectIds = summary.ByProducer.Select(l => l.Key).ToList();
        var subjects = await db.Subjects.AsNoTracking().Where(s => subjectIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        string CommuneName(int? id) => id is int c && scope.Units.ById.TryGetValue(c, out var unit) ? unit.Name : "Không gắn với xã";
        return new BudgetView(year,
            summary.BySource.Select(l => Named(l, l.Key is FundingSource s ? Ocop.Web.Shared.Display.Name(s) : "Chưa ghi nguồn")).ToList(),
            summary.ByOffice.Select(l => Named(l, l.Key is int o ? offices.GetValueOrDefault(o, "?") : "Chưa ghi phòng, ban")).ToList(),
            summary.ByCommune.Select(l => Named(l, CommuneName(l.Key))).ToList(),
            summary.ByProducer.Select(l => Named(l, subjects.GetValueOrDefault(l.Key, "?"))).ToList(),
            Named(summary.Total, "Tổng cộng"));
    }

    private static NamedBudgetLine Named<TKey>(BudgetLine<TKey> line, string name) => new(name, line.AllocatedVnd, line.CommittedVnd, line.PaidVnd);
}
