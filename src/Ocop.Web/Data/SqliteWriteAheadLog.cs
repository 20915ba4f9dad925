using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ocop.Web.Data;

/// <summary>
/// Puts a SQLite database in write-ahead-log mode with NORMAL sync on every connection the app opens. In SQLite's
/// default rollback journal a writer locks out readers and every commit syncs twice, so a council saving nine sheets
/// at once queued behind each other's commits and SQLite's busy back-off (save p95 0.6 s in bench/round.sh); with
/// the WAL readers never wait for the writer and a commit appends to the log. NORMAL in WAL mode stays consistent
/// after a crash; at worst the last commits before a power loss are lost.
/// </summary>
internal sealed class SqliteWriteAheadLog : DbConnectionInterceptor
{
    // The journal mode is kept in the database file, so it is set on the first connection to each file only;
    // synchronous is a setting of each connection.
    private const string FirstPragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
    private const string EveryPragmas = "PRAGMA synchronous=NORMAL;";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> InWalMode = new(StringComparer.Ordinal);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        var first = !InWalMode.ContainsKey(connection.ConnectionString);
        command.CommandText = first ? FirstPragmas : EveryPragmas;
        command.ExecuteNonQuery();
        InWalMode[connection.ConnectionString] = true;
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        var first = !InWalMode.ContainsKey(connection.ConnectionString);
        command.CommandText = first ? FirstPragmas : EveryPragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        InWalMode[connection.ConnectionString] = true;
    }
}
