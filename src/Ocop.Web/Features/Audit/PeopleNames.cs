using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Audit;

/// <summary>
/// The audit trail keeps the login name (it is what the audit search filters on and what stays unique); a person reading
/// a record's history reads the full name ("Nguyễn Thị Lan", not "canbo.daloc"). Names not found (the system, a user
/// since deleted) stay as recorded.
/// </summary>
public static class PeopleNames
{
    public static async Task<IReadOnlyDictionary<string, string>> FullNamesAsync(OcopDbContext db, IEnumerable<string> logins, CancellationToken ct)
    {
        var names = logins.Distinct(StringComparer.Ordinal).ToList();
        var found = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.FullName }).ToListAsync(ct);
        return found.Where(u => u.UserName is not null && !string.IsNullOrWhiteSpace(u.FullName))
            .ToDictionary(u => u.UserName!, u => u.FullName, StringComparer.Ordinal);
    }

    public static string Of(IReadOnlyDictionary<string, string> names, string login) => names.TryGetValue(login, out var name) ? name : login;
}
