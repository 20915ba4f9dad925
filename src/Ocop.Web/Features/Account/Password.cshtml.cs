using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Account;

/// <summary>A signed-in user changes their own password; their other sessions end, this one goes on. Audited.</summary>
public sealed class PasswordModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, OcopDbContext db, SessionRegistry sessions, AccountAudit audit) : PageModel
{
    [BindProperty] public PasswordInput Input { get; set; } = new();

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Nhập mật khẩu hiện tại."), StringLength(256), DataType(DataType.Password)] public string Current { get; set; } = "";
        [Required(ErrorMessage = "Nhập mật khẩu mới."), StringLength(256), DataType(DataType.Password)] public string New { get; set; } = "";
        [Required(ErrorMessage = "Nhập lại mật khẩu mới."), Compare(nameof(New), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp."), DataType(DataType.Password)]
        public string Confirm { get; set; } = "";
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

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Input.Current, Input.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.Current" : "Input.New",
                    error.Code == "PasswordMismatch" ? "Mật khẩu hiện tại không đúng." : error.Description);
            }

            return Page();
        }

        var sessionId = User.FindFirstValue(SessionRegistry.SessionClaim)!;
        await sessions.EndAllAsync(db, user.Id, user.UserName!, ct, except: sessionId);
        // The stamp changed with the password: this browser gets a cookie carrying the new one, in the same session.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SessionRegistry.SessionClaim, sessionId)]);
        await audit.RecordAsync(AuditAction.PasswordChanged, user, user.Id, user.UserName!, ct, ("Address", ClientAddress.Of(HttpContext)));
        TempData["Message"] = "Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.";
        return RedirectToPage("/Home/Index");
    }
}
