using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Api;

/// <summary>
/// A personal access token: another system calls the API with it as the user who created it, with that user's rights
/// and no more, until it expires or is revoked. Only its SHA-256 is kept; the token itself is shown once, at creation.
/// </summary>
public class ApiToken : IAuditable
{
    public int Id { get; set; }
    [MaxLength(450)] public required string UserId { get; set; }
    /// <summary>What the user called it ("Cổng dữ liệu tỉnh").</summary>
    [MaxLength(120)] public required string Name { get; set; }
    /// <summary>The first characters of the token, to recognise it in the list.</summary>
    [MaxLength(16)] public required string Prefix { get; set; }
    /// <summary>SHA-256 of the token in hex; never audited.</summary>
    [MaxLength(64)] public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The first moment it no longer works (UTC).</summary>
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool WorksAt(DateTime now) => RevokedAt is null && now < ExpiresAt;
}

public static class ApiTokenModel
{
    public static void Configure(ModelBuilder builder) => builder.Entity<ApiToken>(e =>
    {
        e.HasIndex(t => t.TokenHash).IsUnique();
        e.HasIndex(t => t.UserId);
        e.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
    });
}
