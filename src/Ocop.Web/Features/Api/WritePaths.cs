namespace Ocop.Web.Features.Api;

/// <summary>
/// The use cases that write the registry (one handler per change, called by pages, the API and the importer alike),
/// and what the write API needs around them: personal access tokens, rate limits per token.
/// </summary>
public static class WritePaths
{
    public static IServiceCollection AddWritePaths(this IServiceCollection services)
    {
        services.AddScoped<Subjects.SaveSubject>();
        services.AddScoped<Subjects.ArchiveSubject>();
        services.AddScoped<Products.SaveProduct>();
        services.AddScoped<Products.ArchiveProduct>();
        services.AddScoped<Products.AddProductPhoto>();
        return services;
    }
}
