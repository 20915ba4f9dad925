using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>A plan as its form sends it: the document as issued, its period, its unit (null: a national program), its parent plan.</summary>
public sealed record PlanFields(
    string Number, string Title, string Issuer, DateOnly IssuedOn, DateOnly PeriodFrom, DateOnly PeriodTo, int? UnitId, int? ParentId, string? Note);

/// <summary>One reason a plan was not saved, on the field at fault (a <see cref="PlanFields"/> property; empty for the whole plan).</summary>
public sealed record PlanProblem(string Field, string Message);

/// <summary>What saving a plan came to: saved, refused with reasons, no such plan, or not the user's to change.</summary>
public abstract record PlanSaveResult
{
    private PlanSaveResult()
    {
    }

    public sealed record Saved(int PlanId, string Number) : PlanSaveResult;

    public sealed record Invalid(IReadOnlyList<PlanProblem> Problems) : PlanSaveResult;

    public sealed record NotFound : PlanSaveResult;

    public sealed record Forbidden : PlanSaveResult;
}

/// <summary>
/// Creates and edits plans for the pages and anything else that makes plans. An office makes the plans of units inside its
/// units, a commune officer their own commune's (<see cref="PlanReach"/>). Refused: a period ending before it starts, a
/// unit the user may not plan for or that did not exist during the period, a number the unit already uses, a parent
/// plan that is the plan itself or one under it, and on edit a period that leaves a target's deadline outside it.
/// Saved with the audit trail in one transaction (<see cref="OcopDbContext"/>).
/// </summary>
public sealed class SavePlan(OcopDbContext db, UnitDirectory directory)
{
    public async Task<PlanSaveResult> CreateAsync(PlanFields fields, UserScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(scope);
        var reach = new PlanReach(scope, await directory.GetAsync(db, ct));
        if (!reach.CanCreate)
        {
            return new PlanSaveResult.Forbidden();
        }

        var problems = await ProblemsAsync(fields, null, reach, ct);
        if (problems.Count > 0)
        {
            return new PlanSaveResult.Invalid(problems);
        }

        var plan = db.Plans.Add(new Plan { Number = "", Title = "", Issuer = "" }).Entity;
        Apply(plan, fields);
        return await CommitAsync(plan, ct);
    }

    public async Task<PlanSaveResult> EditAsync(int id, int version, PlanFields fields, UserScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(scope);
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return new PlanSaveResult.NotFound();
        }

        var reach = new PlanReach(scope, await directory.GetAsync(db, ct));
        if (!reach.CanEdit(plan.UnitId))
        {
            return new PlanSaveResult.Forbidden();
        }

        var problems = await ProblemsAsync(fields, plan, reach, ct);
        if (plan.Version != version)
        {
            problems.Insert(0, new PlanProblem("", "Kế hoạch vừa được người khác thay đổi. Tải lại trang rồi sửa lại."));
        }

        if (fields.PeriodFrom <= fields.PeriodTo)
        {
            var outside = await db.PlanTargets.AsNoTracking()
                .Where(t => t.PlanId == id && (t.Deadline < fields.PeriodFrom || t.Deadline > fields.PeriodTo))
                .OrderBy(t => t.SortOrder).ThenBy(t => t.Code).Select(t => new { t.Code, t.Deadline }).ToListAsync(ct);
            if (outside.Count > 0)
            {
                problems.Add(new PlanProblem(nameof(PlanFields.PeriodTo),
                    $"Chỉ tiêu {string.Join(", ", outside.Select(t => $"{t.Code} (hạn {Display.Date(t.Deadline)})"))} có hạn ngoài kỳ mới; sửa hạn các chỉ tiêu đó trước."));
            }
        }

        if (problems.Count > 0)
        {
            return new PlanSaveResult.Invalid(problems);
        }

        Apply(plan, fields);
        return await CommitAsync(plan, ct);
    }

    /// <summary>Everything wrong with the fields for this user; <paramref name="existing"/> is the plan being edited (null for a new one).</summary>
    internal async Task<List<PlanProblem>> ProblemsAsync(PlanFields fields, Plan? existing, PlanReach reach, CancellationToken ct)
    {
        var problems = new List<PlanProblem>();
        if (fields.PeriodTo < fields.PeriodFrom)
        {
            problems.Add(new PlanProblem(nameof(PlanFields.PeriodTo), "Ngày kết thúc kỳ kế hoạch không được trước ngày bắt đầu."));
        }

        var units = await directory.GetAsync(db, ct);
        if (fields.UnitId is int unitId && !units.ById.ContainsKey(unitId))
        {
            problems.Add(new PlanProblem(nameof(PlanFields.UnitId), "Đơn vị không tồn tại."));
        }
        else if ((existing is null || fields.UnitId != existing.UnitId) && !reach.CanEdit(fields.UnitId))
        {
            problems.Add(new PlanProblem(nameof(PlanFields.UnitId), fields.UnitId is null
                ? "Chỉ quản trị hệ thống lập chương trình toàn quốc."
                : "Bạn không lập được kế hoạch cho đơn vị này: chỉ các đơn vị bạn phụ trách (cán bộ xã: kế hoạch của xã mình)."));
        }

        if (fields.UnitId is int id && units.ById.TryGetValue(id, out var unit) && !unit.Validity.Overlaps(new(fields.PeriodFrom, fields.PeriodTo)) && fields.PeriodFrom <= fields.PeriodTo)
        {
            problems.Add(new PlanProblem(nameof(PlanFields.UnitId), unit.ValidTo is null
                ? $"{unit.Name} chỉ có từ ngày {Display.Date(unit.ValidFrom)}: không có trong kỳ kế hoạch."
                : $"{unit.Name} chỉ có từ ngày {Display.Date(unit.ValidFrom)} đến ngày {Display.Date(unit.ValidTo)}: không có trong kỳ kế hoạch."));
        }

        var number = fields.Number.Trim();
        var existingId = existing?.Id ?? 0;
        if (number.Length > 0 && await db.Plans.AnyAsync(p => p.UnitId == fields.UnitId && p.Number == number && p.Id != existingId, ct))
        {
            problems.Add(new PlanProblem(nameof(PlanFields.Number), $"Đơn vị này đã có kế hoạch số {number}."));
        }

        if (fields.ParentId is int parentId)
        {
            var parents = await db.Plans.AsNoTracking().Select(p => new { p.Id, p.ParentId }).ToDictionaryAsync(p => p.Id, p => p.ParentId, ct);
            if (!parents.ContainsKey(parentId))
            {
                problems.Add(new PlanProblem(nameof(PlanFields.ParentId), "Kế hoạch cấp trên không tồn tại."));
            }
            else if (existing is not null && IsUnder(parentId, existing.Id, parents))
            {
                problems.Add(new PlanProblem(nameof(PlanFields.ParentId), "Kế hoạch cấp trên không thể là chính kế hoạch này hay một kế hoạch thuộc nó."));
            }
        }

        return problems;
    }

    /// <summary>Saves the plan (and whatever else was added with it) and its audit rows in one transaction; a race on the number becomes a form error.</summary>
    internal async Task<PlanSaveResult> CommitAsync(Plan plan, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new PlanSaveResult.Saved(plan.Id, plan.Number);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new PlanSaveResult.Invalid([new PlanProblem("", "Kế hoạch vừa được người khác thay đổi. Tải lại trang rồi sửa lại.")]);
        }
        catch (DbUpdateException)
        {
            // Another request saved the same number for the unit between the check and the save; the unique index refused this one.
            if (await NumberTakenAsync(plan, ct))
            {
                return new PlanSaveResult.Invalid([new PlanProblem(nameof(PlanFields.Number), $"Đơn vị này đã có kế hoạch số {plan.Number}.")]);
            }

            throw;
        }
    }

    private async Task<bool> NumberTakenAsync(Plan plan, CancellationToken ct)
    {
        var (unitId, number, id) = (plan.UnitId, plan.Number, plan.Id);
        return await db.Plans.AsNoTracking().AnyAsync(p => p.UnitId == unitId && p.Number == number && p.Id != id, ct);
    }

    private static void Apply(Plan plan, PlanFields fields)
    {
        plan.Number = fields.Number.Trim();
        plan.Title = fields.Title.Trim();
        plan.Issuer = fields.Issuer.Trim();
        plan.IssuedOn = fields.IssuedOn;
        plan.PeriodFrom = fields.PeriodFrom;
        plan.PeriodTo = fields.PeriodTo;
        plan.UnitId = fields.UnitId;
        plan.ParentId = fields.ParentId;
        plan.Note = string.IsNullOrWhiteSpace(fields.Note) ? null : fields.Note.Trim();
    }

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
