using System.ComponentModel.DataAnnotations;

namespace Ocop.Core.Support;

/// <summary>
/// Where the money for a support comes from (plan 46, III.6 and IV.2): the national target programme for new rural areas,
/// the industrial and agricultural extension programmes, the province's support resolution, a local budget, credit, the
/// producer's own money.
/// </summary>
public enum FundingSource
{
    [Display(Name = "Chương trình MTQG xây dựng nông thôn mới")] NewRuralProgramme = 1,
    [Display(Name = "Khuyến công")] IndustrialExtension = 2,
    [Display(Name = "Khuyến nông")] AgriculturalExtension = 3,
    [Display(Name = "Nghị quyết hỗ trợ của tỉnh")] ProvinceResolution = 4,
    [Display(Name = "Ngân sách xã, huyện")] LocalBudget = 5,
    [Display(Name = "Vốn tín dụng")] Credit = 6,
    [Display(Name = "Vốn tự có của chủ thể")] ProducerOwn = 7,
    [Display(Name = "Nguồn khác")] Other = 8,
}
