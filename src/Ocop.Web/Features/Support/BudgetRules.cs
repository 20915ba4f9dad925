using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Core.Units;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Support;

/// <summary>
/// A budget allocation for a year and source (plan IV.2). Office staff record their own office's allocations; a commune
/// officer records the commune's own budget; the administrator any. An allocation may not drop below what is already
/// committed against it, nor change its year or source once support is charged to it: charging never goes past what is left.
/// </summary>
public sealed class BudgetRules : RegisterRules<BudgetAllocation, BudgetRules.AllocationInput>
{
    public sealed class AllocationInput : IVersionedInput
    {
        [Required(ErrorMessage = "Nhập năm."), Range(2000, 2100, ErrorMessage = "Năm từ 2000 đến 2100.")] public int? Year { get; set; }
        [Required(ErrorMessage = "Chọn nguồn kinh phí.")] public FundingSource? Source { get; set; }
        [Required(ErrorMessage = "Chọn đơn vị.")] public int? UnitId { get; set; }
        /// <summary>Only the administrator chooses it; office staff allocate as their office.</summary>
        public int? AllocatedByOfficeId { get; set; }
        public int? OfficeId { get; set; }
        public int? CommuneId { get; set; }
        [Required(ErrorMessage = "Nhập số tiền."), Range(1, long.MaxValue, ErrorMessage = "Số tiền lớn hơn 0.")] public long? AmountVnd { get; set; }
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string? Decision { get; set; }
        [StringLength(1000, ErrorMessage = "Tối đa 1.000 ký tự.")] public string? Note { get; set; }
        public bool IsArchived { get; set; }
        public int Version { get; set; }
    }

    public override bool MayWrite(SectionScope scope) => SupportAccess.CanAllocate(scope.Role, scope.OfficeId is not null);

    public override Task<BudgetAllocation?> FindAsync(OcopDbContext db, int id, CancellationToken ct) => db.BudgetAllocations.SingleOrDefaultAsync(x => x.Id == id, ct);

    public override RecordAccess AccessTo(SectionScope scope, BudgetAllocation a) => BudgetFigures.AccessTo(scope, a.UnitId, a.CommuneId, a.AllocatedByOfficeId);

    public override AllocationInput ToInput(BudgetAllocation a) => new()
    {
        Year = a.Year,
        Source = a.Source,
        UnitId = a.UnitId,
        AllocatedByOfficeId = a.AllocatedByOfficeId,
        OfficeId = a.OfficeId,
        CommuneId = a.CommuneId,
        AmountVnd = a.AmountVnd,
        Decision = a.Decision,
        Note = a.Note,
        IsArchived = a.IsArchived,
        Version = a.Version,
    };

    public override AllocationInput NewInput(SectionScope scope) => new() { Year = scope.Today.Year, AllocatedByOfficeId = scope.OfficeId };

    /// <summary>
    /// Who allocates: the administrator names the office (or none: a commune's budget); office staff are their office; a
    /// commune officer allocates the commune's own budget.
    /// </summary>
    public static int? AllocatingOffice(SectionScope scope, AllocationInput input, BudgetAllocation? existing) =>
        scope.Role == Role.Administrator ? input.AllocatedByOfficeId
        : scope.Role == Role.CommuneOfficer ? null
        : existing?.AllocatedByOfficeId ?? scope.OfficeId;

    public override async Task ValidateAsync(RegisterCheck check, AllocationInput input, BudgetAllocation? existing, CancellationToken ct)
    {
        var scope = check.Scope;
        var allocatingOffice = AllocatingOffice(scope, input, existing);
        if (allocatingOffice is int by && scope.Role == Role.Administrator && await check.OfficeProblemAsync(by, ct) is string byProblem)
        {
            check.Add(nameof(input.AllocatedByOfficeId), byProblem);
        }

        if (input.UnitId is int unit)
        {
            if (!scope.Units.ById.TryGetValue(unit, out var entry) || !scope.UnitInReach(unit))
            {
                check.Add(nameof(input.UnitId), "Bạn không phụ trách đơn vị này.");
            }
            else if (allocatingOffice is null && entry.Level != UnitLevel.Commune)
            {
                check.Add(nameof(input.UnitId), "Ngân sách của xã: chọn xã.");
            }
        }

        if (input.OfficeId is int office && await check.OfficeProblemAsync(office, ct) is string problem)
        {
            check.Add(nameof(input.OfficeId), problem);
        }

        if (input.CommuneId is int commune)
        {
            if (!scope.Units.ById.TryGetValue(commune, out var c) || c.Level != UnitLevel.Commune)
            {
                check.Add(nameof(input.CommuneId), "Xã không tồn tại.");
            }
            else if (input.UnitId is int u && !scope.CommunesOf(u).Contains(commune))
            {
                check.Add(nameof(input.CommuneId), "Xã phải thuộc đơn vị của dự toán.");
            }
        }

        if (existing is not null && input.AmountVnd is long amount)
        {
            var committed = await check.Db.SupportRecords.Where(r => r.BudgetAllocationId == existing.Id && !r.IsArchived).SumAsync(r => r.AmountVnd ?? 0, ct);
            if (amount < committed)
            {
                check.Add(nameof(input.AmountVnd), $"Đã cam kết {Ocop.Web.Shared.Display.Number(committed)} đồng từ dự toán này: số tiền không nhỏ hơn số đó.");
            }

            if ((input.Year != existing.Year || input.Source != existing.Source) && committed > 0)
            {
                check.Add(nameof(input.Source), "Dự toán đã có hỗ trợ ghi vào: không đổi năm, nguồn.");
            }
        }
    }

    public override BudgetAllocation Add(OcopDbContext db) => db.BudgetAllocations.Add(new BudgetAllocation()).Entity;

    public override void Apply(SectionScope scope, BudgetAllocation allocation, AllocationInput input, bool isNew)
    {
        var allocatingOffice = AllocatingOffice(scope, input, isNew ? null : allocation);
        allocation.Year = input.Year!.Value;
        allocation.Source = input.Source!.Value;
        allocation.UnitId = input.UnitId!.Value;
        allocation.AllocatedByOfficeId = allocatingOffice;
        allocation.OfficeId = input.OfficeId;
        allocation.CommuneId = allocatingOffice is null ? input.UnitId : input.CommuneId;
        allocation.AmountVnd = input.AmountVnd!.Value;
        allocation.Decision = SectionForms.Trim(input.Decision);
        allocation.Note = SectionForms.Trim(input.Note);
        allocation.IsArchived = !isNew && input.IsArchived;
    }
}
