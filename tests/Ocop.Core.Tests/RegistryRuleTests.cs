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

public class RegistryRulesTests
{
    [Theory]
    [InlineData(10, 10, 10, false, false)]
    [InlineData(10, 11, 0, true, false)]
    [InlineData(10, 0, 11, false, true)]
    [InlineData(0, 0, 0, false, false)]
    [InlineData(5, 6, 6, true, true)]
    public void Local_and_trained_workers_are_never_more_than_all_workers(int total, int local, int trained, bool localRefused, bool trainedRefused)
    {
        var (l, t) = RegistryRules.WorkforceProblems(total, local, trained);
        Assert.Equal((localRefused, trainedRefused), (l is not null, t is not null));
    }

    [Theory]
    [InlineData("2026-12-04", "2026-12-04", false)]
    [InlineData("2020-01-01", "2026-12-04", false)]
    [InlineData("2026-12-05", "2026-12-04", true)]
    public void A_registration_date_is_today_or_before(string registered, string today, bool refused) =>
        Assert.Equal(refused, RegistryRules.RegisteredOnProblem(DateOnly.Parse(registered, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)) is not null);

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(true, "  ", true)]
    [InlineData(true, "Hợp đồng liên kết 5 ha", false)]
    [InlineData(false, null, false)]
    public void A_green_value_chain_needs_its_evidence(bool green, string? evidence, bool refused) =>
        Assert.Equal(refused, RegistryRules.GreenChainProblem(green, evidence) is not null);

    [Theory]
    [InlineData(null, false)]
    [InlineData("8936012345674", false)]
    [InlineData("8936012345672", true)]
    [InlineData("12345", true)]
    public void A_barcode_when_given_has_a_right_check_digit(string? gtin, bool refused) =>
        Assert.Equal(refused, RegistryRules.GtinProblem(gtin) is not null);

    [Theory]
    [InlineData(ProductStatus.Registered, false)]
    [InlineData(ProductStatus.Archived, true)]
    [InlineData((ProductStatus)99, true)]
    public void A_product_is_archived_by_its_own_action_not_by_its_status(ProductStatus status, bool refused) =>
        Assert.Equal(refused, RegistryRules.EditedStatusProblem(status) is not null);
}

public class RegistryPlaceTests
{
    private static readonly Ocop.Core.Units.UnitValidity Former = new(new DateOnly(2008, 1, 1), new DateOnly(2025, 6, 30));
    private static readonly Ocop.Core.Units.UnitValidity Today = new(new DateOnly(2025, 7, 1), null);

    [Theory]
    [InlineData(false, "2018-03-15", false, false)]  // registered in its life: it stays in the former commune
    [InlineData(false, "2025-06-30", false, false)]
    [InlineData(false, "2025-07-01", false, true)]   // registered after the merger: the commune of today, not the former one
    [InlineData(false, null, false, true)]           // no date (a product): only a commune of today
    [InlineData(false, null, true, false)]           // already there: kept
    [InlineData(true, null, false, false)]           // a commune of today
    public void A_record_lies_in_a_commune_of_today_or_of_its_own_date(bool current, string? recordDate, bool alreadyThere, bool refused) =>
        Assert.Equal(refused, RegistryRules.CeasedPlace(current ? Today : Former, new DateOnly(2026, 12, 4),
            recordDate is null ? null : DateOnly.Parse(recordDate, System.Globalization.CultureInfo.InvariantCulture), alreadyThere) is not null);
}
