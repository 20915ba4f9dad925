using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Ocop.Core.Public;
using Ocop.Web.Shared;
using QRCoder;

namespace Ocop.Web.Features.Public;

/// <summary>
/// The public face's part of the composition (docs/public.md): the in-memory catalog, the English addresses of the
/// pages, the output cache of anonymous pages, and the endpoints that are not pages — photos, QR codes, the GS1 Digital
/// Link <c>/01/{GTIN-14}</c>, the sitemap and robots.txt.
/// </summary>
public static class PublicFace
{
    public const string CachePolicy = "public";

    public static void AddPublicFace(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        PublicUrls.Configure(builder.Configuration);
        services.AddSingleton<PublicCatalog>();
        services.AddSingleton<IWhereToBuySource, WhereToBuyRegistersSource>();
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 64 * 1024 * 1024;
            o.AddPolicy(CachePolicy, new PublicOutputCachePolicy());
        });
        // After the app's own AddRazorPages options (a Configure registered before them did not reach the page routes).
        services.PostConfigure<RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageRoute("/Public/Catalog", "en/products");
            o.Conventions.AddPageRoute("/Public/Product", "en/products/{id:int}/{slug?}");
            o.Conventions.AddPageRoute("/Public/Map", "en/map");
            o.Conventions.AddPageRoute("/Public/Check", "en/certificate-check");
            foreach (var page in new[] { "/Public/Index", "/Public/Catalog", "/Public/Product", "/Public/Map", "/Public/Check" })
            {
                o.Conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = CachePolicy }));
            }
        });
    }

    /// <summary>After authentication: a signed-in user's request is never answered from the cache.</summary>
    public static void UsePublicFace(this WebApplication app) => app.UseOutputCache();

    public static void MapPublicFace(this WebApplication app)
    {
        app.MapGet("/anh-san-pham/{id:int}", PhotoAsync).WithName("PublicProductPhoto").AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/ma-qr/{id:int}.png", QrAsync).WithName("PublicProductQr").AllowAnonymous().ExcludeFromDescription().CacheOutput(CachePolicy);
        // GS1 Digital Link: the GTIN as 14 digits, maybe followed by qualifiers (/10/{lot}, /21/{serial}) that all lead to the product.
        app.MapGet("/01/{gtin}/{**qualifiers}", Gs1Async).WithName("Gs1DigitalLink").AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/sitemap.xml", SitemapAsync).WithName("Sitemap").AllowAnonymous().ExcludeFromDescription().CacheOutput(CachePolicy);
        app.MapGet("/robots.txt", Robots).WithName("Robots").AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>A public product's photo, thumbnail (400 px) or large (1,600 px); others' photos stay behind sign-in.</summary>
    private static async Task<IResult> PhotoAsync(int id, string? size, HttpContext http, PublicCatalog catalog, PhotoStore store, CancellationToken ct)
    {
        var snapshot = await catalog.GetAsync(ct);
        if (!snapshot.StoredPhotos.TryGetValue(id, out var photo))
        {
            return Results.NotFound();
        }

        var path = size == "thumb" ? store.ThumbnailPathOf(photo.StoredName) : store.PathOf(photo.StoredName);
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.File(path, photo.ContentType);
    }

    /// <summary>
    /// The QR code of a product's label: its GS1 Digital Link when it has a GTIN, else its short public address; both lead
    /// to its page, under whatever name it has then.
    /// </summary>
    private static async Task<IResult> QrAsync(int id, HttpContext http, PublicCatalog catalog, CancellationToken ct)
    {
        var snapshot = await catalog.GetAsync(ct);
        if (!snapshot.ById.TryGetValue(id, out var product))
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.File(QrPng(PublicUrls.Absolute(http.Request, LabelPath(product)), 10), "image/png");
    }

    /// <summary>What a product's QR code opens: <c>/01/{GTIN-14}</c> when it has a GTIN, else <c>/san-pham/{id}</c>.</summary>
    public static string LabelPath(PublicProduct product) =>
        product.Gtin14 is { } gtin ? "/01/" + gtin : "/san-pham/" + product.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A QR code as PNG (error correction M: a label survives a scratch).</summary>
    public static byte[] QrPng(string text, int pixelsPerModule)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    private static async Task<IResult> Gs1Async(string gtin, HttpContext http, PublicCatalog catalog, CancellationToken ct)
    {
        var key = PublicDisclosure.Gtin14(gtin);
        var snapshot = await catalog.GetAsync(ct);
        if (key is null || !snapshot.ByGtin.TryGetValue(key, out var product))
        {
            return Results.NotFound();
        }

        // A resolver answers with a temporary redirect (GS1 Digital Link 1.2): the page a GTIN leads to may change.
        var english = http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
            .FirstOrDefault()?.Value.Value?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
        return Results.Redirect(PublicUrls.Product(english, product.Id, product.Name), permanent: false, preserveMethod: true);
    }

    private static async Task<IResult> SitemapAsync(HttpContext http, PublicCatalog catalog, CancellationToken ct)
    {
        var snapshot = await catalog.GetAsync(ct);
        return Results.Text(snapshot.Sitemap(path => PublicUrls.Absolute(http.Request, path)), "application/xml; charset=utf-8");
    }

    private static IResult Robots(HttpContext http) => Results.Text(
        "User-agent: *\nAllow: /$\nAllow: /en\nAllow: /san-pham\nAllow: /ban-do\nAllow: /anh-san-pham/\nDisallow: /\n"
        + "Sitemap: " + PublicUrls.Absolute(http.Request, "/sitemap.xml") + "\n", "text/plain; charset=utf-8");
}

/// <summary>
/// Caches a public answer for anonymous visitors, keyed by the address and by the catalog snapshot it was made from:
/// a save moves the snapshot (its versions), so the next request misses the cache and shows the change.
/// </summary>
internal sealed class PublicOutputCachePolicy : IOutputCachePolicy
{
    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !http.Request.Headers.ContainsKey("Authorization");
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (cacheable)
        {
            var snapshot = await http.RequestServices.GetRequiredService<PublicCatalog>().GetAsync(cancellation);
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["catalog"] = snapshot.Stamp.ToString(CultureInfo.InvariantCulture);
            context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        }
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey("Set-Cookie"))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
