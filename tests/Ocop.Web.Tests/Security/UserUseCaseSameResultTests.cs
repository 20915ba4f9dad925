using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Account;
using Ocop.Web.Features.Admin.Users;
using Ocop.Web.Shared;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Security;

/// <summary>
/// The account use cases (a user saved, a user's sessions ended, one's own password changed) from their pages and called
/// directly, as the API or an importer calls them (their own service scope, the user's scope, the audit under that
/// user): the same accounts, audited alike, and the same refusals with the same messages on the same fields.
/// </summary>
public class UserUseCaseSameResultTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Password = "Moi@2025ocop";

    private async Task<WriteResult<T>> DirectAsync<TCase, T>(string userName, Func<TCase, UserScope, Task<WriteResult<T>>> run)
        where TCase : notnull
    {
        using var scope = app.Factory.Services.CreateScope();
        var userId = await app.UserIdAsync(userName);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(userId, userName);
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "direct")) };
        var user = await scope.ServiceProvider.GetRequiredService<UserScopeLoader>().GetAsync();
        accessor.HttpContext = null;
        return await run(scope.ServiceProvider.GetRequiredService<TCase>(), user);
    }

    private static void Done<T>(WriteResult<T> result) =>
        Assert.True(result.IsDone, $"{result.Outcome}: " + string.Join(" ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")) + result.Message);

    private static SaveUser.Command Command(HtmlForm form) => new()
    {
        UserName = form["Input.UserName"] ?? "",
        FullName = form["Input.FullName"] ?? "",
        Organisation = form["Input.Organisation"],
        Role = Enum.Parse<Role>(form["Input.Role"]!),
        UnitIds = form["Input.UnitIds"] is { Length: > 0 } unit ? [int.Parse(unit, CultureInfo.InvariantCulture)] : [],
        Password = form["Input.Password"],
        EditToken = form["Input.EditToken"],
    };

    private async Task<HtmlForm> NewUserFormAsync(HttpClient admin, string userName, string password) =>
        (await admin.GetFormAsync("/Admin/Users/Edit"))
            .Set("Input.UserName", userName).Set("Input.FullName", "Trần Văn Mới").Set("Input.Organisation", "UBND xã Hòa Minh")
            .Set("Input.Role", nameof(Role.CommuneOfficer))
            .SetAll("Input.UnitIds", (await app.CommuneIdAsync(Demo.HoaMinh)).ToString(CultureInfo.InvariantCulture))
            .Set("Input.Password", password);

    private static string NewName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task SaveUser_from_the_form_and_called_directly_creates_alike_and_refuses_alike()
    {
        var admin = await app.As(Demo.Admin);
        var (byPage, byCall) = (NewName("trang."), NewName("goi."));
        using (var created = await admin.PostFormAsync(await NewUserFormAsync(admin, byPage, Password)))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var direct = await DirectAsync<SaveUser, SaveUser.Saved>(Demo.Admin,
            async (save, user) => await save.RunAsync(user, Command(await NewUserFormAsync(admin, byCall, Password))));
        Done(direct);
        Assert.True(direct.Value!.Created);
        var (fromPage, fromCall) = await app.QueryAsync(async db => (
            await db.Users.AsNoTracking().Include(u => u.Units).SingleAsync(u => u.UserName == byPage),
            await db.Users.AsNoTracking().Include(u => u.Units).SingleAsync(u => u.Id == direct.Value.Id)));
        Assert.Equal((fromPage.FullName, fromPage.Organisation, fromPage.Role, fromPage.Units.Single().UnitId),
            (fromCall.FullName, fromCall.Organisation, fromCall.Role, fromCall.Units.Single().UnitId));
        Assert.Equal(
            (await app.AuditAsync(nameof(AppUser), fromPage.Id)).Select(a => (a.Action, a.UserName)),
            (await app.AuditAsync(nameof(AppUser), fromCall.Id)).Select(a => (a.Action, a.UserName)));
        Assert.Equal((AuditAction.Created, Demo.Admin), (await app.AuditAsync(nameof(AppUser), fromCall.Id)).Select(a => (a.Action, a.UserName)).First());
        using (var signIn = await app.NewClient().PostSignInAsync(byCall, Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        // A weak password: Identity's messages on the password field, and no account.
        var users = await app.QueryAsync(db => db.Users.CountAsync());
        var weak = await NewUserFormAsync(admin, NewName("yeu."), "abc");
        using var weakPage = await admin.PostFormAsync(weak);
        Assert.Equal(HttpStatusCode.OK, weakPage.StatusCode);
        var pageErrors = Html.FieldErrors(await weakPage.Content.ReadAsStringAsync());
        var weakCall = await DirectAsync<SaveUser, SaveUser.Saved>(Demo.Admin, (save, user) => save.RunAsync(user, Command(weak)));
        Assert.Equal(WriteOutcome.Invalid, weakCall.Outcome);
        Assert.Equal(pageErrors["Input.Password"], weakCall.Errors[nameof(SaveUser.Command.Password)][0]);
        Assert.Equal(users, await app.QueryAsync(db => db.Users.CountAsync()));

        // An edit made from a form someone else has saved over since: stale on both paths, nothing changed.
        var stale = (await admin.GetFormAsync($"/Admin/Users/Edit/{fromPage.Id}")).Set("Input.FullName", "Người sửa sau");
        var edited = (await admin.GetFormAsync($"/Admin/Users/Edit/{fromPage.Id}")).Set("Input.FullName", "Người sửa trước");
        using (var first = await admin.PostFormAsync(edited))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var stalePage = await admin.PostFormAsync(stale);
        Assert.Equal(HttpStatusCode.OK, stalePage.StatusCode);
        Assert.Contains(SaveUser.StaleMessage, System.Net.WebUtility.HtmlDecode(await stalePage.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var staleCommand = Command(stale);
        staleCommand.Id = fromPage.Id;
        var staleCall = await DirectAsync<SaveUser, SaveUser.Saved>(Demo.Admin, (save, user) => save.RunAsync(user, staleCommand));
        Assert.Equal((WriteOutcome.Stale, SaveUser.StaleMessage), (staleCall.Outcome, staleCall.Message));
        Assert.Equal("Người sửa trước", await app.QueryAsync(db => db.Users.Where(u => u.Id == fromPage.Id).Select(u => u.FullName).SingleAsync()));

        // Only an administrator manages users: the page forbids, the use case refuses.
        var office = await app.As(Demo.ProgramOffice);
        using var forbidden = await office.PostWithTokenAsync("/Admin/Users/Edit", ("Input.UserName", NewName("cam.")));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var refused = await DirectAsync<SaveUser, SaveUser.Saved>(Demo.ProgramOffice,
            async (save, user) => await save.RunAsync(user, Command(await NewUserFormAsync(admin, NewName("cam."), Password))));
        Assert.Equal(WriteOutcome.Refused, refused.Outcome);
        Assert.Equal(users, await app.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task EndUserSessions_from_the_page_and_called_directly_ends_alike_and_refuses_alike()
    {
        var admin = await app.As(Demo.Admin);
        var (byPage, byCall) = (NewName("phien."), NewName("phien."));
        foreach (var name in new[] { byPage, byCall })
        {
            using var created = await admin.PostFormAsync(await NewUserFormAsync(admin, name, Password));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var (pageSession, callSession) = (await app.SignInAsync(byPage, Password), await app.SignInAsync(byCall, Password));
        var (pageId, callId) = (await app.UserIdAsync(byPage), await app.UserIdAsync(byCall));
        using (var ended = await admin.PostFormAsync(await admin.GetFormAsync($"/Admin/Users/Edit/{pageId}", handler: "EndAllSessions")))
        {
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        }

        var direct = await DirectAsync<EndUserSessions, EndUserSessions.Ended>(Demo.Admin,
            (end, user) => end.RunAsync(user, new EndUserSessions.Command { UserId = callId }));
        Done(direct);
        Assert.Equal(1, direct.Value!.Count);
        foreach (var session in new[] { pageSession, callSession })
        {
            using var after = await session.GetAsync("/Products");
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        }

        var (pageEnd, callEnd) = (
            Assert.Single(await app.AuditAsync(nameof(AppUser), pageId), a => a.Action == AuditAction.SessionEnded),
            Assert.Single(await app.AuditAsync(nameof(AppUser), callId), a => a.Action == AuditAction.SessionEnded));
        Assert.Equal((Demo.Admin, pageEnd.Change("Sessions").New), (callEnd.UserName, callEnd.Change("Sessions").New));
        Assert.Equal(Demo.Admin, pageEnd.UserName);

        // Another office may not end anyone's sessions.
        var refused = await DirectAsync<EndUserSessions, EndUserSessions.Ended>(Demo.ProgramOffice,
            (end, user) => end.RunAsync(user, new EndUserSessions.Command { UserId = callId }));
        Assert.Equal(WriteOutcome.Refused, refused.Outcome);
        var office = await app.As(Demo.ProgramOffice);
        using var forbidden = await office.PostWithTokenAsync($"/Admin/Users/Edit/{callId}?handler=EndAllSessions");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_from_the_page_and_called_directly_changes_alike_and_refuses_alike()
    {
        var admin = await app.As(Demo.Admin);
        var (byPage, byCall) = (NewName("doimk."), NewName("doimk."));
        foreach (var name in new[] { byPage, byCall })
        {
            using var created = await admin.PostFormAsync(await NewUserFormAsync(admin, name, Password));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        const string NewPassword = "Doi@2026ocop";
        var page = await app.SignInAsync(byPage, Password);
        var wrong = (await page.GetFormAsync("/Account/Password")).Set("Input.Current", "Sai@2026ocop").Set("Input.New", NewPassword).Set("Input.Confirm", NewPassword);
        using var wrongPage = await page.PostFormAsync(wrong);
        var pageErrors = Html.FieldErrors(await wrongPage.Content.ReadAsStringAsync());
        var wrongCall = await DirectAsync<ChangePassword, ChangePassword.Changed>(byCall,
            (change, user) => change.RunAsync(user, new ChangePassword.Command { Current = "Sai@2026ocop", New = NewPassword, Confirm = NewPassword }));
        Assert.Equal(WriteOutcome.Invalid, wrongCall.Outcome);
        Assert.Equal(pageErrors["Input.Current"], wrongCall.Errors[nameof(ChangePassword.Command.Current)][0]);

        using (var changed = await page.PostFormAsync(wrong.Set("Input.Current", Password)))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        Done(await DirectAsync<ChangePassword, ChangePassword.Changed>(byCall,
            (change, user) => change.RunAsync(user, new ChangePassword.Command { Current = Password, New = NewPassword, Confirm = NewPassword })));
        foreach (var name in new[] { byPage, byCall })
        {
            using var signIn = await app.NewClient().PostSignInAsync(name, NewPassword);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var userId = await app.UserIdAsync(name);
            var audit = Assert.Single(await app.AuditAsync(nameof(AppUser), userId), a => a.Action == AuditAction.PasswordChanged);
            Assert.Equal(name, audit.UserName);
        }
    }
}
