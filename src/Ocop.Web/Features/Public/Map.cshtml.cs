using Microsoft.AspNetCore.Mvc;

namespace Ocop.Web.Features.Public;

/// <summary>The map of sales points, producers and tourism points, with the same places as a list (Leaflet, served by the app).</summary>
public sealed class MapModel(PublicCatalog catalog, IConfiguration config) : PublicPage(catalog)
{
    [BindProperty(SupportsGet = true)] public PlaceKind? Kind { get; set; }

    public IReadOnlyList<PublicPlace> Places { get; private set; } = [];
    public string TileUrl => config["Ocop:Public:TileUrl"] ?? "";
    public string TileAttribution => config["Ocop:Public:TileAttribution"] ?? "";

    public void OnGet()
    {
        ModelState.Clear();
        Kind = Kind is { } kind && Enum.IsDefined(kind) ? kind : null;
        Places = [.. Catalog.Places.Where(p => Kind is null || p.Kind == Kind)];
        Title = T.MapTitle;
        Description = T.MapTeaser;
        VietnamesePath = PublicUrls.Map(false) + Request.QueryString.Value;
        EnglishPath = PublicUrls.Map(true) + Request.QueryString.Value;
    }
}
