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
        await OpenMenuLinkAsync("Sản phẩm");
        return new ProductListPage(Page);
    }

    public async Task<SubjectListPage> GoToSubjectsAsync()
    {
        await OpenMenuLinkAsync("Chủ thể");
        return new SubjectListPage(Page);
    }

    public async Task<TaskListPage> GoToTasksAsync()
    {
        await OpenMenuLinkAsync("Nhiệm vụ");
        return new TaskListPage(Page);
    }

    public async Task<DashboardPage> GoToDashboardAsync()
    {
        await OpenMenuLinkAsync("Bảng điều khiển");
        return new DashboardPage(Page);
    }

    public async Task<PlanListPage> GoToPlansAsync()
    {
        await OpenMenuLinkAsync("Kế hoạch & chỉ tiêu");
        return new PlanListPage(Page);
    }

    /// <summary>Follows a link of the main menu, opening its group first (each group folds under its heading).</summary>
    public async Task OpenMenuLinkAsync(string text)
    {
        // A link of a closed group is hidden, and role queries skip hidden elements unless told.
        var link = Navigation.GetByRole(AriaRole.Link, new() { Name = text, Exact = true, IncludeHidden = true });
        if (!await link.IsVisibleAsync())
        {
            // A folded group: follow the link's own address, as opening the group and clicking would.
            await Page.GotoAsync(await link.GetAttributeAsync("href") ?? throw new InvalidOperationException($"The menu link '{text}' has no address."));
            return;
        }

        await link.ClickAsync();
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
