using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Account;

/// <summary>
/// A user changes their own password, proving the current one: Identity's password rules answer on the new password's
/// field, the user's other sessions end (the one named in the command goes on), and the change is audited.
/// </summary>
public sealed class ChangePassword(
    OcopDbContext db, UserManager<AppUser> users, CurrentActor actor, IHttpContextAccessor http, SessionRegistry sessions, AccountAudit audit)
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Nhập mật khẩu hiện tại."), StringLength(256), DataType(DataType.Password)] public string Current { get; set; } = "";
        [Required(ErrorMessage = "Nhập mật khẩu mới."), StringLength(256), DataType(DataType.Password)] public string New { get; set; } = "";
        [Required(ErrorMessage = "Nhập lại mật khẩu mới."), Compare(nameof(New), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp."), DataType(DataType.Password)]
        public string Confirm { get; set; } = "";
        /// <summary>The session the change is made from, which goes on; set by the caller, never from the body.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever, System.Text.Json.Serialization.JsonIgnore]
        public string? KeepSessionId { get; set; }
    }

    /// <summary>The account whose password changed, and how many of its other sessions ended.</summary>
    public sealed record Changed(string UserId, int SessionsEnded);

    public async Task<WriteResult<Changed>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var user = await users.FindByIdAsync(scope.UserId);
        if (user is null)
        {
            return WriteResult.NotFound<Changed>("Không tìm thấy tài khoản.");
        }

        var errors = FieldErrorList.Annotations(command);
        if (errors.Any)
        {
            return WriteResult.Invalid<Changed>(errors);
        }

        var result = await users.ChangePasswordAsync(user, command.Current, command.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == "PasswordMismatch")
                {
                    errors.Add(nameof(Command.Current), "Mật khẩu hiện tại không đúng.");
                }
                else
                {
                    errors.Add(nameof(Command.New), error.Description);
                }
            }

            return WriteResult.Invalid<Changed>(errors);
        }

        var ended = await sessions.EndAllAsync(db, user.Id, user.UserName!, ct, except: command.KeepSessionId);
        await audit.RecordAsync(AuditAction.PasswordChanged, user, actor.UserId ?? user.Id, actor.UserName, ct,
            ("Address", http.HttpContext is { } request ? ClientAddress.Of(request) : null));
        return WriteResult.Done(new Changed(user.Id, ended));
    }
}
