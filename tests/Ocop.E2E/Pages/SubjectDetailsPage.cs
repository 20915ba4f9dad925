namespace Ocop.E2E.Pages;

/// <summary>A subject's page: /Subjects/Details/{id}, its facts and its products.</summary>
public sealed class SubjectDetailsPage(IPage page) : AppPage(page)
{
    public ILocator AddProductLink => Page.GetByRole(AriaRole.Link, new() { Name = "Thêm sản phẩm" });

    /// <summary>The values shown beside the page's terms (the &lt;dd&gt; of its fact list).</summary>
    public ILocator Facts => Page.GetByRole(AriaRole.Definition);

    public async Task<ProductFormPage> AddProductAsync()
    {
        await AddProductLink.ClickAsync();
        return new ProductFormPage(Page);
    }
}
