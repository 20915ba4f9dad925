using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ocop.Web.Features.Public;

/// <summary>
/// What the public layout (<c>_PublicLayout.cshtml</c>) puts around a page: its language and words, the office, the
/// title, and in the head the address of the same page in the other language, the canonical address, a description
/// and an image for search engines and social previews.
/// </summary>
public sealed record PublicView(
    PublicText T, PublicCatalog.Snapshot Catalog, string Title, string? Description, string VietnamesePath, string EnglishPath,
    string? ImagePath, string OgType)
{
    public const string Key = "PublicView";

    public bool English => T.IsEnglish;
    public string OtherLanguagePath => English ? VietnamesePath : EnglishPath;
    public string CanonicalPath => English ? EnglishPath : VietnamesePath;
}

/// <summary>
/// A public page: no sign-in, the language of its address (<c>/en/…</c> is English), its words and the catalog snapshot.
/// </summary>
[AllowAnonymous]
public abstract class PublicPage(PublicCatalog catalog) : PageModel
{
    public bool English => PublicUrls.IsEnglish(Request.Path);
    public PublicText T => PublicText.For(English);
    public PublicCatalog.Snapshot Catalog { get; private set; } = null!;

    public string Title { get; protected set; } = "";
    protected string? Description { get; set; }
    protected string VietnamesePath { get; set; } = "/";
    protected string EnglishPath { get; set; } = "/en";
    protected string? ImagePath { get; set; }
    protected string OgType { get; set; } = "website";

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Catalog = await catalog.GetAsync(HttpContext.RequestAborted);
        var executed = await next();
        ViewData[PublicView.Key] = new PublicView(T, Catalog, Title, Description, VietnamesePath, EnglishPath, ImagePath, OgType);
        _ = executed;
    }
}
