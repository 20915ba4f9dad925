using Ocop.E2E.Infrastructure;
using Ocop.Web.Data;
using Xunit.Abstractions;

namespace Ocop.E2E;

/// <summary>
/// Issue 17, as each role would try it on a phone (390 × 844): every item of the home page's to-do list opens a page
/// the role can use; every link of the menu opens (never a 403), fits the screen without scrolling sideways and has no
/// serious or critical accessibility violation found by axe-core (served by the app from wwwroot/lib/axe-core, loaded
/// here only). JavaScript is on in these contexts only because axe-core is a script; the pages themselves need none.
/// </summary>
public sealed class DailyWorkTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    public static TheoryData<string> Users() =>
        ["admin", "vanphong", "phongban", "canbo.chauthanh", "canbo.hoaminh", "hoidong", "chuthe", "lanhdao", DemoSupportData.FinanceUser];

    private static void Phone(BrowserNewContextOptions options)
    {
        options.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
        options.IsMobile = true;
        options.HasTouch = true;
        options.JavaScriptEnabled = true;
    }

    [Theory]
    [MemberData(nameof(Users))]
    public Task Each_to_do_item_opens_a_page_the_role_can_use(string user) =>
        InBrowserAsync(async browser =>
        {
            var page = await browser.NewPageAsync(user, Phone);
            await page.GotoAsync("/");
            var links = await page.EvalOnSelectorAllAsync<string[]>("main section a[href]", "links => [...new Set(links.map(a => a.getAttribute('href')))]");
            Output.WriteLine($"{user}: {links.Length} links in the to-do list");
            Assert.NotEmpty(links);
            var refused = new List<string>();
            foreach (var link in links)
            {
                var response = await page.GotoAsync(link);
                if (response?.Status != 200)
                {
                    refused.Add($"{link} answered {response?.Status}");
                }
            }

            Assert.True(refused.Count == 0, $"{user}: " + string.Join("; ", refused));
        });

    [Theory]
    [MemberData(nameof(Users))]
    public Task Every_menu_page_opens_fits_a_phone_and_passes_axe(string user) =>
        InBrowserAsync(async browser =>
        {
            var page = await browser.NewPageAsync(user, Phone);
            await page.GotoAsync("/");
            // Read from the markup: on a phone the menu is folded away, and role queries skip what is hidden.
            var links = await page.EvalOnSelectorAllAsync<string[]>("nav[aria-label='Chính'] a[href]", "links => links.map(a => a.getAttribute('href'))");
            Assert.NotEmpty(links);
            var problems = new List<string>();
            foreach (var link in links.Prepend("/"))
            {
                var response = await page.GotoAsync(link);
                if (response?.Status != 200)
                {
                    problems.Add($"{link}: answered {response?.Status}");
                    continue;
                }

                var overflow = await page.EvaluateAsync<string>(WidestScript);
                if (overflow.Length > 0)
                {
                    problems.Add($"{link}: scrolls sideways at 390 px ({overflow})");
                }

                await page.AddScriptTagAsync(new() { Url = "/lib/axe-core/axe.min.js" });
                foreach (var violation in await page.EvaluateAsync<string[]>(AxeScript))
                {
                    problems.Add($"{link}: {violation}");
                }
            }

            foreach (var problem in problems)
            {
                Output.WriteLine(problem);
            }

            Assert.True(problems.Count == 0, $"{user}: {problems.Count} problems:\n" + string.Join("\n", problems));
        });

    /// <summary>Empty when the page is no wider than the screen; otherwise the page's width and the elements reaching past the edge.</summary>
    private const string WidestScript = """
        () => {
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width) return '';
          const wide = [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width + 1 && getComputedStyle(e).position !== 'fixed')
            .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > width + 1))
            .slice(0, 4)
            .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
          return document.documentElement.scrollWidth + 'px wide: ' + wide.join(', ');
        }
        """;

    /// <summary>axe-core's violations of impact serious or critical, each with its rule, help and first elements.</summary>
    private const string AxeScript = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
        }
        """;
}
