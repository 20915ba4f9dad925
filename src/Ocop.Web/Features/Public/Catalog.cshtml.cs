using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Ocop.Web.Features.Public;

/// <summary>The public catalog: words typed with or without diacritics, stars, group, province, commune (new or former name), sold at a sales point.</summary>
public sealed class CatalogModel(PublicCatalog catalog) : PublicPage(catalog)
{
    public const int PageSize = 24;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Stars { get; set; }
    [BindProperty(SupportsGet = true)] public int? Group { get; set; }
    [BindProperty(SupportsGet = true)] public int? Province { get; set; }
    [BindProperty(SupportsGet = true)] public string? Commune { get; set; }
    [BindProperty(SupportsGet = true)] public bool SalesPoint { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public List<PublicProduct> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public void OnGet()
    {
        // A bad number in the address (a typed-in or stale link) is ignored rather than refused: it is a visitor's search.
        ModelState.Clear();
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        Q = Trimmed(Q, 100);
        Commune = Trimmed(Commune, 100);
        (Rows, Total) = Catalog.Find(new CatalogSearch(Q, Stars, Group, Province, Commune, SalesPoint), (PageNumber - 1) * PageSize, PageSize);
        Title = T.CatalogTitle;
        Description = T.HomeLead;
        VietnamesePath = PublicUrls.Catalog(false) + Request.QueryString.Value;
        EnglishPath = PublicUrls.Catalog(true) + Request.QueryString.Value;
        ImagePath = Rows.SelectMany(r => r.Photos).Select(p => PublicUrls.Photo(p.Id, thumbnail: false)).FirstOrDefault();
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageUrl(int page)
    {
        var query = Request.Query.Where(q => q.Key != "page").Select(q => (Key: q.Key, Value: q.Value.ToString()))
            .Append((Key: "page", Value: page.ToString(CultureInfo.InvariantCulture)));
        return PublicUrls.Catalog(English) + "?" + string.Join("&", query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
    }

    private static string? Trimmed(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > max ? t[..max] : text.Trim();
}
