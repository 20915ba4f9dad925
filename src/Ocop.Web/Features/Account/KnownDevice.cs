using Microsoft.AspNetCore.DataProtection;

namespace Ocop.Web.Features.Account;

/// <summary>
/// A long-lived, signed cookie naming the account that last signed in from this browser. Attempts from a known browser
/// neither count toward nor are stopped by the account's lockout, which only strangers' failures set (OWASP's "device
/// cookie"): whoever floods the account with wrong passwords locks out only browsers the account never used.
/// </summary>
public sealed class KnownDevice(IDataProtectionProvider protection)
{
    public const string CookieName = "ocop.device";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("Ocop.SignIn.KnownDevice").ToTimeLimitedDataProtector();

    public bool IsKnownFor(HttpContext http, string userId)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return false;
        }

        try
        {
            return protector.Unprotect(value) == userId;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    public void Remember(HttpContext http, string userId) =>
        http.Response.Cookies.Append(CookieName, protector.Protect(userId, Lifetime), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            MaxAge = Lifetime,
            Path = "/Account",
        });
}
