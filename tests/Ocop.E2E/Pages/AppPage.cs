namespace Ocop.E2E.Pages;

/// <summary>What every page of the application shares: the layout's heading, navigation and flash message.</summary>
public abstract class AppPage(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>The page's one level-1 heading.</summary>
    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The message shown after a successful save (role status).</summary>
    public ILocator Flash => Page.GetByRole(AriaRole.Status);

    public ILocator Navigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "Chính" });

    public ILocator SignOutButton => Page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" });

    public async Task<ProductListPage> GoToProductsAsync()
    {
        await Navigation.GetByRole(AriaRole.Link, new() { Name = "Sản phẩm", Exact = true }).ClickAsync();
        return new ProductListPage(Page);
    }

    public async Task<SubjectListPage> GoToSubjectsAsync()
    {
        await Navigation.GetByRole(AriaRole.Link, new() { Name = "Chủ thể", Exact = true }).ClickAsync();
        return new SubjectListPage(Page);
    }

    public async Task<TaskListPage> GoToTasksAsync()
    {
        await Navigation.GetByRole(AriaRole.Link, new() { Name = "Nhiệm vụ", Exact = true }).ClickAsync();
        return new TaskListPage(Page);
    }

    public async Task<DashboardPage> GoToDashboardAsync()
    {
        await Navigation.GetByRole(AriaRole.Link, new() { Name = "Bảng điều khiển", Exact = true }).ClickAsync();
        return new DashboardPage(Page);
    }

    public async Task<PlanListPage> GoToPlansAsync()
    {
        await Navigation.GetByRole(AriaRole.Link, new() { Name = "Kế hoạch & chỉ tiêu", Exact = true }).ClickAsync();
        return new PlanListPage(Page);
    }

    /// <summary>Chooses the first option whose text contains <paramref name="text"/> (option texts carry indentation and dates).</summary>
    protected static async Task ChooseAsync(ILocator select, string text)
    {
        var option = select.GetByRole(AriaRole.Option, new() { Name = text }).First;
        var value = await option.GetAttributeAsync("value")
            ?? throw new InvalidOperationException($"The option '{text}' has no value.");
        await select.SelectOptionAsync(value);
    }
}
