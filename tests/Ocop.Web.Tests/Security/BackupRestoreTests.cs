using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Web.Commands;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Security;

/// <summary>Issue 13: a backup taken while the app serves restores into a fresh instance with every row and every file.</summary>
public class BackupRestoreTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly byte[] Png = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestFiles", "photo.png"));

    [Fact]
    public async Task A_backup_taken_while_the_app_serves_restores_into_a_fresh_instance_table_for_table_and_file_for_file()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var id = await app.ProductIdAsync(Demo.BanhTetNhanChuoi);
        var form = await officer.GetFormAsync($"/Products/Details/{id}", handler: "Upload");
        using (var uploaded = await officer.PostFileAsync(form, "photo", "sao-luu.png", Png, "image/png"))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var backup = Path.Combine(Path.GetTempPath(), "ocop-backup-" + Guid.NewGuid().ToString("N"));
        await using var fresh = await TestDatabase.CreateAsync();
        try
        {
            Assert.Equal(0, await BackupCommand.RunAsync(app.Factory.Services, ["backup", backup]));
            await using (var restored = new OcopWebFactory(fresh.Provider, fresh.ConnectionString, fresh.DataFolder))
            {
                Assert.Equal(0, await RestoreCommand.RunAsync(restored.Services, ["restore", backup]));
                using var scope = restored.Services.CreateScope();
                var after = await TablesAsync(scope.ServiceProvider.GetRequiredService<OcopDbContext>());
                var before = await app.QueryAsync(TablesAsync);
                Assert.Equal(before.Keys.Order(), after.Keys.Order());
                Assert.All(before, table => Assert.True(after[table.Key] == table.Value, $"table {table.Key} differs"));

                // The restored instance serves: the photo, and a sign-in (its keys came along in the database).
                using var client = restored.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
                using var signIn = await client.PostSignInAsync(Demo.ChauThanhOfficer, DemoData.Password);
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            }

            Assert.Equal(Files(app.DataFolder), Files(fresh.DataFolder));
        }
        finally
        {
            if (Directory.Exists(backup))
            {
                Directory.Delete(backup, recursive: true);
            }
        }
    }

    /// <summary>Each table's rows, as a digest of their sorted text: equal digests, equal tables.</summary>
    private static async Task<Dictionary<string, string>> TablesAsync(OcopDbContext db)
    {
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            var rows = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var values = new object[reader.FieldCount];
                    reader.GetValues(values);
                    rows.Add(string.Join("\u001f", values.Select(v => v is byte[] b ? Convert.ToHexString(b) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
                }
            }

            rows.Sort(StringComparer.Ordinal);
            digests[table] = rows.Count + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001e", rows))));
        }

        return digests;
    }

    /// <summary>The file store: every file but the database's own, by path and digest.</summary>
    private static List<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("ocop.db", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(folder, f) + " " + BackupCommand.Digest(f))
            .Order(StringComparer.Ordinal).ToList();
}
