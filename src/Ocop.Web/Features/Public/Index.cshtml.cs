namespace Ocop.Web.Features.Public;

/// <summary>The public home in English (the Vietnamese one is the site root, Features/Home).</summary>
public sealed class IndexModel(PublicCatalog catalog) : PublicPage(catalog)
{
    public PublicView Home { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Home = await PublicHome.ViewAsync(HttpContext, English, ct);
        Title = Home.Title;
        Description = Home.Description;
        VietnamesePath = Home.VietnamesePath;
        EnglishPath = Home.EnglishPath;
        ImagePath = Home.ImagePath;
    }
}
