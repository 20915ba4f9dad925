using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Tasks;

/// <summary>Creates or edits a plan task (program office and administrators); a stale version is turned back, never overwritten.</summary>
public sealed class EditModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock) : PageModel
{
    [BindProperty] public TaskInput Input { get; set; } = new();

    public List<SelectListItem> Owners { get; private set; } = [];
    public List<SelectListItem> Recurrences { get; private set; } = [];
    public bool IsNew => Input.Id is null;

    public sealed class TaskInput
    {
        public int? Id { get; set; }
        public int Version { get; set; }
        [Required(ErrorMessage = "Nhập số kế hoạch."), StringLength(60, ErrorMessage = "Tối đa 60 ký tự.")] public string? PlanNumber { get; set; }
        [Required(ErrorMessage = "Nhập mục của kế hoạch, ví dụ IV.8."), StringLength(20, ErrorMessage = "Tối đa 20 ký tự.")] public string? Section { get; set; }
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

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var viewer = await TaskViewer.LoadAsync(db, scopes, ct);
        if (!TaskAccess.CanManage(viewer.Role))
        {
            return Forbid();
        }

        int? ownerCommune = null;
        if (id is null)
        {
            Input = new TaskInput { PlanNumber = DemoCycleData.PlanNumber, StartsOn = new DateOnly(Display.Today(clock).Year, 1, 1), Recurrence = Recurrence.Yearly };
        }
        else
        {
            var task = await viewer.Visible(db.PlanTasks).AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
            ownerCommune = task?.CommuneId;
            if (task is null)
            {
                return NotFound();
            }

            Input = new TaskInput
            {
                Id = task.Id,
                Version = task.Version,
                PlanNumber = task.PlanNumber,
                Section = task.Section,
                Title = task.Title,
                Description = task.Description,
                Recurrence = task.Recurrence,
                StartsOn = task.StartsOn,
                DueOn = task.DueOn,
                DueMonth = task.DueMonth,
                DueDay = task.DueDay,
                DaysAfterQuarter = task.DaysAfterQuarter,
                IsArchived = task.IsArchived,
                Owner = task.OfficeId is { } o ? "o" + o.ToString(CultureInfo.InvariantCulture) : "c" + task.CommuneId!.Value.ToString(CultureInfo.InvariantCulture),
            };
        }

        await LoadChoicesAsync(viewer, ownerCommune, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var viewer = await TaskViewer.LoadAsync(db, scopes, ct);
        if (!TaskAccess.CanManage(viewer.Role))
        {
            return Forbid();
        }

        Input.Id = id;
        PlanTask? task = null;
        if (id is not null)
        {
            task = await viewer.Visible(db.PlanTasks).SingleOrDefaultAsync(t => t.Id == id, ct);
            if (task is null)
            {
                return NotFound();
            }
        }

        await LoadChoicesAsync(viewer, task?.CommuneId, ct);
        var owner = Owners.Find(o => o.Value == Input.Owner);
        if (Input.Owner is not null && owner is null)
        {
            ModelState.AddModelError("Input.Owner", "Chọn phòng, ban hoặc xã trong danh sách.");
        }

        if (Input.Recurrence is { } kind && Input.StartsOn is { } starts
            && new TaskSchedule(kind, starts, Input.DueOn, Input.DueMonth, Input.DueDay, Input.DaysAfterQuarter).Problem() is { } problem)
        {
            ModelState.AddModelError(kind == Recurrence.Once ? "Input.DueOn" : kind == Recurrence.Yearly ? "Input.DueDay" : "Input.DaysAfterQuarter", problem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (task is null)
        {
            task = new PlanTask { PlanNumber = "", Section = "", Title = "" };
            db.PlanTasks.Add(task);
        }
        else if (task.Version != Input.Version)
        {
            ModelState.AddModelError("", "Nhiệm vụ vừa được người khác sửa. Hãy mở lại trang để xem bản mới nhất.");
            return Page();
        }

        var ownerId = int.Parse(Input.Owner![1..], CultureInfo.InvariantCulture);
        task.OfficeId = Input.Owner[0] == 'o' ? ownerId : null;
        task.CommuneId = Input.Owner[0] == 'c' ? ownerId : null;
        task.PlanNumber = Input.PlanNumber!.Trim();
        task.Section = Input.Section!.Trim();
        task.Title = Input.Title!.Trim();
        task.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        task.Recurrence = Input.Recurrence!.Value;
        task.StartsOn = Input.StartsOn!.Value;
        task.DueOn = task.Recurrence == Recurrence.Once ? Input.DueOn : null;
        task.DueMonth = Input.DueMonth;
        task.DueDay = Input.DueDay;
        task.DaysAfterQuarter = Input.DaysAfterQuarter;
        task.IsArchived = Input.IsArchived;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = id is null ? "Đã thêm nhiệm vụ." : "Đã lưu nhiệm vụ.";
        return RedirectToPage("/Tasks/Details", new { id = task.Id });
    }

    /// <summary>Offices and the communes that exist today; a task kept by a commune dissolved in 2025 keeps it as a choice.</summary>
    private async Task LoadChoicesAsync(TaskViewer viewer, int? ownerCommune, CancellationToken ct)
    {
        var offices = await db.Offices.AsNoTracking().Where(o => !o.IsArchived).OrderBy(o => o.UnitId).ThenBy(o => o.SortOrder)
            .Select(o => new { o.Id, o.Name, Unit = o.Unit!.Name }).ToListAsync(ct);
        Owners = offices.Select(o => new SelectListItem($"{o.Name} ({o.Unit})", "o" + o.Id.ToString(CultureInfo.InvariantCulture), Input.Owner == "o" + o.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        Owners.AddRange((await Lookups.CommunesAsync(db, viewer.Scope, ownerCommune, ct))
            .Select(c => new SelectListItem(Ocop.Core.Units.UnitNames.CommitteeShort(c.Text), "c" + c.Value, Input.Owner == "c" + c.Value)));
        Recurrences = Lookups.Enum(Input.Recurrence);
    }
}
