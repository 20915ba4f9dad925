using System.ComponentModel.DataAnnotations;

namespace Ocop.Core.Registry;

/// <summary>The legal form of an OCOP subject (chủ thể OCOP), as the program counts them.</summary>
public enum LegalForm
{
    [Display(Name = "Công ty")] Company = 1,
    [Display(Name = "Doanh nghiệp tư nhân")] PrivateEnterprise = 2,
    [Display(Name = "Hợp tác xã")] Cooperative = 3,
    [Display(Name = "Tổ hợp tác")] CooperativeGroup = 4,
    [Display(Name = "Hộ kinh doanh")] HouseholdBusiness = 5,
}

public static class LegalForms
{
    /// <summary>Cooperatives and cooperative groups: the plan's target T3 counts these.</summary>
    public static bool IsCooperativeKind(this LegalForm form) =>
        form is LegalForm.Cooperative or LegalForm.CooperativeGroup;
}
