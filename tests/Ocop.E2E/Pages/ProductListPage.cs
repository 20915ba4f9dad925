using System.Text.RegularExpressions;

namespace Ocop.E2E.Pages;

/// <summary>Sản phẩm: /Products, the list with its search and filters (all in the query string).</summary>
public sealed class ProductListPage(IPage page) : AppPage(page)
{
    public ILocator SearchBox => Page.GetByRole(AriaRole.Searchbox, new() { Name = "Tìm kiếm" });

    public ILocator FilterButton => Page.GetByRole(AriaRole.Button, new() { Name = "Lọc" });

    public ILocator Results => Page.GetByRole(AriaRole.Table);

    /// <summary>The line above the table: "N sản phẩm".</summary>
    public ILocator Count => Page.GetByText(new Regex(@"^\d[\d.]* sản phẩm$"));

    public static async Task<ProductListPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/Products");
        return new ProductListPage(page);
    }

    /// <summary>Types into the search box and submits the filter form, as a person would.</summary>
    public async Task<ProductListPage> SearchAsync(string text)
    {
        await SearchBox.FillAsync(text);
        await FilterButton.ClickAsync();
        return this;
    }

    public ILocator CommuneFilter => Page.GetByRole(AriaRole.Combobox, new() { Name = "Xã" });

    /// <summary>Chooses a commune in the place filter (by its label) and applies the filters, the search box emptied.</summary>
    public async Task<ProductListPage> FilterByCommuneAsync(string label)
    {
        await SearchBox.FillAsync("");
        await CommuneFilter.SelectOptionAsync(new SelectOptionValue { Label = label });
        await FilterButton.ClickAsync();
        return this;
    }

    public ILocator ProductLink(string name) => Results.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public async Task<ProductDetailsPage> OpenProductAsync(string name)
    {
        await ProductLink(name).ClickAsync();
        return new ProductDetailsPage(Page);
    }
}
