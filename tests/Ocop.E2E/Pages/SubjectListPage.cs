namespace Ocop.E2E.Pages;

/// <summary>Chủ thể OCOP: /Subjects, the list with its search and filters.</summary>
public sealed class SubjectListPage(IPage page) : AppPage(page)
{
    public ILocator SearchBox => Page.GetByRole(AriaRole.Searchbox, new() { Name = "Tìm kiếm" });

    public ILocator AddSubjectLink => Page.GetByRole(AriaRole.Link, new() { Name = "Thêm chủ thể" });

    public static async Task<SubjectListPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/Subjects");
        return new SubjectListPage(page);
    }

    public async Task<SubjectFormPage> AddSubjectAsync()
    {
        await AddSubjectLink.ClickAsync();
        return new SubjectFormPage(Page);
    }
}
