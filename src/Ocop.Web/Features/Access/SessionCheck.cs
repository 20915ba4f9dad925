using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Access;

/// <summary>
/// Ends a session on the next request once an administrator archives the account or changes its role, reach or
/// password (each change renews the security stamp). Identity's own validator looks only every 30 minutes, and the
/// role in the cookie would keep opening administrator pages until then.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(stampClaim);
        var current = userId is null
            ? null
            : await services.GetRequiredService<AccountCache>().GetAsync(
                services.GetRequiredService<OcopDbContext>(), userId, context.HttpContext.RequestAborted);
        if (current is null || current.IsArchived || current.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
