using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Ocop.Web.Features.Api;

/// <summary>
/// The use cases that write the registry (one handler per change, called by pages, the API and the importer alike),
/// and what the write API needs around them: personal access tokens, rate limits per token, the OpenAPI security schemes.
/// </summary>
public static class WritePaths
{
    /// <summary>The rate limit of API calls made with a token: so many per minute per token (<c>Ocop:Api:RequestsPerMinute</c>, 120 by default).</summary>
    public const string RateLimit = "per-token";

    /// <summary>The endpoints of the write API's own areas: exchange, support records (the subject and product writes are mapped with their reads).</summary>
    public static RouteGroupBuilder MapWritePathsApi(this RouteGroupBuilder api) =>
        Planning.Support.SupportRecordsApi.MapSupportRecordsApi(Exchange.ExchangeApi.MapExchangeApi(api));

    public static IServiceCollection AddWritePaths(this IServiceCollection services)
    {
        services.AddScoped<Subjects.SaveSubject>();
        services.AddScoped<Subjects.ArchiveSubject>();
        services.AddScoped<Products.SaveProduct>();
        services.AddScoped<Products.ArchiveProduct>();
        services.AddScoped<Products.AddProductPhoto>();
        services.AddScoped<Planning.Support.SaveSupportRecord>();
        Dossiers.DossiersApi.AddDossierWrites(services);
        services.AddScoped<Recognitions.IssueRecognition>();
        Rounds.RoundUseCases.AddRoundUseCases(services);
        Planning.PlanningUseCases.AddPlanningUseCases(services);
        Tasks.TaskUseCases.AddTaskUseCases(services);
        Certificates.CertificateUseCases.AddCertificateUseCases(services);
        Cycle.CycleUseCases.AddCycleUseCases(services);
        Admin.ReferenceDataUseCases.AddReferenceDataUseCases(services);
        services.AddScoped<ApiTokens>();
        services.AddScoped<Import.ImportRun>();
        services.AddScoped<Import.IRowImporter, Import.SubjectRows>();
        services.AddScoped<Import.IRowImporter, Import.ProductRows>();
        services.AddScoped<Import.IRowImporter, Import.SupportRows>();
        services.AddScoped<Import.IRowImporter, Import.RecognitionRows>();
        services.AddSingleton<Import.ImportJobs>();
        services.AddScoped<Exchange.CertificateExchange>();
        ApiTokenAuthentication.Add(services);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimit, http =>
            {
                var key = http.User.FindFirstValue(ApiTokenAuthentication.TokenIdClaim) is { } token ? "token:" + token
                    : "user:" + (http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? http.Connection.RemoteIpAddress?.ToString() ?? "");
                var perMinute = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Ocop:Api:RequestsPerMinute", 120);
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, perMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        // After every other configuration of the limiter (the sign-in throttle's rejection stays theirs): an API call past its
        // limit is answered with a problem and Retry-After.
        services.PostConfigure<RateLimiterOptions>(o =>
        {
            var others = o.OnRejected;
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (!http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && others is not null)
                {
                    await others(context, ct);
                    return;
                }

                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Quá nhiều yêu cầu với mã truy cập này. Vui lòng thử lại sau ít phút.",
                    },
                });
            };
        });
        services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[ApiTokenAuthentication.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Mã truy cập cá nhân (Tài khoản › Mã truy cập API): Authorization: Bearer ocop_… — ghi dữ liệu chỉ bằng mã này, "
                    + "với đúng quyền của người tạo mã. / Personal access token; writes need it and act with its creator's rights.",
            };
            document.Components.SecuritySchemes["Cookie"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "ocop.auth",
                Description = "Phiên đăng nhập của trình duyệt: chỉ đọc. / The browser's sign-in session: reads only.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiTokenAuthentication.SchemeName, document)] = [] });
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Cookie", document)] = [] });
            return Task.CompletedTask;
        }));
        return services;
    }
}
