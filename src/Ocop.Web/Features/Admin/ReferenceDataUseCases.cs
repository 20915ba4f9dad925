namespace Ocop.Web.Features.Admin;

/// <summary>
/// The use cases that change reference data and the office's own settings: issuing authorities and signatories, the
/// holiday calendar, a split commune's successor, the deploying office, the product taxonomy, craft villages, and the accounts
/// (users, their sessions, one's own password). Each
/// page translates one of them; nothing else writes.
/// </summary>
public static class ReferenceDataUseCases
{
    public static IServiceCollection AddReferenceDataUseCases(this IServiceCollection services)
    {
        services.AddScoped<Documents.SaveAuthority>();
        services.AddScoped<Documents.SaveSignatory>();
        services.AddScoped<EvaluationCalendar.AddHoliday>();
        services.AddScoped<EvaluationCalendar.RemoveHoliday>();
        services.AddScoped<Units.RecordSuccessor>();
        services.AddScoped<Office.SaveDeployingOffice>();
        services.AddScoped<Taxonomy.SaveCategory>();
        services.AddScoped<CraftVillages.SaveCraftVillage>();
        services.AddScoped<Users.SaveUser>();
        services.AddScoped<Users.EndUserSessions>();
        services.AddScoped<Account.ChangePassword>();
        return services;
    }
}
