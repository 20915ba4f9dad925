using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Rounds;

/// <summary>
/// Creates or edits an evaluation round. What the law would question is warned about before saving, and saved only once
/// the office confirms: a process not in force on the opening day (a 148 round after 06/07/2025), an organising unit that
/// did not exist on the round's dates (a ceased province or district), a unit of another level than the round's, a round
/// running past its fixed deadline of the year (26/2026: 30/6, 30/12 for the province).
/// </summary>
public sealed class EditModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public RoundInput Input { get; set; } = new();

    public List<SelectListItem> Processes { get; private set; } = [];
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Levels { get; private set; } = [];
    public string? ProcessWarning { get; private set; }
    /// <summary>The warnings of the posted round, shown before anything is saved.</summary>
    public List<string> Warnings { get; private set; } = [];

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
        /// <summary>The office read the warnings and saves anyway.</summary>
        public bool ConfirmWarnings { get; set; }
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
                Name = round.Name,
                Level = round.Level,
                ProcessCode = round.ProcessCode,
                UnitId = round.UnitId,
                OpensOn = round.OpensOn,
                ClosesOn = round.ClosesOn,
                Version = round.Version,
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

        Warnings = await WarningsAsync(process!.ToModel(), Input.Level!.Value, Input.UnitId!.Value, Input.OpensOn!.Value, Input.ClosesOn!.Value, ct);
        if (Warnings.Count > 0 && !Input.ConfirmWarnings)
        {
            // Nothing is saved until the office has read what the law would question.
            ProcessWarning = null;
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

    private async Task<List<string>> WarningsAsync(EvaluationProcess process, EvaluationLevel level, int unitId, DateOnly opensOn, DateOnly closesOn, CancellationToken ct)
    {
        var warnings = new List<string>();
        if (await WarningAsync(process.Code, opensOn, ct) is { } processWarning)
        {
            warnings.Add(processWarning);
        }

        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Name, u.Kind, u.Level, u.ValidFrom, u.ValidTo }).SingleAsync(ct);
        var unitName = UnitNames.Full(unit.Name, unit.Kind);
        if (unit.ValidTo is DateOnly last && closesOn > last)
        {
            warnings.Add($"{unitName} chấm dứt hoạt động sau ngày {Display.Date(last)}: đợt đánh giá đến ngày {Display.Date(closesOn)} không thể do đơn vị này tổ chức; "
                + "biên bản và quyết định sau ngày đó do đơn vị kế thừa ban hành. Hãy chọn đơn vị đang tồn tại.");
        }
        else if (opensOn < unit.ValidFrom)
        {
            warnings.Add($"{unitName} chỉ được thành lập từ ngày {Display.Date(unit.ValidFrom)}, sau ngày bắt đầu đợt đánh giá ({Display.Date(opensOn)}).");
        }

        var expected = level switch
        {
            EvaluationLevel.District => UnitLevel.District,
            EvaluationLevel.Province => UnitLevel.Province,
            _ => (UnitLevel?)null,
        };
        if (expected is UnitLevel wanted && unit.Level != wanted)
        {
            warnings.Add($"Đợt {Display.Name(level).ToLower(Display.Vi)} nhưng đơn vị tổ chức là {unitName}.");
        }

        // 26/2026 fixes the rounds of the year: a round must end by the deadline of the round it belongs to.
        var window = process.RoundsIn(level, opensOn.Year).Concat(process.RoundsIn(level, opensOn.Year + 1))
            .Where(w => w.EndsBy >= opensOn).OrderBy(w => w.EndsBy).FirstOrDefault();
        if (window is not null && closesOn > window.EndsBy)
        {
            warnings.Add($"Theo {process.Name}, đợt {window.Round.ToString(CultureInfo.InvariantCulture)} năm {window.Year.ToString(CultureInfo.InvariantCulture)} "
                + $"phải hoàn thành chậm nhất ngày {Display.Date(window.EndsBy)}; đợt này kết thúc ngày {Display.Date(closesOn)}.");
        }

        return warnings;
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
