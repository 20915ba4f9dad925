using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Security;

/// <summary>
/// Issue 13, the app as deployed (Production): HSTS, forwarded headers believed only from the configured proxy, cookies
/// Secure behind TLS, and data-protection keys kept in the database encrypted with the configured certificate.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes the class through IAsyncLifetime.DisposeAsync.")]
public sealed class ProductionSettingsTests : IAsyncLifetime
{
    private TestDatabase? database;
    private WebApplicationFactoryForProduction? factory;
    private string certificate = "";

    public async Task InitializeAsync()
    {
        database = await SeededTemplate.CopyAsync();
        certificate = TestCertificate.Write(database.DataFolder);
        factory = new WebApplicationFactoryForProduction(database, certificate, knownProxy: "10.1.2.3");
    }

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Https_responses_carry_hsts_in_production()
    {
        var response = await Send("https://ocop.vinhlong.gov.vn/Account/Login", remote: "203.0.113.9");
        Assert.Equal(200, response.Response.StatusCode);
        Assert.StartsWith("max-age=", response.Response.Headers.StrictTransportSecurity.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_the_configured_proxy_a_tls_request_gets_secure_cookies_and_the_clients_address()
    {
        var response = await Send("http://ocop.vinhlong.gov.vn/Account/Login", remote: "10.1.2.3",
            ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "198.51.100.7"));
        var cookies = response.Response.Headers.SetCookie.ToString();
        Assert.Contains("secure", cookies, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("198.51.100.7", response.Connection.RemoteIpAddress?.ToString());
    }

    [Fact]
    public async Task Forwarded_headers_from_anyone_else_are_not_believed()
    {
        var response = await Send("http://ocop.vinhlong.gov.vn/Account/Login", remote: "203.0.113.9",
            ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "198.51.100.7"));
        Assert.DoesNotContain("secure", response.Response.Headers.SetCookie.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("203.0.113.9", response.Connection.RemoteIpAddress?.ToString());
    }

    [Fact]
    public async Task The_key_ring_lives_in_the_database_encrypted_with_the_certificate()
    {
        // Signing in needs a key (the cookie is protected with it), so one is made and stored.
        using var client = factory!.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var signIn = await client.PostSignInAsync(Demo.Leader, DemoData.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var scope = factory.Services.CreateScope();
        var keys = await scope.ServiceProvider.GetRequiredService<OcopDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.Contains("EncryptedData", k.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", k.Xml, StringComparison.Ordinal);
        });
        Assert.False(Directory.Exists(Path.Combine(database!.DataFolder, "keys")));
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_certificate_for_the_keys()
    {
        await using var bare = new WebApplicationFactoryForProduction(database!, certificate: null, knownProxy: null);
        var error = Assert.ThrowsAny<Exception>(() => bare.Server);
        Assert.Contains("Ocop:DataProtection:CertificatePath", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<HttpContext> Send(string url, string remote, params (string Name, string Value)[] headers)
    {
        var uri = new Uri(url);
        return await factory!.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Scheme = uri.Scheme;
            context.Request.Host = new HostString(uri.Host);
            context.Request.Path = uri.AbsolutePath;
            context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            foreach (var (name, value) in headers)
            {
                context.Request.Headers[name] = value;
            }
        });
    }

    private sealed class WebApplicationFactoryForProduction(TestDatabase database, string? certificate, string? knownProxy)
        : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", database.Provider);
            builder.UseSetting($"ConnectionStrings:{database.Provider}", database.ConnectionString);
            builder.UseSetting("Ocop:DataFolder", database.DataFolder);
            builder.UseSetting("Ocop:SignIn:PerAddressPerMinute", "100000");
            if (certificate is not null)
            {
                builder.UseSetting("Ocop:DataProtection:CertificatePath", certificate);
                builder.UseSetting("Ocop:DataProtection:CertificatePassword", TestCertificate.Password);
            }

            if (knownProxy is not null)
            {
                builder.UseSetting("Ocop:ReverseProxy:KnownProxies", knownProxy);
            }
        }
    }
}

/// <summary>A self-signed certificate for the key ring, as an operator would make one with openssl.</summary>
public static class TestCertificate
{
    public const string Password = "Khoa@chung-chi";

    public static string Write(string folder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=OCOP data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, "..", Path.GetFileName(folder) + "-keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return Path.GetFullPath(path);
    }
}
