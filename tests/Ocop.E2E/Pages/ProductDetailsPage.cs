namespace Ocop.E2E.Pages;

/// <summary>A product's page: /Products/Details/{id}, its facts, photos and photo upload.</summary>
public sealed class ProductDetailsPage(IPage page) : AppPage(page)
{
    public ILocator PhotoFile => Page.GetByLabel("Thêm ảnh");
    public ILocator PhotoCaption => Page.GetByLabel("Chú thích");
    public ILocator UploadButton => Page.GetByRole(AriaRole.Button, new() { Name = "Tải ảnh lên" });

    /// <summary>The values shown beside the page's terms (the &lt;dd&gt; of its fact list).</summary>
    public ILocator Facts => Page.GetByRole(AriaRole.Definition);

    /// <summary>A photo, found by its text alternative (its caption, or the product's name without one).</summary>
    public ILocator Photo(string alt) => Page.GetByRole(AriaRole.Img, new() { Name = alt, Exact = true });

    public async Task<ProductDetailsPage> UploadPhotoAsync(string fileName, string mimeType, byte[] content, string caption)
    {
        await PhotoFile.SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = content });
        await PhotoCaption.FillAsync(caption);
        await UploadButton.ClickAsync();
        return this;
    }
}
