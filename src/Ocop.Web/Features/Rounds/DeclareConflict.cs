using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Rounds;

/// <summary>
/// Records a council member's conflict of interest with a subject: the member no longer scores that subject's products
/// (their sheets are marked recused in the same transaction). The office records it for anyone (external members have no
/// account); a member declares their own, and only before scoring.
/// </summary>
public sealed class DeclareConflict(OcopDbContext db, TimeProvider clock)
{
    public sealed class Command
    {
        public int RoundId { get; set; }
        public int? MemberId { get; set; }
        public int? SubjectId { get; set; }
        public string? Relation { get; set; }
    }

    public sealed record Declared(int DeclarationId, string MemberName);

    public async Task<WriteResult<Declared>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var open = await db.EvaluationRounds.AsNoTracking().Where(r => r.Id == command.RoundId).Select(r => (bool?)(r.State == RoundState.Open)).SingleOrDefaultAsync(ct);
        if (open is null)
        {
            return WriteResult.NotFound<Declared>("Không tìm thấy đợt đánh giá.");
        }

        var (myMemberId, seat) = await RoundAccess.SeatAsync(db, command.RoundId, scope.UserId, ct);
        var member = await db.CouncilMembers.AsNoTracking().Where(m => m.RoundId == command.RoundId && m.Id == command.MemberId)
            .Select(m => new { m.Id, m.FullName }).SingleOrDefaultAsync(ct);
        var manages = RoundAccess.CanManage(scope.Role);
        if (!manages && (member is null || member.Id != myMemberId))
        {
            return RoundAccess.Refusal<Declared>(scope.Role, seat, RoundAction.RecordConflict, open.Value)!;
        }

        if (RoundAccess.Refusal<Declared>(scope.Role, seat, manages ? RoundAction.RecordConflict : RoundAction.DeclareOwnConflict, open.Value) is { } refused)
        {
            return refused;
        }

        var errors = new FieldErrorList();
        if (member is null)
        {
            errors.Add(nameof(Command.MemberId), "Chọn thành viên hội đồng.");
        }

        var relation = command.Relation?.Trim();
        if (string.IsNullOrWhiteSpace(relation))
        {
            errors.Add(nameof(Command.Relation), "Nêu mối quan hệ với chủ thể (ví dụ: người thân của chủ hộ, thành viên hợp tác xã).");
        }
        else if (relation.Length > 500)
        {
            errors.Add(nameof(Command.Relation), "Mối quan hệ tối đa 500 ký tự.");
        }
        else if (relation.Any(FieldErrorList.RefusedCharacter))
        {
            errors.Add(nameof(Command.Relation), "Có ký tự điều khiển hoặc ký tự định hướng văn bản không được phép.");
        }

        if (command.SubjectId is not int subjectId || !await db.Subjects.AnyAsync(s => s.Id == subjectId, ct))
        {
            errors.Add(nameof(Command.SubjectId), "Chọn chủ thể.");
        }
        else if (member is not null && await db.ConflictDeclarations.AnyAsync(c => c.CouncilMemberId == member.Id && c.SubjectId == subjectId, ct))
        {
            errors.Add(nameof(Command.SubjectId), "Thành viên đã khai xung đột lợi ích với chủ thể này.");
        }
        else if (member is not null && !manages && await db.MemberScoresheets.AnyAsync(s => s.CouncilMemberId == member.Id
                     && s.RoundProduct!.Product!.SubjectId == subjectId && (s.State == MemberSheetState.Draft || s.State == MemberSheetState.Submitted), ct))
        {
            // A member declares before scoring: once they have scored, only the office records it (and the sheet stops counting).
            errors.Add(nameof(Command.SubjectId),
                "Bạn đã chấm sản phẩm của chủ thể này: xung đột lợi ích phải được khai trước khi chấm. Báo văn phòng OCOP để ghi nhận.");
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Declared>(errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var declaration = db.ConflictDeclarations.Add(new ConflictDeclaration
        {
            CouncilMemberId = member!.Id,
            SubjectId = command.SubjectId!.Value,
            Relation = relation!,
            DeclaredAt = clock.GetUtcNow().UtcDateTime,
        }).Entity;
        await db.SaveChangesAsync(ct);
        await RoundSheets.SyncAsync(db, command.RoundId, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return WriteResult.Done(new Declared(declaration.Id, member.FullName));
    }
}
