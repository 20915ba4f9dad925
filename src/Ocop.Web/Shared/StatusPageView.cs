using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Ocop.Core.Access;
using Ocop.Web.Features.Shared;

namespace Ocop.Web.Shared;

/// <summary>What a status page tells a person: what happened, why, and where to go from here.</summary>
public sealed record StatusPage(int Status, string Title, string? Detail, string? Why, string BackUrl, bool SignedIn);

/// <summary>
/// Renders a status page (403, 404, 400, …) inside the site's layout, with its menu, so that a refused person keeps their
/// bearings. Used by <see cref="StatusPages"/>; when the layout itself cannot be drawn (the database is down), the caller
/// falls back to a page without it.
/// </summary>
public static class StatusPageView
{
    public const string ViewPath = "/Features/Shared/StatusPage.cshtml";

    public static async Task<bool> TryWriteAsync(HttpContext http, int status, string title, string? detail)
    {
        try
        {
            // Input refused before authentication ran (InputGuard) still shows the user's menu.
            if (http.User.Identity?.IsAuthenticated != true)
            {
                var signIn = await http.AuthenticateAsync();
                if (signIn.Succeeded)
                {
                    http.User = signIn.Principal;
                }
            }

            var model = new StatusPage(status, title, detail, Why(http, status), BackUrl(http), http.User.Identity?.IsAuthenticated == true);
            var viewData = new ViewDataDictionary<StatusPage>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
            viewData["Title"] = title.TrimEnd('.');
            var result = new ViewResult { ViewName = ViewPath, ViewData = viewData, StatusCode = status };
            var context = new ActionContext(http, http.GetRouteData() ?? new RouteData(), new ActionDescriptor());
            await result.ExecuteResultAsync(context);
            return true;
        }
        catch (Exception e) when (!http.Response.HasStarted && e is not OperationCanceledException)
        {
            http.RequestServices.GetRequiredService<ILogger<StatusPage>>().LogWarning(e, "The status page {Status} was drawn without the layout", status);
            // Clearing drops every header; the ones that tell a client when to come back or what is allowed stay.
            var retryAfter = http.Response.Headers.RetryAfter;
            var allow = http.Response.Headers.Allow;
            http.Response.Clear();
            http.Response.StatusCode = status;
            http.Response.Headers.RetryAfter = retryAfter;
            http.Response.Headers.Allow = allow;
            return false;
        }
    }

    /// <summary>Why a signed-in person was refused: their role, and what decides.</summary>
    private static string? Why(HttpContext http, int status)
    {
        if (status != StatusCodes.Status403Forbidden)
        {
            return null;
        }

        var role = Navigation.RoleOf(http.User);
        if (role is null)
        {
            return "Trang này cần đăng nhập bằng tài khoản có quyền phù hợp.";
        }

        var path = http.Request.Path.Value ?? "";
        var section = Navigation.Links.FirstOrDefault(l => Navigation.IsCurrent(l, path));
        var roleName = Display.Name(role.Value);
        return section is not null && !section.Allows(role.Value)
            ? $"Mục «{section.Text}» không dành cho vai trò «{roleName}» của bạn."
            : $"Vai trò «{roleName}» của bạn không được làm việc này, hoặc bản ghi nằm ngoài các đơn vị, chủ thể được giao cho bạn. "
              + "Nếu bạn cần quyền này, hãy liên hệ quản trị hệ thống của văn phòng.";
    }

    /// <summary>The page the person came from on this site, else the home page (their to-do list).</summary>
    private static string BackUrl(HttpContext http)
    {
        if (Uri.TryCreate(http.Request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            && string.Equals(referer.Host, http.Request.Host.Host, StringComparison.OrdinalIgnoreCase)
            && referer.PathAndQuery != http.Request.Path + http.Request.QueryString)
        {
            return referer.PathAndQuery;
        }

        return "/";
    }
}
