using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Tasks;

/// <summary>
/// Creates or changes a plan task: the one write path of the task form and of anything else that keeps the plan's tasks
/// (the program office and administrators, <see cref="TaskAccess.CanManage"/>). The owner is an office or a commune of
/// today in the user's reach (a task kept by a commune dissolved in 2025 may keep it); the schedule must be usable
/// (<see cref="TaskSchedule.Problem"/>); a change made from an older version is turned back, never overwritten.
/// </summary>
public sealed class SaveTask(OcopDbContext db, UnitDirectory directory, TimeProvider clock)
{
    public const string StaleMessage = "Nhiệm vụ vừa được người khác sửa. Hãy mở lại trang để xem bản mới nhất.";

    /// <summary>A task as its form sends it. <see cref="Id"/> null creates one.</summary>
    public sealed class Command
    {
        /// <summary>The task changed; null for a new one. Set by the caller from the route, never from the body.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever, System.Text.Json.Serialization.JsonIgnore]
        public int? Id { get; set; }
        /// <summary>The version the change was made from (a change only).</summary>
        public int Version { get; set; }
        [Required(ErrorMessage = "Nhập số kế hoạch."), StringLength(60, ErrorMessage = "Tối đa 60 ký tự.")] public string? PlanNumber { get; set; }
        [Required(ErrorMessage = "Nhập mục của kế hoạch, ví dụ IV.8."), StringLength(20, ErrorMessage = "Tối đa 20 ký tự.")] public string? Section { get; set; }
        /// <summary>The owner: "o" and an office's id, or "c" and a commune's id (<see cref="OfficeOwner"/>, <see cref="CommuneOwner"/>).</summary>
        [Required(ErrorMessage = "Chọn đơn vị thực hiện.")] public string? Owner { get; set; }
        [Required(ErrorMessage = "Nhập tên nhiệm vụ."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string? Title { get; set; }
        [StringLength(4000, ErrorMessage = "Tối đa 4.000 ký tự.")] public string? Description { get; set; }
        [Required(ErrorMessage = "Chọn định kỳ.")] public Recurrence? Recurrence { get; set; }
        [Required(ErrorMessage = "Nhập ngày bắt đầu.")] public DateOnly? StartsOn { get; set; }
        public DateOnly? DueOn { get; set; }
        [Range(1, 12, ErrorMessage = "Tháng từ 1 đến 12.")] public int DueMonth { get; set; } = 12;
        [Range(1, 31, ErrorMessage = "Ngày từ 1 đến 31.")] public int DueDay { get; set; } = 31;
        [Range(0, 90, ErrorMessage = "Từ 0 đến 90 ngày.")] public int DaysAfterQuarter { get; set; } = 10;
        public bool IsArchived { get; set; }
    }

    public sealed record Saved(int Id, int Version, bool Created);

    public static string OfficeOwner(int officeId) => "o" + officeId.ToString(CultureInfo.InvariantCulture);

    public static string CommuneOwner(int communeId) => "c" + communeId.ToString(CultureInfo.InvariantCulture);

    /// <param name="save">False when the caller only wants the command checked (a form with a value it could not read).</param>
    public async Task<WriteResult<Saved>> RunAsync(UserScope scope, Command command, bool save = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!TaskAccess.CanManage(scope.Role))
        {
            return WriteResult.Refused<Saved>("Chỉ văn phòng Chương trình OCOP và quản trị hệ thống thêm, sửa nhiệm vụ.");
        }

        PlanTask? task = null;
        if (command.Id is int id)
        {
            var viewer = await TaskViewer.ForAsync(db, scope, ct);
            task = await viewer.Visible(db.PlanTasks).SingleOrDefaultAsync(t => t.Id == id, ct);
            if (task is null)
            {
                return WriteResult.NotFound<Saved>("Không tìm thấy nhiệm vụ.");
            }
        }

        var errors = FieldErrorList.Annotations(command);
        var owner = await OwnerAsync(scope, command.Owner, task?.CommuneId, ct);
        if (command.Owner is not null && owner is null)
        {
            errors.Add(nameof(Command.Owner), "Chọn phòng, ban hoặc xã trong danh sách.");
        }

        if (command.Recurrence is { } kind && command.StartsOn is { } starts
            && new TaskSchedule(kind, starts, command.DueOn, command.DueMonth, command.DueDay, command.DaysAfterQuarter).Problem() is { } problem)
        {
            errors.Add(kind switch
            {
                Recurrence.Once => nameof(Command.DueOn),
                Recurrence.Yearly => nameof(Command.DueDay),
                _ => nameof(Command.DaysAfterQuarter),
            }, problem);
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Saved>(errors);
        }

        if (task is not null && task.Version != command.Version)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        if (!save)
        {
            return WriteResult.Done(new Saved(task?.Id ?? 0, task?.Version ?? 0, task is null));
        }

        var isNew = task is null;
        task ??= db.PlanTasks.Add(new PlanTask { PlanNumber = "", Section = "", Title = "" }).Entity;
        task.OfficeId = owner!.Value.OfficeId;
        task.CommuneId = owner.Value.CommuneId;
        task.PlanNumber = command.PlanNumber!.Trim();
        task.Section = command.Section!.Trim();
        task.Title = command.Title!.Trim();
        task.Description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim();
        task.Recurrence = command.Recurrence!.Value;
        task.StartsOn = command.StartsOn!.Value;
        task.DueOn = task.Recurrence == Recurrence.Once ? command.DueOn : null;
        task.DueMonth = command.DueMonth;
        task.DueDay = command.DueDay;
        task.DaysAfterQuarter = command.DaysAfterQuarter;
        task.IsArchived = command.IsArchived;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        return WriteResult.Done(new Saved(task.Id, task.Version, isNew));
    }

    /// <summary>
    /// The owner the command names, if it is one the form offers: an office not archived, or a commune of today in the
    /// user's reach (or the task's own commune, dissolved since).
    /// </summary>
    private async Task<(int? OfficeId, int? CommuneId)?> OwnerAsync(UserScope scope, string? owner, int? currentCommune, CancellationToken ct)
    {
        if (owner is not { Length: > 1 } || owner[0] is not ('o' or 'c')
            || !int.TryParse(owner.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        if (owner[0] == 'o')
        {
            return await db.Offices.AsNoTracking().AnyAsync(o => o.Id == id && !o.IsArchived, ct) ? (id, null) : null;
        }

        var units = await directory.GetAsync(db, ct);
        var today = Display.Today(clock);
        var offered = units.CommuneChoices.Any(c => c.Unit.Id == id
            && (scope.ReachesEveryUnit || scope.CommuneIds.Contains(id))
            && (c.Unit.Validity.IsValidOn(today) || id == currentCommune));
        return offered ? (null, id) : null;
    }
}
