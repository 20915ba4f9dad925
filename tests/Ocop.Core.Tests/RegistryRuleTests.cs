using Ocop.Core.Files;
using Ocop.Core.Registry;

namespace Ocop.Core.Tests;

public class RegistryRuleTests
{
    [Theory]
    [InlineData(LegalForm.Cooperative, true)]
    [InlineData(LegalForm.CooperativeGroup, true)]
    [InlineData(LegalForm.Company, false)]
    [InlineData(LegalForm.PrivateEnterprise, false)]
    [InlineData(LegalForm.HouseholdBusiness, false)]
    public void Cooperatives_and_cooperative_groups_count_for_target_T3(LegalForm form, bool counts) =>
        Assert.Equal(counts, form.IsCooperativeKind());

    [Theory]
    [InlineData(SalesChannels.Supermarket, true)]
    [InlineData(SalesChannels.ConvenienceStore, true)]
    [InlineData(SalesChannels.ECommerce, true)]
    [InlineData(SalesChannels.OcopSalesPoint, false)]
    [InlineData(SalesChannels.Export, false)]
    [InlineData(SalesChannels.OcopSalesPoint | SalesChannels.ECommerce, true)]
    [InlineData(SalesChannels.None, false)]
    public void Modern_channels_for_target_T6_are_supermarkets_convenience_stores_and_e_commerce(SalesChannels channels, bool modern) =>
        Assert.Equal(modern, channels.SellsThroughModernChannel());

    public static TheoryData<byte[], string?> Headers => new()
    {
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "image/jpeg" },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "image/png" },
        { "RIFF\0\0\0\0WEBPVP8 "u8.ToArray(), "image/webp" },
        { "GIF89a.."u8.ToArray(), "image/gif" },
        { "GIF87a.."u8.ToArray(), "image/gif" },
        { "RIFF\0\0\0\0WAVEfmt "u8.ToArray(), null },   // a RIFF that is not WebP
        { "%PDF-1.7"u8.ToArray(), null },
        { "<html><body>"u8.ToArray(), null },           // text renamed to .jpg
        { [0x89, 0x50, 0x4E], null },                   // truncated PNG signature
        { [], null },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void Images_are_recognised_by_content_not_by_name(byte[] header, string? expected) =>
        Assert.Equal(expected, ImageSignature.Detect(header));
}
