using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>
/// Creates a target on a plan (?plan=) or edits one (/Planning/Target/{id}): an indicator, a value, a direction, a deadline
/// within the plan's period. Whoever may change the plan (<see cref="PlanReach"/>) sets its targets.
/// </summary>
public sealed class TargetModel(OcopDbContext db, UserScopeLoader scopes, UnitDirectory directory) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [FromQuery(Name = "plan")] public int? PlanId { get; set; }
    [BindProperty] public TargetInput Input { get; set; } = new();
    public string PlanNumber { get; private set; } = "";
    public List<SelectListItem> Indicators { get; private set; } = [];

    public sealed class TargetInput
    {
        [Required(ErrorMessage = "Nhập mã chỉ tiêu."), StringLength(20, ErrorMessage = "Tối đa 20 ký tự.")] public string Code { get; set; } = "";
        [Required(ErrorMessage = "Nhập nội dung chỉ tiêu."), StringLength(1000, ErrorMessage = "Tối đa 1.000 ký tự.")] public string Wording { get; set; } = "";
        [Required(ErrorMessage = "Chọn chỉ số.")] public int? IndicatorId { get; set; }
        [Required(ErrorMessage = "Nhập giá trị mục tiêu."), Range(typeof(decimal), "0", "1000000000", ErrorMessage = "Giá trị mục tiêu từ 0 đến 1.000.000.000.")]
        [ModelBinder(typeof(DecimalInputBinder))] public decimal? TargetValue { get; set; }
        public TargetDirection Direction { get; set; } = TargetDirection.AtLeast;
        [Required(ErrorMessage = "Nhập hạn hoàn thành.")] public DateOnly? Deadline { get; set; }
        public int SortOrder { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!PlanningAccess.CanCreatePlans(scope.Role))
        {
            return Forbid();
        }

        if (Id is int id)
        {
            var t = await db.PlanTargets.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (t is null)
            {
                return NotFound();
            }

            PlanId = t.PlanId;
            Input = new TargetInput
            {
                Code = t.Code,
                Wording = t.Wording,
                IndicatorId = t.IndicatorId,
                TargetValue = t.TargetValue,
                Direction = t.Direction,
                Deadline = t.Deadline,
                SortOrder = t.SortOrder,
                Version = t.Version,
            };
        }

        var plan = PlanId is int p ? await db.Plans.AsNoTracking().SingleOrDefaultAsync(x => x.Id == p, ct) : null;
        if (plan is null)
        {
            return NotFound();
        }

        if (!await MayChangeAsync(scope, plan, ct))
        {
            return Forbid();
        }

        if (Id is null)
        {
            Input.Deadline = plan.PeriodTo;
            Input.SortOrder = await db.PlanTargets.Where(t => t.PlanId == plan.Id).Select(t => (int?)t.SortOrder).MaxAsync(ct) + 1 ?? 1;
        }

        await LoadAsync(plan, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!PlanningAccess.CanCreatePlans(scope.Role))
        {
            return Forbid();
        }

        PlanTarget? target = null;
        if (Id is int id)
        {
            target = await db.PlanTargets.SingleOrDefaultAsync(x => x.Id == id, ct);
            if (target is null)
            {
                return NotFound();
            }

            PlanId = target.PlanId;
            if (target.Version != Input.Version)
            {
                ModelState.AddModelError("", "Chỉ tiêu vừa được người khác thay đổi. Tải lại trang rồi sửa lại.");
            }
        }

        var plan = PlanId is int p ? await db.Plans.AsNoTracking().SingleOrDefaultAsync(x => x.Id == p, ct) : null;
        if (plan is null)
        {
            return NotFound();
        }

        if (!await MayChangeAsync(scope, plan, ct))
        {
            return Forbid();
        }

        var code = (Input.Code ?? "").Trim();
        var indicator = Input.IndicatorId is int indicatorId ? await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == indicatorId, ct) : null;
        if (Input.IndicatorId is not null && indicator is null)
        {
            ModelState.AddModelError("Input.IndicatorId", "Chỉ số không tồn tại.");
        }

        if (indicator?.Output == MeasureOutput.Percent && Input.TargetValue > 100)
        {
            ModelState.AddModelError("Input.TargetValue", "Chỉ tiêu tỷ lệ không vượt quá 100 %.");
        }

        if (Input.Deadline is DateOnly deadline && (deadline < plan.PeriodFrom || deadline > plan.PeriodTo))
        {
            ModelState.AddModelError("Input.Deadline",
                $"Hạn hoàn thành nằm trong kỳ kế hoạch, từ {Display.Date(plan.PeriodFrom)} đến {Display.Date(plan.PeriodTo)}.");
        }

        if (code.Length > 0 && await db.PlanTargets.AnyAsync(t => t.PlanId == plan.Id && t.Code == code && t.Id != (Id ?? 0), ct))
        {
            ModelState.AddModelError("Input.Code", "Kế hoạch đã có chỉ tiêu mang mã này.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(plan, ct);
            return Page();
        }

        target ??= db.PlanTargets.Add(new PlanTarget { PlanId = plan.Id, Code = "", Wording = "" }).Entity;
        target.Code = code;
        target.Wording = Input.Wording.Trim();
        target.IndicatorId = indicator!.Id;
        target.TargetValue = Input.TargetValue!.Value;
        target.Direction = Input.Direction;
        target.Deadline = Input.Deadline!.Value;
        target.SortOrder = Input.SortOrder;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException failed)
        {
            // Between the checks and the save another request changed this target or took its code.
            var taken = await db.PlanTargets.AsNoTracking().AnyAsync(t => t.PlanId == plan.Id && t.Code == code && t.Id != (Id ?? 0), ct);
            if (!taken && failed is not DbUpdateConcurrencyException)
            {
                throw;
            }

            ModelState.AddModelError(taken ? "Input.Code" : "", taken ? "Kế hoạch đã có chỉ tiêu mang mã này." : "Chỉ tiêu vừa được người khác thay đổi. Tải lại trang rồi sửa lại.");
            await LoadAsync(plan, ct);
            return Page();
        }

        TempData["Message"] = $"Đã lưu chỉ tiêu {code}.";
        return RedirectToPage("Details", new { id = plan.Id });
    }

    private async Task<bool> MayChangeAsync(UserScope scope, Plan plan, CancellationToken ct) =>
        new PlanReach(scope, await directory.GetAsync(db, ct)).CanEdit(plan.UnitId);

    private async Task LoadAsync(Plan plan, CancellationToken ct)
    {
        PlanNumber = plan.Number;
        PlanId = plan.Id;
        var indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Code).Select(i => new { i.Id, i.Code, i.Name }).ToListAsync(ct);
        Indicators = indicators.Select(i => new SelectListItem($"{i.Code} – {i.Name}", PlanDisplay.Id(i.Id), i.Id == Input.IndicatorId)).ToList();
    }
}
