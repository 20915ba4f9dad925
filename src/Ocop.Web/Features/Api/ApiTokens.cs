using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Api;

/// <summary>
/// Creating and revoking personal access tokens. A user makes tokens only for themself; the token acts with the
/// user's rights of the moment (their role and units as they are when it is used, not when it was made). Both are
/// audited like any change; the token itself is returned once and only its hash is stored.
/// </summary>
public sealed class ApiTokens(OcopDbContext db, TimeProvider clock)
{
    public const string TokenStart = "ocop_";
    public const int MaxDays = 365;

    public sealed record Created(int Id, string Token, DateTime ExpiresAt);

    public async Task<WriteResult<Created>> CreateAsync(string userId, string? name, int days, CancellationToken ct = default)
    {
        var errors = new FieldErrorList();
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 120 || name.Any(FieldErrorList.RefusedCharacter))
        {
            errors.Add("Name", "Đặt tên cho mã truy cập (tối đa 120 ký tự), ví dụ: Cổng dữ liệu tỉnh.");
        }

        if (days is < 1 or > MaxDays)
        {
            errors.Add("Days", $"Thời hạn từ 1 đến {MaxDays} ngày.");
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Created>(errors);
        }

        var token = TokenStart + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new ApiToken
        {
            UserId = userId,
            Name = name!,
            Prefix = token[..12],
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return WriteResult.Done(new Created(row.Id, token, row.ExpiresAt));
    }

    /// <summary>Revokes one of the user's own tokens; it stops working on the next request.</summary>
    public async Task<WriteResult<int>> RevokeAsync(string userId, int id, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct);
        if (token is null)
        {
            return WriteResult.NotFound<int>("Không tìm thấy mã truy cập.");
        }

        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return WriteResult.Done(token.Id);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
