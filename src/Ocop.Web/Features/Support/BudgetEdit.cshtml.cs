using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Features.Shared;

namespace Ocop.Web.Features.Support;

/// <summary>
/// A budget allocation for a year and source (plan IV.2). Office staff record their own office's allocations; a commune
/// officer records the commune's own budget; the administrator any. An allocation may not drop below what is already
/// committed against it.
/// </summary>
public sealed class BudgetEditModel(SectionContext section) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public AllocationInput Input { get; set; } = new();
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Offices { get; private set; } = [];
    public List<SelectListItem> Communes { get; private set; } = [];
    public string? AllocatingOfficeName { get; private set; }
    public bool ChoosesAllocatingOffice { get; private set; }

    public sealed class AllocationInput
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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        if (!SupportAccess.CanAllocate(scope.Role, scope.OfficeId is not null))
        {
            return Forbid();
        }

        if (Id is int id)
        {
            var a = await section.Db.BudgetAllocations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            var refused = Refusal(scope, a);
            if (refused is not null)
            {
                return refused;
            }

            Input = new AllocationInput
            {
                Year = a!.Year,
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
        }
        else
        {
            Input.Year = scope.Today.Year;
            Input.AllocatedByOfficeId = scope.OfficeId;
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        if (!SupportAccess.CanAllocate(scope.Role, scope.OfficeId is not null))
        {
            return Forbid();
        }

        var db = section.Db;
        BudgetAllocation? allocation = null;
        if (Id is int id)
        {
            allocation = await db.BudgetAllocations.SingleOrDefaultAsync(x => x.Id == id, ct);
            var refused = Refusal(scope, allocation);
            if (refused is not null)
            {
                return refused;
            }

            if (allocation!.Version != Input.Version)
            {
                ModelState.AddModelError("", SectionForms.Stale);
            }
        }

        // Who allocates: the administrator names the office (or none: a commune's budget); office staff are their office;
        // a commune officer allocates the commune's own budget.
        var allocatingOffice = scope.Role == Role.Administrator ? Input.AllocatedByOfficeId
            : scope.Role == Role.CommuneOfficer ? null
            : allocation?.AllocatedByOfficeId ?? scope.OfficeId;
        Input.AllocatedByOfficeId = allocatingOffice;
        if (allocatingOffice is int by && scope.Role == Role.Administrator && await section.OfficeProblemAsync(by, ct) is string byProblem)
        {
            ModelState.AddModelError("Input.AllocatedByOfficeId", byProblem);
        }

        if (Input.UnitId is int unit)
        {
            if (!scope.Units.ById.TryGetValue(unit, out var entry) || !scope.UnitInReach(unit))
            {
                ModelState.AddModelError("Input.UnitId", "Bạn không phụ trách đơn vị này.");
            }
            else if (allocatingOffice is null && entry.Level != UnitLevel.Commune)
            {
                ModelState.AddModelError("Input.UnitId", "Ngân sách của xã: chọn xã.");
            }
        }

        if (Input.OfficeId is int office && await section.OfficeProblemAsync(office, ct) is string problem)
        {
            ModelState.AddModelError("Input.OfficeId", problem);
        }

        if (Input.CommuneId is int commune)
        {
            if (!scope.Units.ById.TryGetValue(commune, out var c) || c.Level != UnitLevel.Commune)
            {
                ModelState.AddModelError("Input.CommuneId", "Xã không tồn tại.");
            }
            else if (Input.UnitId is int u && !scope.CommunesOf(u).Contains(commune))
            {
                ModelState.AddModelError("Input.CommuneId", "Xã phải thuộc đơn vị của dự toán.");
            }
        }

        if (allocation is not null && Input.AmountVnd is long amount)
        {
            var committed = await db.SupportRecords.Where(r => r.BudgetAllocationId == allocation.Id && !r.IsArchived).SumAsync(r => r.AmountVnd ?? 0, ct);
            if (amount < committed)
            {
                ModelState.AddModelError("Input.AmountVnd", $"Đã cam kết {Ocop.Web.Shared.Display.Number(committed)} đồng từ dự toán này: số tiền không nhỏ hơn số đó.");
            }

            if ((Input.Year != allocation.Year || Input.Source != allocation.Source) && committed > 0)
            {
                ModelState.AddModelError("Input.Source", "Dự toán đã có hỗ trợ ghi vào: không đổi năm, nguồn.");
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(scope, ct);
            return Page();
        }

        allocation ??= db.BudgetAllocations.Add(new BudgetAllocation()).Entity;
        allocation.Year = Input.Year!.Value;
        allocation.Source = Input.Source!.Value;
        allocation.UnitId = Input.UnitId!.Value;
        allocation.AllocatedByOfficeId = allocatingOffice;
        allocation.OfficeId = Input.OfficeId;
        allocation.CommuneId = allocatingOffice is null ? Input.UnitId : Input.CommuneId;
        allocation.AmountVnd = Input.AmountVnd!.Value;
        allocation.Decision = SectionForms.Trim(Input.Decision);
        allocation.Note = SectionForms.Trim(Input.Note);
        allocation.IsArchived = Id is not null && Input.IsArchived;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Đã lưu dự toán kinh phí.";
        return RedirectToPage("/Support/Budgets");
    }

    private IActionResult? Refusal(SectionScope scope, BudgetAllocation? a)
    {
        var access = a is null ? RecordAccess.None : BudgetFigures.AccessTo(scope, a.UnitId, a.CommuneId, a.AllocatedByOfficeId);
        return access switch
        {
            RecordAccess.None => NotFound(),
            RecordAccess.Read => Forbid(),
            _ => null,
        };
    }

    private async Task LoadAsync(SectionScope scope, CancellationToken ct)
    {
        Units = await section.UnitsInReachAsync(Input.UnitId, ct);
        Offices = await section.OfficeOptionsAsync(Input.OfficeId, ct);
        Communes = await Lookups.CommunesAsync(section.Db, scope.User, Input.CommuneId, ct);
        ChoosesAllocatingOffice = scope.Role == Role.Administrator;
        var by = Input.AllocatedByOfficeId ?? (scope.Role == Role.CommuneOfficer ? null : scope.OfficeId);
        AllocatingOfficeName = by is int o ? await section.Db.Offices.Where(x => x.Id == o).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
    }
}
