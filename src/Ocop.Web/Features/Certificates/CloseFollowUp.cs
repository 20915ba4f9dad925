using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Certificates;

/// <summary>Records the day the producer finished the follow-up a check after recognition asked for.</summary>
public sealed class CloseFollowUp(OcopDbContext db, TimeProvider clock)
{
    public const string DateMessage = "Ngày khắc phục xong phải từ ngày kiểm tra đến hôm nay, cho lần kiểm tra có yêu cầu khắc phục.";

    public sealed class Command
    {
        /// <summary>Set by the caller from the route, never from the body.</summary>
        [BindNever, System.Text.Json.Serialization.JsonIgnore] public int CertificateId { get; set; }
        /// <summary>The check whose follow-up is done, of that certificate.</summary>
        public int CheckId { get; set; }
        public DateOnly? DoneOn { get; set; }
    }

    public sealed record Closed(int CheckId, DateOnly DoneOn);

    public async Task<WriteResult<Closed>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var certificate = await CertificateRules.VisibleAsync(db, scope, command.CertificateId, track: false, ct);
        if (certificate is null)
        {
            return WriteResult.NotFound<Closed>("Không tìm thấy giấy chứng nhận.");
        }

        if (!CertificateRules.CanCheck(scope.Role))
        {
            return WriteResult.Refused<Closed>("Bạn không được ghi nhận kiểm tra sau công nhận.");
        }

        var row = await db.ProductChecks().SingleOrDefaultAsync(c => c.Id == command.CheckId && c.CertificateId == certificate.Id, ct);
        if (row is null)
        {
            return WriteResult.NotFound<Closed>("Không tìm thấy lần kiểm tra.");
        }

        var today = new CertificateRules(db, clock).Today;
        if (command.DoneOn is not DateOnly done || !CertificateActions.FollowUpDoneAllowed(row.CheckedOn, row.FollowUp is not null, done, today))
        {
            var errors = new FieldErrorList();
            errors.Add(nameof(Command.DoneOn), DateMessage);
            return WriteResult.Invalid<Closed>(errors);
        }

        row.FollowUpDoneOn = done;
        await db.SaveChangesAsync(ct);
        return WriteResult.Done(new Closed(row.Id, done));
    }
}
