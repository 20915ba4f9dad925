using System.Security.Claims;

namespace Ocop.Web.Data;

/// <summary>Who is making a change, for the audit trail: the signed-in user, or the system for seeding and commands.</summary>
public sealed class CurrentActor(IHttpContextAccessor http)
{
    public const string SystemName = "hệ thống";

    private (string? Id, string Name, string? FullName)? acting;

    public string? UserId => acting is { } a ? a.Id : http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string UserName => acting?.Name ?? http.HttpContext?.User.Identity?.Name ?? SystemName;

    /// <summary>The name a reader of a history sees (the sign-in's full name), for records that show who did what.</summary>
    public string FullName => acting is { } a
        ? a.FullName is { Length: > 0 } full ? full : a.Name
        : http.HttpContext?.User.FindFirstValue("full_name") is { Length: > 0 } name ? name : UserName;

    /// <summary>Work done outside a request on a user's behalf (an import running in the background, a command) is audited under that user.</summary>
    public void ActAs(string? userId, string userName, string? fullName = null) => acting = (userId, userName, fullName);
}
