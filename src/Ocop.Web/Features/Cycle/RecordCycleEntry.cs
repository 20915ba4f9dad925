using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Cycle;

/// <summary>
/// Puts an idea into the annual cycle: a commune officer records a potential product found in the survey (their
/// communes only), a producer registers an idea for their own subject (always their subject, in its commune, at the
/// registration of ideas). The entry and the first row of its history are written together.
/// </summary>
public sealed class RecordCycleEntry(OcopDbContext db, TimeProvider clock, CurrentActor actor)
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Nhập năm."), Range(2018, 2100, ErrorMessage = "Năm từ 2018 đến 2100.")] public int? Year { get; set; }
        [Required(ErrorMessage = "Chọn xã.")] public int? CommuneId { get; set; }
        public int? SubjectId { get; set; }
        public int? ProductId { get; set; }
        [Required(ErrorMessage = "Nhập người đề xuất (chủ thể, hộ, tổ nhóm)."), StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string? ProposerName { get; set; }
        [Required(ErrorMessage = "Nhập tên ý tưởng, sản phẩm."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string? IdeaName { get; set; }
        public int? CategoryId { get; set; }
        [StringLength(4000, ErrorMessage = "Tối đa 4.000 ký tự.")] public string? Description { get; set; }
        public CycleStep Step { get; set; } = CycleStep.Communication;
    }

    public sealed record Recorded(int EntryId, string IdeaName, int Year);

    public async Task<WriteResult<Recorded>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!CycleRules.CanCreate(scope.Role))
        {
            return WriteResult.Refused<Recorded>("Bạn không được ghi nhận ý tưởng vào chu trình.");
        }

        var errors = FieldErrorList.Annotations(command);
        if (scope.Role == Role.Producer)
        {
            // A producer's idea is always their own subject's, in its commune, and starts at the registration form.
            command.SubjectId = scope.SubjectId;
            command.CommuneId = await db.Subjects.Where(s => s.Id == scope.SubjectId).Select(s => (int?)s.CommuneId).SingleOrDefaultAsync(ct);
            command.Step = CycleStep.IdeaRegistration;
            if (command.CommuneId is null)
            {
                return WriteResult.Refused<Recorded>("Tài khoản chưa gắn với chủ thể nào.");
            }
        }
        else if (command.CommuneId is { } commune && !scope.CanCreateIn(commune))
        {
            errors.Add(nameof(Command.CommuneId), "Chỉ ghi nhận được ý tưởng ở xã thuộc phạm vi của bạn.");
        }

        if (!CycleRules.StartsAt(command.Step))
        {
            errors.Add(nameof(Command.Step), "Ý tưởng mới bắt đầu ở bước tuyên truyền hoặc đăng ký ý tưởng.");
        }

        if (command.SubjectId is { } subjectId
            && !await scope.Visible(db.Subjects).AnyAsync(s => s.Id == subjectId && s.CommuneId == command.CommuneId && !s.IsArchived, ct))
        {
            errors.Add(nameof(Command.SubjectId), "Chủ thể phải thuộc xã đã chọn.");
        }

        if (command.ProductId is { } productId
            && !await scope.Visible(db.Products).AnyAsync(p => p.Id == productId && p.CommuneId == command.CommuneId && (command.SubjectId == null || p.SubjectId == command.SubjectId), ct))
        {
            errors.Add(nameof(Command.ProductId), "Sản phẩm phải thuộc xã (và chủ thể) đã chọn.");
        }

        if (command.CategoryId is { } categoryId && !await db.ProductCategories.AnyAsync(c => c.Id == categoryId && c.ProductSet != null && !c.IsArchived, ct))
        {
            errors.Add(nameof(Command.CategoryId), "Chọn một phân nhóm sản phẩm.");
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Recorded>(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new CycleEntry
        {
            Year = command.Year!.Value,
            CommuneId = command.CommuneId!.Value,
            SubjectId = command.SubjectId,
            ProductId = command.ProductId,
            ProposerName = command.ProposerName!.Trim(),
            IdeaName = command.IdeaName!.Trim(),
            CategoryId = command.CategoryId,
            Description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim(),
            Step = command.Step,
            State = CycleState.Active,
            StepEnteredAt = now,
        };
        entry.Events.Add(new CycleStepEvent
        {
            ToStep = entry.Step,
            ToState = entry.State,
            At = now,
            UserId = actor.UserId,
            UserName = actor.FullName,
            Note = entry.Step == CycleStep.IdeaRegistration ? "Đăng ký ý tưởng sản phẩm." : "Ghi nhận sản phẩm tiềm năng qua khảo sát.",
        });
        db.CycleEntries.Add(entry);
        await db.SaveChangesAsync(ct); // one save: the entry and its first history row
        return WriteResult.Done(new Recorded(entry.Id, entry.IdeaName, entry.Year));
    }
}
