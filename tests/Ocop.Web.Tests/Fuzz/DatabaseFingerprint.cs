using System.Text;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;

namespace Ocop.Web.Tests;

/// <summary>
/// The row count of every table and the sum of every version column, in one query: an insert, a delete, or an edit of
/// a versioned record changes it, and so does any audited edit (its audit row). Sessions, the key ring and account events are left out:
/// they change by reading (a session's pulse, the first key made on demand), not by what a form writes.
/// </summary>
public static class DatabaseFingerprint
{
    private static readonly HashSet<string> Ignored = ["UserSessions", "DataProtectionKeys"];

    public static async Task<string> OfAsync(OcopDbContext db)
    {
        var parts = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            var table = entity.GetTableName()!;
            if (Ignored.Contains(table) || parts.Any(p => p.Contains($"FROM \"{table}\"", StringComparison.Ordinal)))
            {
                continue;
            }

            var version = entity.FindProperty("Version") is { } property
                ? $"COALESCE(SUM(\"{property.GetColumnName()}\"), 0)"
                : "0";
            // Account events (a refused sign-in is still audited) are no write of a form.
            var where = table == "AuditEntries" ? $" WHERE \"Action\" < {(int)AuditAction.SignedIn}" : "";
            parts.Add($"SELECT '{table}' AS t, COUNT(*) AS n, {version} AS v FROM \"{table}\"{where}");
        }

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = string.Join(" UNION ALL ", parts);
        var fingerprint = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            fingerprint.Append(reader.GetString(0)).Append('=').Append(reader.GetValue(1)).Append('/').Append(reader.GetValue(2)).Append(';');
        }

        return fingerprint.ToString();
    }
}
