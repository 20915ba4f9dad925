using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ocop.Web.Data;

/// <summary>Chooses the database provider from configuration: SQLite by default, PostgreSQL in production.</summary>
public static class DatabaseSetup
{
    public static string DataFolder(IConfiguration config, IHostEnvironment env)
    {
        var folder = config["Ocop:DataFolder"] ?? "data";
        return Path.GetFullPath(Path.IsPathRooted(folder) ? folder : Path.Combine(env.ContentRootPath, folder));
    }

    public static bool UsesPostgres(IConfiguration config) =>
        string.Equals(config["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddOcopDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.AddScoped<CurrentActor>();
        if (UsesPostgres(config))
        {
            var connection = config.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            services.AddDbContext<OcopDbContext, PostgresOcopDbContext>(o => o.UseNpgsql(connection)
                .AddInterceptors(SaveInterceptors.All).AddInterceptors(Features.Public.PublicCatalogVersion.OnSave));
        }
        else
        {
            var folder = DataFolder(config, env);
            Directory.CreateDirectory(folder);
            var connection = config.GetConnectionString("Sqlite") ?? $"Data Source={Path.Combine(folder, "ocop.db")}";
            // A list of ids (a user's communes: 3,400 for a national office) goes to SQLite as one JSON parameter:
            // Microsoft.Data.Sqlite binds each of many parameters by searching the others, which took 0.1–0.8 s.
            services.AddDbContext<OcopDbContext, SqliteOcopDbContext>(o => o.UseSqlite(
                connection, s => s.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(SaveInterceptors.All).AddInterceptors(new SqliteWriteAheadLog(), Features.Public.PublicCatalogVersion.OnSave));
        }

        return services;
    }
}

// Design-time factories: `dotnet ef migrations add X --context SqliteOcopDbContext` (or Postgres) uses these.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOcopDbContext>
{
    public SqliteOcopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOcopDbContext>().UseSqlite("Data Source=design.db").Options,
            new CurrentActor(new HttpContextAccessor()), TimeProvider.System);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOcopDbContext>
{
    public PostgresOcopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOcopDbContext>().UseNpgsql("Host=localhost;Database=ocop_design").Options,
            new CurrentActor(new HttpContextAccessor()), TimeProvider.System);
}
