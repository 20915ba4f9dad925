using System.ComponentModel.DataAnnotations;

namespace Ocop.Core.Units;

/// <summary>Level of an administrative unit. Districts exist only before 1 July 2025.</summary>
public enum UnitLevel
{
    [Display(Name = "Tỉnh")] Province = 1,
    [Display(Name = "Huyện")] District = 2,
    [Display(Name = "Xã")] Commune = 3,
}
