using System.Net;
using Microsoft.AspNetCore.Identity;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>Sign-in, lockout, sign-out and antiforgery: the doors of the application.</summary>
public class SignInTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Products")]
    [InlineData("/Products/Details/1")]
    [InlineData("/Subjects/Edit")]
    [InlineData("/CraftVillages")]
    [InlineData("/Units")]
    [InlineData("/Taxonomy")]
    [InlineData("/Admin/Users")]
    [InlineData("/History/Product/1")]
    [InlineData("/Products/Photo/1")]
    public async Task Anonymous_visitors_are_sent_to_the_sign_in_page_and_back_afterwards(string url)
    {
        var client = app.NewClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Location().Replace("http://localhost", "", StringComparison.Ordinal);
        Assert.Equal("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(url), location);

        // Signing in from there lands on the page first asked for.
        using var signedIn = await client.PostSignInAsync(Demo.Admin, DemoData.Password, returnUrl: url);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(url, signedIn.Location());
    }

    [Fact]
    public async Task Sign_in_never_redirects_to_another_site()
    {
        using var response = await app.NewClient().PostSignInAsync(Demo.Leader, DemoData.Password, returnUrl: "https://lua-dao.example/dang-nhap");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Location());
    }

    [Theory]
    [InlineData(Demo.Leader, "sai-mat-khau")]
    [InlineData("khong-co-ai", "Ocop@2025")]
    [InlineData(Demo.Leader, "ocop@2025")]
    public async Task A_wrong_user_name_or_password_is_refused_with_one_message_that_tells_neither(string userName, string password)
    {
        var client = app.NewClient();
        using var response = await client.PostSignInAsync(userName, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Ocop.Web.Features.Account.LoginModel.Failure, Html.SummaryErrors(await response.Content.ReadAsStringAsync()));
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task An_empty_sign_in_form_says_what_is_missing_in_vietnamese()
    {
        using var response = await app.NewClient().PostSignInAsync("", "");
        var errors = Html.FieldErrors(await response.Content.ReadAsStringAsync());
        Assert.Equal("Nhập tên đăng nhập.", errors["Input.UserName"]);
        Assert.Equal("Nhập mật khẩu.", errors["Input.Password"]);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_against_the_right_password()
    {
        var userName = await CreateUserAsync("khoa." + Guid.NewGuid().ToString("N")[..6], Role.Leader);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await app.NewClient().PostSignInAsync(userName, "Sai@matkhau" + attempt);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var client = app.NewClient();
        using var response = await client.PostSignInAsync(userName, Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The same words as any other failure (issue 13): the answer does not tell that the account exists.
        Assert.Contains(Ocop.Web.Features.Account.LoginModel.Failure, Html.SummaryErrors(await response.Content.ReadAsStringAsync()));
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        var lockoutEnd = await app.QueryAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == userName).LockoutEnd));
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.5));
    }

    [Fact]
    public async Task Four_failed_sign_ins_do_not_lock_the_account()
    {
        var userName = await CreateUserAsync("gan.khoa." + Guid.NewGuid().ToString("N")[..6], Role.Leader);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await app.NewClient().PostSignInAsync(userName, "Sai@matkhau" + attempt);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var response = await app.NewClient().PostSignInAsync(userName, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task An_archived_user_cannot_sign_in()
    {
        var userName = await CreateUserAsync("nghi." + Guid.NewGuid().ToString("N")[..6], Role.Department);
        await app.WithUsersAsync(async users =>
        {
            var user = (await users.FindByNameAsync(userName))!;
            user.IsArchived = true;
            return await users.UpdateAsync(user);
        });

        using var response = await app.NewClient().PostSignInAsync(userName, Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Ocop.Web.Features.Account.LoginModel.Failure, Html.SummaryErrors(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await app.SignInAsync(Demo.Council, DemoData.Password);
        using (var home = await client.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }

        using (var signOut = await client.PostWithTokenAsync("/Account/Logout"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
            Assert.Equal("/Account/Login", signOut.Location());
        }

        using var after = await client.GetAsync("/Products");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_saves_nothing()
    {
        var client = await app.As(Demo.Admin);
        var form = await client.GetFormAsync("/Subjects/Edit");
        form.Set("Input.Name", "Chủ thể không có mã chống giả mạo")
            .Set("Input.LegalForm", "Cooperative")
            .Set("Input.Address", "Ấp 1")
            .Set("Input.Representative", "Người gửi")
            .Set("Input.CommuneId", (await app.CommuneIdAsync(Demo.DaLoc)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var before = await app.CountsAsync();

        using (var withoutToken = await client.PostFormAsync(form.Without(HtmlForm.TokenField)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        }

        using (var forgedToken = await client.PostFormAsync(form.Set(HtmlForm.TokenField, "CfDJ8-gia-mao")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forgedToken.StatusCode);
        }

        // A token issued to another user's session is no good either.
        var other = await app.As(Demo.ProgramOffice);
        using (var stolenToken = await client.PostFormAsync(form.Set(HtmlForm.TokenField, await other.TokenAsync())))
        {
            Assert.Equal(HttpStatusCode.BadRequest, stolenToken.StatusCode);
        }

        Assert.Equal(before, await app.CountsAsync());
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Logout")]
    [InlineData("/Products/Details/1?handler=Archive")]
    [InlineData("/Taxonomy/Edit/1")]
    [InlineData("/Admin/Users/Edit")]
    public async Task Every_form_post_without_a_token_is_refused(string url)
    {
        // A client of its own: were the sign-out accepted, no other test would lose its session.
        var client = url == "/Account/Login" ? app.NewClient() : await app.SignInAsync(Demo.Admin, DemoData.Password);
        var before = await app.CountsAsync();
        using var content = new FormUrlEncodedContent([new("Input.UserName", Demo.Admin), new("Input.Password", DemoData.Password), new("version", "0")]);
        using var response = await client.PostAsync(url, content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await app.CountsAsync());
    }

    private const string Password = "Khoa@thu2025";

    private async Task<string> CreateUserAsync(string userName, Role role)
    {
        var result = await app.WithUsersAsync(users => users.CreateAsync(new AppUser { UserName = userName, FullName = "Người thử khóa", Role = role }, Password));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return userName;
    }
}
