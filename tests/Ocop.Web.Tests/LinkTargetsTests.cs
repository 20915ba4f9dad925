using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>
/// Links are typed (<c>asp-page</c>, <c>RedirectToPage</c>) so that a renamed page breaks the build. The links still
/// written as addresses — public clean URLs, API paths, links built in code — must each lead to a route the app has,
/// so that a renamed page breaks this test, not a user.
/// </summary>
public partial class LinkTargetsTests(AppFixture app) : IClassFixture<AppFixture>
{
    // Static files and addresses the app answers outside its routes (the files under wwwroot).
    private static readonly string[] StaticPrefixes = ["/css/", "/js/", "/lib/", "/img/", "/images/", "/favicon", "/robots.txt", "/_framework/", "/_content/"];

    [Fact]
    public void Every_address_written_in_the_code_leads_to_a_route_of_the_app()
    {
        var routes = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => Segments(e.RoutePattern.RawText ?? ""))
            .ToList();
        var written = WrittenAddresses().ToList();
        Assert.NotEmpty(written);

        var broken = written
            .Where(w => !StaticPrefixes.Any(p => w.Address.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .Where(w => !routes.Any(route => Leads(w.Address, route)))
            .Select(w => $"{w.File}: {w.Address}")
            .Distinct()
            .ToList();
        Assert.True(broken.Count == 0, "Addresses that lead to no route:\n" + string.Join('\n', broken));
    }

    [Theory]
    [InlineData("/Products/Details/{id}", "/Products/Details/{id}", true)]
    [InlineData("/Products/Details/", "/Products/Details/{id:int}", true)]
    [InlineData("/Products/Detail/", "/Products/Details/{id:int}", false)]
    [InlineData("/san-pham", "/san-pham/{slug?}", true)]
    [InlineData("/Rounds/{x}/Score/{y}", "/Rounds/{id:int}/Score/{roundProductId:int}", true)]
    [InlineData("/Rounds", "/Rounds/Index", true)]
    [InlineData("/", "/", true)]
    public void An_address_leads_to_a_route_when_its_written_segments_match(string address, string route, bool leads) =>
        Assert.Equal(leads, Leads(address, Segments(route)));

    /// <summary>
    /// True when the route can answer the address: each written segment equals the route's literal segment or stands
    /// for a parameter ("{…}" written in code); an address that stops at a parameter ("/Products/Details/" + id) counts
    /// as reaching it. A route ending in "Index" answers its folder's address, as Razor Pages does.
    /// </summary>
    private static bool Leads(string address, List<string> route)
    {
        var written = Segments(address);
        var trailing = address.Length > 1 && address.EndsWith('/');
        if (route.Count > 0 && route[^1].Equals("Index", StringComparison.OrdinalIgnoreCase) && written.Count == route.Count - 1)
        {
            route = route[..^1];
        }

        if (written.Count > route.Count)
        {
            return false;
        }

        for (var i = 0; i < written.Count; i++)
        {
            if (!route[i].StartsWith('{') && !written[i].StartsWith('{') && !written[i].Equals(route[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        // The route's remaining segments are parameters: added by the code after a trailing "/", or optional.
        return route.Skip(written.Count).All(r => r.StartsWith('{') && (trailing || r.Contains('?', StringComparison.Ordinal)));
    }

    private static List<string> Segments(string path) =>
        [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The site-relative addresses written in the app's Razor files and C# code, cut at a query or fragment.</summary>
    private static IEnumerable<(string File, string Address)> WrittenAddresses()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "Ocop.Web");
        foreach (var file in Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(source, file);
            var pattern = file.EndsWith(".cshtml", StringComparison.Ordinal) ? RazorLink() : CodeRedirect();
            foreach (Match match in pattern.Matches(text))
            {
                yield return (name, Normalise(match.Groups["address"].Value));
            }
        }
    }

    /// <summary>"{...}" and "@(...)"/"@x" written inside an address stand for one segment each; the query and fragment go.</summary>
    private static string Normalise(string address)
    {
        var cut = address.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            address = address[..cut];
        }

        address = Interpolation().Replace(address, "{x}");
        return RazorExpression().Replace(address, "{x}");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Ocop.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (Ocop.slnx) was not found.");
    }

    // href="/…", action="/…", src="/…" in markup (not "//host").
    [GeneratedRegex("""(?:href|action|formaction)="(?<address>/(?!/)[^"\s]*)""")]
    private static partial Regex RazorLink();

    // Redirect("/…"), Redirect($"/…"), LocalRedirect(…), and page addresses handed to links in code.
    [GeneratedRegex("""(?:Redirect|LocalRedirect|RedirectPermanent)\(\$?"(?<address>/(?!/)[^"]*)""")]
    private static partial Regex CodeRedirect();

    [GeneratedRegex(@"\{[^}/]*\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"@\([^)]*\)|@[A-Za-z_][\w.]*(\([^)]*\))?")]
    private static partial Regex RazorExpression();
}
