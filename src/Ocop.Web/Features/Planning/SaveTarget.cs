using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>
/// Creates a target on a plan or changes one: an indicator, a value (a percentage at most 100), a direction, a deadline
/// within the plan's period (<see cref="PlanTargetRules"/>), a code the plan does not use yet. Whoever may change the
/// plan (<see cref="PlanReach"/>) sets its targets; a change made from an older version is turned back.
/// </summary>
public sealed class SaveTarget(OcopDbContext db, UnitDirectory directory)
{
    public const string StaleMessage = "Chỉ tiêu vừa được người khác thay đổi. Tải lại trang rồi sửa lại.";
    public const string CodeTakenMessage = "Kế hoạch đã có chỉ tiêu mang mã này.";

    public sealed class Command
    {
        /// <summary>The target changed; null for a new one. Set by the caller from the route, never from the body.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever, System.Text.Json.Serialization.JsonIgnore]
        public int? Id { get; set; }
        /// <summary>The plan a new target goes on (a change keeps its plan); the form takes it from its address, not its body.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
        public int? PlanId { get; set; }
        [Required(ErrorMessage = "Nhập mã chỉ tiêu."), StringLength(20, ErrorMessage = "Tối đa 20 ký tự.")] public string Code { get; set; } = "";
        [Required(ErrorMessage = "Nhập nội dung chỉ tiêu."), StringLength(1000, ErrorMessage = "Tối đa 1.000 ký tự.")] public string Wording { get; set; } = "";
        [Required(ErrorMessage = "Chọn chỉ số.")] public int? IndicatorId { get; set; }
        [Required(ErrorMessage = "Nhập giá trị mục tiêu."), Range(typeof(decimal), "0", "1000000000", ErrorMessage = "Giá trị mục tiêu từ 0 đến 1.000.000.000.")]
        [ModelBinder(typeof(DecimalInputBinder))] public decimal? TargetValue { get; set; }
        public TargetDirection Direction { get; set; } = TargetDirection.AtLeast;
        [Required(ErrorMessage = "Nhập hạn hoàn thành.")] public DateOnly? Deadline { get; set; }
        public int SortOrder { get; set; }
        /// <summary>The version the change was made from (a change only).</summary>
        public int Version { get; set; }
    }

    public sealed record Saved(int TargetId, int PlanId, string Code, bool Created);

    /// <param name="save">False when the caller only wants the command checked (a form with a value it could not read).</param>
    public async Task<WriteResult<Saved>> RunAsync(UserScope scope, Command command, bool save = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!PlanningAccess.CanCreatePlans(scope.Role))
        {
            return WriteResult.Refused<Saved>("Bạn không được lập chỉ tiêu kế hoạch.");
        }

        PlanTarget? target = null;
        var planId = command.PlanId;
        if (command.Id is int id)
        {
            target = await db.PlanTargets.SingleOrDefaultAsync(x => x.Id == id, ct);
            if (target is null)
            {
                return WriteResult.NotFound<Saved>("Không tìm thấy chỉ tiêu.");
            }

            planId = target.PlanId;
        }

        var plan = planId is int p ? await db.Plans.AsNoTracking().SingleOrDefaultAsync(x => x.Id == p, ct) : null;
        if (plan is null)
        {
            return WriteResult.NotFound<Saved>("Không tìm thấy kế hoạch.");
        }

        if (!new PlanReach(scope, await directory.GetAsync(db, ct)).CanEdit(plan.UnitId))
        {
            return WriteResult.Refused<Saved>("Bạn không được sửa kế hoạch này.");
        }

        var stale = target is not null && target.Version != command.Version;
        var errors = FieldErrorList.Annotations(command);
        var code = (command.Code ?? "").Trim();
        var indicator = command.IndicatorId is int indicatorId ? await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == indicatorId, ct) : null;
        if (command.IndicatorId is not null && indicator is null)
        {
            errors.Add(nameof(Command.IndicatorId), "Chỉ số không tồn tại.");
        }

        if (indicator is not null && command.TargetValue is decimal value && PlanTargetRules.ValueProblem(indicator.Output, value) is { } valueProblem)
        {
            errors.Add(nameof(Command.TargetValue), valueProblem);
        }

        if (command.Deadline is DateOnly deadline && !PlanTargetRules.DeadlineInPeriod(deadline, plan.PeriodFrom, plan.PeriodTo))
        {
            errors.Add(nameof(Command.Deadline), $"Hạn hoàn thành nằm trong kỳ kế hoạch, từ {Display.Date(plan.PeriodFrom)} đến {Display.Date(plan.PeriodTo)}.");
        }

        var targetId = target?.Id ?? 0;
        if (code.Length > 0 && await db.PlanTargets.AnyAsync(t => t.PlanId == plan.Id && t.Code == code && t.Id != targetId, ct))
        {
            errors.Add(nameof(Command.Code), CodeTakenMessage);
        }

        if (errors.Any)
        {
            if (stale)
            {
                // Said beside the other refusals: the form is both out of date and wrong.
                errors.Add("", StaleMessage);
            }

            return WriteResult.Invalid<Saved>(errors);
        }

        if (stale)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        if (!save)
        {
            return WriteResult.Done(new Saved(targetId, plan.Id, code, target is null));
        }

        var isNew = target is null;
        target ??= db.PlanTargets.Add(new PlanTarget { PlanId = plan.Id, Code = "", Wording = "" }).Entity;
        target.Code = code;
        target.Wording = command.Wording.Trim();
        target.IndicatorId = indicator!.Id;
        target.TargetValue = command.TargetValue!.Value;
        target.Direction = command.Direction;
        target.Deadline = command.Deadline!.Value;
        target.SortOrder = command.SortOrder;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException failed)
        {
            // Between the checks and the save another request changed this target or took its code.
            if (await db.PlanTargets.AsNoTracking().AnyAsync(t => t.PlanId == plan.Id && t.Code == code && t.Id != targetId, ct))
            {
                var taken = new FieldErrorList();
                taken.Add(nameof(Command.Code), CodeTakenMessage);
                return WriteResult.Invalid<Saved>(taken);
            }

            if (failed is DbUpdateConcurrencyException)
            {
                return WriteResult.Stale<Saved>(StaleMessage);
            }

            throw;
        }

        return WriteResult.Done(new Saved(target.Id, plan.Id, code, isNew));
    }
}
