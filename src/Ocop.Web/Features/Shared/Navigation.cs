using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Features.Rounds;

namespace Ocop.Web.Features.Shared;

/// <summary>One link of the main menu: the page, its words, its group, and which roles the page itself lets in.</summary>
public sealed record MenuLink(string Href, string Text, MenuGroup Group, Func<Role, bool> Allows);

/// <summary>The menu's groups, in the order the layout shows them.</summary>
public enum MenuGroup
{
    Plan = 1,
    Registry = 2,
    Evaluation = 3,
    Reference = 4,
    Administration = 5,
}

/// <summary>
/// The main menu, decided from the same rules the pages apply (the core's access rules, RoundAccess, the admin
/// policies), so that no link a role is offered answers 403. `NavigationTests` opens every link as every role.
/// </summary>
public static class Navigation
{
    public static readonly IReadOnlyList<MenuLink> Links =
    [
        new("/Planning/Dashboard", "Bảng điều khiển", MenuGroup.Plan, PlanningAccess.CanReadPlans),
        new("/Planning", "Kế hoạch & chỉ tiêu", MenuGroup.Plan, PlanningAccess.CanReadPlans),
        new("/Tasks", "Nhiệm vụ", MenuGroup.Plan, TaskAccess.HasTasks),
        new("/Cycle", "Chu trình OCOP", MenuGroup.Plan, _ => true),
        new("/Reports", "Báo cáo", MenuGroup.Plan, PlanningAccess.CanReadPlans),
        new("/Products", "Sản phẩm", MenuGroup.Registry, _ => true),
        new("/Subjects", "Chủ thể", MenuGroup.Registry, _ => true),
        new("/CraftVillages", "Làng nghề", MenuGroup.Registry, _ => true),
        new("/Dossiers", "Hồ sơ", MenuGroup.Evaluation, _ => true),
        // Council members see the rounds they sit on; the others who see rounds see them all.
        new("/Rounds", "Đánh giá, phân hạng", MenuGroup.Evaluation, role => RoundAccess.SeesAll(role) || role == Role.CouncilMember),
        new("/Certificates", "Giấy chứng nhận", MenuGroup.Evaluation, _ => true),
        new("/Scoresheets", "Phiếu chấm", MenuGroup.Evaluation, _ => true),
        new("/Units", "Đơn vị hành chính", MenuGroup.Reference, _ => true),
        new("/Taxonomy", "Danh mục sản phẩm", MenuGroup.Reference, _ => true),
        new("/Admin/Users", "Người dùng", MenuGroup.Administration, RegistryAccess.CanManageUsers),
        new("/Admin/Office", "Văn phòng triển khai", MenuGroup.Administration, RegistryAccess.CanManageUsers),
        new("/Audit/Search", "Nhật ký", MenuGroup.Administration, RegistryAccess.CanManageUsers),
    ];

    /// <summary>The links a role is offered, in menu order.</summary>
    public static IEnumerable<MenuLink> For(Role role) => Links.Where(l => l.Allows(role));

    /// <summary>The role named by the sign-in cookie, if any.</summary>
    public static Role? RoleOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && Enum.TryParse<Role>(user.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value, out var role) ? role : null;

    /// <summary>Whether <paramref name="path"/> is the link's page or a page under it (the current section).</summary>
    public static bool IsCurrent(MenuLink link, string path) =>
        path.Equals(link.Href, StringComparison.OrdinalIgnoreCase)
        || (path.StartsWith(link.Href + "/", StringComparison.OrdinalIgnoreCase)
            && !Links.Any(other => other.Href.Length > link.Href.Length && other.Href.StartsWith(link.Href + "/", StringComparison.OrdinalIgnoreCase)
                && path.StartsWith(other.Href, StringComparison.OrdinalIgnoreCase)));
}
