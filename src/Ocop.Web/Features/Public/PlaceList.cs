namespace Ocop.Web.Features.Public;

/// <summary>Places drawn on a map and listed beside it (the map page, a product's where to buy).</summary>
public sealed record PlaceList(
    string Id, IReadOnlyList<PublicPlace> Places, PublicCatalog.Snapshot Catalog, PublicText T, string TileUrl, string TileAttribution, bool ShowProducts);
