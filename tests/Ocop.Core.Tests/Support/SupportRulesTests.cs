using Ocop.Core.Planning;
using Ocop.Core.Registry;
using Ocop.Core.Support;

namespace Ocop.Core.Tests.Support;

public class BudgetSumsTests
{
    private static readonly AllocationFact[] Allocations =
    [
        new(1, 2026, FundingSource.ProvinceResolution, 100_000_000, OfficeId: 10, CommuneId: null),
        new(2, 2026, FundingSource.NewRuralProgramme, 50_000_000, OfficeId: 20, CommuneId: 501),
        new(3, 2025, FundingSource.ProvinceResolution, 70_000_000, OfficeId: 10, CommuneId: null),
        new(4, 2026, FundingSource.ProvinceResolution, 999, OfficeId: 10, CommuneId: null, IsArchived: true),
    ];

    private static readonly SpendingFact[] Spending =
    [
        new(1, new DateOnly(2026, 2, 1), FundingSource.ProvinceResolution, 30_000_000, 30_000_000, 10, 501, SubjectId: 7, AllocationId: 1),
        new(2, new DateOnly(2026, 3, 1), FundingSource.ProvinceResolution, 20_000_000, 5_000_000, 10, 502, SubjectId: 8, AllocationId: 1),
        new(3, new DateOnly(2026, 4, 1), FundingSource.NewRuralProgramme, 10_000_000, 0, 20, 501, SubjectId: 7, AllocationId: 2),
        new(4, new DateOnly(2026, 5, 1), null, 4_000_000, 4_000_000, null, 503, SubjectId: 9),
        new(5, new DateOnly(2025, 5, 1), FundingSource.ProvinceResolution, 60_000_000, 60_000_000, 10, 501, SubjectId: 7, AllocationId: 3),
        new(6, new DateOnly(2026, 6, 1), FundingSource.ProvinceResolution, 1, 1, 10, 501, SubjectId: 7, AllocationId: 1, IsArchived: true),
    ];

    [Theory]
    [InlineData(FundingSource.ProvinceResolution, 100_000_000, 50_000_000, 35_000_000)]
    [InlineData(FundingSource.NewRuralProgramme, 50_000_000, 10_000_000, 0)]
    [InlineData(null, 0, 4_000_000, 4_000_000)]
    public void Sums_by_source_count_the_year_and_leave_out_archived_records(FundingSource? source, long allocated, long committed, long paid)
    {
        var line = BudgetSums.For(2026, Allocations, Spending).BySource.Single(l => l.Key == source);
        Assert.Equal((allocated, committed, paid), (line.AllocatedVnd, line.CommittedVnd, line.PaidVnd));
    }

    [Theory]
    [InlineData(10, 100_000_000, 50_000_000, 35_000_000)]
    [InlineData(20, 50_000_000, 10_000_000, 0)]
    [InlineData(null, 0, 4_000_000, 4_000_000)]
    public void Sums_by_office(int? office, long allocated, long committed, long paid)
    {
        var line = BudgetSums.For(2026, Allocations, Spending).ByOffice.Single(l => l.Key == office);
        Assert.Equal((allocated, committed, paid), (line.AllocatedVnd, line.CommittedVnd, line.PaidVnd));
    }

    [Theory]
    [InlineData(501, 50_000_000, 40_000_000, 30_000_000)]
    [InlineData(502, 0, 20_000_000, 5_000_000)]
    [InlineData(503, 0, 4_000_000, 4_000_000)]
    [InlineData(null, 100_000_000, 0, 0)]
    public void Sums_by_commune(int? commune, long allocated, long committed, long paid)
    {
        var line = BudgetSums.For(2026, Allocations, Spending).ByCommune.Single(l => l.Key == commune);
        Assert.Equal((allocated, committed, paid), (line.AllocatedVnd, line.CommittedVnd, line.PaidVnd));
    }

    [Fact]
    public void Sums_by_producer_and_the_total()
    {
        var summary = BudgetSums.For(2026, Allocations, Spending);
        Assert.Equal(40_000_000, summary.ByProducer.Single(l => l.Key == 7).CommittedVnd);
        Assert.Equal((150_000_000L, 64_000_000L, 39_000_000L), (summary.Total.AllocatedVnd, summary.Total.CommittedVnd, summary.Total.PaidVnd));
    }

    [Theory]
    [InlineData("2026-07-01", FundingSource.ProvinceResolution, 50_000_000, null)]
    [InlineData("2026-07-01", FundingSource.ProvinceResolution, 50_000_001, "Vượt dự toán")]
    [InlineData("2025-07-01", FundingSource.ProvinceResolution, 1, "năm 2026")]
    [InlineData("2026-07-01", FundingSource.Credit, 1, "Nguồn kinh phí")]
    public void A_support_is_charged_to_an_allocation_of_its_year_and_source_within_what_is_left(string on, FundingSource source, long amount, string? problem)
    {
        var result = BudgetSums.ChargeProblem(Allocations[0], DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), source, amount, Spending);
        if (problem is null)
        {
            Assert.Null(result);
        }
        else
        {
            Assert.Contains(problem, result, StringComparison.Ordinal);
        }
    }
}

public class SupportEligibilityTests
{
    private static readonly SupportPolicyTerms[] Policies =
    [
        new(1, "Hỗ trợ sản phẩm được công nhận", new DateOnly(2021, 3, 19), null, [new(3, 20_000_000, null), new(4, 30_000_000, null), new(5, 50_000_000, null)]),
        new(2, "Hỗ trợ nhãn hiệu", new DateOnly(2022, 1, 1), new DateOnly(2025, 12, 31), [new(3, 15_000_000, 50), new(4, 25_000_000, 70)]),
        new(3, "Chính sách đã lưu trữ", new DateOnly(2020, 1, 1), null, [new(3, 1, null)], IsArchived: true),
    ];

    [Theory]
    [InlineData(3, "2024-06-01", new[] { 1, 2 }, 20_000_000L)]
    [InlineData(4, "2024-06-01", new[] { 1, 2 }, 30_000_000L)]
    [InlineData(5, "2024-06-01", new[] { 1 }, 50_000_000L)]
    [InlineData(4, "2026-02-01", new[] { 1 }, 30_000_000L)]
    [InlineData(3, "2021-01-01", new int[0], 0L)]
    [InlineData(2, "2024-06-01", new int[0], 0L)]
    public void A_recognised_product_is_eligible_for_the_policies_in_force_that_give_at_its_star(int stars, string recognisedOn, int[] expected, long firstPolicyAmount)
    {
        var eligible = SupportEligibility.For(Policies, stars, DateOnly.Parse(recognisedOn, System.Globalization.CultureInfo.InvariantCulture), new HashSet<int>());
        Assert.Equal(expected.Order(), eligible.Select(e => e.Policy.Id).Order());
        if (expected.Contains(1))
        {
            Assert.Equal(firstPolicyAmount, eligible.Single(e => e.Policy.Id == 1).Rate.MaxAmountVnd);
        }
    }

    [Fact]
    public void A_policy_already_acted_on_is_still_listed_marked_and_last()
    {
        var eligible = SupportEligibility.For(Policies, 3, new DateOnly(2024, 6, 1), new HashSet<int> { 1 });
        Assert.Equal([2, 1], eligible.Select(e => e.Policy.Id));
        Assert.True(eligible[1].AlreadySupported);
    }

    [Fact]
    public void Terms_without_a_rate_or_with_a_rate_above_100_percent_are_refused()
    {
        Assert.NotEmpty(new SupportPolicyTerms(0, "x", new DateOnly(2024, 1, 1), null, []).Problems());
        Assert.NotEmpty(new SupportPolicyTerms(0, "x", new DateOnly(2024, 1, 1), null, [new(3, null, 120)]).Problems());
        Assert.NotEmpty(new SupportPolicyTerms(0, "x", new DateOnly(2024, 1, 1), new DateOnly(2023, 1, 1), [new(3, 1, null)]).Problems());
        Assert.Empty(new SupportPolicyTerms(0, "x", new DateOnly(2024, 1, 1), null, [new(3, 1, 50)]).Problems());
    }
}

public class RegisterFactsTests
{
    private static readonly MeasureDefinition T6 = new(MeasureKind.SubjectsWithChannels, MeasureOutput.Percent, Channels: SalesChannelRules.Modern);
    private static readonly MeasureDefinition T7a = new(MeasureKind.SupportedProducts, MeasureOutput.Count, Support: SupportKind.Brand);
    private static readonly MeasureDefinition T7b = new(MeasureKind.SupportedProducts, MeasureOutput.Count, Support: SupportKind.Trademark);
    private static readonly MeasureDefinition T4 = new(MeasureKind.GreenValueChain, MeasureOutput.Percent);

    private static PlanFacts Facts()
    {
        var a = new SubjectFact(1, 100, new DateOnly(2020, 1, 1), false, false, 10, 2, null);
        var b = new SubjectFact(2, 100, new DateOnly(2020, 1, 1), false, false, 10, 2, null);
        // Subject 1 lists a product from 01/03/2024 until 01/01/2025; subject 2 is tied to a raw-material area from 01/06/2024.
        var withListing = RegisterFacts.With(a, [RegisterFacts.Listing(new DateOnly(2024, 3, 1), new DateOnly(2025, 1, 1))], []);
        var withArea = RegisterFacts.With(b, [], [RegisterFacts.AreaLink(new(new DateOnly(2023, 1, 1)), new(new DateOnly(2024, 6, 1)))!.Value]);
        return new PlanFacts([withListing, withArea], [new ProductFact(11, 1, 100, 1, false), new ProductFact(12, 2, 100, 1, false)], [], [],
            [new SupportFact(1, 1, 100, SupportKind.Brand, new DateOnly(2023, 5, 1), false, 11)])
        {
            IpTitles =
            [
                new IpTitleFact(1, 12, 100, IpKind.CollectiveMark, IpRules.Standing(new DateOnly(2024, 2, 1), null, new DateOnly(2024, 2, 5), null)),
                new IpTitleFact(2, 11, 100, IpKind.Trademark, IpRules.Standing(new DateOnly(2023, 1, 1), null, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 1))),
                new IpTitleFact(3, 11, 100, IpKind.Brand, IpRules.Standing(null, null, new DateOnly(2022, 1, 1), null)),
                new IpTitleFact(4, 12, 100, IpKind.GeographicalIndication, IpRules.Standing(new DateOnly(2020, 1, 1), null, new DateOnly(2020, 1, 1), null)),
            ],
        };
    }

    private static decimal? Value(MeasureDefinition d, string at) =>
        IndicatorEvaluation.Evaluate(d, Facts(), new MeasureContext(DateOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2021, 1, 1), new Ocop.Core.Evaluation.CertificatePolicy(36, null, null, 30, null, null, null))).Value;

    [Theory]
    [InlineData("2024-02-29", 0)]
    [InlineData("2024-03-01", 50)]
    [InlineData("2024-12-31", 50)]
    [InlineData("2025-01-01", 0)]
    public void T6_counts_a_listing_from_its_start_to_its_end(string at, double expected) => Assert.Equal((decimal)expected, Value(T6, at));

    [Theory]
    [InlineData("2024-05-31", 0)]
    [InlineData("2024-06-01", 50)]
    public void T4_counts_a_raw_material_area_link_from_its_start(string at, double expected) => Assert.Equal((decimal)expected, Value(T4, at));

    [Theory]
    [InlineData("2022-06-01", 1, 0)]
    [InlineData("2023-06-01", 1, 1)]
    [InlineData("2023-11-30", 1, 1)]
    [InlineData("2023-12-01", 1, 0)]
    [InlineData("2024-01-31", 1, 0)]
    [InlineData("2024-02-01", 1, 1)]
    public void T7_reads_support_and_the_IP_register_at_past_dates_counting_products(string at, int brands, int trademarks)
    {
        Assert.Equal(brands, Value(T7a, at));
        Assert.Equal(trademarks, Value(T7b, at));
    }

    [Fact]
    public void A_sales_point_offer_counts_only_while_the_point_is_open()
    {
        Assert.Null(RegisterFacts.SalesPointOffer(new(new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 1)), new(new DateOnly(2024, 6, 1))));
        Assert.Equal(new FactPeriod(new DateOnly(2024, 3, 1), new DateOnly(2024, 6, 1)),
            RegisterFacts.SalesPointOffer(new(new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 1)), new(new DateOnly(2024, 3, 1)))!.Period);
    }
}
