using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Documents;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Documents;

/// <summary>
/// Adds or corrects a signatory of an authority: who signs, with which title, whether for the head ("KT."), over which
/// period (inside the authority's own). Marking one as proposed first steps the others of the same period back in the
/// same save.
/// </summary>
public sealed class SaveSignatory(OcopDbContext db)
{
    public const string StaleMessage = "Người ký vừa được người khác thay đổi. Tải lại trang rồi sửa lại.";

    public sealed class Command
    {
        /// <summary>The signatory changed; null for a new one. Set by the caller from the route, never from the body.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever, System.Text.Json.Serialization.JsonIgnore]
        public int? Id { get; set; }
        /// <summary>The authority a new signatory signs for (ignored for a change: a signatory stays with its authority).</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
        public int? AuthorityId { get; set; }
        [Required(ErrorMessage = "Nhập họ tên."), StringLength(120, ErrorMessage = "Tối đa 120 ký tự.")] public string FullName { get; set; } = "";
        [Required(ErrorMessage = "Nhập chức vụ."), StringLength(120, ErrorMessage = "Tối đa 120 ký tự.")] public string Title { get; set; } = "";
        public bool IsDeputy { get; set; }
        public bool IsDefault { get; set; }
        [Required(ErrorMessage = "Nhập ngày bắt đầu.")] public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
        [StringLength(500, ErrorMessage = "Tối đa 500 ký tự.")] public string? Note { get; set; }
        /// <summary>The version the change was made from (a change only).</summary>
        public int Version { get; set; }
    }

    public sealed record Saved(int Id, int AuthorityId, string FullName, int Version, bool Created);

    public async Task<WriteResult<Saved>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!RegistryAccess.CanEditReferenceData(scope.Role))
        {
            return WriteResult.Refused<Saved>("Bạn không được sửa người ký.");
        }

        var signatory = command.Id is int id ? await db.Signatories.Include(s => s.Authority).SingleOrDefaultAsync(s => s.Id == id, ct) : null;
        var authority = signatory?.Authority
            ?? (command.Id is null && command.AuthorityId is int a ? await db.IssuingAuthorities.SingleOrDefaultAsync(x => x.Id == a, ct) : null);
        if (authority is null)
        {
            return WriteResult.NotFound<Saved>(command.Id is null ? "Không tìm thấy cơ quan ban hành." : "Không tìm thấy người ký.");
        }

        if (signatory is not null && signatory.Version != command.Version)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        var errors = FieldErrorList.Annotations(command);
        if (!errors.Any)
        {
            CheckRules(authority, command, errors);
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Saved>(errors);
        }

        var isNew = signatory is null;
        signatory ??= db.Signatories.Add(new Signatory { AuthorityId = authority.Id, FullName = "", Title = "" }).Entity;
        signatory.FullName = command.FullName.Trim();
        signatory.Title = command.Title.Trim();
        signatory.IsDeputy = command.IsDeputy;
        signatory.IsDefault = command.IsDefault;
        signatory.ValidFrom = command.ValidFrom!.Value;
        signatory.ValidTo = command.ValidTo;
        signatory.Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        if (command.IsDefault)
        {
            // One signer proposed first at a time: the others of the same period step back, in the same save (one transaction).
            var others = await db.Signatories.Where(s => s.AuthorityId == authority.Id && s.Id != signatory.Id && s.IsDefault).ToListAsync(ct);
            foreach (var other in others.Where(o => o.ValidFrom <= (command.ValidTo ?? DateOnly.MaxValue) && command.ValidFrom <= (o.ValidTo ?? DateOnly.MaxValue)))
            {
                other.IsDefault = false;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        return WriteResult.Done(new Saved(signatory.Id, authority.Id, signatory.FullName, signatory.Version, isNew));
    }

    private static void CheckRules(IssuingAuthority authority, Command command, FieldErrorList errors)
    {
        var from = command.ValidFrom!.Value;
        if (command.ValidTo is DateOnly to && to < from)
        {
            errors.Add(nameof(Command.ValidTo), "Ngày kết thúc phải từ ngày bắt đầu trở đi.");
            return;
        }

        var period = $"từ {Display.Date(authority.ValidFrom)}{(authority.ValidTo is null ? "" : " đến " + Display.Date(authority.ValidTo))}";
        if (from < authority.ValidFrom)
        {
            errors.Add(nameof(Command.ValidFrom), $"Người ký chỉ ký trong thời gian của {authority.ShortName} ({period}).");
        }

        if (authority.ValidTo is DateOnly last && (command.ValidTo is null || command.ValidTo > last))
        {
            errors.Add(nameof(Command.ValidTo), $"Người ký chỉ ký trong thời gian của {authority.ShortName} ({period}): nhập ngày kết thúc đến {Display.Date(last)}.");
        }

        var title = command.Title.Trim();
        if (SignatureBlock.DeputyMarkProblem(title, command.IsDeputy, authority.HeadTitle) is { } problem)
        {
            errors.Add(nameof(Command.IsDeputy), problem);
        }
    }
}
