namespace Ocop.E2E.Pages;

/// <summary>The plain page the application answers with for 403 and 404 (heading: the status code).</summary>
public sealed class StatusPage(IPage page, IResponse? response) : AppPage(page)
{
    public int Status => response?.Status ?? 0;

    public static async Task<StatusPage> OpenAsync(IPage page, string url) => new(page, await page.GotoAsync(url));
}
