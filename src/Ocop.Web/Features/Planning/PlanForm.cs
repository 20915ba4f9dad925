using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>The fields of the plan form (new, edit and copy pages share them, <c>_PlanFields.cshtml</c>).</summary>
public sealed class PlanInput
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
    public int Version { get; set; }

    public PlanFields ToFields() => new(Number, Title, Issuer, IssuedOn!.Value, PeriodFrom!.Value, PeriodTo!.Value,
        UnitId == PlanReach.National ? null : UnitId, ParentId, Note);

    public static PlanInput From(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanInput
        {
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

/// <summary>A page with the plan form: its input, the units the user may plan for and the plans that may be its parent.</summary>
public abstract class PlanFormPage : PageModel
{
    [BindProperty] public PlanInput Input { get; set; } = new();
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Parents { get; private set; } = [];

    /// <summary>Fills the selects; <paramref name="self"/> (the plan being edited) cannot be its own parent.</summary>
    protected async Task LoadChoicesAsync(OcopDbContext db, PlanReach reach, DateOnly today, int? self, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reach);
        Units = reach.Choices(Input.UnitId);
        var plans = await db.Plans.AsNoTracking().Where(p => p.Id != (self ?? 0))
            .Select(p => new { Period = new PlanPeriod(p.Id, p.UnitId, p.PeriodFrom, p.PeriodTo, p.IssuedOn), p.Number, p.Title })
            .ToListAsync(ct);
        var byId = plans.ToDictionary(p => p.Period.Id);
        Parents = PlanInForce.PickerOrder(plans.Select(p => p.Period), today)
            .Select(p => new SelectListItem($"{byId[p.Id].Number} – {byId[p.Id].Title} ({Display.Date(p.From)} – {Display.Date(p.To)})",
                PlanDisplay.Id(p.Id), p.Id == Input.ParentId))
            .ToList();
    }

    /// <summary>A refused save's reasons, each on its field.</summary>
    protected void AddProblems(IEnumerable<PlanProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field.Length == 0 ? "" : "Input." + problem.Field, problem.Message);
        }
    }
}
