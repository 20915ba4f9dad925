namespace Ocop.E2E.Pages;

/// <summary>The public face (Features/Public) as a visitor meets it, without signing in, in either language.</summary>
public sealed class PublicPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The search of the home and of the catalog (typed without diacritics is fine).</summary>
    public ILocator SearchBox(string name = "Tìm sản phẩm") => Page.GetByRole(AriaRole.Searchbox, new() { Name = name, Exact = true });

    public ILocator Product(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name });

    /// <summary>The "Nơi mua" / "Where to buy" section of a product page.</summary>
    public ILocator WhereToBuy(string name = "Nơi mua") => Page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });

    /// <summary>The map drawn from the list of places (Leaflet, served by the app).</summary>
    public ILocator Map(string name = "Bản đồ các địa điểm") => Page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });

    /// <summary>The markers Leaflet drew on <paramref name="map"/> (circle markers are SVG paths, one per place with a position).</summary>
    public static ILocator Markers(ILocator map) => map.Locator("path.leaflet-interactive");

    public ILocator LanguageSwitch(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public static async Task<PublicPage> OpenHomeAsync(IPage page)
    {
        await page.GotoAsync("/");
        return new PublicPage(page);
    }

    public async Task SearchAsync(string text, string button = "Tìm")
    {
        await SearchBox().FillAsync(text);
        await Page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
    }

    /// <summary>How much wider than the window the page is (0: nothing to scroll sideways).</summary>
    public Task<int> OverflowAsync() =>
        Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
}
