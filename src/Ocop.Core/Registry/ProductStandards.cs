using System.ComponentModel.DataAnnotations;

namespace Ocop.Core.Registry;

/// <summary>Standards and certifications a product holds. Bit flags: a product may hold several.</summary>
[Flags]
public enum ProductStandards
{
    None = 0,
    [Display(Name = "VietGAP")] VietGap = 1,
    [Display(Name = "GlobalGAP")] GlobalGap = 2,
    [Display(Name = "HACCP")] Haccp = 4,
    [Display(Name = "ISO 22000")] Iso22000 = 8,
    [Display(Name = "Hữu cơ")] Organic = 16,
    [Display(Name = "Tự công bố chất lượng")] QualityDeclaration = 32,
    [Display(Name = "Giấy chứng nhận ATTP")] FoodSafetyCertificate = 64,
    [Display(Name = "ISO 9001")] Iso9001 = 128,
    [Display(Name = "Truy xuất nguồn gốc")] Traceability = 256,
}
