namespace Ocop.Web.Tests.Infrastructure;

/// <summary>
/// One database per test run, migrated with the app's own migrations and seeded with the demo data by the app's own
/// start-up code; every fixture gets a copy of it. Seeding (units, taxonomy, both decisions' scoresheets, demo records
/// and users) then runs once per run instead of once per test class.
/// </summary>
public static class SeededTemplate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static TestDatabase? template;

    public static async Task<TestDatabase> CopyAsync()
    {
        await Gate.WaitAsync();
        try
        {
            template ??= await SeedAsync();
            return await template.CopyAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<TestDatabase> SeedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using (var factory = new OcopWebFactory(database.Provider, database.ConnectionString, database.DataFolder))
        {
            await OcopApp.MigrateAsync(factory.Services, seedDemo: true);
        }

        database.ReleaseConnections();
        return database;
    }

    /// <summary>Drops the template at the end of the run (see <see cref="TestRun"/>).</summary>
    public static void Drop()
    {
        var dropped = Interlocked.Exchange(ref template, null);
        dropped?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
