namespace Ocop.E2E.Pages;

/// <summary>Thêm chủ thể / Sửa chủ thể: /Subjects/Edit/{id?}.</summary>
public sealed class SubjectFormPage(IPage page) : AppPage(page)
{
    public ILocator Name => Page.GetByLabel("Tên chủ thể");
    public ILocator LegalForm => Page.GetByLabel("Loại hình");
    public ILocator TaxCode => Page.GetByLabel("Mã số thuế");
    public ILocator Commune => Page.GetByLabel("Xã *", new() { Exact = true });
    public ILocator Address => Page.GetByLabel("Địa chỉ");
    public ILocator Representative => Page.GetByLabel("Người đại diện");
    public ILocator Phone => Page.GetByLabel("Điện thoại");
    public ILocator WomenLed => Page.GetByLabel("Nữ làm chủ");
    public ILocator WorkersTotal => Page.GetByLabel("Tổng số lao động");
    public ILocator SaveButton => Page.GetByRole(AriaRole.Button, new() { Name = "Lưu" });

    public static async Task<SubjectFormPage> OpenNewAsync(IPage page)
    {
        await page.GotoAsync("/Subjects/Edit");
        return new SubjectFormPage(page);
    }

    public Task ChooseLegalFormAsync(string text) => ChooseAsync(LegalForm, text);

    public Task ChooseCommuneAsync(string text) => ChooseAsync(Commune, text);

    public async Task<SubjectDetailsPage> SaveAsync()
    {
        await SaveButton.ClickAsync();
        return new SubjectDetailsPage(Page);
    }

    /// <summary>Saves when the form is expected to be refused: the same form comes back with its messages.</summary>
    public async Task<SubjectFormPage> SaveExpectingErrorsAsync()
    {
        await SaveButton.ClickAsync();
        return this;
    }
}
