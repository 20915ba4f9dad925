using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Ocop.Web.Data;
using Ocop.Web.Features.Account;
using Ocop.Web.Shared;

namespace Ocop.Web;

/// <summary>
/// The security and operations part of the composition (docs/operations.md): server-side sessions, the sign-in throttle,
/// data-protection keys in the database encrypted with a certificate, the reverse proxy, input guards, headers, health.
/// </summary>
public static class OcopSecurity
{
    /// <summary>The commands that run and exit instead of serving: they need no certificate for the key ring.</summary>
    public static readonly string[] Commands = ["migrate", "backup", "restore", "create-admin"];

    public static void AddOcopSecurity(this WebApplicationBuilder builder, string[] args)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddSingleton<SessionRegistry>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<KnownDevice>();
        services.AddScoped<AccountAudit>();
        services.AddHostedService<CacheVersionNotifications>();
        services.AddRateLimiter(o => SignInThrottle.AddPolicy(o, config));
        services.Configure<MvcOptions>(o =>
        {
            o.Filters.Add<InputGuardPageFilter>();
            o.ModelBinderProviders.Insert(0, new BooleanInputBinderProvider());
        });
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies named in configuration are believed; the loopback default is dropped with the rest.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in Split(config["Ocop:ReverseProxy:KnownProxies"]))
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in Split(config["Ocop:ReverseProxy:KnownNetworks"]))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        var keys = services.AddDataProtection().PersistKeysToDbContext<OcopDbContext>().SetApplicationName("Ocop");
        var certificatePath = config["Ocop:DataProtection:CertificatePath"];
        if (!string.IsNullOrEmpty(certificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, config["Ocop:DataProtection:CertificatePassword"]);
            var previous = Split(config["Ocop:DataProtection:PreviousCertificatePaths"])
                .Select(path => X509CertificateLoader.LoadPkcs12FromFile(path, config["Ocop:DataProtection:CertificatePassword"]));
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate([certificate, .. previous]);
        }
        else if (builder.Environment.IsProduction() && !args.Any(a => Commands.Contains(a, StringComparer.Ordinal)))
        {
            throw new InvalidOperationException(
                "Ocop:DataProtection:CertificatePath is not set: in Production the sign-in keys kept in the database must be "
                + "encrypted with a certificate (PFX). See docs/operations.md.");
        }
    }

    /// <summary>First in the pipeline: the proxy's forwarded address and scheme, the headers, TRACE and query checks.</summary>
    public static void UseOcopSecurityFirst(this WebApplication app)
    {
        if (Split(app.Configuration["Ocop:ReverseProxy:KnownProxies"]).Length > 0 || Split(app.Configuration["Ocop:ReverseProxy:KnownNetworks"]).Length > 0)
        {
            app.UseForwardedHeaders();
        }

        app.Use((http, next) => SecurityHeaders.AddAsync(http, () => next(http)));
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStatusCodePages(StatusPages.WriteAsync);
        app.Use((http, next) => InputGuard.CheckRequestAsync(http, () => next(http)));
    }

    /// <summary>After routing, which knows each endpoint's own request size limit.</summary>
    public static void UseOcopRequestSize(this WebApplication app) =>
        app.Use((http, next) => RequestSize.CheckAsync(http, () => next(http)));

    private static string[] Split(string? list) =>
        (list ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
