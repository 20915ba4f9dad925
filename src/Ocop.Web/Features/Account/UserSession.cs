using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Account;

/// <summary>
/// One sign-in, held on the server: the cookie names it, and it stops working the moment it is ended (by signing out,
/// by an administrator, or by a change to the account) whatever the cookie's own expiry says.
/// </summary>
public class UserSession
{
    /// <summary>Random, 32 hex characters; the cookie's "sid" claim.</summary>
    [MaxLength(32)] public required string Id { get; set; }
    [MaxLength(450)] public required string UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The last request seen, to within <see cref="SessionRegistry.TouchInterval"/>.</summary>
    public DateTime LastSeenAt { get; set; }
    public DateTime? EndedAt { get; set; }
    /// <summary>Who ended it: the user (signed out), an administrator's user name, or the system.</summary>
    [MaxLength(256)] public string? EndedBy { get; set; }
    [MaxLength(64)] public string? Address { get; set; }
    [MaxLength(200)] public string? UserAgent { get; set; }
}

public static class SessionModel
{
    public static void Configure(ModelBuilder builder) =>
        builder.Entity<UserSession>(e =>
        {
            e.HasIndex(s => new { s.UserId, s.EndedAt });
            e.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });
}
