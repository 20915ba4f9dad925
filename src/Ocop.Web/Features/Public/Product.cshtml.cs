using Microsoft.AspNetCore.Mvc;

namespace Ocop.Web.Features.Public;

/// <summary>
/// A product's public page: photos, stars and the certificate's state today said plainly (expired or revoked says so),
/// the producer and its public contact, the story, where to buy it (map and list) and the producer's other products.
/// An address with an old name is redirected to the current one.
/// </summary>
public sealed class ProductModel(PublicCatalog catalog, IConfiguration config) : PublicPage(catalog)
{
    public PublicProduct? Product { get; private set; }
    public IReadOnlyList<PublicPlace> Places { get; private set; } = [];
    public IReadOnlyList<PublicListing> Listings { get; private set; } = [];
    public IReadOnlyList<PublicProduct> Others { get; private set; } = [];

    /// <summary>The tile server's address template, or empty: without tiles the markers and the list still work.</summary>
    public string TileUrl => config["Ocop:Public:TileUrl"] ?? "";
    public string TileAttribution => config["Ocop:Public:TileAttribution"] ?? "";

    public IActionResult OnGet(int id, string? slug)
    {
        if (!Catalog.ById.TryGetValue(id, out var product))
        {
            Title = T.NotFoundTitle;
            VietnamesePath = PublicUrls.Catalog(false);
            EnglishPath = PublicUrls.Catalog(true);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var canonical = PublicUrls.Product(English, product.Id, product.Name);
        if (!string.Equals(slug, product.Slug, StringComparison.Ordinal))
        {
            return RedirectPermanent(canonical);
        }

        Product = product;
        Places = Catalog.PlacesOf(id);
        Listings = Catalog.ListingsOf(id);
        Others = [.. (Catalog.BySubject.GetValueOrDefault(product.SubjectId) ?? []).Where(p => p.Id != id)];
        Title = product.Name;
        Description = Shorten(product.Description ?? product.Story ?? $"{product.Name} – {product.SubjectName}", 200);
        VietnamesePath = PublicUrls.Product(false, product.Id, product.Name);
        EnglishPath = PublicUrls.Product(true, product.Id, product.Name);
        ImagePath = product.Photos.Count > 0 ? PublicUrls.Photo(product.Photos[0].Id, thumbnail: false) : null;
        OgType = "product";
        return Page();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
