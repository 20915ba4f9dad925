namespace Ocop.Web.Features.Tasks;

/// <summary>The use cases that change plan tasks, their reports and the problems raised: each page translates one of them, nothing else writes.</summary>
public static class TaskUseCases
{
    public static IServiceCollection AddTaskUseCases(this IServiceCollection services)
    {
        services.AddScoped<SaveTask>();
        services.AddScoped<ReportTask>();
        services.AddScoped<AnswerProblem>();
        return services;
    }
}
