namespace Ocop.Web.Features.Cycle;

/// <summary>The use cases that change the annual cycle: each page handler translates one of them, nothing else writes.</summary>
public static class CycleUseCases
{
    public static IServiceCollection AddCycleUseCases(this IServiceCollection services)
    {
        services.AddScoped<RecordCycleEntry>();
        services.AddScoped<MoveCycleEntry>();
        services.AddScoped<LinkCycleEntry>();
        return services;
    }
}
