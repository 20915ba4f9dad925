using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Rounds;

/// <summary>
/// Saves or submits a council member's own sheet for one product of an open round: one option per scored criterion,
/// one case per "choose one" group (<see cref="ChooseOneCases"/>), a note per part; the total is computed here at every
/// save. Submitting needs every criterion answered and locks the sheet. A save from a stale copy (someone saved in
/// between) is refused, and a submitted sheet or a closed round changes no more.
/// </summary>
public sealed class SaveMemberSheet(OcopDbContext db, TimeProvider clock, ScoresheetModels sheets)
{
    public const string StaleMessage = "Phiếu vừa được lưu ở nơi khác (một cửa sổ hoặc thiết bị khác). Lựa chọn của bạn vẫn còn trên trang; tải lại phiếu để xem bản mới nhất trước khi lưu lại.";
    public const int MaxNoteLength = 2000;

    public sealed class Command
    {
        public int RoundId { get; set; }
        public int RoundProductId { get; set; }
        /// <summary>Option number per scored criterion code (<see cref="ScoreOption.NoneApplies"/> when no option applies).</summary>
        public Dictionary<string, int> Answers { get; set; } = new(StringComparer.Ordinal);
        /// <summary>The case chosen per "choose one" group code: answers of the group's other cases are dropped, as on paper.</summary>
        public Dictionary<string, string> Cases { get; set; } = new(StringComparer.Ordinal);
        /// <summary>A note per part code.</summary>
        public Dictionary<string, string> Notes { get; set; } = new(StringComparer.Ordinal);
        /// <summary>The sheet's version the member loaded (0 before the first save).</summary>
        public int Version { get; set; }
        /// <summary>Submit (and lock) rather than save a draft.</summary>
        public bool Submit { get; set; }
    }

    public sealed record Saved(int Version, MemberSheetState State, SheetScore Score, DateTime SavedAt);

    /// <summary>A command's answers, cases and notes as the sheet's rules read them.</summary>
    public sealed record ReadSheet(Dictionary<string, int> Answers, Dictionary<string, string> Cases, Dictionary<string, string> Notes);

    /// <summary>
    /// Reads a command against the sheet: answers to criteria the sheet has with options it offers, the "choose one case"
    /// rule applied, notes of its parts trimmed; what does not fit goes to <paramref name="errors"/> and is left out.
    /// </summary>
    public static ReadSheet Read(Scoresheet sheet, Command command, FieldErrorList errors)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(errors);
        var known = sheet.ScoredCriteria.ToDictionary(c => c.Leaf.Code, StringComparer.Ordinal);
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, number) in command.Answers)
        {
            if (!known.TryGetValue(code, out var criterion))
            {
                errors.Add("", $"Phiếu chấm không có tiêu chí mã {code}.");
            }
            else if (number != ScoreOption.NoneApplies && criterion.Leaf.Option(number) is null)
            {
                errors.Add("", $"Tiêu chí {code}: phương án “{number.ToString(CultureInfo.InvariantCulture)}” không hợp lệ.");
            }
            else
            {
                answers[code] = number;
            }
        }

        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (part, text) in command.Notes)
        {
            var note = text?.Trim() ?? "";
            if (sheet.Parts.All(p => p.Code != part))
            {
                errors.Add("", $"Phiếu chấm không có phần {part}.");
            }
            else if (note.Length > MaxNoteLength)
            {
                errors.Add($"Notes[{part}]", $"Ghi chú phần {part} tối đa 2.000 ký tự.");
            }
            else if (note.Any(FieldErrorList.RefusedCharacter))
            {
                errors.Add($"Notes[{part}]", $"Ghi chú phần {part} có ký tự điều khiển hoặc ký tự định hướng văn bản không được phép.");
            }
            else if (note.Length > 0)
            {
                notes[part] = note;
            }
        }

        var choice = ChooseOneCases.Apply(sheet, answers, command.Cases);
        foreach (var problem in choice.Problems)
        {
            errors.Add("", problem);
        }

        return new ReadSheet(new(choice.Answers, StringComparer.Ordinal), new(choice.Cases, StringComparer.Ordinal), notes);
    }

    public async Task<WriteResult<Saved>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var product = await db.RoundProducts.AsNoTracking().Where(p => p.Id == command.RoundProductId && p.RoundId == command.RoundId)
            .Select(p => new { p.Product!.SubjectId, p.Round!.State, p.ScoresheetId, SheetRecordVersion = p.Scoresheet!.Version })
            .SingleOrDefaultAsync(ct);
        if (product is null)
        {
            return WriteResult.NotFound<Saved>("Không tìm thấy sản phẩm trong đợt đánh giá.");
        }

        var (memberId, seat) = await RoundAccess.SeatAsync(db, command.RoundId, scope.UserId, ct);
        var verdict = RoundPolicy.Decide(scope.Role, seat, RoundAction.Score, product.State == RoundState.Open);
        if (memberId is not int me || verdict == RoundVerdict.NotPermitted)
        {
            return WriteResult.Refused<Saved>(RoundPolicy.Refusal(RoundVerdict.NotPermitted, RoundAction.Score)!);
        }

        // Never a sheet for a product of a subject the member declared a conflict with.
        var row = await db.MemberScoresheets.SingleOrDefaultAsync(s => s.RoundProductId == command.RoundProductId && s.CouncilMemberId == me, ct);
        if (row?.State == MemberSheetState.Recused || await db.ConflictDeclarations.AnyAsync(c => c.CouncilMemberId == me && c.SubjectId == product.SubjectId, ct))
        {
            return WriteResult.Refused<Saved>("Bạn đã khai xung đột lợi ích với chủ thể của sản phẩm này nên không chấm sản phẩm này.");
        }

        if (row?.State == MemberSheetState.Submitted)
        {
            return WriteResult.Refused<Saved>("Phiếu đã nộp nên không thể thay đổi.");
        }

        if (verdict == RoundVerdict.RoundClosed)
        {
            return WriteResult.Refused<Saved>("Đợt đánh giá đã kết thúc nên không thể thay đổi phiếu.");
        }

        if (command.Version != (row?.Version ?? 0))
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        var sheet = await sheets.GetAsync(db, product.ScoresheetId, product.SheetRecordVersion, ct);
        var errors = new FieldErrorList();
        var read = Read(sheet, command, errors);
        var score = SheetScoring.Score(sheet, read.Answers);
        if (command.Submit && !score.IsComplete)
        {
            errors.Add("", score.Unanswered.Count > 0
                ? $"Chưa thể nộp: còn {score.Unanswered.Count.ToString(CultureInfo.InvariantCulture)} tiêu chí chưa chấm ({string.Join(", ", score.Unanswered)}). Phiếu chưa được lưu; chọn đủ rồi nộp, hoặc bấm “Lưu nháp”."
                : "Chưa thể nộp: phiếu có lựa chọn không hợp lệ.");
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Saved>(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (row is null)
        {
            row = db.MemberScoresheets.Add(new MemberScoresheet { RoundProductId = command.RoundProductId, CouncilMemberId = me }).Entity;
        }
        else
        {
            db.Entry(row).Property(r => r.Version).OriginalValue = command.Version;
        }

        row.Answers = SheetJson.Write(new SortedDictionary<string, int>(read.Answers, StringComparer.Ordinal));
        row.PartNotes = SheetJson.Write(new SortedDictionary<string, string>(read.Notes, StringComparer.Ordinal));
        row.TotalTenths = score.Total.Tenths;
        row.State = command.Submit ? MemberSheetState.Submitted : MemberSheetState.Draft;
        row.SubmittedAt = command.Submit ? now : null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException or DbUpdateException)
        {
            // DbUpdateException: another first save created the row in between (the unique member/product index).
            db.ChangeTracker.Clear();
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        return WriteResult.Done(new Saved(row.Version, row.State, score, now));
    }
}
