using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Ocop.Web.Data;

namespace Ocop.Web.Commands;

/// <summary>
/// <c>backup FOLDER</c>: a consistent copy while the app runs. SQLite through its online backup API (a plain file copy
/// during writes loses rows); PostgreSQL with <c>pg_dump</c> (custom format). The file store (photos, documents) is
/// copied beside it, with a manifest of every file's size and SHA-256. The key ring lives in the database, so it comes
/// along, still encrypted with the configured certificate: keep the certificate apart from the backups.
/// </summary>
public static class BackupCommand
{
    public const string DatabaseFile = "ocop.db";
    public const string DumpFile = "ocop.dump";
    public const string FilesFolder = "files";
    public const string ManifestFile = "manifest.json";

    public sealed record Manifest(string Provider, DateTime CreatedAt, List<StoredFile> Files);

    public sealed record StoredFile(string Path, long Size, string Sha256);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var target = args.SkipWhile(a => a != "backup").Skip(1).FirstOrDefault();
        if (string.IsNullOrEmpty(target))
        {
            Console.Error.WriteLine("Cách dùng / usage: backup <thư mục đích / target folder>");
            return 2;
        }

        var config = services.GetRequiredService<IConfiguration>();
        var env = services.GetRequiredService<IHostEnvironment>();
        Directory.CreateDirectory(target);
        if (Directory.EnumerateFileSystemEntries(target).Any())
        {
            Console.Error.WriteLine($"Thư mục {target} không trống: chọn một thư mục mới. / The target folder is not empty.");
            return 2;
        }

        var postgres = DatabaseSetup.UsesPostgres(config);
        if (postgres)
        {
            await PgToolAsync("pg_dump", config.GetConnectionString("Postgres")!, ["--format=custom", "--no-owner", "--file", Path.Combine(target, DumpFile)]);
        }
        else
        {
            await using var source = new SqliteConnection(SqliteConnectionString(config, env));
            await using var copy = new SqliteConnection($"Data Source={Path.Combine(target, DatabaseFile)};Pooling=False");
            await source.OpenAsync();
            await copy.OpenAsync();
            source.BackupDatabase(copy);
        }

        var files = CopyFileStore(StoreFolder(config, env), Path.Combine(target, FilesFolder), SqliteFile(config, env));
        var manifest = new Manifest(postgres ? "Postgres" : "Sqlite", DateTime.UtcNow, files);
        await File.WriteAllTextAsync(Path.Combine(target, ManifestFile), JsonSerializer.Serialize(manifest, AuditJson.Options));
        Console.WriteLine($"Đã sao lưu vào {target}: cơ sở dữ liệu và {files.Count} tệp. / Backed up the database and {files.Count} files.");
        return 0;
    }

    public static string StoreFolder(IConfiguration config, IHostEnvironment env) => DatabaseSetup.DataFolder(config, env);

    public static string SqliteConnectionString(IConfiguration config, IHostEnvironment env) =>
        config.GetConnectionString("Sqlite") ?? $"Data Source={Path.Combine(DatabaseSetup.DataFolder(config, env), "ocop.db")}";

    /// <summary>The SQLite database file, which is not part of the file store (null on PostgreSQL).</summary>
    public static string? SqliteFile(IConfiguration config, IHostEnvironment env) =>
        DatabaseSetup.UsesPostgres(config) ? null : Path.GetFullPath(new SqliteConnectionStringBuilder(SqliteConnectionString(config, env)).DataSource);

    /// <summary>Every file of the store but the database's own and the health probe's, with its size and digest.</summary>
    public static List<StoredFile> CopyFileStore(string from, string to, string? databaseFile)
    {
        var files = new List<StoredFile>();
        if (!Directory.Exists(from))
        {
            return files;
        }

        foreach (var path in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var full = Path.GetFullPath(path);
            var name = Path.GetFileName(full);
            if ((databaseFile is not null && full.StartsWith(databaseFile, StringComparison.Ordinal)) || name.StartsWith(".health-", StringComparison.Ordinal)
                || full.StartsWith(Path.GetFullPath(to), StringComparison.Ordinal))
            {
                continue;
            }

            var relative = Path.GetRelativePath(from, full);
            var destination = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(full, destination, overwrite: true);
            files.Add(new StoredFile(relative.Replace('\\', '/'), new FileInfo(destination).Length, Digest(destination)));
        }

        return files;
    }

    public static string Digest(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Runs pg_dump or pg_restore with the connection's host, port, user and password passed the way they expect.</summary>
    public static async Task PgToolAsync(string tool, string connectionString, IEnumerable<string> arguments)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--dbname=" + connection.Database);
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started.");
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {errors}");
        }
    }
}
