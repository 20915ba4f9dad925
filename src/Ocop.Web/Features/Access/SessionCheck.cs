using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Ocop.Web.Data;
using Ocop.Web.Features.Account;

namespace Ocop.Web.Features.Access;

/// <summary>
/// Ends a session on the next request once it is ended on the server (signed out, ended by an administrator: see
/// <see cref="SessionRegistry"/>), or once an administrator archives the account or changes its role, reach or
/// password (each change renews the security stamp). Identity's own validator looks only every 30 minutes, and a
/// copied cookie would otherwise keep working until it expires.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(stampClaim);
        var sessionId = context.Principal?.FindFirstValue(SessionRegistry.SessionClaim);
        var db = services.GetRequiredService<OcopDbContext>();
        var ct = context.HttpContext.RequestAborted;
        var current = userId is null ? null : await services.GetRequiredService<AccountCache>().GetAsync(db, userId, ct);
        if (current is null || current.IsArchived || current.SecurityStamp != stamp || sessionId is null
            || !await services.GetRequiredService<SessionRegistry>().IsActiveAsync(db, sessionId, userId!, ct))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
