namespace Ocop.Web.Shared;

/// <summary>
/// Headers on every response: a content security policy that allows no inline script or style and no framing
/// (pages cannot be framed by another site or port: clickjacking), no MIME sniffing, and no full address sent to
/// other sites. HSTS is added in production by UseHsts. The one exception to "no framing": a response marked with
/// <see cref="AllowFramingBySameOrigin"/> (a dossier document, shown beside a council member's sheet) may be framed
/// by our own pages, never by another origin.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly object FramedBySameOrigin = new();

    /// <summary>
    /// Lets our own pages frame this response (<c>frame-ancestors 'self'</c>, <c>X-Frame-Options: SAMEORIGIN</c>);
    /// another site still cannot. Called only where a file is actually sent, so that a refusal or an error page from
    /// the same address stays unframable.
    /// </summary>
    public static void AllowFramingBySameOrigin(HttpContext http) => http.Items[FramedBySameOrigin] = true;

    public static Task AddAsync(HttpContext http, Func<Task> next)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            // The public map's tile server, when one is configured, is the one other place images may come from.
            headers.ContentSecurityPolicy = Features.Public.PublicUrls.TileOrigin is { } tiles
                ? ContentSecurityPolicy.Replace("img-src 'self' data:", "img-src 'self' data: " + tiles, StringComparison.Ordinal)
                : ContentSecurityPolicy;
            if (http.Items.ContainsKey(FramedBySameOrigin))
            {
                headers.ContentSecurityPolicy = headers.ContentSecurityPolicy.ToString()
                    .Replace("frame-ancestors 'none'", "frame-ancestors 'self'", StringComparison.Ordinal);
                headers.XFrameOptions = "SAMEORIGIN";
            }
            else
            {
                headers.XFrameOptions = "DENY";
            }

            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next();
    }
}

