namespace Ocop.E2E.Pages;

/// <summary>The page the application answers with for 403 and 404, inside the layout (heading: what happened, in words).</summary>
public sealed class StatusPage(IPage page, IResponse? response) : AppPage(page)
{
    public int Status => response?.Status ?? 0;

    public static async Task<StatusPage> OpenAsync(IPage page, string url) => new(page, await page.GotoAsync(url));
}
