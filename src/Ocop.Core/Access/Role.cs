using System.ComponentModel.DataAnnotations;

namespace Ocop.Core.Access;

/// <summary>The people who use the system. Each user has exactly one role.</summary>
public enum Role
{
    [Display(Name = "Quản trị hệ thống")] Administrator = 1,
    [Display(Name = "Văn phòng OCOP (Phòng Nông nghiệp)")] ProgramOffice = 2,
    [Display(Name = "Phòng, ban chuyên môn")] Department = 3,
    [Display(Name = "Cán bộ xã")] CommuneOfficer = 4,
    [Display(Name = "Thành viên hội đồng")] CouncilMember = 5,
    [Display(Name = "Chủ thể sản xuất")] Producer = 6,
    [Display(Name = "Lãnh đạo")] Leader = 7,
}
