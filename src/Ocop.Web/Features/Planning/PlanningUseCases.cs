namespace Ocop.Web.Features.Planning;

/// <summary>The use cases that change plans, indicators, targets and year-end figures: each page translates one of them, nothing else writes.</summary>
public static class PlanningUseCases
{
    public static IServiceCollection AddPlanningUseCases(this IServiceCollection services)
    {
        services.AddScoped<SavePlan>();
        services.AddScoped<CopyPlan>();
        services.AddScoped<AddIndicator>();
        services.AddScoped<SaveTarget>();
        services.AddScoped<CloseYearFigures>();
        return services;
    }
}
