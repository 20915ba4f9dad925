using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Core.Support;
using Ocop.Web.Features.EvaluationCalendar;
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
    Support = 4,
    Reference = 5,
    Administration = 6,
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
        new("/Recognitions", "Quyết định công nhận", MenuGroup.Evaluation, _ => true),
        new("/Scoresheets", "Phiếu chấm", MenuGroup.Evaluation, _ => true),
        new("/EvaluationCalendar", "Lịch đánh giá", MenuGroup.Evaluation, HolidaysPageModel.MayRead),
        new("/EvaluationCalendar/Holidays", "Ngày nghỉ lễ", MenuGroup.Evaluation, HolidaysPageModel.MayRead),
        // Section III of the plan: each register by SupportAccess, the rule its list page applies.
        new("/Support", "Tổng quan hỗ trợ", MenuGroup.Support, _ => true),
        new("/Support/Policies", "Chính sách hỗ trợ", MenuGroup.Support, SupportAccess.CanReadPolicies),
        new("/Support/Budgets", "Dự toán kinh phí", MenuGroup.Support, SupportAccess.CanReadBudgets),
        new("/Planning/Support", "Hồ sơ hỗ trợ", MenuGroup.Support, PlanningAccess.CanReadPlans),
        new("/Training", "Đào tạo, truyền thông", MenuGroup.Support, role => SupportAccess.CanList(SectionRegister.Training, role)),
        new("/Promotion/Fairs", "Hội chợ, triển lãm", MenuGroup.Support, role => SupportAccess.CanList(SectionRegister.TradeFairs, role)),
        new("/Promotion/SalesPoints", "Điểm bán OCOP", MenuGroup.Support, role => SupportAccess.CanList(SectionRegister.SalesPoints, role)),
        new("/Promotion/Listings", "Thương mại điện tử", MenuGroup.Support, role => SupportAccess.CanList(SectionRegister.Listings, role)),
        new("/Promotion/TourismPoints", "Du lịch cộng đồng", MenuGroup.Support, role => SupportAccess.CanList(SectionRegister.Tourism, role)),
        new("/Promotion/Routes", "Tuyến du lịch", MenuGroup.Support, role => SupportAccess.CanList(SectionRegister.Tourism, role)),
        new("/Protection/Titles", "Nhãn hiệu, chỉ dẫn địa lý", MenuGroup.Support, role => SupportAccess.CanList(SectionRegister.Protection, role)),
        new("/Protection/Traceability", "Truy xuất nguồn gốc", MenuGroup.Support, role => SupportAccess.CanList(SectionRegister.Protection, role)),
        new("/ValueChains/Areas", "Vùng nguyên liệu", MenuGroup.Support, role => SupportAccess.CanList(SectionRegister.RawMaterialAreas, role)),
        new("/ValueChains/Rewards", "Khen thưởng", MenuGroup.Support, role => SupportAccess.CanList(SectionRegister.Rewards, role)),
        new("/Units", "Đơn vị hành chính", MenuGroup.Reference, _ => true),
        new("/Taxonomy", "Danh mục sản phẩm", MenuGroup.Reference, _ => true),
        new("/Admin/Users", "Người dùng", MenuGroup.Administration, RegistryAccess.CanManageUsers),
        new("/Admin/Office", "Văn phòng triển khai", MenuGroup.Administration, RegistryAccess.CanManageUsers),
        new("/Audit/Search", "Nhật ký", MenuGroup.Administration, RegistryAccess.CanManageUsers),
    ];

    /// <summary>The words of each group's heading in the menu.</summary>
    public static string Name(MenuGroup group) => group switch
    {
        MenuGroup.Plan => "Kế hoạch",
        MenuGroup.Registry => "Sổ đăng ký",
        MenuGroup.Evaluation => "Đánh giá",
        MenuGroup.Support => "Hỗ trợ, xúc tiến",
        MenuGroup.Reference => "Danh mục",
        MenuGroup.Administration => "Quản trị",
        _ => group.ToString(),
    };

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
