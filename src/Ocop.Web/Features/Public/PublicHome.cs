namespace Ocop.Web.Features.Public;

/// <summary>
/// The public home, for visitors who are not signed in: at the site root (rendered by Features/Home, whose signed-in
/// users keep their work home) and at <c>/en</c>.
/// </summary>
public static class PublicHome
{
    public const string Layout = "/Features/Public/_PublicLayout.cshtml";
    public const string Partial = "/Features/Public/_Home.cshtml";

    public static async Task<PublicView> ViewAsync(HttpContext http, bool english, CancellationToken ct)
    {
        var catalog = await http.RequestServices.GetRequiredService<PublicCatalog>().GetAsync(ct);
        var t = PublicText.For(english);
        var image = catalog.Featured.SelectMany(p => p.Photos).Select(p => PublicUrls.Photo(p.Id, thumbnail: false)).FirstOrDefault();
        return new PublicView(t, catalog, t.HomeTitle, t.HomeLead, PublicUrls.Home(false), PublicUrls.Home(true), image, "website");
    }
}
