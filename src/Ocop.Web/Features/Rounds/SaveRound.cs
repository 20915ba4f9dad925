using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Rounds;

/// <summary>
/// Creates or changes an evaluation round. What the law would question is refused until the office confirms it has read
/// it: a process not in force on the opening day (a 148 round after 06/07/2025), an organising unit that did not exist
/// on the round's dates (a ceased province or district), a unit of another level than the round's, a round running past
/// its fixed deadline of the year (26/2026: 30/6, 30/12 for the province).
/// </summary>
public sealed class SaveRound(OcopDbContext db)
{
    public const string StaleMessage = "Đợt đánh giá vừa được người khác thay đổi. Tải lại trang để xem bản mới rồi sửa lại.";

    /// <summary>The field the warnings are reported under: the command passes once <see cref="Command.ConfirmWarnings"/> is set.</summary>
    public const string WarningsField = nameof(Command.ConfirmWarnings);

    public sealed class Command
    {
        /// <summary>The round changed; null for a new one. Set by the caller from the route, never from the body.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever, System.Text.Json.Serialization.JsonIgnore]
        public int? Id { get; set; }
        [Required(ErrorMessage = "Nhập tên đợt đánh giá."), StringLength(250, ErrorMessage = "Tên tối đa 250 ký tự.")]
        public string Name { get; set; } = "";
        [Required(ErrorMessage = "Chọn cấp đánh giá.")] public EvaluationLevel? Level { get; set; }
        [Required(ErrorMessage = "Chọn quy trình.")] public string? ProcessCode { get; set; }
        [Required(ErrorMessage = "Chọn đơn vị tổ chức.")] public int? UnitId { get; set; }
        [Required(ErrorMessage = "Nhập ngày bắt đầu.")] public DateOnly? OpensOn { get; set; }
        [Required(ErrorMessage = "Nhập ngày kết thúc.")] public DateOnly? ClosesOn { get; set; }
        /// <summary>The version the change was made from (a change only).</summary>
        public int Version { get; set; }
        /// <summary>The office read the warnings and saves anyway.</summary>
        public bool ConfirmWarnings { get; set; }
    }

    public sealed record Saved(int Id, int Version, bool Created);

    public async Task<WriteResult<Saved>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        EvaluationRound? round = null;
        if (command.Id is int id)
        {
            round = await db.EvaluationRounds.SingleOrDefaultAsync(r => r.Id == id, ct);
            if (round is null)
            {
                return WriteResult.NotFound<Saved>("Không tìm thấy đợt đánh giá.");
            }

            if (RoundAccess.Refusal<Saved>(scope.Role, CouncilSeat.None, RoundAction.Edit, round.State == RoundState.Open) is { } refused)
            {
                return refused;
            }
        }
        else if (RoundAccess.Refusal<Saved>(scope.Role, CouncilSeat.None, RoundAction.Create, true) is { } refused)
        {
            return refused;
        }

        command.Name = command.Name?.Trim() ?? "";
        var errors = FieldErrorList.Annotations(command);
        var process = command.ProcessCode is null ? null : await db.EvaluationProcesses.AsNoTracking().SingleOrDefaultAsync(p => p.Code == command.ProcessCode, ct);
        if (command.ProcessCode is not null && process is null)
        {
            errors.Add(nameof(Command.ProcessCode), "Quy trình không tồn tại.");
        }

        if (command.Level is EvaluationLevel level)
        {
            if (!Enum.IsDefined(level))
            {
                errors.Add(nameof(Command.Level), "Cấp đánh giá không hợp lệ.");
            }
            else if (process is not null && process.ToModel().Role(level) is null)
            {
                errors.Add(nameof(Command.Level), "Quy trình đã chọn không có cấp đánh giá này.");
            }
        }

        if (command.UnitId is int unitId && !await db.Units.AnyAsync(u => u.Id == unitId && u.Level != UnitLevel.Commune, ct))
        {
            errors.Add(nameof(Command.UnitId), "Đơn vị không tồn tại.");
        }

        if (command is { OpensOn: DateOnly opens, ClosesOn: DateOnly closes } && closes < opens)
        {
            errors.Add(nameof(Command.ClosesOn), "Ngày kết thúc phải sau ngày bắt đầu.");
        }

        if (round is not null && process is not null && process.ToModel().LegalBasisCode != round.LegalBasisCode
            && await db.RoundProducts.AnyAsync(p => p.RoundId == round.Id, ct))
        {
            errors.Add(nameof(Command.ProcessCode), "Đợt đã có sản phẩm chấm theo phiếu của căn cứ pháp lý cũ: không đổi sang quy trình có căn cứ pháp lý khác.");
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Saved>(errors);
        }

        if (round is not null && round.Version != command.Version)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        var model = process!.ToModel();
        var warnings = await WarningsAsync(model, command.Level!.Value, command.UnitId!.Value, command.OpensOn!.Value, command.ClosesOn!.Value, ct);
        if (warnings.Count > 0 && !command.ConfirmWarnings)
        {
            // Nothing is saved until the office has read what the law would question.
            foreach (var warning in warnings)
            {
                errors.Add(WarningsField, warning);
            }

            return WriteResult.Invalid<Saved>(errors);
        }

        var isNew = round is null;
        round ??= db.EvaluationRounds.Add(new EvaluationRound { Name = command.Name, ProcessCode = "", LegalBasisCode = "", State = RoundState.Open }).Entity;
        round.Name = command.Name;
        round.Level = command.Level!.Value;
        round.ProcessCode = process.Code;
        round.LegalBasisCode = model.LegalBasisCode;
        round.UnitId = command.UnitId!.Value;
        round.OpensOn = command.OpensOn!.Value;
        round.ClosesOn = command.ClosesOn!.Value;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        return WriteResult.Done(new Saved(round.Id, round.Version, isNew));
    }

    /// <summary>The warning of a process not in force on the opening day; null when it is.</summary>
    public static async Task<string?> ProcessWarningAsync(OcopDbContext db, string processCode, DateOnly opensOn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var all = (await db.EvaluationProcesses.AsNoTracking().ToListAsync(ct)).Select(p => p.ToModel()).ToList();
        var process = EvaluationProcesses.ByCode(processCode, all);
        return process is null ? null : EvaluationProcesses.Check(process, opensOn, processes: all).Warning;
    }

    private async Task<List<string>> WarningsAsync(EvaluationProcess process, EvaluationLevel level, int unitId, DateOnly opensOn, DateOnly closesOn, CancellationToken ct)
    {
        var warnings = new List<string>();
        if (await ProcessWarningAsync(db, process.Code, opensOn, ct) is { } processWarning)
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
}
