namespace Ocop.E2E.Pages;

/// <summary>Bảng điều khiển: the plan's targets with their figures, each figure a link to its records.</summary>
public sealed class DashboardPage(IPage page) : AppPage(page)
{
    public ILocator Targets => Page.GetByRole(AriaRole.Table, new() { Name = "Chỉ tiêu" });

    /// <summary>The row of one target, found by its code in the row header.</summary>
    public ILocator TargetRow(string code) => Targets.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = code, Exact = true }) });

    public ILocator ProgressBar(string code) => TargetRow(code).GetByRole(AriaRole.Progressbar);

    public async Task<string> FigureAsync(string code) => (await TargetRow(code).GetByRole(AriaRole.Cell).Nth(1).GetByRole(AriaRole.Link).First.InnerTextAsync()).Trim();

    public async Task<RecordsPage> OpenFigureAsync(string code)
    {
        await TargetRow(code).GetByRole(AriaRole.Cell).Nth(1).GetByRole(AriaRole.Link).First.ClickAsync();
        return new RecordsPage(Page);
    }
}

/// <summary>The records behind one dashboard figure.</summary>
public sealed class RecordsPage(IPage page) : AppPage(page)
{
    public ILocator Count => Page.GetByText(new System.Text.RegularExpressions.Regex(@"^\d+ hồ sơ"));

    public ILocator Records => Page.GetByRole(AriaRole.Table);

    public ILocator Record(string name) => Records.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}
