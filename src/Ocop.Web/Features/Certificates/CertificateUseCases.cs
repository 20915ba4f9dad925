namespace Ocop.Web.Features.Certificates;

/// <summary>The use cases that change a certificate after it is issued: each page handler translates one of them, nothing else writes.</summary>
public static class CertificateUseCases
{
    public static IServiceCollection AddCertificateUseCases(this IServiceCollection services)
    {
        services.AddScoped<RevokeCertificate>();
        services.AddScoped<OpenReevaluation>();
        services.AddScoped<RecordReevaluationOutcome>();
        services.AddScoped<RecordCheck>();
        services.AddScoped<CloseFollowUp>();
        services.AddScoped<IssueNotice>();
        return services;
    }
}
