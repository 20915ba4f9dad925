using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Account;

/// <summary>
/// Sign-in. Every failure reads the same and costs the same (a name with no account still has a password hashed), so
/// the answer tells nothing of which accounts exist; each attempt is audited; the throttle and lockout are described in
/// <see cref="SignInThrottle"/> and <see cref="KnownDevice"/>. Success starts a server-side session (<see cref="SessionRegistry"/>).
/// </summary>
public sealed class LoginModel(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, OcopDbContext db, SessionRegistry sessions,
    SignInThrottle throttle, KnownDevice devices, AccountAudit audit, Microsoft.Extensions.Options.IOptions<IdentityOptions> identity,
    TimeProvider clock) : PageModel
{
    public const string Failure = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa.";

    // A hash with the same cost as a real one, checked when there is no account: the same work either way.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<AppUser>().HashPassword(new AppUser(), Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));

    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Nhập tên đăng nhập."), StringLength(256, ErrorMessage = "Tên đăng nhập quá dài.")] public string UserName { get; set; } = "";
        [Required(ErrorMessage = "Nhập mật khẩu."), StringLength(256, ErrorMessage = "Mật khẩu quá dài."), DataType(DataType.Password)] public string Password { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var name = Input.UserName.Trim();
        var user = await users.FindByNameAsync(name);
        var known = user is not null && devices.IsKnownFor(HttpContext, user.Id);
        if (throttle.TryAccount(users.NormalizeName(name) ?? name, known) is { } wait)
        {
            Response.Headers.RetryAfter = SignInThrottle.RetryAfterSeconds(wait);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError("", $"Đã thử đăng nhập quá nhiều lần. Vui lòng thử lại sau {SignInThrottle.RetryAfterSeconds(wait)} giây.");
            return Page();
        }

        if (user is null || user.IsArchived)
        {
            new PasswordHasher<AppUser>().VerifyHashedPassword(new AppUser(), DecoyHash.Value, Input.Password);
            if (user is null)
            {
                await audit.RecordUnknownAsync(name, HttpContext, ct);
            }
            else
            {
                await audit.RecordAsync(AuditAction.SignInFailed, user, user.Id, user.UserName!, ct, ("Address", ClientAddress.Of(HttpContext)), ("Reason", "Tài khoản ngừng sử dụng"));
            }

            return Refused();
        }

        // From a browser this account signed in from before, the lockout neither applies nor counts (see KnownDevice).
        var lockedOut = !known && await users.IsLockedOutAsync(user);
        bool passwordOk;
        if (lockedOut)
        {
            new PasswordHasher<AppUser>().VerifyHashedPassword(user, DecoyHash.Value, Input.Password);
            passwordOk = false;
        }
        else
        {
            passwordOk = await users.CheckPasswordAsync(user, Input.Password);
        }

        if (!passwordOk)
        {
            // One save, as for a name with no account: the failure, the count and a lockout are written together, so the
            // time does not tell a known name either.
            audit.Add(AuditAction.SignInFailed, user, user.Id, user.UserName!, ("Address", ClientAddress.Of(HttpContext)),
                ("Reason", lockedOut ? "Tài khoản đang tạm khóa" : "Sai mật khẩu"));
            if (!lockedOut && !known && user.LockoutEnabled && ++user.AccessFailedCount >= identity.Value.Lockout.MaxFailedAccessAttempts)
            {
                user.AccessFailedCount = 0;
                user.LockoutEnd = clock.GetUtcNow() + identity.Value.Lockout.DefaultLockoutTimeSpan;
                audit.Add(AuditAction.LockedOut, user, user.Id, user.UserName!, ("Address", ClientAddress.Of(HttpContext)),
                    ("LockoutEnd", user.LockoutEnd.Value.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
            }

            await db.SaveChangesAsync(ct);
            return Refused();
        }

        if (!known && await users.GetAccessFailedCountAsync(user) > 0)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        var sessionId = await sessions.StartAsync(db, user.Id, HttpContext, ct);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SessionRegistry.SessionClaim, sessionId)]);
        devices.Remember(HttpContext, user.Id);
        await audit.RecordAsync(AuditAction.SignedIn, user, user.Id, user.UserName!, ct, ("Address", ClientAddress.Of(HttpContext)), ("Session", sessionId));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private PageResult Refused()
    {
        ModelState.AddModelError("", Failure);
        return Page();
    }
}
