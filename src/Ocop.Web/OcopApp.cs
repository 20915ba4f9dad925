using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Api;
using Ocop.Web.Features.Certificates;
using Ocop.Web.Features.Planning;
using Ocop.Web.Features.Products;
using Ocop.Web.Features.Public;
using Ocop.Web.Features.Subjects;
using Ocop.Web.Features.Support;
using Ocop.Web.Features.Units;
using Ocop.Web.Shared;

namespace Ocop.Web;

/// <summary>Composition of the web application: services, middleware, endpoints, start-up tasks.</summary>
public static class OcopApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        ConfigureServices(builder, args);
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    private static void ConfigureServices(WebApplicationBuilder builder, string[] args)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddOcopDatabase(builder.Configuration, builder.Environment);
        services.AddScoped<UserScopeLoader>();
        services.AddSingleton<AccountCache>();
        services.AddSingleton<UnitDirectory>();
        services.AddSingleton<Features.Products.ProductListIndex>();
        services.AddSingleton<ScoresheetModels>();
        services.AddScoped<Features.Planning.PlanFigures>();
        services.AddScoped<Features.Support.SectionContext>();
        Features.Support.RegisterUseCases.AddRegisterUseCases(services);
        services.AddScoped<Features.Home.WorkList>();
        services.AddSingleton<PhotoStore>();
        services.AddSingleton<Features.Dossiers.DocumentStore>();
        services.AddWritePaths();
        // Vietnamese text is written as is, not as &#x...; entities: pages stay readable and a third smaller.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.AddOcopSecurity(args);
        builder.AddPublicFace();

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<OcopDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddClaimsPrincipalFactory<OcopClaimsFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "ocop.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS, as seen through a configured reverse proxy (OcopSecurity).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
            // The API answers with status codes, never a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            // A signed-in user who may not do something gets a real 403 (the status page says why), pages and API alike:
            // a redirect to a page that answers 200 would hide the refusal from clients and tests.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            o.AddPolicy(Policies.ManageUsers, p => p.RequireRole(nameof(Core.Access.Role.Administrator)));
            o.AddPolicy(Policies.EditReferenceData, p => p.RequireRole(
                nameof(Core.Access.Role.Administrator), nameof(Core.Access.Role.ProgramOffice)));
        });

        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Admin", Policies.ManageUsers);
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                o.Conventions.AddPageApplicationModelConvention("/Account/Login", m =>
                    m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(Features.Account.SignInThrottle.PolicyName)));
            })
            .AddMvcOptions(o => VietnameseModelBinding.Apply(o.ModelBindingMessageProvider));

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "OCOP API";
            doc.Info.Description = "API đọc sổ đăng ký OCOP: chủ thể và sản phẩm. / Read-only API of the OCOP registry.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<FileStoreHealthCheck>("file store");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = new[] { new CultureInfo("vi-VN"), new CultureInfo("en-US") };
            o.DefaultRequestCulture = new RequestCulture("vi-VN");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        app.UseOcopSecurityFirst();
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseOcopRequestSize();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication: the API's limits count per token (the sign-in throttle counts per address either way).
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UsePublicFace();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        var api = app.MapGroup("/api/v1").WithTags("Registry");
        api.MapProductsApi();
        api.MapSubjectsApi();
        api.MapCertificatesApi();
        api.MapPlanningApi();
        api.MapUnitsApi();
        api.MapWritePathsApi();
        Features.Dossiers.DossiersApi.MapDossiersApi(api);
        api.MapSectionApi();
        Features.Scoresheets.ScoresheetsApi.MapScoresheetsApi(api);
        app.MapPublicFace();
        app.MapRazorPages();
    }

    /// <summary>Development migrates on start (and loads demo data when configured); production uses the migrate command.</summary>
    public static async Task PrepareDatabaseOnStartAsync(WebApplication app)
    {
        if (app.Configuration.GetValue("Ocop:MigrateOnStart", app.Environment.IsDevelopment()))
        {
            await MigrateAsync(app.Services, app.Configuration.GetValue("Ocop:SeedDemoData", app.Environment.IsDevelopment()));
        }
    }

    public static async Task MigrateAsync(IServiceProvider services, bool seedDemo)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OcopDbContext>();
        await db.Database.MigrateAsync();
        await ReferenceData.SeedAsync(db);
        await SubjectFactBackfill.RunAsync(db);
        if (seedDemo)
        {
            await DemoData.SeedAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
            await DemoFactHistory.SeedAsync(db, Display.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>()));
            await DemoEvaluationData.SeedAsync(db, Display.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>()));
            await DemoPlanningData.SeedAsync(db, Display.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>()));
            await DemoCycleData.SeedAsync(db, Display.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>()));
            await DemoAuthorities.SeedAsync(db);
            await DemoSupportData.SeedAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), Display.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>()));
        }

        await Features.Documents.ExistingDocuments.PrepareAsync(db);
    }

    public static void PrintWelcome(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine("Hệ thống quản lý OCOP đang chạy / OCOP management system is running:");
        foreach (var address in addresses)
        {
            Console.WriteLine($"  {address}");
        }

        if (app.Configuration.GetValue("Ocop:SeedDemoData", app.Environment.IsDevelopment()))
        {
            Console.WriteLine($"Tài khoản demo (mật khẩu / password: {DemoData.Password}):");
            foreach (var (userName, role, fullName) in DemoData.Users)
            {
                Console.WriteLine($"  {userName,-15} {role,-15} {fullName}");
            }

            Console.WriteLine($"  {DemoSupportData.FinanceUser,-15} {Ocop.Core.Access.Role.Department,-15} {DemoSupportData.FinanceUserName}");
        }

        Console.WriteLine();
    }
}

public static class Policies
{
    public const string ManageUsers = "ManageUsers";
    public const string EditReferenceData = "EditReferenceData";
}

/// <summary>Puts the user's role into the sign-in cookie so that pages and endpoints can authorise by role.</summary>
public sealed class OcopClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim("full_name", user.FullName));
        return identity;
    }
}
