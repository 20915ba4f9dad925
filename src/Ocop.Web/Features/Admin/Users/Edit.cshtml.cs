using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Features.Shared;

namespace Ocop.Web.Features.Admin.Users;

/// <summary>Administrators create users, set their role and reach, reset passwords, unlock and retire accounts.</summary>
public sealed class EditModel(
    OcopDbContext db, UserManager<AppUser> users, UnitDirectory directory, TimeProvider clock,
    Account.SessionRegistry sessions, Account.AccountAudit audit) : PageModel
{
    public List<Account.UserSession> OpenSessions { get; private set; } = [];

    /// <summary>Typed in the unit search (name with or without diacritics, former name, or code): its matches join the choices.</summary>
    [BindProperty] public string? UnitQuery { get; set; }
    public bool UnitSearched { get; private set; }
    [FromRoute] public string? Id { get; set; }
    [BindProperty] public UserInput Input { get; set; } = new();
    public List<SelectListItem> Roles { get; private set; } = [];
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Subjects { get; private set; } = [];
    public List<SelectListItem> DecisionLevels { get; private set; } = [];

    public sealed class UserInput
    {
        [Required(ErrorMessage = "Nhập tên đăng nhập."), RegularExpression(@"^[a-zA-Z0-9._@-]{3,64}$", ErrorMessage = "Tên đăng nhập 3–64 ký tự: chữ không dấu, số và . _ - @")]
        public string UserName { get; set; } = "";
        [Required(ErrorMessage = "Nhập họ tên."), StringLength(120)] public string FullName { get; set; } = "";
        [StringLength(200)] public string? Organisation { get; set; }
        [Required(ErrorMessage = "Chọn vai trò.")] public Role? Role { get; set; }
        public List<int> UnitIds { get; set; } = [];
        /// <summary>The level whose decisions the office records (recognition, revocation); offices and administrators only.</summary>
        public Ocop.Core.Evaluation.EvaluationLevel? DecisionLevel { get; set; }
        public int? SubjectId { get; set; }
        [DataType(DataType.Password)] public string? Password { get; set; }
        public bool Unlock { get; set; }
        public bool IsArchived { get; set; }
        /// <summary>What the form was built from (<see cref="EditToken"/>): a save over someone else's newer one is refused.</summary>
        public string? EditToken { get; set; }
    }

    /// <summary>
    /// A digest of the fields this form edits. Identity's concurrency stamp would also move on every failed sign-in, and
    /// an administrator would be refused for someone else's typing mistake; this moves only when the edited facts do.
    /// </summary>
    public static string EditToken(AppUser user)
    {
        var facts = string.Join('\u001f', user.UserName, user.FullName, user.Organisation, user.Role, user.SubjectId,
            user.DecisionLevel, user.IsArchived, string.Join(',', user.Units.Select(u => u.UnitId).Order()));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(facts)))[..16];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            var user = await db.Users.AsNoTracking().Include(u => u.Units).SingleOrDefaultAsync(u => u.Id == Id, ct);
            if (user is null)
            {
                return NotFound();
            }

            Input = new UserInput
            {
                UserName = user.UserName ?? "",
                FullName = user.FullName,
                Organisation = user.Organisation,
                Role = user.Role,
                UnitIds = user.Units.Select(u => u.UnitId).ToList(),
                SubjectId = user.SubjectId,
                IsArchived = user.IsArchived,
                DecisionLevel = user.DecisionLevel,
                EditToken = EditToken(user),
            };
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>Ends one session of the user (a lost phone, a shared computer); the next request from it signs out.</summary>
    public async Task<IActionResult> OnPostEndSessionAsync(string sessionId, CancellationToken ct)
    {
        var user = Id is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == Id, ct);
        if (user is null)
        {
            return NotFound();
        }

        if (await sessions.EndAsync(db, user.Id, sessionId, User.Identity!.Name!, ct))
        {
            await audit.RecordAsync(AuditAction.SessionEnded, user, users.GetUserId(User)!, User.Identity!.Name!, ct, ("Session", sessionId));
        }

        TempData["Message"] = "Đã kết thúc phiên đăng nhập.";
        return RedirectToPage("/Admin/Users/Edit", new { id = user.Id });
    }

    /// <summary>Ends every session of the user.</summary>
    public async Task<IActionResult> OnPostEndAllSessionsAsync(CancellationToken ct)
    {
        var user = Id is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == Id, ct);
        if (user is null)
        {
            return NotFound();
        }

        var ended = await sessions.EndAllAsync(db, user.Id, User.Identity!.Name!, ct);
        if (ended > 0)
        {
            await audit.RecordAsync(AuditAction.SessionEnded, user, users.GetUserId(User)!, User.Identity!.Name!, ct,
                ("Sessions", ended.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        TempData["Message"] = $"Đã kết thúc {ended} phiên đăng nhập.";
        return RedirectToPage("/Admin/Users/Edit", new { id = user.Id });
    }

    /// <summary>"Tìm đơn vị": the form comes back with the matches offered beside the units already chosen; nothing is saved.</summary>
    public async Task<IActionResult> OnPostFindUnitsAsync(CancellationToken ct)
    {
        ModelState.Clear();
        UnitSearched = true;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        AppUser? user = null;
        if (Id is not null)
        {
            user = await db.Users.Include(u => u.Units).SingleOrDefaultAsync(u => u.Id == Id, ct);
            if (user is null)
            {
                return NotFound();
            }
        }
        else if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Nhập mật khẩu.");
        }

        if (user is not null && Input.EditToken != EditToken(user))
        {
            ModelState.AddModelError("", "Người dùng này vừa được người khác sửa. Hãy mở lại trang để xem thay đổi đó rồi sửa lại.");
        }

        Validate();
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }

        // Identity saves through the same context; one transaction keeps user, password and units together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var isNew = user is null;
        var wasArchived = user?.IsArchived == true;
        user ??= new AppUser { UserName = Input.UserName.Trim() };
        user.FullName = Input.FullName.Trim();
        user.Organisation = string.IsNullOrWhiteSpace(Input.Organisation) ? null : Input.Organisation.Trim();
        user.Role = Input.Role!.Value;
        user.SubjectId = user.Role == Role.Producer ? Input.SubjectId : null;
        user.DecisionLevel = user.Role is Role.ProgramOffice or Role.Administrator ? Input.DecisionLevel : null;
        user.IsArchived = !isNew && Input.IsArchived;
        var wanted = user.Role is Role.Producer or Role.Administrator or Role.Leader ? [] : Input.UnitIds.Distinct().ToList();
        user.Units.RemoveAll(u => !wanted.Contains(u.UnitId));
        user.Units.AddRange(wanted.Where(id => user.Units.All(u => u.UnitId != id)).Select(id => new UserUnit { UserId = user.Id, UnitId = id }));

        var result = isNew ? await users.CreateAsync(user, Input.Password!) : await users.UpdateAsync(user);
        if (result.Succeeded && !isNew && !string.IsNullOrEmpty(Input.Password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            result = await users.ResetPasswordAsync(user, token, Input.Password);
        }

        // A restored account is unlocked too: archiving locked it for ever.
        var restored = wasArchived && !Input.IsArchived;
        if (result.Succeeded && !isNew && (Input.Unlock || Input.IsArchived || restored))
        {
            result = await users.SetLockoutEndDateAsync(user, Input.IsArchived ? DateTimeOffset.MaxValue : null);
            if (result.Succeeded && (Input.Unlock || restored))
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
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "", error.Description);
            }

            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            await LoadChoicesAsync(ct);
            return Page();
        }

        if (!isNew && !string.IsNullOrEmpty(Input.Password))
        {
            await audit.RecordAsync(AuditAction.PasswordReset, user, users.GetUserId(User)!, User.Identity!.Name!, ct,
                ("Address", Account.ClientAddress.Of(HttpContext)));
        }

        await transaction.CommitAsync(ct);
        if (!isNew)
        {
            // The new security stamp already refuses the old cookies; the list of sessions says so too.
            await sessions.EndAllAsync(db, user.Id, User.Identity!.Name!, ct);
        }

        TempData["Message"] = isNew ? "Đã tạo người dùng." : "Đã lưu người dùng.";
        return RedirectToPage("/Admin/Users/Index");
    }

    private void Validate()
    {
        if (Input.DecisionLevel is { } decisionLevel
            && (decisionLevel == Ocop.Core.Evaluation.EvaluationLevel.CommuneCheck || !System.Enum.IsDefined(decisionLevel)))
        {
            ModelState.AddModelError("Input.DecisionLevel", "Cấp ra quyết định không hợp lệ.");
        }

        if (Input.Role is Role role)
        {
            if (!Enum.IsDefined(role))
            {
                ModelState.AddModelError("Input.Role", "Vai trò không hợp lệ.");
            }
            else if (role == Role.Producer && Input.SubjectId is null)
            {
                ModelState.AddModelError("Input.SubjectId", "Chọn chủ thể cho người dùng vai trò chủ thể sản xuất.");
            }
            else if (role is Role.ProgramOffice or Role.Department or Role.CommuneOfficer or Role.CouncilMember && Input.UnitIds.Count == 0)
            {
                ModelState.AddModelError("Input.UnitIds", "Chọn ít nhất một địa bàn phụ trách.");
            }
        }

        if (Input.UnitIds.Count > 0 && db.Units.Count(u => Input.UnitIds.Contains(u.Id)) != Input.UnitIds.Distinct().Count())
        {
            ModelState.AddModelError("Input.UnitIds", "Địa bàn không tồn tại.");
        }

        if (Input.SubjectId is int subject && !db.Subjects.Any(s => s.Id == subject))
        {
            ModelState.AddModelError("Input.SubjectId", "Chủ thể không tồn tại.");
        }
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            OpenSessions = await db.UserSessions.AsNoTracking().Where(s => s.UserId == Id && s.EndedAt == null)
                .OrderByDescending(s => s.LastSeenAt).ToListAsync(ct);
        }

        Roles = Lookups.Enum(Input.Role);
        // The commune only checks dossiers; it decides nothing.
        DecisionLevels = Lookups.Enum(Input.DecisionLevel).Where(i => i.Value != nameof(Ocop.Core.Evaluation.EvaluationLevel.CommuneCheck)).ToList();
        // Never a list of 14,000 units: the ones chosen, the provinces of today and the communes of the deploying office's
        // provinces, and what a search finds.
        var units = await directory.GetAsync(db, ct);
        var today = Ocop.Web.Shared.Display.Today(clock);
        var offered = Input.UnitIds.Where(units.ById.ContainsKey).Select(id => units.ById[id]).ToList();
        if (UnitSearched && !string.IsNullOrWhiteSpace(UnitQuery))
        {
            offered.AddRange(new Units.UnitSearch(UnitQuery, null, null, null, PageSize: 30).Run(units).Rows.Select(r => units.ById[r.Id]));
        }

        offered.AddRange(units.Provinces.Where(p => p.Validity.IsValidOn(today)));
        offered.AddRange(units.HomeUnits.SelectMany(h => units.Tree.Children(h)).Select(c => units.ById[c.Id]).Where(c => c.Validity.IsValidOn(today)));
        Units = offered.DistinctBy(u => u.Id)
            .Select(u => new SelectListItem(units.Describe(u), u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Input.UnitIds.Contains(u.Id)))
            .ToList();
        var subjects = await db.Subjects.AsNoTracking().Where(s => !s.IsArchived).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        Subjects = subjects.Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Id == Input.SubjectId)).ToList();
    }
}
