using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Admin;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>
/// A production database as the operations guide sets it up: migrated with reference data and no demo (so no user at
/// all), then <c>create-admin</c> with the password on standard input. One database for the class; the tests run in order.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class ProductionDatabase : IAsyncLifetime
{
    private TestDatabase? database;
    private OcopWebFactory? factory;

    public OcopWebFactory Factory => factory ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        factory = new OcopWebFactory(database.Provider, database.ConnectionString, database.DataFolder);
    }

    /// <summary>What <c>dotnet run -- migrate</c> does: migrations and reference data, no demo.</summary>
    public Task MigrateAsync() => OcopApp.MigrateAsync(Factory.Services, seedDemo: false);

    /// <summary>Runs <c>create-admin</c> with the given lines on a piped standard input; returns the exit code and what it wrote.</summary>
    public async Task<(int Code, string Output, string Errors)> CreateAdminAsync(string userName, string stdin)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        using var input = new StringReader(stdin);
        var code = await CreateAdminCommand.RunAsync(Factory.Services, ["create-admin", userName], input, interactive: false, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    public async Task<T> QueryAsync<T>(Func<OcopDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<OcopDbContext>());
    }

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}

[TestCaseOrderer("Ocop.Web.Tests.CreateAdminTests+InDeclarationOrder", "Ocop.Web.Tests")]
public sealed class CreateAdminTests(ProductionDatabase production) : IClassFixture<ProductionDatabase>
{
    private const string Strong = "Quan-Tri-2026";

    private HttpClient NewClient() =>
        production.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task T1_Before_migrate_the_command_refuses_and_asks_for_migrate()
    {
        var (code, _, errors) = await production.CreateAdminAsync("quantri", Strong + "\n");

        Assert.Equal(CreateAdminCommand.Refused, code);
        Assert.Contains("migrate", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task T2_On_an_empty_production_database_create_admin_makes_an_administrator_who_signs_in()
    {
        await production.MigrateAsync();
        Assert.Equal(0, await production.QueryAsync(db => db.Users.CountAsync()));
        using (var nobody = NewClient())
        {
            using var refused = await nobody.PostSignInAsync("quantri", Strong);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // the form again, with its error: there is no user yet
        }

        var (code, output, errors) = await production.CreateAdminAsync("quantri", Strong + "\n");

        Assert.True(code == CreateAdminCommand.Created, errors);
        Assert.Contains("quantri", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Strong, output + errors, StringComparison.Ordinal);
        var user = await production.QueryAsync(db => db.Users.AsNoTracking().SingleAsync());
        Assert.Equal(("quantri", Role.Administrator), (user.UserName, user.Role));
        var audit = await production.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(AppUser) && a.EntityId == user.Id).ToListAsync());
        Assert.Equal(AuditAction.Created, Assert.Single(audit).Action);
        Assert.DoesNotContain("PasswordHash", audit[0].Changes, StringComparison.Ordinal);

        using var client = NewClient();
        using var signedIn = await client.PostSignInAsync("quantri", Strong);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("Người dùng", Html.Text(await client.GetPageAsync("/Admin/Users")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("quantri2026")]
    [InlineData("")]
    public async Task T3_A_weak_or_missing_password_is_refused_and_no_user_is_made(string password)
    {
        await production.MigrateAsync();
        var before = await production.QueryAsync(db => db.Users.CountAsync());

        var (code, _, errors) = await production.CreateAdminAsync("yeu", password + "\n");

        Assert.Equal(CreateAdminCommand.Refused, code);
        Assert.Contains(password.Length == 0 ? "Không đọc được mật khẩu" : "Mật khẩu phải", errors, StringComparison.Ordinal);
        Assert.Equal(before, await production.QueryAsync(db => db.Users.CountAsync()));
        Assert.False(await production.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == "yeu")));
    }

    [Fact]
    public async Task T4_An_existing_user_name_is_refused_and_its_password_stays()
    {
        await production.MigrateAsync();
        var first = await production.CreateAdminAsync("trungten", Strong + "\n");
        Assert.Equal(CreateAdminCommand.Created, first.Code);
        var hash = await production.QueryAsync(db => db.Users.Where(u => u.UserName == "trungten").Select(u => u.PasswordHash).SingleAsync());

        var (code, _, errors) = await production.CreateAdminAsync("trungten", "Khac-Han-2027\n");

        Assert.Equal(CreateAdminCommand.Refused, code);
        Assert.Contains("đã có", errors, StringComparison.Ordinal);
        Assert.Equal(hash, await production.QueryAsync(db => db.Users.Where(u => u.UserName == "trungten").Select(u => u.PasswordHash).SingleAsync()));
        using var client = NewClient();
        using var signedIn = await client.PostSignInAsync("trungten", Strong);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task T5_Without_a_user_name_the_command_says_how_to_use_it()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await CreateAdminCommand.RunAsync(production.Factory.Services, ["create-admin"], new StringReader(""), interactive: false, output, errors);

        Assert.Equal(CreateAdminCommand.Usage, code);
        Assert.Contains("create-admin <tên đăng nhập>", errors.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The class's tests in the order they are written: T1 needs the database before migrate.</summary>
    public sealed class InDeclarationOrder : Xunit.Sdk.ITestCaseOrderer
    {
        public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : Xunit.Abstractions.ITestCase =>
            testCases.OrderBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
    }
}
