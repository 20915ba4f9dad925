using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Cycle;

/// <summary>
/// Moves an idea in the cycle (<see cref="CycleRules.Apply"/>): forward, return from the feasibility review with
/// reasons, resubmit, drop — each only by those the rules allow (<see cref="CycleRules.MayTake"/>). The entry and its
/// history row are written in one save.
/// </summary>
public sealed class MoveCycleEntry(OcopDbContext db, TimeProvider clock, CurrentActor actor)
{
    public const string StaleMessage = "Ý tưởng vừa được người khác thay đổi. Hãy xem lại rồi thử lại.";

    /// <param name="Note">A note on the move; for a return, the reasons (required).</param>
    public sealed record Command(int EntryId, int Version, CycleAction Action, string? Note);

    public sealed record Moved(int EntryId, CyclePosition To);

    public async Task<WriteResult<Moved>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var entry = await scope.Visible(db.CycleEntries).SingleOrDefaultAsync(e => e.Id == command.EntryId, ct);
        if (entry is null)
        {
            return WriteResult.NotFound<Moved>("Không tìm thấy ý tưởng.");
        }

        if (!Enum.IsDefined(command.Action) || !CycleRules.MayTake(scope.Role, scope.ForRecord(entry.CommuneId, entry.SubjectId), entry.Step, command.Action))
        {
            return WriteResult.Refused<Moved>("Bạn không được thực hiện bước này.");
        }

        var errors = new FieldErrorList();
        if (command.Action == CycleAction.Return && string.IsNullOrWhiteSpace(command.Note))
        {
            errors.Add(nameof(Command.Note), "Nhập lý do trả lại để chủ thể biết cần bổ sung gì.");
            return WriteResult.Invalid<Moved>(errors);
        }

        if (command.Note?.Length > 2000)
        {
            errors.Add(nameof(Command.Note), "Tối đa 2.000 ký tự.");
            return WriteResult.Invalid<Moved>(errors);
        }

        if (command.Note?.Any(FieldErrorList.RefusedCharacter) == true)
        {
            errors.Add(nameof(Command.Note), "Có ký tự điều khiển hoặc ký tự định hướng văn bản không được phép.");
            return WriteResult.Invalid<Moved>(errors);
        }

        if (entry.Version != command.Version)
        {
            return WriteResult.Stale<Moved>(StaleMessage);
        }

        var from = new CyclePosition(entry.Step, entry.State);
        if (CycleRules.Apply(from, command.Action, entry.RoundProductId is not null) is not { } to)
        {
            errors.Add("", command.Action == CycleAction.Advance && entry.Step == CycleStep.Evaluation && entry.State == CycleState.Active
                ? "Gắn ý tưởng với sản phẩm trong đợt đánh giá, phân hạng trước khi chuyển sang xúc tiến thương mại."
                : $"Không thể «{Display.Name(command.Action).ToLower(Display.Vi)}» khi ý tưởng đang ở bước «{Display.Name(entry.Step)}» ({Display.Name(entry.State).ToLower(Display.Vi)}).");
            return WriteResult.Invalid<Moved>(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var text = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        entry.Step = to.Step;
        entry.State = to.State;
        entry.StepEnteredAt = now;
        if (command.Action == CycleAction.Return)
        {
            entry.ReturnReason = text;
        }

        db.CycleStepEvents.Add(new CycleStepEvent
        {
            EntryId = entry.Id,
            Action = command.Action,
            FromStep = from.Step,
            FromState = from.State,
            ToStep = to.Step,
            ToState = to.State,
            At = now,
            UserId = actor.UserId,
            UserName = actor.FullName,
            Note = text,
        });
        try
        {
            await db.SaveChangesAsync(ct); // the entry and its history row are one save, so one transaction
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Stale<Moved>(StaleMessage);
        }

        return WriteResult.Done(new Moved(entry.Id, to));
    }
}
