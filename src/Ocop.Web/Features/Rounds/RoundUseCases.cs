namespace Ocop.Web.Features.Rounds;

/// <summary>The use cases that change rounds and scoresheets: each page translates one of them, nothing else writes.</summary>
public static class RoundUseCases
{
    public static IServiceCollection AddRoundUseCases(this IServiceCollection services)
    {
        services.AddScoped<SaveRound>();
        services.AddScoped<AddCouncilMember>();
        services.AddScoped<DeclareConflict>();
        services.AddScoped<AddRoundProduct>();
        services.AddScoped<SaveMemberSheet>();
        services.AddScoped<CloseRound>();
        services.AddScoped<IssueMinutes>();
        services.AddScoped<Scoresheets.EditScoresheet>();
        services.AddScoped<Scoresheets.SaveLegalBasis>();
        services.AddScoped<Scoresheets.ImportScoresheet>();
        services.AddScoped<Scoresheets.CopyScoresheet>();
        services.AddScoped<Scoresheets.PublishScoresheet>();
        services.AddScoped<Scoresheets.RetireScoresheet>();
        services.AddScoped<Scoresheets.VerifyScoresheet>();
        return services;
    }
}
