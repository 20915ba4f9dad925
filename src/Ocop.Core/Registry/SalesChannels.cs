using System.ComponentModel.DataAnnotations;

namespace Ocop.Core.Registry;

/// <summary>Where a subject sells. Stored as bit flags so one column holds all of them.</summary>
[Flags]
public enum SalesChannels
{
    None = 0,
    [Display(Name = "Siêu thị")] Supermarket = 1,
    [Display(Name = "Cửa hàng tiện lợi")] ConvenienceStore = 2,
    [Display(Name = "Sàn thương mại điện tử")] ECommerce = 4,
    [Display(Name = "Điểm bán sản phẩm OCOP")] OcopSalesPoint = 8,
    [Display(Name = "Xuất khẩu")] Export = 16,
}

public static class SalesChannelRules
{
    /// <summary>Modern channels in the sense of the plan's target T6: supermarkets, convenience stores, e-commerce.</summary>
    public const SalesChannels Modern = SalesChannels.Supermarket | SalesChannels.ConvenienceStore | SalesChannels.ECommerce;

    public static bool SellsThroughModernChannel(this SalesChannels channels) => (channels & Modern) != 0;
}
