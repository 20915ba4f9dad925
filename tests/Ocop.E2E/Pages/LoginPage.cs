namespace Ocop.E2E.Pages;

/// <summary>Đăng nhập: /Account/Login.</summary>
public sealed class LoginPage(IPage page) : AppPage(page)
{
    public ILocator UserName => Page.GetByLabel("Tên đăng nhập");
    public ILocator Password => Page.GetByLabel("Mật khẩu");
    public ILocator SignInButton => Page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" });

    public static async Task<LoginPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/Account/Login");
        return new LoginPage(page);
    }

    public async Task<HomePage> SignInAsync(string userName, string password)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        await SignInButton.ClickAsync();
        return new HomePage(Page);
    }
}
