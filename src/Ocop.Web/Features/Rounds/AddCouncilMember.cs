using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Rounds;

/// <summary>
/// Seats a member on a round's council: a user of the system (who then scores online) or an external member by name and
/// organisation. The member's sheets are made in the same transaction, recused where a conflict is already declared.
/// </summary>
public sealed class AddCouncilMember(OcopDbContext db)
{
    public sealed class Command
    {
        public int RoundId { get; set; }
        public string? UserId { get; set; }
        public string? FullName { get; set; }
        public string? Organisation { get; set; }
        public CouncilPosition Position { get; set; } = CouncilPosition.Member;
    }

    public sealed record Added(int MemberId, string FullName);

    public async Task<WriteResult<Added>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (await RoundAccess.CheckAsync<Added>(db, scope, command.RoundId, RoundAction.AddMember, ct) is { } refused)
        {
            return refused;
        }

        var errors = new FieldErrorList();
        var fullName = command.FullName?.Trim();
        var organisation = command.Organisation?.Trim();
        var userId = string.IsNullOrWhiteSpace(command.UserId) ? null : command.UserId;
        if (userId is not null)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && !u.IsArchived)
                .Select(u => new { u.FullName, u.UserName, u.Organisation }).SingleOrDefaultAsync(ct);
            if (user is null)
            {
                errors.Add(nameof(Command.UserId), "Người dùng không tồn tại.");
            }
            else
            {
                fullName = string.IsNullOrWhiteSpace(fullName) ? (user.FullName.Length > 0 ? user.FullName : user.UserName) : fullName;
                organisation = string.IsNullOrWhiteSpace(organisation) ? user.Organisation ?? "" : organisation;
                if (await db.CouncilMembers.AnyAsync(m => m.RoundId == command.RoundId && m.UserId == userId, ct))
                {
                    errors.Add(nameof(Command.UserId), "Người này đã là thành viên hội đồng của đợt.");
                }
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(fullName))
            {
                errors.Add(nameof(Command.FullName), "Chọn người dùng hoặc nhập họ tên thành viên bên ngoài.");
            }

            if (string.IsNullOrWhiteSpace(organisation))
            {
                errors.Add(nameof(Command.Organisation), "Nhập cơ quan, đơn vị của thành viên bên ngoài.");
            }
        }

        if (fullName is { Length: > 120 })
        {
            errors.Add(nameof(Command.FullName), "Họ tên tối đa 120 ký tự.");
        }

        if (organisation is { Length: > 200 })
        {
            errors.Add(nameof(Command.Organisation), "Cơ quan tối đa 200 ký tự.");
        }

        if ((fullName ?? "").Any(FieldErrorList.RefusedCharacter) || (organisation ?? "").Any(FieldErrorList.RefusedCharacter))
        {
            errors.Add(nameof(Command.FullName), "Có ký tự điều khiển hoặc ký tự định hướng văn bản không được phép.");
        }

        if (!Enum.IsDefined(command.Position))
        {
            errors.Add(nameof(Command.Position), "Chức danh không hợp lệ.");
        }
        else if (command.Position == CouncilPosition.Chair
                 && await db.CouncilMembers.AnyAsync(m => m.RoundId == command.RoundId && m.Position == CouncilPosition.Chair, ct))
        {
            errors.Add(nameof(Command.Position), "Hội đồng đã có chủ tịch.");
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Added>(errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var member = db.CouncilMembers.Add(new CouncilMember
        {
            RoundId = command.RoundId,
            UserId = userId,
            FullName = fullName!,
            Organisation = organisation ?? "",
            Position = command.Position,
        }).Entity;
        await db.SaveChangesAsync(ct);
        await RoundSheets.SyncAsync(db, command.RoundId, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return WriteResult.Done(new Added(member.Id, member.FullName));
    }
}
