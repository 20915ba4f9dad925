namespace Ocop.E2E.Pages;

/// <summary>Trang chủ: the registry's overview after sign-in.</summary>
public sealed class HomePage(IPage page) : AppPage(page)
{
    /// <summary>"Xin chào {full name} — {role}."</summary>
    public ILocator Greeting => Page.GetByText("Xin chào");
}
