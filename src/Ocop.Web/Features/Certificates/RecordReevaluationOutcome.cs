using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Certificates;

/// <summary>
/// Records that a pending re-evaluation concluded without renewal (the council found the product below 3★, or the
/// producer withdrew): the grace period ends; the certificate runs to its own expiry and no further. A renewal is
/// recorded by the new recognition decision itself (<see cref="Recognitions.IssueRecognition"/>).
/// </summary>
public sealed class RecordReevaluationOutcome(OcopDbContext db, TimeProvider clock)
{
    public const string StaleMessage = RevokeCertificate.StaleMessage;

    public sealed class Command
    {
        /// <summary>Set by the caller from the route, never from the body.</summary>
        [BindNever, System.Text.Json.Serialization.JsonIgnore] public int CertificateId { get; set; }
        [Required(ErrorMessage = "Nhập ngày có kết quả.")] public DateOnly? On { get; set; }
        [Required(ErrorMessage = "Nhập văn bản kết luận (biên bản hội đồng, thông báo)."), StringLength(250, ErrorMessage = "Tối đa 250 ký tự.")] public string? Note { get; set; } = "";
        public int Version { get; set; }
    }

    public sealed record Recorded(int CertificateId, DateOnly DecidedOn);

    public async Task<WriteResult<Recorded>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var certificate = await CertificateRules.VisibleAsync(db, scope, command.CertificateId, track: true, ct);
        if (certificate is null)
        {
            return WriteResult.NotFound<Recorded>("Không tìm thấy giấy chứng nhận.");
        }

        if (!CertificateRules.CanDecide(scope.Role))
        {
            return WriteResult.Refused<Recorded>("Bạn không được ghi nhận kết quả đánh giá lại.");
        }

        command.Note = command.Note?.Trim();
        var errors = FieldErrorList.Annotations(command);
        var today = new CertificateRules(db, clock).Today;
        var pending = certificate.ReevaluationFiledOn is not null && certificate.ReevaluationDecidedOn is null && certificate.RevokedOn is null;
        if (!pending)
        {
            errors.Add("", "Giấy chứng nhận không có hồ sơ đánh giá lại nào đang chờ kết quả.");
        }
        else if (command.On is DateOnly on && CertificateActions.OutcomeDateProblem(certificate.ReevaluationFiledOn!.Value, on, today) is { } problem)
        {
            errors.Add(nameof(Command.On), problem);
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Recorded>(errors);
        }

        if (certificate.Version != command.Version)
        {
            return WriteResult.Stale<Recorded>(StaleMessage);
        }

        certificate.ReevaluationDecidedOn = command.On;
        certificate.ReevaluationOutcome = ReevaluationOutcome.NotRenewed;
        certificate.ReevaluationNote = command.Note;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Stale<Recorded>(StaleMessage);
        }

        return WriteResult.Done(new Recorded(certificate.Id, command.On!.Value));
    }
}
