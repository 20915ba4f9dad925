using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ocop.Bench.Generator;
using Ocop.Core.Access;
using Ocop.Core.Units;
using Ocop.Web.Data;

// Fills an OCOP database at national scale for the load benchmark (bench/run.sh). Same settings as the app:
// Database__Provider, ConnectionStrings__Postgres, Ocop__DataFolder (SQLite file <folder>/ocop.db).
// Applies the app's migrations and reference data first; a database that already holds the national data is reused.

if (args is ["import-file", var importPath, var importRows])
{
    return ImportFile.Write(importPath, int.Parse(importRows, System.Globalization.CultureInfo.InvariantCulture)); // bench/import.sh
}

var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    EnvironmentName = Environments.Production,
    ContentRootPath = Directory.GetCurrentDirectory(),
});
builder.Configuration.AddEnvironmentVariables().AddCommandLine(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddOcopDatabase(builder.Configuration, builder.Environment);
builder.Services.AddIdentityCore<AppUser>().AddEntityFrameworkStores<OcopDbContext>();
using var host = builder.Build();
using var scope = host.Services.CreateScope();
var db = scope.ServiceProvider.GetRequiredService<OcopDbContext>();
var ct = CancellationToken.None;
var clock = Stopwatch.StartNew();

await db.Database.MigrateAsync(ct);
await ReferenceData.SeedAsync(db, ct);

var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
if (args.Contains("round", StringComparer.Ordinal))
{
    return await RoundSeed.RunAsync(db, users, ct); // bench/round.sh: a round of 40 products × 9 members on the national data
}

var products = await db.Products.CountAsync(ct);
if (products >= NationalData.ProductCount)
{
    await AddUsersAsync();
    await AddPlanningHistoryAsync();
    Console.WriteLine($"Reusing the database: {products:N0} products already there (migrated in {clock.Elapsed.TotalSeconds:F1} s).");
    return 0;
}

if (products > 0 || await db.Subjects.AnyAsync(ct))
{
    Console.Error.WriteLine("The database already holds subjects or products that are not the benchmark's; give the generator an empty one.");
    return 1;
}

// The real communes of today, loaded by the app's reference data (the units of Vietnam before and after 2025).
var communes = await db.Units.AsNoTracking()
    .Where(u => u.Level == UnitLevel.Commune && u.ValidTo == null)
    .OrderBy(u => u.Id)
    .ToListAsync(ct);
if (communes.Count != NationalData.CommuneCount)
{
    Console.Error.WriteLine($"The reference data holds {communes.Count:N0} communes of today, not {NationalData.CommuneCount:N0}: an older generated database? Delete it and run again.");
    return 1;
}

var leaves = await db.ProductCategories.AsNoTracking()
    .Where(c => c.ProductSet != null)
    .ToDictionaryAsync(c => c.Code, c => c.Id, ct);
var next = new NationalData.Ids(
    Subject: 1,
    Product: 1,
    Photo: (await db.ProductPhotos.MaxAsync(p => (int?)p.Id, ct) ?? 0) + 1,
    Audit: (int)((await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0) + 1));

var data = NationalData.Build(communes, leaves, next);
Console.WriteLine($"Generated in memory in {clock.Elapsed.TotalSeconds:F1} s; writing …");

var writer = new BulkWriter(db);
await using (var transaction = await db.Database.BeginTransactionAsync(ct))
{
    await writer.InsertAsync(data.Subjects, ct);
    await writer.InsertAsync(data.LegalForms, ct);
    await writer.InsertAsync(data.GreenChains, ct);
    await writer.InsertAsync(data.Channels, ct);
    await writer.InsertAsync(data.Products, ct);
    await writer.InsertAsync(data.Photos, ct);
    await writer.InsertAsync(data.Audit, ct);
    await transaction.CommitAsync(ct);
}

await writer.ResetIdentityAsync<Subject>(ct);
await writer.ResetIdentityAsync<SubjectLegalFormPeriod>(ct);
await writer.ResetIdentityAsync<SubjectGreenChainPeriod>(ct);
await writer.ResetIdentityAsync<SubjectChannelPeriod>(ct);
await writer.ResetIdentityAsync<Product>(ct);
await writer.ResetIdentityAsync<ProductPhoto>(ct);
await writer.ResetIdentityAsync<AuditEntry>(ct);

await AddUsersAsync();
await AddPlanningHistoryAsync();

if (db.Database.IsNpgsql())
{
    // What autovacuum does a minute later: planner statistics, and the GIN indexes' pending entries merged
    // (until then the planner prices the trigram indexes too high and scans the tables).
    await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE", ct);
}

Console.WriteLine(
    $"Wrote {data.Subjects.Count:N0} subjects, {data.Products.Count:N0} products, "
    + $"{data.Photos.Count:N0} photos, {data.Audit.Count:N0} audit rows in {clock.Elapsed.TotalSeconds:F1} s. "
    + $"Sign-ins: {BenchUsers.Office}, {BenchUsers.Central}, {BenchUsers.Leader}, password {BenchUsers.Password}.");
return 0;

// Ten years of recognitions and the support records, for the dashboard benchmark (bench/dashboard.sh).
async Task AddPlanningHistoryAsync()
{
    var (recognitions, certificates, support) = await PlanningHistory.AddAsync(db, new BulkWriter(db), DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)), ct);
    if (certificates > 0)
    {
        Console.WriteLine($"Wrote {recognitions:N0} recognitions, {certificates:N0} certificates, {support:N0} support records.");
    }
}

// Users go through Identity as the demo users do, so the password hash and stamps are the real ones.
async Task AddUsersAsync()
{
    var provinces = await db.Units.AsNoTracking()
        .Where(u => u.Level == UnitLevel.Province && u.ValidTo == null)
        .OrderBy(u => u.Code)
        .Select(u => u.Id)
        .ToListAsync(ct);
    await AddUserAsync(BenchUsers.Office, Role.ProgramOffice, "Văn phòng Điều phối OCOP tỉnh (đo tải)", provinces.Take(1).ToList());
    await AddUserAsync(BenchUsers.Central, Role.ProgramOffice, "Văn phòng Điều phối OCOP Trung ương (đo tải)", provinces);
    await AddUserAsync(BenchUsers.Leader, Role.Leader, "Lãnh đạo (đo tải)", []);
}

async Task AddUserAsync(string userName, Role role, string fullName, IReadOnlyList<int> units)
{
    if (await users.FindByNameAsync(userName) is not null)
    {
        return;
    }

    var user = new AppUser
    {
        UserName = userName,
        Email = $"{userName}@example.vn",
        EmailConfirmed = true,
        FullName = fullName,
        Role = role,
    };
    user.Units.AddRange(units.Select(id => new UserUnit { UserId = user.Id, UnitId = id }));
    var result = await users.CreateAsync(user, BenchUsers.Password);
    if (!result.Succeeded)
    {
        throw new InvalidOperationException($"{userName}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}

/// <summary>
/// The benchmark's sign-ins: a provincial program office (Hà Nội's, about 100 communes), a central program office
/// assigned every province, and a leader, who reads every unit without an assignment.
/// </summary>
internal static class BenchUsers
{
    public const string Office = "bench.office";
    public const string Central = "bench.central";
    public const string Leader = "bench.leader";
    public const string Password = "Bench@2025";
}
