using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Web.Data;

namespace Ocop.E2E.Infrastructure;

/// <summary>
/// The real application on a real loopback port (Kestrel, not the in-memory test server), so that a browser can reach it,
/// with a fresh SQLite database, photos and keys in a temporary folder, migrated and loaded with the demo data on start.
/// </summary>
public sealed class OcopServer : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("ocop-e2e-").FullName;

    public Uri BaseAddress { get; private set; } = null!;

    public OcopServer() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development is where the demo sign-ins exist; the data folder keeps the developer's own database untouched.
        builder.UseEnvironment("Development");
        builder.UseSetting("Ocop:DataFolder", DataFolder);
        // Pinned, so that a test script exporting a PostgreSQL connection for the web tests does not reach this run.
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(DataFolder, "ocop.db")}");
        builder.UseSetting("Ocop:MigrateOnStart", "true");
        builder.UseSetting("Ocop:SeedDemoData", "true");
        // Every browser test signs in from this one address, several times as the same demo users.
        builder.UseSetting("Ocop:SignIn:PerAddressPerMinute", "10000");
        builder.UseSetting("Ocop:SignIn:PerAccountPerMinute", "10000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
    }

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        // Kestrel reports the port it was given, e.g. http://127.0.0.1:41234; the browser uses it as is.
        BaseAddress = new Uri(addresses.First());
    }

    /// <summary>Rows of the registry, read straight from the database: what a refused form must leave as it was.</summary>
    public async Task<RegistryRows> CountRowsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OcopDbContext>();
        return new RegistryRows(await db.Subjects.CountAsync(), await db.Products.CountAsync(), await db.AuditEntries.CountAsync());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is not worth failing the run for.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

public sealed record RegistryRows(int Subjects, int Products, int AuditEntries);
