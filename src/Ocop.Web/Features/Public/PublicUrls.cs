using System.Globalization;
using Ocop.Core.Public;

namespace Ocop.Web.Features.Public;

/// <summary>
/// The public addresses, clean and readable, in Vietnamese at the root and in English under <c>/en</c>: a product's
/// carries its id and its name (<c>/san-pham/12/banh-tet-la-cam-da-loc</c>); an old name still finds it and is
/// redirected to the current one.
/// </summary>
public static class PublicUrls
{
    public const string EnglishPrefix = "/en";

    public static string Home(bool english) => english ? "/en" : "/";
    public static string Catalog(bool english) => english ? "/en/products" : "/san-pham";
    public static string Map(bool english) => english ? "/en/map" : "/ban-do";
    public static string Check(bool english) => english ? "/en/certificate-check" : "/kiem-tra-chung-nhan";

    public static string Check(bool english, string number) => Check(english) + "?number=" + Uri.EscapeDataString(number);

    public static string Product(bool english, int id, string name) =>
        (english ? "/en/products/" : "/san-pham/") + id.ToString(CultureInfo.InvariantCulture) + "/" + PublicDisclosure.Slug(name);

    public static string Photo(int photoId, bool thumbnail) =>
        "/anh-san-pham/" + photoId.ToString(CultureInfo.InvariantCulture) + (thumbnail ? "?size=thumb" : "");

    public static string Qr(int productId) => "/ma-qr/" + productId.ToString(CultureInfo.InvariantCulture) + ".png";

    /// <summary>Whether a request is for the English pages.</summary>
    public static bool IsEnglish(PathString path) =>
        path.StartsWithSegments(EnglishPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The site's public address (<c>Ocop:Public:BaseUrl</c>, e.g. https://ocop.vinhlong.gov.vn), read at start; null
    /// when not set. Printed documents carry a QR code only when it is set: an address guessed from a request could be
    /// an internal one that no phone reaches.
    /// </summary>
    public static string? BaseUrl { get; private set; }

    /// <summary>
    /// The origin of the map's tile server (<c>Ocop:Public:TileUrl</c>, e.g. https://tiles.example.vn/{z}/{x}/{y}.png),
    /// which the content security policy lets images come from; null without tiles.
    /// </summary>
    public static string? TileOrigin { get; private set; }

    public static void Configure(IConfiguration config)
    {
        BaseUrl = string.IsNullOrWhiteSpace(config["Ocop:Public:BaseUrl"]) ? null : config["Ocop:Public:BaseUrl"]!.Trim().TrimEnd('/');
        // Only the scheme and host of the template: "{s}" subdomains become a wildcard the policy understands.
        var tiles = config["Ocop:Public:TileUrl"]?.Trim().Replace("{s}.", "*.", StringComparison.Ordinal);
        TileOrigin = Uri.TryCreate(tiles?.Replace("*.", "", StringComparison.Ordinal), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri.Scheme + "://" + (tiles!.Contains("*.", StringComparison.Ordinal) ? "*." : "") + uri.Authority
            : null;
    }

    /// <summary>An absolute address for links that leave the site (QR codes, the sitemap, social previews): the configured one, else the request's.</summary>
    public static string Absolute(HttpRequest request, string path) =>
        (BaseUrl ?? $"{request.Scheme}://{request.Host}{request.PathBase}") + path;

    /// <summary>The check page of a certificate as printed on it, or null when the site's address is not configured.</summary>
    public static string? PrintedCheck(string number) => BaseUrl is null ? null : BaseUrl + Check(false, number);
}
