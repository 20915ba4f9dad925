using System.Collections.Concurrent;
using Ocop.E2E.Pages;
using Ocop.Web.Data;

namespace Ocop.E2E.Infrastructure;

/// <summary>
/// One application server and one headless Chromium for the whole run. Each test gets fresh browser contexts
/// (own cookies), optionally with a sign-in saved once per user instead of typed again in every test.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium by default; Playwright never downloads a browser of its own here.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("OCOP_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync",
    ];

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> savedSignIns = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public OcopServer Server { get; } = new();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {ChromiumPath}. Install Debian's package (apt-get install chromium) or set OCOP_CHROMIUM.");
        }

        // Captures belong to the last run only.
        if (Directory.Exists(BrowserTest.FailureFolder))
        {
            Directory.Delete(BrowserTest.FailureFolder, recursive: true);
        }

        // Generous for a shared 2-core machine where other test projects run at the same time.
        Assertions.SetDefaultExpectTimeout(10_000);
        // The server migrates and loads the demo data while the browser starts.
        var server = Task.Run(Server.Start);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        await server;
    }

    /// <summary>
    /// A new isolated browser context. JavaScript is off: the application's core flows must work without it,
    /// and running every test that way proves it; a test of a page's own script asks for it. When a user is given, the
    /// context starts signed in as that user.
    /// </summary>
    /// <param name="adjust">Changes a test makes to the defaults (a phone's screen, JavaScript on to run axe-core).</param>
    public async Task<IBrowserContext> NewContextAsync(string? signedInAs = null, Action<BrowserNewContextOptions>? adjust = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            JavaScriptEnabled = false,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        };
        if (signedInAs is not null)
        {
            options.StorageState = await savedSignIns.GetOrAdd(signedInAs, user => new Lazy<Task<string>>(() => SignInOnceAsync(user))).Value;
        }

        adjust?.Invoke(options);

        var context = await browser!.NewContextAsync(options);
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        return context;
    }

    private async Task<string> SignInOnceAsync(string userName)
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        try
        {
            var home = await (await LoginPage.OpenAsync(page)).SignInAsync(userName, DemoData.Password);
            await Assertions.Expect(home.SignOutButton).ToBeVisibleAsync();
            return await context.StorageStateAsync();
        }
        catch (PlaywrightException)
        {
            Directory.CreateDirectory(BrowserTest.FailureFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTest.FailureFolder, $"sign-in-{userName}.png"), FullPage = true });
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
