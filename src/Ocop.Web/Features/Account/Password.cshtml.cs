using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Account;

/// <summary>
/// A signed-in user changes their own password (<see cref="ChangePassword"/>); their other sessions end, this one goes
/// on with a cookie carrying the new security stamp. Audited.
/// </summary>
public sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, UserScopeLoader scopes, ChangePassword change) : PageModel
{
    [BindProperty] public ChangePassword.Command Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var sessionId = User.FindFirstValue(SessionRegistry.SessionClaim)!;
        Input.KeepSessionId = sessionId;
        var result = await change.RunAsync(await scopes.GetAsync(ct), Input, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                break;
            case WriteOutcome.NotFound:
                return Challenge();
            default:
                result.AddTo(ModelState, "Input.");
                return Page();
        }

        // The stamp changed with the password: this browser gets a cookie carrying the new one, in the same session.
        var user = await users.FindByIdAsync(result.Value!.UserId);
        await signIn.SignInWithClaimsAsync(user!, isPersistent: false, [new Claim(SessionRegistry.SessionClaim, sessionId)]);
        TempData["Message"] = "Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.";
        return RedirectToPage("/Home/Index");
    }
}
