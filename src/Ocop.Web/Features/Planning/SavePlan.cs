using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>
/// A plan's fields as a command carries them (a new plan, a change, a copy): the document as issued, its period, its
/// unit, its parent plan. Field errors are keyed by these property names.
/// </summary>
public abstract class PlanFieldsCommand
{
    [Required(ErrorMessage = "Nhập số kế hoạch."), StringLength(60, ErrorMessage = "Tối đa 60 ký tự.")] public string Number { get; set; } = "";
    [Required(ErrorMessage = "Nhập tên kế hoạch."), StringLength(400, ErrorMessage = "Tối đa 400 ký tự.")] public string Title { get; set; } = "";
    [Required(ErrorMessage = "Nhập cơ quan ban hành."), StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string Issuer { get; set; } = "";
    [Required(ErrorMessage = "Nhập ngày ban hành.")] public DateOnly? IssuedOn { get; set; }
    [Required(ErrorMessage = "Nhập ngày bắt đầu kỳ kế hoạch.")] public DateOnly? PeriodFrom { get; set; }
    [Required(ErrorMessage = "Nhập ngày kết thúc kỳ kế hoạch.")] public DateOnly? PeriodTo { get; set; }
    /// <summary>The plan's unit; <see cref="PlanReach.National"/> for a national program; null when none was chosen.</summary>
    [Required(ErrorMessage = "Chọn đơn vị của kế hoạch.")] public int? UnitId { get; set; }
    public int? ParentId { get; set; }
    [StringLength(2000, ErrorMessage = "Tối đa 2.000 ký tự.")] public string? Note { get; set; }

    /// <summary>The unit as the plan stores it: null for a national program.</summary>
    internal int? PlanUnitId => UnitId == PlanReach.National ? null : UnitId;

    /// <summary>Sets the plan's fields from a command already checked.</summary>
    internal void ApplyTo(Plan plan)
    {
        plan.Number = Number.Trim();
        plan.Title = Title.Trim();
        plan.Issuer = Issuer.Trim();
        plan.IssuedOn = IssuedOn!.Value;
        plan.PeriodFrom = PeriodFrom!.Value;
        plan.PeriodTo = PeriodTo!.Value;
        plan.UnitId = PlanUnitId;
        plan.ParentId = ParentId;
        plan.Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
    }
}

/// <summary>
/// Creates and edits plans for the pages and anything else that makes plans. An office makes the plans of units inside its
/// units, a commune officer their own commune's (<see cref="PlanReach"/>). Refused: a period ending before it starts, a
/// unit the user may not plan for or that did not exist during the period, a number the unit already uses, a parent
/// plan that is the plan itself or one under it, and on edit a period that leaves a target's deadline outside it; a
/// change made from an older version is turned back as stale. Saved with the audit trail in one transaction.
/// </summary>
public sealed class SavePlan(OcopDbContext db, UnitDirectory directory)
{
    public const string StaleMessage = "Kế hoạch vừa được người khác thay đổi. Tải lại trang rồi sửa lại.";

    public sealed class Command : PlanFieldsCommand
    {
        /// <summary>The plan changed; null for a new one. Set by the caller from the route, never from the body.</summary>
        [BindNever, JsonIgnore]
        public int? Id { get; set; }
        /// <summary>The version the change was made from (a change only).</summary>
        public int Version { get; set; }

        /// <summary>A change of <paramref name="plan"/> as it stands: what the edit form starts from.</summary>
        public static Command From(Plan plan)
        {
            ArgumentNullException.ThrowIfNull(plan);
            return new Command
            {
                Id = plan.Id,
                Number = plan.Number,
                Title = plan.Title,
                Issuer = plan.Issuer,
                IssuedOn = plan.IssuedOn,
                PeriodFrom = plan.PeriodFrom,
                PeriodTo = plan.PeriodTo,
                UnitId = plan.UnitId ?? PlanReach.National,
                ParentId = plan.ParentId,
                Note = plan.Note,
                Version = plan.Version,
            };
        }
    }

    public sealed record Saved(int PlanId, string Number, bool Created);

    /// <param name="save">False when the caller only wants the command checked (a form with a value it could not read).</param>
    public async Task<WriteResult<Saved>> RunAsync(UserScope scope, Command command, bool save = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var reach = new PlanReach(scope, await directory.GetAsync(db, ct));
        Plan? plan = null;
        if (command.Id is int id)
        {
            plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == id, ct);
            if (plan is null)
            {
                return WriteResult.NotFound<Saved>("Không tìm thấy kế hoạch.");
            }

            if (!reach.CanEdit(plan.UnitId))
            {
                return WriteResult.Refused<Saved>("Bạn không được sửa kế hoạch này.");
            }
        }
        else if (!reach.CanCreate)
        {
            return WriteResult.Refused<Saved>("Bạn không được lập kế hoạch.");
        }

        var errors = await ErrorsAsync(command, plan, reach, ct);
        if (plan is not null && command is { PeriodFrom: DateOnly from, PeriodTo: DateOnly to } && from <= to)
        {
            var planId = plan.Id;
            var outside = await db.PlanTargets.AsNoTracking()
                .Where(t => t.PlanId == planId && (t.Deadline < from || t.Deadline > to))
                .OrderBy(t => t.SortOrder).ThenBy(t => t.Code).Select(t => new { t.Code, t.Deadline }).ToListAsync(ct);
            if (outside.Count > 0)
            {
                errors.Add(nameof(Command.PeriodTo),
                    $"Chỉ tiêu {string.Join(", ", outside.Select(t => $"{t.Code} (hạn {Display.Date(t.Deadline)})"))} có hạn ngoài kỳ mới; sửa hạn các chỉ tiêu đó trước.");
            }
        }

        var stale = plan is not null && plan.Version != command.Version;
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
            return WriteResult.Done(new Saved(plan?.Id ?? 0, command.Number.Trim(), plan is null));
        }

        var created = plan is null;
        plan ??= db.Plans.Add(new Plan { Number = "", Title = "", Issuer = "" }).Entity;
        command.ApplyTo(plan);
        return await CommitAsync(plan, () => new Saved(plan.Id, plan.Number, created), ct);
    }

    /// <summary>
    /// Everything wrong with the fields for this user, the command's own annotations first; <paramref name="existing"/>
    /// is the plan being edited (null for a new one or a copy).
    /// </summary>
    internal async Task<FieldErrorList> ErrorsAsync(PlanFieldsCommand command, Plan? existing, PlanReach reach, CancellationToken ct)
    {
        var errors = FieldErrorList.Annotations(command);
        if (command is { PeriodFrom: DateOnly earlyFrom, PeriodTo: DateOnly earlyTo } && earlyTo < earlyFrom)
        {
            errors.Add(nameof(PlanFieldsCommand.PeriodTo), "Ngày kết thúc kỳ kế hoạch không được trước ngày bắt đầu.");
        }

        var units = await directory.GetAsync(db, ct);
        var unitId = command.PlanUnitId;
        if (command.UnitId is not null)
        {
            if (unitId is int known && !units.ById.ContainsKey(known))
            {
                errors.Add(nameof(PlanFieldsCommand.UnitId), "Đơn vị không tồn tại.");
            }
            else if ((existing is null || unitId != existing.UnitId) && !reach.CanEdit(unitId))
            {
                errors.Add(nameof(PlanFieldsCommand.UnitId), unitId is null
                    ? "Chỉ quản trị hệ thống lập chương trình toàn quốc."
                    : "Bạn không lập được kế hoạch cho đơn vị này: chỉ các đơn vị bạn phụ trách (cán bộ xã: kế hoạch của xã mình).");
            }
        }

        if (unitId is int id && units.ById.TryGetValue(id, out var unit) && command is { PeriodFrom: DateOnly from, PeriodTo: DateOnly to }
            && from <= to && !unit.Validity.Overlaps(new(from, to)))
        {
            errors.Add(nameof(PlanFieldsCommand.UnitId), unit.ValidTo is null
                ? $"{unit.Name} chỉ có từ ngày {Display.Date(unit.ValidFrom)}: không có trong kỳ kế hoạch."
                : $"{unit.Name} chỉ có từ ngày {Display.Date(unit.ValidFrom)} đến ngày {Display.Date(unit.ValidTo)}: không có trong kỳ kế hoạch.");
        }

        var number = (command.Number ?? "").Trim();
        var existingId = existing?.Id ?? 0;
        if (number.Length > 0 && command.UnitId is not null
            && await db.Plans.AnyAsync(p => p.UnitId == unitId && p.Number == number && p.Id != existingId, ct))
        {
            errors.Add(nameof(PlanFieldsCommand.Number), NumberTakenMessage(number));
        }

        if (command.ParentId is int parentId)
        {
            var parents = await db.Plans.AsNoTracking().Select(p => new { p.Id, p.ParentId }).ToDictionaryAsync(p => p.Id, p => p.ParentId, ct);
            if (!parents.ContainsKey(parentId))
            {
                errors.Add(nameof(PlanFieldsCommand.ParentId), "Kế hoạch cấp trên không tồn tại.");
            }
            else if (existing is not null && IsUnder(parentId, existing.Id, parents))
            {
                errors.Add(nameof(PlanFieldsCommand.ParentId), "Kế hoạch cấp trên không thể là chính kế hoạch này hay một kế hoạch thuộc nó.");
            }
        }

        return errors;
    }

    /// <summary>
    /// Saves the plan (and whatever else was added with it) and its audit rows in one transaction; a race on the number
    /// becomes a field error, a race on the version a stale result.
    /// </summary>
    internal async Task<WriteResult<T>> CommitAsync<T>(Plan plan, Func<T> done, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(done);
        try
        {
            await db.SaveChangesAsync(ct);
            return WriteResult.Done(done());
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Stale<T>(StaleMessage);
        }
        catch (DbUpdateException)
        {
            // Another request saved the same number for the unit between the check and the save; the unique index refused this one.
            var (unitId, number, id) = (plan.UnitId, plan.Number, plan.Id);
            if (await db.Plans.AsNoTracking().AnyAsync(p => p.UnitId == unitId && p.Number == number && p.Id != id, ct))
            {
                var taken = new FieldErrorList();
                taken.Add(nameof(PlanFieldsCommand.Number), NumberTakenMessage(number));
                return WriteResult.Invalid<T>(taken);
            }

            throw;
        }
    }

    private static string NumberTakenMessage(string number) => $"Đơn vị này đã có kế hoạch số {number}.";

    /// <summary>Whether <paramref name="candidate"/> is <paramref name="plan"/> or lies under it through parent links.</summary>
    private static bool IsUnder(int candidate, int plan, Dictionary<int, int?> parents)
    {
        var seen = new HashSet<int>();
        for (int? current = candidate; current is int id && seen.Add(id); current = parents.GetValueOrDefault(id))
        {
            if (id == plan)
            {
                return true;
            }
        }

        return false;
    }
}
