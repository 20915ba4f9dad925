namespace Ocop.E2E.Pages;

/// <summary>The plan's tasks: /Tasks, with its filters.</summary>
public sealed class TaskListPage(IPage page) : AppPage(page)
{
    // The column chooser has a checkbox of the same words: the filter is the list box.
    public ILocator Owner => Page.GetByRole(AriaRole.Combobox, new() { Name = "Đơn vị thực hiện" });
    public ILocator FilterButton => Page.GetByRole(AriaRole.Button, new() { Name = "Lọc" });

    public async Task<TaskListPage> ShowOwnerAsync(string owner)
    {
        await ChooseAsync(Owner, owner);
        await FilterButton.ClickAsync();
        return this;
    }

    public async Task<TaskDetailsPage> OpenTaskAsync(string title)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        return new TaskDetailsPage(Page);
    }
}
