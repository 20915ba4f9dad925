namespace Ocop.E2E.Pages;

/// <summary>Thêm sản phẩm / Sửa sản phẩm: /Products/Edit/{id?}.</summary>
public sealed class ProductFormPage(IPage page) : AppPage(page)
{
    public ILocator Name => Page.GetByLabel("Tên sản phẩm");
    public ILocator Subject => Page.GetByLabel("Chủ thể");
    public ILocator Commune => Page.GetByLabel("Xã sản xuất");
    public ILocator Category => Page.GetByLabel("Nhóm sản phẩm");
    public ILocator Status => Page.GetByLabel("Trạng thái");
    public ILocator Gtin => Page.GetByLabel("Mã vạch GTIN");
    public ILocator Description => Page.GetByLabel("Mô tả");
    public ILocator Story => Page.GetByLabel("Câu chuyện sản phẩm");
    public ILocator SaveButton => Page.GetByRole(AriaRole.Button, new() { Name = "Lưu" });

    public static async Task<ProductFormPage> OpenNewAsync(IPage page)
    {
        await page.GotoAsync("/Products/Edit");
        return new ProductFormPage(page);
    }

    /// <summary>Chooses a group of the 148 taxonomy by its code, e.g. "I.3.b".</summary>
    public Task ChooseCategoryAsync(string code) => ChooseAsync(Category, code + " ");

    public Task ChooseStandardAsync(string name) => Page.GetByRole(AriaRole.Group, new() { Name = "Tiêu chuẩn, chứng nhận" })
        .GetByLabel(name).CheckAsync();

    public async Task<ProductDetailsPage> SaveAsync()
    {
        await SaveButton.ClickAsync();
        return new ProductDetailsPage(Page);
    }

    /// <summary>Saves when the form is expected to be refused: the same form comes back with its messages.</summary>
    public async Task<ProductFormPage> SaveExpectingErrorsAsync()
    {
        await SaveButton.ClickAsync();
        return this;
    }
}
