namespace Ocop.E2E.Pages;

/// <summary>Kế hoạch &amp; chỉ tiêu: every plan, those in force first, each number a link to the plan.</summary>
public sealed class PlanListPage(IPage page) : AppPage(page)
{
    public async Task<PlanDetailsPage> OpenAsync(string number)
    {
        await Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        return new PlanDetailsPage(Page);
    }
}

/// <summary>One plan with its targets.</summary>
public sealed class PlanDetailsPage(IPage page) : AppPage(page)
{
    /// <summary>The plan's dashboard, for the plan's own unit.</summary>
    public async Task<DashboardPage> OpenDashboardAsync()
    {
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Bảng điều khiển", Exact = true }).ClickAsync();
        return new DashboardPage(Page);
    }
}
