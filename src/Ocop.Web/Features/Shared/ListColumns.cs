using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Shared;

/// <summary>
/// Which optional columns a user chose to see in a list, kept with their account (one identity claim per list, so no
/// table of its own) and so the same on every device they sign in from. The first column of a list is always shown.
/// The choice is read once and then held with the account's cached facts (<see cref="AccountCache"/>, beside the user's
/// scope), so a list page asks no query for it; saving a choice replaces the held one. Another server process holds its
/// own copy until its account facts are reloaded (<see cref="UnitDirectory.MaxAge"/>), as for a change of role or units.
/// </summary>
public static class ListColumns
{
    private const string ClaimPrefix = "ocop:list-columns:";

    /// <summary>The user's choice among <paramref name="optional"/>, or <paramref name="defaults"/> when they never chose.</summary>
    public static async Task<IReadOnlySet<string>> ChosenAsync(
        OcopDbContext db, AccountCache accounts, string userId, string list, IReadOnlyList<string> optional, IReadOnlyList<string> defaults,
        CancellationToken ct)
    {
        var type = ClaimPrefix + list;
        var account = await accounts.GetAsync(db, userId, ct);
        if (account is null || !account.ListColumns.TryGetValue(type, out var stored))
        {
            stored = await db.UserClaims.AsNoTracking()
                .Where(c => c.UserId == userId && c.ClaimType == type)
                .Select(c => c.ClaimValue)
                .FirstOrDefaultAsync(ct);
            account?.ListColumns[type] = stored;
        }

        return (stored is null ? defaults : stored.Split(',', StringSplitOptions.RemoveEmptyEntries))
            .Where(optional.Contains).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Keeps the user's choice (unknown names dropped); an empty choice is kept too: only the first column.</summary>
    public static async Task SaveAsync(
        OcopDbContext db, AccountCache accounts, string userId, string list, IEnumerable<string> chosen, IReadOnlyList<string> optional,
        CancellationToken ct)
    {
        var type = ClaimPrefix + list;
        var value = string.Join(',', optional.Where(chosen.Contains));
        var claim = await db.UserClaims.FirstOrDefaultAsync(c => c.UserId == userId && c.ClaimType == type, ct);
        if (claim is null)
        {
            db.UserClaims.Add(new IdentityUserClaim<string> { UserId = userId, ClaimType = type, ClaimValue = value });
        }
        else
        {
            claim.ClaimValue = value;
        }

        await db.SaveChangesAsync(ct);
        // Only once stored: a failed save leaves the held choice as it was.
        (await accounts.GetAsync(db, userId, ct))?.ListColumns[type] = value;
    }
}

/// <summary>What the "Chọn cột hiển thị" form shows: a list's optional columns, in order, and those the user sees.</summary>
public sealed record ColumnChoice(IReadOnlyList<(string Key, string Header)> Optional, IReadOnlySet<string> Shown);
