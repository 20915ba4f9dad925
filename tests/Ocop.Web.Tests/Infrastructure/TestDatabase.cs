using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ocop.Web.Tests.Infrastructure;

/// <summary>
/// A database of one fixture's own: a fresh SQLite file in a temporary folder (the default), or a fresh PostgreSQL
/// database on the throwaway server named by OCOP_TEST_POSTGRES when OCOP_TEST_DATABASE=postgres.
/// The temporary folder is also the app's data folder (photos, data-protection keys).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? maintenanceConnection;
    private readonly string? databaseName;

    private TestDatabase(string provider, string connectionString, string dataFolder, string? maintenanceConnection, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataFolder = dataFolder;
        this.maintenanceConnection = maintenanceConnection;
        this.databaseName = databaseName;
    }

    /// <summary>The value of the app's Database:Provider setting: Sqlite or Postgres.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public string DataFolder { get; }

    public static bool UsesPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("OCOP_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static async Task<TestDatabase> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("ocop-web-tests-").FullName;
        if (!UsesPostgres)
        {
            return new TestDatabase("Sqlite", $"Data Source={Path.Combine(folder, "ocop.db")}", folder, null, null);
        }

        var name = "ocop_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(MaintenanceConnection(), $"CREATE DATABASE \"{name}\"");
        var connection = new NpgsqlConnectionStringBuilder(ServerConnection()) { Database = name }.ConnectionString;
        return new TestDatabase("Postgres", connection, folder, MaintenanceConnection(), name);
    }

    /// <summary>A connection string of the same provider that can never reach a database, for the health check's 503.</summary>
    public static (string Provider, string ConnectionString) Unreachable(string dataFolder) => UsesPostgres
        ? ("Postgres", new NpgsqlConnectionStringBuilder(ServerConnection()) { Port = 1, Database = "nowhere", Timeout = 2 }.ConnectionString)
        : ("Sqlite", $"Data Source={Path.Combine(dataFolder, "no-such-folder", "ocop.db")};Mode=ReadWrite");

    public async ValueTask DisposeAsync()
    {
        if (databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(maintenanceConnection!, $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a folder in /tmp behind; the next run does not reuse it.
        }
    }

    private static string ServerConnection()
    {
        var server = Environment.GetEnvironmentVariable("OCOP_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException("OCOP_TEST_DATABASE=postgres needs OCOP_TEST_POSTGRES, a connection string to a throwaway server.");
        }

        return server;
    }

    // Databases are created and dropped from the maintenance database, never from the one being dropped.
    private static string MaintenanceConnection() =>
        new NpgsqlConnectionStringBuilder(ServerConnection()) { Database = "postgres", Pooling = false }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
