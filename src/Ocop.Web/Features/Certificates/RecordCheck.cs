using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Certificates;

/// <summary>
/// Records a check of a certified product after recognition, with its findings and the follow-up asked of the
/// producer; the verdict is the core's (<see cref="PostRecognitionChecks.Judge"/>: any aspect not met, or food-safety
/// papers expired, fails), and a failed check may later be the ground of a revocation.
/// </summary>
public sealed class RecordCheck(OcopDbContext db, TimeProvider clock)
{
    public sealed class Command
    {
        /// <summary>Set by the caller from the route, never from the body.</summary>
        [BindNever, System.Text.Json.Serialization.JsonIgnore] public int CertificateId { get; set; }
        [Required(ErrorMessage = "Chọn loại kiểm tra.")] public CheckKind? Kind { get; set; }
        [Required(ErrorMessage = "Nhập ngày kiểm tra.")] public DateOnly? CheckedOn { get; set; }
        [Required(ErrorMessage = "Nhập đoàn, cơ quan kiểm tra."), StringLength(250, ErrorMessage = "Tối đa 250 ký tự.")] public string? CheckedBy { get; set; } = "";
        public AspectResult Quality { get; set; }
        public AspectResult FoodSafetyPapers { get; set; }
        public DateOnly? FoodSafetyPapersExpireOn { get; set; }
        public AspectResult Labels { get; set; }
        public AspectResult Environment { get; set; }
        [Required(ErrorMessage = "Ghi nhận xét, phát hiện của đoàn kiểm tra."), StringLength(4000, ErrorMessage = "Tối đa 4.000 ký tự.")] public string? Findings { get; set; } = "";
        [StringLength(2000, ErrorMessage = "Tối đa 2.000 ký tự.")] public string? FollowUp { get; set; }
        public DateOnly? FollowUpDueOn { get; set; }
    }

    /// <param name="Failed">The aspects not met and why (empty when the check passed).</param>
    public sealed record Recorded(int CheckId, bool Passed, IReadOnlyList<(CheckAspect Aspect, string Reason)> Failed);

    public async Task<WriteResult<Recorded>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var certificate = await CertificateRules.VisibleAsync(db, scope, command.CertificateId, track: false, ct);
        if (certificate is null)
        {
            return WriteResult.NotFound<Recorded>("Không tìm thấy giấy chứng nhận.");
        }

        if (!CertificateRules.CanCheck(scope.Role))
        {
            return WriteResult.Refused<Recorded>("Bạn không được ghi nhận kiểm tra sau công nhận.");
        }

        command.CheckedBy = command.CheckedBy?.Trim();
        command.Findings = command.Findings?.Trim();
        command.FollowUp = string.IsNullOrWhiteSpace(command.FollowUp) ? null : command.FollowUp.Trim();
        var errors = FieldErrorList.Annotations(command);
        foreach (var (field, value) in new[]
                 {
                     (nameof(Command.Quality), command.Quality), (nameof(Command.FoodSafetyPapers), command.FoodSafetyPapers),
                     (nameof(Command.Labels), command.Labels), (nameof(Command.Environment), command.Environment),
                 })
        {
            if (!Enum.IsDefined(value))
            {
                errors.Add(field, "Kết quả không hợp lệ.");
            }
        }

        if (command.Kind is CheckKind kind && !Enum.IsDefined(kind))
        {
            errors.Add(nameof(Command.Kind), "Loại kiểm tra không hợp lệ.");
        }

        var today = new CertificateRules(db, clock).Today;
        if (command.CheckedOn is DateOnly on && CertificateActions.CheckDateProblem(certificate.IssuedOn, on, today) is { } dateProblem)
        {
            errors.Add(nameof(Command.CheckedOn), dateProblem);
        }

        if (command is { CheckedOn: DateOnly checkedOn, FollowUpDueOn: DateOnly due } && CertificateActions.FollowUpDueProblem(checkedOn, due) is { } dueProblem)
        {
            errors.Add(nameof(Command.FollowUpDueOn), dueProblem);
        }

        if (command.FollowUpDueOn is not null && command.FollowUp is null)
        {
            errors.Add(nameof(Command.FollowUp), "Nêu việc chủ thể phải khắc phục trước hạn.");
        }

        if (new[] { command.Quality, command.FoodSafetyPapers, command.Labels, command.Environment }.All(r => r == AspectResult.NotChecked))
        {
            errors.Add("", "Chọn kết quả cho ít nhất một nội dung kiểm tra.");
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Recorded>(errors);
        }

        var row = new ProductCheck
        {
            CertificateId = certificate.Id,
            Kind = command.Kind!.Value,
            CheckedOn = command.CheckedOn!.Value,
            CheckedBy = command.CheckedBy!,
            Quality = command.Quality,
            FoodSafetyPapers = command.FoodSafetyPapers,
            FoodSafetyPapersExpireOn = command.FoodSafetyPapersExpireOn,
            Labels = command.Labels,
            Environment = command.Environment,
            Findings = command.Findings!,
            FollowUp = command.FollowUp,
            FollowUpDueOn = command.FollowUpDueOn,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var verdict = PostRecognitionChecks.Judge(row.Aspects, row.CheckedOn, row.FoodSafetyPapersExpireOn);
        row.Passed = verdict.Passed;
        row.Ground = verdict.Ground;
        db.ProductChecks().Add(row);
        await db.SaveChangesAsync(ct);
        return WriteResult.Done(new Recorded(row.Id, verdict.Passed, verdict.Failed.Select(f => (f.Aspect, f.Reason)).ToList()));
    }
}
