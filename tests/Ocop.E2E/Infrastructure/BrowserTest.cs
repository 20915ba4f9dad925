using System.Runtime.CompilerServices;
using Xunit.Abstractions;

namespace Ocop.E2E.Infrastructure;

/// <summary>
/// Base of every browser test: runs the test's steps and, when they fail, leaves a screenshot and the HTML of every
/// open page (and a Playwright trace, when asked for) in the test output folder (bin/.../playwright-failures/),
/// named after the test.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture, ITestOutputHelper output)
{
    public static string FailureFolder => Path.Combine(AppContext.BaseDirectory, "playwright-failures");

    protected BrowserFixture Fixture { get; } = fixture;

    protected ITestOutputHelper Output { get; } = output;

    protected async Task InBrowserAsync(Func<BrowserSession, Task> steps, [CallerMemberName] string test = "")
    {
        var session = new BrowserSession(Fixture);
        try
        {
            await steps(session);
        }
        catch (Exception)
        {
            foreach (var line in await session.CaptureAsync(FailureFolder, test))
            {
                Output.WriteLine(line);
            }

            throw;
        }
        finally
        {
            await session.DisposeAsync();
        }
    }
}

/// <summary>The browser contexts one test opened; closed at the end of the test.</summary>
public sealed class BrowserSession(BrowserFixture fixture) : IAsyncDisposable
{
    private readonly List<IBrowserContext> contexts = [];

    /// <summary>
    /// OCOP_E2E_TRACE=1 also records a Playwright trace of each context, kept when the test fails. Off by default:
    /// recording DOM snapshots at every step slows each step (the suite took 58 s instead of 49 s on a busy machine).
    /// </summary>
    private static bool TraceOnFailure => Environment.GetEnvironmentVariable("OCOP_E2E_TRACE") == "1";

    /// <summary>A page in a fresh context, signed in as <paramref name="user"/> when given.</summary>
    public async Task<IPage> NewPageAsync(string? user = null, Action<BrowserNewContextOptions>? adjust = null)
    {
        var context = await fixture.NewContextAsync(user, adjust);
        contexts.Add(context);
        if (TraceOnFailure)
        {
            await context.Tracing.StartAsync(new TracingStartOptions { Snapshots = true, Title = user ?? "anonymous" });
        }

        return await context.NewPageAsync();
    }

    /// <summary>Leaves what a person needs to see why the test failed; says what it wrote, or why it could not.</summary>
    internal async Task<List<string>> CaptureAsync(string folder, string test)
    {
        var written = new List<string>();
        try
        {
            Directory.CreateDirectory(folder);
            for (var c = 0; c < contexts.Count; c++)
            {
                var context = contexts[c];
                for (var p = 0; p < context.Pages.Count; p++)
                {
                    var page = context.Pages[p];
                    var stem = Path.Combine(folder, $"{test}-{c + 1}-{p + 1}");
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = stem + ".png", FullPage = true, Timeout = 5_000 });
                    written.Add($"Failure screenshot: {stem}.png");
                    await File.WriteAllTextAsync(stem + ".html", $"<!-- {page.Url} -->\n" + await page.ContentAsync());
                    written.Add($"Failure page HTML: {stem}.html");
                }

                if (TraceOnFailure)
                {
                    var trace = Path.Combine(folder, $"{test}-{c + 1}-trace.zip");
                    await context.Tracing.StopAsync(new TracingStopOptions { Path = trace });
                    written.Add($"Failure trace: {trace}");
                }
            }
        }
        catch (Exception e) when (e is PlaywrightException or IOException or UnauthorizedAccessException)
        {
            // The capture must never hide the test's own failure.
            written.Add($"Failure capture incomplete: {e.Message}");
        }

        return written;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }
}
