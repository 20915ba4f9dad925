using System.Text.Json;
using Microsoft.Data.Sqlite;
using Ocop.Web.Data;

namespace Ocop.Web.Commands;

/// <summary>
/// <c>restore FOLDER</c>: puts a backup made by <see cref="BackupCommand"/> into the configured database and data folder,
/// which should be new (a fresh instance): the app must not be running on them. Every file is checked against the
/// manifest's digest before it is put in place.
/// </summary>
public static class RestoreCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var source = args.SkipWhile(a => a != "restore").Skip(1).FirstOrDefault();
        var manifestPath = source is null ? null : Path.Combine(source, BackupCommand.ManifestFile);
        if (manifestPath is null || !File.Exists(manifestPath))
        {
            Console.Error.WriteLine("Cách dùng / usage: restore <thư mục sao lưu có manifest.json / backup folder>");
            return 2;
        }

        var config = services.GetRequiredService<IConfiguration>();
        var env = services.GetRequiredService<IHostEnvironment>();
        var manifest = JsonSerializer.Deserialize<BackupCommand.Manifest>(await File.ReadAllTextAsync(manifestPath), AuditJson.Options)!;
        var postgres = DatabaseSetup.UsesPostgres(config);
        if (manifest.Provider != (postgres ? "Postgres" : "Sqlite"))
        {
            Console.Error.WriteLine($"Bản sao lưu là của {manifest.Provider}, cấu hình hiện tại là {(postgres ? "Postgres" : "Sqlite")}. / Provider mismatch.");
            return 2;
        }

        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(source!, BackupCommand.FilesFolder, file.Path);
            if (!File.Exists(path) || BackupCommand.Digest(path) != file.Sha256)
            {
                Console.Error.WriteLine($"Tệp {file.Path} thiếu hoặc đã bị thay đổi: không khôi phục. / File missing or altered.");
                return 1;
            }
        }

        if (postgres)
        {
            await BackupCommand.PgToolAsync("pg_restore", config.GetConnectionString("Postgres")!,
                ["--clean", "--if-exists", "--no-owner", "--exit-on-error", Path.Combine(source!, BackupCommand.DumpFile)]);
        }
        else
        {
            await using var backup = new SqliteConnection($"Data Source={Path.Combine(source!, BackupCommand.DatabaseFile)};Mode=ReadOnly;Pooling=False");
            await using var target = new SqliteConnection(BackupCommand.SqliteConnectionString(config, env));
            await backup.OpenAsync();
            await target.OpenAsync();
            backup.BackupDatabase(target);
        }

        var store = BackupCommand.StoreFolder(config, env);
        foreach (var file in manifest.Files)
        {
            var destination = Path.Combine(store, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(Path.Combine(source!, BackupCommand.FilesFolder, file.Path), destination, overwrite: true);
        }

        Console.WriteLine($"Đã khôi phục từ {source}: cơ sở dữ liệu và {manifest.Files.Count} tệp. / Restored.");
        return 0;
    }
}
