using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Ocop.Web.Tests.Infrastructure;

/// <summary>
/// The real app (Program) on a database of the test's own, configured only through the app's documented settings.
/// </summary>
public sealed class OcopWebFactory(string provider, string connectionString, string dataFolder, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting($"ConnectionStrings:{provider}", connectionString);
        builder.UseSetting("Ocop:DataFolder", dataFolder);
        // The fixture migrates and seeds itself, so that it knows when the database is ready.
        builder.UseSetting("Ocop:MigrateOnStart", "false");
        builder.UseSetting("Ocop:SeedDemoData", "true");
        // Every test client comes from one address; the per-address sign-in limit has tests of its own.
        builder.UseSetting("Ocop:SignIn:PerAddressPerMinute", "100000");
        builder.UseSetting("Ocop:SignIn:PerAccountPerMinute", "100000");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        configure?.Invoke(builder);
    }
}
