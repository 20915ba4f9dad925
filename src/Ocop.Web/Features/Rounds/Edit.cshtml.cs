using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Rounds;

/// <summary>Creates or edits an evaluation round. A process not in force on the opening day is warned about, not refused.</summary>
public sealed class EditModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public RoundInput Input { get; set; } = new();

    public List<SelectListItem> Processes { get; private set; } = [];
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Levels { get; private set; } = [];
    public string? ProcessWarning { get; private set; }

    public sealed class RoundInput
    {
        [Required(ErrorMessage = "Nhập tên đợt đánh giá."), StringLength(250, ErrorMessage = "Tên tối đa 250 ký tự.")]
        public string Name { get; set; } = "";
        [Required(ErrorMessage = "Chọn cấp đánh giá.")] public EvaluationLevel? Level { get; set; }
        [Required(ErrorMessage = "Chọn quy trình.")] public string? ProcessCode { get; set; }
        [Required(ErrorMessage = "Chọn đơn vị tổ chức.")] public int? UnitId { get; set; }
        [Required(ErrorMessage = "Nhập ngày bắt đầu.")] public DateOnly? OpensOn { get; set; }
        [Required(ErrorMessage = "Nhập ngày kết thúc.")] public DateOnly? ClosesOn { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!RoundAccess.CanManage(scope.Role))
        {
            return Forbid();
        }

        if (Id is int id)
        {
            var round = await db.EvaluationRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
            if (round is null)
            {
                return NotFound();
            }

            if (round.State == RoundState.Closed)
            {
                return Forbid();
            }

            Input = new RoundInput
            {
                Name = round.Name, Level = round.Level, ProcessCode = round.ProcessCode, UnitId = round.UnitId,
                OpensOn = round.OpensOn, ClosesOn = round.ClosesOn, Version = round.Version,
            };
            ProcessWarning = await WarningAsync(round.ProcessCode, round.OpensOn, ct);
        }
        else
        {
            var today = Display.Today(clock);
            var processes = (await db.EvaluationProcesses.AsNoTracking().ToListAsync(ct)).Select(p => p.ToModel()).ToList();
            Input.ProcessCode = EvaluationProcesses.InForceOn(today, processes)?.Code;
            Input.OpensOn = today;
            Input.ClosesOn = today.AddDays(30);
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!RoundAccess.CanManage(scope.Role))
        {
            return Forbid();
        }

        EvaluationRound? round = null;
        if (Id is int id)
        {
            round = await db.EvaluationRounds.SingleOrDefaultAsync(r => r.Id == id, ct);
            if (round is null)
            {
                return NotFound();
            }

            if (round.State == RoundState.Closed)
            {
                return Forbid();
            }
        }

        Input.Name = Input.Name?.Trim() ?? "";
        var process = Input.ProcessCode is null ? null : await db.EvaluationProcesses.AsNoTracking().SingleOrDefaultAsync(p => p.Code == Input.ProcessCode, ct);
        if (Input.ProcessCode is not null && process is null)
        {
            ModelState.AddModelError("Input.ProcessCode", "Quy trình không tồn tại.");
        }

        if (Input.Level is EvaluationLevel level)
        {
            if (!Enum.IsDefined(level))
            {
                ModelState.AddModelError("Input.Level", "Cấp đánh giá không hợp lệ.");
            }
            else if (process is not null && process.ToModel().Role(level) is null)
            {
                ModelState.AddModelError("Input.Level", "Quy trình đã chọn không có cấp đánh giá này.");
            }
        }

        if (Input.UnitId is int unitId && !await db.Units.AnyAsync(u => u.Id == unitId && u.Level != UnitLevel.Commune, ct))
        {
            ModelState.AddModelError("Input.UnitId", "Đơn vị không tồn tại.");
        }

        if (Input is { OpensOn: DateOnly opens, ClosesOn: DateOnly closes } && closes < opens)
        {
            ModelState.AddModelError("Input.ClosesOn", "Ngày kết thúc phải sau ngày bắt đầu.");
        }

        if (round is not null && process is not null && process.ToModel().LegalBasisCode != round.LegalBasisCode
            && await db.RoundProducts.AnyAsync(p => p.RoundId == round.Id, ct))
        {
            ModelState.AddModelError("Input.ProcessCode", "Đợt đã có sản phẩm chấm theo phiếu của căn cứ pháp lý cũ: không đổi sang quy trình có căn cứ pháp lý khác.");
        }

        if (round is not null && round.Version != Input.Version)
        {
            ModelState.AddModelError("", "Đợt đánh giá vừa được người khác thay đổi. Tải lại trang để xem bản mới rồi sửa lại.");
        }

        if (!ModelState.IsValid)
        {
            if (process is not null && Input.OpensOn is DateOnly d)
            {
                ProcessWarning = await WarningAsync(process.Code, d, ct);
            }

            await LoadChoicesAsync(ct);
            return Page();
        }

        round ??= db.EvaluationRounds.Add(new EvaluationRound { Name = Input.Name, ProcessCode = "", LegalBasisCode = "", State = RoundState.Open }).Entity;
        round.Name = Input.Name;
        round.Level = Input.Level!.Value;
        round.ProcessCode = process!.Code;
        round.LegalBasisCode = process.ToModel().LegalBasisCode;
        round.UnitId = Input.UnitId!.Value;
        round.OpensOn = Input.OpensOn!.Value;
        round.ClosesOn = Input.ClosesOn!.Value;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Đợt đánh giá vừa được người khác thay đổi. Tải lại trang để xem bản mới rồi sửa lại.");
            await LoadChoicesAsync(ct);
            return Page();
        }

        TempData["Message"] = Id is null ? "Đã tạo đợt đánh giá." : "Đã lưu thay đổi.";
        return Redirect($"/Rounds/Details/{round.Id}");
    }

    private async Task<string?> WarningAsync(string processCode, DateOnly opensOn, CancellationToken ct)
    {
        var all = (await db.EvaluationProcesses.AsNoTracking().ToListAsync(ct)).Select(p => p.ToModel()).ToList();
        var process = EvaluationProcesses.ByCode(processCode, all);
        return process is null ? null : EvaluationProcesses.Check(process, opensOn, processes: all).Warning;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var processes = await db.EvaluationProcesses.AsNoTracking().OrderBy(p => p.EffectiveFrom).Select(p => new { p.Code, p.Title }).ToListAsync(ct);
        Processes = processes.Select(p => new SelectListItem(p.Title, p.Code, p.Code == Input.ProcessCode)).ToList();
        Units = await Lookups.OrganisingUnitsAsync(db, Input.UnitId, ct);
        Levels = Lookups.Enum(Input.Level);
    }
}
