using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Api;

/// <summary>
/// Signs an API request in as the user whose personal access token it carries (<c>Authorization: Bearer ocop_…</c>):
/// a revoked or expired token, or one of an archived user, is answered 401. The principal has the user's id, name and
/// role, so the request's scope, its access checks and the audit trail are the user's, exactly as with a sign-in.
/// </summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    OcopDbContext db, AccountCache accounts, TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    /// <summary>The default scheme: a bearer token on an API path, else the sign-in cookie.</summary>
    public const string CookieOrToken = "CookieOrToken";
    public const string TokenIdClaim = "token_id";

    /// <summary>Writes go through a token only: a browser's cookie cannot be made to write through the API by another site.</summary>
    public static readonly AuthorizationPolicy TokenOnly = new AuthorizationPolicyBuilder(SchemeName).RequireAuthenticatedUser().Build();

    public static bool CarriesToken(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") && request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!CarriesToken(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var token = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        if (!token.StartsWith(ApiTokens.TokenStart, StringComparison.Ordinal) || token.Length > 100)
        {
            return AuthenticateResult.Fail("Mã truy cập không hợp lệ.");
        }

        var hash = ApiTokens.Hash(token);
        var found = await db.ApiTokens.AsNoTracking().Where(t => t.TokenHash == hash)
            .Select(t => new { t.Id, t.UserId, t.ExpiresAt, t.RevokedAt }).SingleOrDefaultAsync(Context.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        if (found is null || found.RevokedAt is not null || now >= found.ExpiresAt)
        {
            return AuthenticateResult.Fail("Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.");
        }

        var account = await accounts.GetAsync(db, found.UserId, Context.RequestAborted);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == found.UserId).Select(u => new { u.UserName, u.FullName }).SingleOrDefaultAsync(Context.RequestAborted);
        if (account is null || account.IsArchived || user?.UserName is not { } userName)
        {
            return AuthenticateResult.Fail("Tài khoản của mã truy cập đã ngừng hoạt động.");
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, found.UserId),
            new Claim(ClaimTypes.Name, userName),
            // The name histories show (as the sign-in cookie carries it), so a change by token reads like one by the form.
            new Claim("full_name", user.FullName),
            new Claim(ClaimTypes.Role, account.Role.ToString()),
            new Claim(TokenIdClaim, found.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    /// <summary>The token scheme beside Identity's cookie, and a default that picks between them per request.</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(SchemeName, null)
            .AddPolicyScheme(CookieOrToken, null, o => o.ForwardDefaultSelector = http =>
                CarriesToken(http.Request) ? SchemeName : IdentityConstants.ApplicationScheme);
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultAuthenticateScheme = CookieOrToken;
            o.DefaultChallengeScheme = CookieOrToken;
            o.DefaultForbidScheme = CookieOrToken;
        });
    }
}
