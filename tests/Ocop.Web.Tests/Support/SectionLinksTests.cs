using System.Reflection;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Web.Features.Promotion;
using Ocop.Web.Features.Protection;
using Ocop.Web.Features.Support;
using Ocop.Web.Features.Training;
using Ocop.Web.Features.ValueChains;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Support;

/// <summary>
/// The registers of section III link by page name (a list's edit form, the area's other lists, the way back from a
/// record's history): each name is a page of the app, and the history's way back is the address that page answers.
/// </summary>
public class SectionLinksTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly Type[] Registers = [typeof(PromotionRegisters), typeof(ProtectionRegisters), typeof(TrainingRegister), typeof(ValueChainRegisters)];

    /// <summary>Every page name the registers hold: their lists and forms, and the lists linked above a list.</summary>
    private static IEnumerable<string> NamedPages()
    {
        foreach (var field in Registers.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)))
        {
            var value = field.GetValue(null)!;
            if (field.FieldType.IsGenericType && field.FieldType.GetGenericTypeDefinition() == typeof(RegisterDefinition<>))
            {
                yield return (string)field.FieldType.GetProperty(nameof(RegisterDefinition<IRegisterRow>.ListPage))!.GetValue(value)!;
                yield return (string)field.FieldType.GetProperty(nameof(RegisterDefinition<IRegisterRow>.EditPage))!.GetValue(value)!;
            }
            else if (value is IReadOnlyList<(string Label, string Page)> pages)
            {
                foreach (var (_, page) in pages)
                {
                    yield return page;
                }
            }
        }
    }

    [Fact]
    public void Every_page_a_register_links_to_is_a_page_of_the_app()
    {
        var pages = app.Factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>().Select(d => d.ViewEnginePath).ToHashSet(StringComparer.Ordinal);
        var named = NamedPages().Concat(SectionHistory.TypeNames.Keys.Select(SectionHistory.BackPage)).Distinct().ToList();
        Assert.True(named.Count >= 20, $"Only {named.Count} page names found.");
        var missing = named.Where(p => !pages.Contains(p)).ToList();
        Assert.True(missing.Count == 0, "Pages that are not there: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_way_back_from_a_history_is_the_address_its_list_answers()
    {
        var routes = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var type in SectionHistory.TypeNames.Keys)
        {
            var back = SectionLinks.PathOf(SectionHistory.BackPage(type));
            Assert.True(routes.Contains(back), $"{type}: {back} is no route.");
        }
    }
}
