using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Admin.Users;

/// <summary>
/// Creates a user or changes one (role, reach, decision level, a reset password, unlocking, retiring): the one write
/// path of the user form and of any other caller. Identity's password rules answer on the password field; user, units,
/// password, lockout and security stamp are written in one transaction; a reset is audited under the acting
/// administrator, and every session of a changed user ends, so a new role or reach takes effect at once.
/// </summary>
public sealed class SaveUser(
    OcopDbContext db, UserManager<AppUser> users, CurrentActor actor, IHttpContextAccessor http,
    Account.SessionRegistry sessions, Account.AccountAudit audit)
{
    public const string StaleMessage = "Người dùng này vừa được người khác sửa. Hãy mở lại trang để xem thay đổi đó rồi sửa lại.";

    public sealed class Command
    {
        /// <summary>The user changed; null for a new one. Set by the caller from the route, never from the body.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever, System.Text.Json.Serialization.JsonIgnore]
        public string? Id { get; set; }
        [Required(ErrorMessage = "Nhập tên đăng nhập."), RegularExpression(@"^[a-zA-Z0-9._@-]{3,64}$", ErrorMessage = "Tên đăng nhập 3–64 ký tự: chữ không dấu, số và . _ - @")]
        public string UserName { get; set; } = "";
        [Required(ErrorMessage = "Nhập họ tên."), StringLength(120)] public string FullName { get; set; } = "";
        [StringLength(200)] public string? Organisation { get; set; }
        [Required(ErrorMessage = "Chọn vai trò.")] public Role? Role { get; set; }
        public List<int> UnitIds { get; set; } = [];
        /// <summary>The level whose decisions the office records (recognition, revocation); offices and administrators only.</summary>
        public EvaluationLevel? DecisionLevel { get; set; }
        public int? SubjectId { get; set; }
        /// <summary>The first password of a new user; for a user that exists, a reset (empty: unchanged).</summary>
        [DataType(DataType.Password)] public string? Password { get; set; }
        public bool Unlock { get; set; }
        public bool IsArchived { get; set; }
        /// <summary>What the change was made from (<see cref="EditToken"/>): a save over someone else's newer one is stale.</summary>
        public string? EditToken { get; set; }
    }

    public sealed record Saved(string Id, string UserName, bool Created);

    /// <summary>
    /// A digest of the fields the form edits. Identity's concurrency stamp would also move on every failed sign-in, and
    /// an administrator would be refused for someone else's typing mistake; this moves only when the edited facts do.
    /// </summary>
    public static string EditToken(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var facts = string.Join('\u001f', user.UserName, user.FullName, user.Organisation, user.Role, user.SubjectId,
            user.DecisionLevel, user.IsArchived, string.Join(',', user.Units.Select(u => u.UnitId).Order()));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(facts)))[..16];
    }

    public async Task<WriteResult<Saved>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!RegistryAccess.CanManageUsers(scope.Role))
        {
            return WriteResult.Refused<Saved>("Chỉ quản trị hệ thống được quản lý người dùng.");
        }

        AppUser? user = null;
        if (command.Id is not null)
        {
            user = await db.Users.Include(u => u.Units).SingleOrDefaultAsync(u => u.Id == command.Id, ct);
            if (user is null)
            {
                return WriteResult.NotFound<Saved>("Không tìm thấy người dùng.");
            }

            if (command.EditToken != EditToken(user))
            {
                return WriteResult.Stale<Saved>(StaleMessage);
            }
        }

        var errors = FieldErrorList.Annotations(command);
        if (user is null && string.IsNullOrEmpty(command.Password))
        {
            errors.Add(nameof(Command.Password), "Nhập mật khẩu.");
        }

        await ValidateAsync(command, errors, ct);
        if (errors.Any)
        {
            return WriteResult.Invalid<Saved>(errors);
        }

        // Identity saves through the same context; one transaction keeps user, password and units together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var isNew = user is null;
        var wasArchived = user?.IsArchived == true;
        user ??= new AppUser { UserName = command.UserName.Trim() };
        user.FullName = command.FullName.Trim();
        user.Organisation = string.IsNullOrWhiteSpace(command.Organisation) ? null : command.Organisation.Trim();
        user.Role = command.Role!.Value;
        user.SubjectId = user.Role == Role.Producer ? command.SubjectId : null;
        user.DecisionLevel = user.Role is Role.ProgramOffice or Role.Administrator ? command.DecisionLevel : null;
        user.IsArchived = !isNew && command.IsArchived;
        var wanted = user.Role is Role.Producer or Role.Administrator or Role.Leader ? [] : command.UnitIds.Distinct().ToList();
        user.Units.RemoveAll(u => !wanted.Contains(u.UnitId));
        user.Units.AddRange(wanted.Where(id => user.Units.All(u => u.UnitId != id)).Select(id => new UserUnit { UserId = user.Id, UnitId = id }));

        var result = isNew ? await users.CreateAsync(user, command.Password!) : await users.UpdateAsync(user);
        if (result.Succeeded && !isNew && !string.IsNullOrEmpty(command.Password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            result = await users.ResetPasswordAsync(user, token, command.Password);
        }

        // A restored account is unlocked too: archiving locked it for ever.
        var restored = wasArchived && !command.IsArchived;
        if (result.Succeeded && !isNew && (command.Unlock || command.IsArchived || restored))
        {
            result = await users.SetLockoutEndDateAsync(user, command.IsArchived ? DateTimeOffset.MaxValue : null);
            if (result.Succeeded && (command.Unlock || restored))
            {
                result = await users.ResetAccessFailedCountAsync(user);
            }
        }

        if (result.Succeeded && !isNew)
        {
            // A changed role or reach takes effect at once: old sign-in cookies stop working.
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            var refused = new FieldErrorList();
            foreach (var error in result.Errors)
            {
                refused.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Command.Password) : "", error.Description);
            }

            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return WriteResult.Invalid<Saved>(refused);
        }

        if (!isNew && !string.IsNullOrEmpty(command.Password))
        {
            await audit.RecordAsync(AuditAction.PasswordReset, user, actor.UserId ?? scope.UserId, actor.UserName, ct,
                ("Address", http.HttpContext is { } request ? Account.ClientAddress.Of(request) : null));
        }

        await transaction.CommitAsync(ct);
        if (!isNew)
        {
            // The new security stamp already refuses the old cookies; the list of sessions says so too.
            await sessions.EndAllAsync(db, user.Id, actor.UserName, ct);
        }

        return WriteResult.Done(new Saved(user.Id, user.UserName!, isNew));
    }

    private async Task ValidateAsync(Command command, FieldErrorList errors, CancellationToken ct)
    {
        if (command.DecisionLevel is { } decisionLevel
            && (decisionLevel == EvaluationLevel.CommuneCheck || !Enum.IsDefined(decisionLevel)))
        {
            errors.Add(nameof(Command.DecisionLevel), "Cấp ra quyết định không hợp lệ.");
        }

        if (command.Role is Role role)
        {
            if (!Enum.IsDefined(role))
            {
                errors.Add(nameof(Command.Role), "Vai trò không hợp lệ.");
            }
            else if (role == Role.Producer && command.SubjectId is null)
            {
                errors.Add(nameof(Command.SubjectId), "Chọn chủ thể cho người dùng vai trò chủ thể sản xuất.");
            }
            else if (role is Role.ProgramOffice or Role.Department or Role.CommuneOfficer or Role.CouncilMember && command.UnitIds.Count == 0)
            {
                errors.Add(nameof(Command.UnitIds), "Chọn ít nhất một địa bàn phụ trách.");
            }
        }

        if (command.UnitIds.Count > 0
            && await db.Units.CountAsync(u => command.UnitIds.Contains(u.Id), ct) != command.UnitIds.Distinct().Count())
        {
            errors.Add(nameof(Command.UnitIds), "Địa bàn không tồn tại.");
        }

        if (command.SubjectId is int subject && !await db.Subjects.AnyAsync(s => s.Id == subject, ct))
        {
            errors.Add(nameof(Command.SubjectId), "Chủ thể không tồn tại.");
        }
    }
}
