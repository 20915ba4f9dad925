using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Web.Data;

namespace Ocop.Web.Tests.Infrastructure;

/// <summary>
/// One running app on its own database (a copy of the run's migrated and seeded template), shared by the tests of one class.
/// Tests inside a class run one after another, so counts read before and after a request are the request's doing.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public class AppFixture : IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> signedIn = new(StringComparer.Ordinal);
    private readonly List<HttpClient> clients = [];
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private TestDatabase? database;
    private OcopWebFactory? factory;

    public OcopWebFactory Factory => factory ?? throw new InvalidOperationException("The fixture is not initialised.");

    public string DataFolder => database!.DataFolder;

    public async Task InitializeAsync()
    {
        database = await SeededTemplate.CopyAsync();
        factory = new OcopWebFactory(database.Provider, database.ConnectionString, database.DataFolder, Configure);
        // The copy is already migrated and seeded; the app's start-up path must find nothing left to do.
        await OcopApp.MigrateAsync(factory.Services, seedDemo: true);
    }

    /// <summary>Settings of a fixture of its own (a low rate limit, say) on top of the app's test settings.</summary>
    protected virtual void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
    }

    public async Task DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>A client with its own cookie jar that does not follow redirects, so that tests see each 302.</summary>
    public HttpClient NewClient()
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        clients.Add(client);
        return client;
    }

    /// <summary>The demo user's signed-in client, signed in once per fixture through the real sign-in form.</summary>
    public async Task<HttpClient> As(string userName)
    {
        if (!signedIn.TryGetValue(userName, out var client))
        {
            client = await SignInAsync(userName, DemoData.Password);
            signedIn[userName] = client;
        }

        return client;
    }

    /// <summary>Signs in a fresh client through /Account/Login; fails the test unless the sign-in succeeds.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var client = NewClient();
        var response = await client.PostSignInAsync(userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Sign-in of {userName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public async Task<T> QueryAsync<T>(Func<OcopDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<OcopDbContext>());
    }

    public async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, Task<T>> action)
    {
        using var scope = Factory.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    /// <summary>An id looked up once per fixture (demo records keep their ids for the fixture's whole life).</summary>
    public async Task<int> IdAsync(string key, Func<Task<int>> lookup)
    {
        if (!ids.TryGetValue(key, out var id))
        {
            id = await lookup();
            ids[key] = id;
        }

        return id;
    }

    public Task<int> ProductIdAsync(string name) =>
        QueryAsync(db => db.Products.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    public Task<int> SubjectIdAsync(string name) =>
        QueryAsync(db => db.Subjects.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    /// <summary>A commune of Châu Thành as it was before 1 July 2025, where the demo records live.</summary>
    public Task<int> CommuneIdAsync(string code) =>
        QueryAsync(db => db.Units.Where(u => u.Code == code && u.ValidTo != null && u.Level == Core.Units.UnitLevel.Commune).Select(u => u.Id).SingleAsync());

    /// <summary>A commune that exists today (since the 2025 reorganisation), by code: where new records go.</summary>
    public Task<int> CurrentCommuneIdAsync(string code) =>
        QueryAsync(db => db.Units.Where(u => u.Code == code && u.ValidTo == null && u.Level == Core.Units.UnitLevel.Commune).Select(u => u.Id).SingleAsync());

    /// <summary>The unit a statistics code names today (a province, former or current, or a commune), as the API's <c>?unit=</c> does.</summary>
    public Task<int> UnitIdAsync(string code) =>
        QueryAsync(db => db.Units.Where(u => u.Code == code).OrderBy(u => u.ValidTo == null ? 0 : 1).Select(u => u.Id).FirstAsync());

    /// <summary>A leaf of the product taxonomy (one with a scoresheet product set), by code.</summary>
    public Task<int> CategoryIdAsync(string code) =>
        QueryAsync(db => db.ProductCategories.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());

    public Task<string> UserIdAsync(string userName) =>
        QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public Task<Product> ProductAsync(int id) =>
        QueryAsync(db => db.Products.AsNoTracking().Include(p => p.Photos).SingleAsync(p => p.Id == id));

    public Task<Subject> SubjectAsync(int id) =>
        QueryAsync(db => db.Subjects.AsNoTracking().SingleAsync(s => s.Id == id));

    /// <summary>The audit trail of one record, oldest first, with each field change read back from its JSON.</summary>
    public Task<List<AuditRow>> AuditAsync(string entityType, int id) => AuditAsync(entityType, id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async Task<List<AuditRow>> AuditAsync(string entityType, string id)
    {
        var entries = await QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == id).OrderBy(a => a.Id).ToListAsync());
        return entries.Select(AuditRow.From).ToList();
    }

    /// <summary>Row counts of everything a registry page can write, to show that a refused request wrote nothing.</summary>
    public Task<RegistryCounts> CountsAsync() => QueryAsync(async db => new RegistryCounts(
        await db.Subjects.CountAsync(), await db.Products.CountAsync(), await db.ProductPhotos.CountAsync(),
        // Account events (a test's own sign-in) are audited too, but are no write of a registry page.
        await db.CraftVillages.CountAsync(), await db.AuditEntries.CountAsync(a => a.Action < AuditAction.SignedIn),
        await db.Products.SumAsync(p => p.Version) + await db.Subjects.SumAsync(s => s.Version)
            + await db.ProductCategories.SumAsync(c => c.Version) + await db.CraftVillages.SumAsync(v => v.Version)));
}

/// <summary>Row counts and the sum of all versions: any insert, or any edit of a versioned record, changes one of them.</summary>
public sealed record RegistryCounts(int Subjects, int Products, int Photos, int CraftVillages, int AuditEntries, int VersionSum);

public sealed record FieldChange(string Field, string? Old, string? New);

public sealed record AuditRow(AuditAction Action, string UserName, string? UserId, DateTime At, List<FieldChange> Changes)
{
    public static AuditRow From(AuditEntry entry) => new(entry.Action, entry.UserName, entry.UserId, entry.At,
        JsonSerializer.Deserialize<List<FieldChange>>(entry.Changes, AuditJson.Options) ?? []);

    public FieldChange Change(string field) =>
        Changes.SingleOrDefault(c => c.Field == field) ?? throw new Xunit.Sdk.XunitException($"No change of {field} in [{string.Join(", ", Changes.Select(c => c.Field))}].");
}
