using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Certificates;

/// <summary>
/// Records the revocation of a certificate on one of the six grounds of Decision 26/2026, optionally resting on a failed
/// check after recognition: only by the office of the level that revokes that star today, only while the certificate
/// is valid on the day of revocation. A revoked product goes back to "registered" unless another of its certificates is
/// still valid; the certificate and the product change in one save.
/// </summary>
public sealed class RevokeCertificate(OcopDbContext db, TimeProvider clock)
{
    public const string StaleMessage = "Giấy chứng nhận vừa được người khác thay đổi. Tải lại trang rồi thử lại.";

    public sealed class Command
    {
        /// <summary>Set by the caller from the route, never from the body.</summary>
        [BindNever, System.Text.Json.Serialization.JsonIgnore] public int CertificateId { get; set; }
        [Required(ErrorMessage = "Chọn căn cứ thu hồi.")] public RevocationGround? Ground { get; set; }
        [Required(ErrorMessage = "Nhập số quyết định thu hồi."), StringLength(60, ErrorMessage = "Tối đa 60 ký tự.")] public string? Decision { get; set; } = "";
        [Required(ErrorMessage = "Nhập ngày thu hồi.")] public DateOnly? On { get; set; }
        /// <summary>The failed check the revocation rests on, when it does.</summary>
        public int? CheckId { get; set; }
        /// <summary>The certificate's version the revocation was made from.</summary>
        public int Version { get; set; }
    }

    /// <param name="ProductRegistered">The product went back to "registered" (no other valid certificate).</param>
    public sealed record Revoked(int CertificateId, bool ProductRegistered);

    public async Task<WriteResult<Revoked>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var certificate = await CertificateRules.VisibleAsync(db, scope, command.CertificateId, track: true, ct);
        if (certificate is null)
        {
            return WriteResult.NotFound<Revoked>("Không tìm thấy giấy chứng nhận.");
        }

        var rules = new CertificateRules(db, clock);
        var catalog = await rules.ProcessesAsync(ct);
        var today = rules.Today;
        if (!CertificateRules.CanDecide(scope.Role))
        {
            return WriteResult.Refused<Revoked>("Bạn không được ghi nhận quyết định thu hồi.");
        }

        var competence = await CertificateRules.RevocationAsync(db, scope, today, catalog, certificate.Stars, ct);
        if (!competence.Allowed)
        {
            return WriteResult.Refused<Revoked>(competence.Refusal!);
        }

        command.Decision = command.Decision?.Trim();
        var errors = FieldErrorList.Annotations(command);
        if (certificate.RevokedOn is not null)
        {
            errors.Add("", "Giấy chứng nhận đã bị thu hồi.");
        }

        if (command.Ground is RevocationGround ground && !Enum.IsDefined(ground))
        {
            errors.Add(nameof(Command.Ground), "Căn cứ thu hồi phải là một trong sáu căn cứ của Quyết định 26/2026/QĐ-TTg.");
        }

        if (command.On is DateOnly on && CertificateActions.RevocationDateProblem(certificate.IssuedOn, on, today) is { } dateProblem)
        {
            errors.Add(nameof(Command.On), dateProblem);
        }
        else if (command.On is DateOnly day && CertificateRules.StateOn(certificate, day, catalog) is { IsValid: false } state)
        {
            // Only a valid certificate can be revoked: an expired (or renewed) one has nothing left to take away.
            errors.Add(nameof(Command.On), $"Chỉ thu hồi giấy chứng nhận còn hiệu lực: ngày {Display.Date(day)} giấy chứng nhận ở tình trạng “{Display.Name(state.State)}”.");
        }

        if (command.CheckId is int checkId
            && !await db.ProductChecks().AnyAsync(c => c.Id == checkId && c.CertificateId == certificate.Id && !c.Passed, ct))
        {
            errors.Add(nameof(Command.CheckId), "Chọn một lần kiểm tra không đạt của giấy chứng nhận này.");
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Revoked>(errors);
        }

        if (certificate.Version != command.Version)
        {
            return WriteResult.Stale<Revoked>(StaleMessage);
        }

        certificate.RevokedOn = command.On;
        certificate.RevocationGround = command.Ground;
        certificate.RevocationDecision = command.Decision;
        certificate.RevokingCheckId = command.CheckId;
        // A revoked product goes back to "registered": it stays in the registry and may be evaluated again,
        // unless another certificate of it (e.g. a later re-evaluation) is still valid.
        var registered = !await CertificateRules.HasOtherValidCertificateAsync(db, certificate.ProductId, certificate.Id, today, catalog, ct)
            && certificate.Product!.Status == ProductStatus.Ranked;
        if (registered)
        {
            certificate.Product!.Status = ProductStatus.Registered;
        }

        try
        {
            await db.SaveChangesAsync(ct); // one save: the certificate and its product commit together
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Stale<Revoked>(StaleMessage);
        }

        return WriteResult.Done(new Revoked(certificate.Id, registered));
    }
}
