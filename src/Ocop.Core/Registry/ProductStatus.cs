using System.ComponentModel.DataAnnotations;

namespace Ocop.Core.Registry;

/// <summary>Where a product stands in the program. Archived replaces deletion: records are never deleted.</summary>
public enum ProductStatus
{
    [Display(Name = "Tiềm năng")] Potential = 1,
    [Display(Name = "Đã đăng ký")] Registered = 2,
    [Display(Name = "Đã xếp hạng")] Ranked = 3,
    [Display(Name = "Lưu trữ")] Archived = 4,
}
