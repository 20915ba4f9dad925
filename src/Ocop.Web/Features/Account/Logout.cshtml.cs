using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Account;

/// <summary>Signing out ends the session on the server: a copy of the cookie is worth nothing afterwards.</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, OcopDbContext db, SessionRegistry sessions, AccountAudit audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var sessionId = User.FindFirstValue(SessionRegistry.SessionClaim);
        if (userId is not null && sessionId is not null && await sessions.EndAsync(db, userId, sessionId, User.Identity?.Name ?? "", ct))
        {
            var user = await db.Users.FindAsync([userId], ct);
            if (user is not null)
            {
                await audit.RecordAsync(AuditAction.SignedOut, user, userId, user.UserName!, ct, ("Session", sessionId));
            }
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
