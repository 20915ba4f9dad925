using Ocop.Core.Evaluation;
using Ocop.Core.Planning;
using Ocop.Core.Registry;

namespace Ocop.Core.Tests.Planning;

/// <summary>
/// The plan's seven targets and the 919 measures on crafted facts. Communes 1 and 2 are the unit; commune 9 lies outside.
/// The date is 30/06/2025 in a period that began 01/01/2023; certificates run 36 months.
/// </summary>
public class IndicatorEvaluationTests
{
    private static readonly DateOnly At = new(2025, 6, 30);
    private static readonly DateOnly PeriodFrom = new(2023, 1, 1);
    private static readonly CertificatePolicy Policy148 = new(36, null, null, 30, null, null, null);
    private static readonly MeasureContext Context = new(At, PeriodFrom, Policy148);
    private static readonly HashSet<int> Unit = [1, 2];

    private static readonly MeasureDefinition T1 = new(MeasureKind.ValidRecognitions, MeasureOutput.Count);
    private static readonly MeasureDefinition FiveStars = new(MeasureKind.ValidRecognitions, MeasureOutput.Count, MinStars: 5);
    private static readonly MeasureDefinition T2 = new(MeasureKind.ConsolidatedOrUpgraded, MeasureOutput.Percent);
    private static readonly MeasureDefinition T3 = new(MeasureKind.SubjectsByLegalForm, MeasureOutput.Percent, LegalForms: [LegalForm.Cooperative, LegalForm.CooperativeGroup]);
    private static readonly MeasureDefinition Enterprises = new(MeasureKind.SubjectsByLegalForm, MeasureOutput.Percent, LegalForms: [LegalForm.Company, LegalForm.PrivateEnterprise]);
    private static readonly MeasureDefinition T4 = new(MeasureKind.GreenValueChain, MeasureOutput.Percent);
    private static readonly MeasureDefinition T5 = new(MeasureKind.CraftVillagesWithProduct, MeasureOutput.Count);
    private static readonly MeasureDefinition Villages919 = new(MeasureKind.CraftVillagesWithProduct, MeasureOutput.Percent, TraditionalOnly: true);
    private static readonly MeasureDefinition T6 = new(MeasureKind.SubjectsWithChannels, MeasureOutput.Percent, Channels: SalesChannelRules.Modern);
    private static readonly MeasureDefinition T7Brand = new(MeasureKind.SupportedProducts, MeasureOutput.Count, Support: SupportKind.Brand);
    private static readonly MeasureDefinition T7Trademark = new(MeasureKind.SupportedProducts, MeasureOutput.Count, Support: SupportKind.Trademark);
    private static readonly MeasureDefinition Trained = new(MeasureKind.TrainedWorkers, MeasureOutput.Percent);
    private static readonly MeasureDefinition Women = new(MeasureKind.WomenLed, MeasureOutput.Percent);

    private static readonly DateOnly Registered = new(2020, 1, 1);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A subject registered on 01/01/2020 (or <paramref name="registered"/>) whose facts have held since then.</summary>
    private static SubjectFact S(int id, int commune = 1, LegalForm form = LegalForm.HouseholdBusiness, bool archived = false, bool green = false,
        SalesChannels channels = SalesChannels.None, bool women = false, int workers = 0, int trained = 0, int? village = null, string? registered = null)
    {
        var since = registered is null ? Registered : D(registered);
        return new(id, commune, since, archived, women, workers, trained, village)
        {
            LegalForms = [new(form, new(since))],
            GreenValueChain = green ? [new(since)] : [],
            Channels = Enum.GetValues<SalesChannels>().Where(c => c != SalesChannels.None && channels.HasFlag(c)).Select(c => new Dated<SalesChannels>(c, new(since))).ToList(),
        };
    }

    /// <summary>A subject registered on 01/01/2020 whose legal form changed on the date.</summary>
    private static SubjectFact Changed(int id, LegalForm before, string on, LegalForm after) =>
        S(id) with { LegalForms = [new(before, new(Registered, D(on))), new(after, new(D(on)))] };

    private static ProductFact P(int id, int subject, int commune = 1, bool archived = false) => new(id, subject, commune, 1, archived);

    private static CertificateFact C(int id, int product, int stars, string issued, string? revoked = null, string? superseded = null)
    {
        var on = DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture);
        return new(id, product, stars, on, on.AddMonths(36),
            revoked is null ? null : DateOnly.Parse(revoked, System.Globalization.CultureInfo.InvariantCulture),
            superseded is null ? null : DateOnly.Parse(superseded, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static SupportFact Support(int id, SupportKind kind, string on, int commune = 1, bool archived = false, int? product = null) =>
        new(id, 1, commune, kind, D(on), archived, product ?? id);

    /// <summary>Products 1–9 of subject 1 in commune 1, for support to name.</summary>
    private static readonly ProductFact[] Supported = [.. Enumerable.Range(1, 9).Select(i => P(i, 1))];

    private static MeasureResult Run(MeasureDefinition definition, PlanFacts facts) =>
        IndicatorEvaluation.Evaluate(definition, facts.Within(Unit), Context);

    public static TheoryData<string, MeasureDefinition, PlanFacts, decimal?, long, long?> Cases() => new()
    {
        // T1: valid 3–5★ recognitions, one per product.
        { "T1 counts valid 3, 4 and 5 star products", T1, new([S(1)], [P(1, 1), P(2, 1), P(3, 1)], [C(1, 1, 3, "2024-01-10"), C(2, 2, 4, "2023-05-01"), C(3, 3, 5, "2025-06-30")], [], []), 3, 3, null },
        { "T1 ignores expired recognitions", T1, new([S(1)], [P(1, 1), P(2, 1)], [C(1, 1, 3, "2022-06-29"), C(2, 2, 3, "2022-07-01")], [], []), 1, 1, null },
        { "T1 ignores revoked recognitions", T1, new([S(1)], [P(1, 1), P(2, 1)], [C(1, 1, 4, "2024-01-10", revoked: "2025-03-01"), C(2, 2, 4, "2024-01-10", revoked: "2025-07-01")], [], []), 1, 1, null },
        { "T1 ignores a certificate not yet issued", T1, new([S(1)], [P(1, 1)], [C(1, 1, 3, "2025-07-01")], [], []), 0, 0, null },
        { "T1 counts a superseded certificate once per product", T1, new([S(1)], [P(1, 1)], [C(1, 1, 3, "2023-02-01", superseded: "2024-02-01"), C(2, 1, 4, "2024-02-01")], [], []), 1, 1, null },
        { "T1 ignores archived products and products outside the unit", T1, new([S(1)], [P(1, 1, archived: true), P(2, 1, commune: 9)], [C(1, 1, 3, "2024-01-10"), C(2, 2, 3, "2024-01-10")], [], []), 0, 0, null },
        { "5 star count of 919 ignores 3 and 4 stars", FiveStars, new([S(1)], [P(1, 1), P(2, 1)], [C(1, 1, 4, "2024-01-10"), C(2, 2, 5, "2024-01-10")], [], []), 1, 1, null },

        // T2: products ranked before the period that were re-recognised or upgraded within it.
        { "T2 counts re-recognised and upgraded products, not downgraded ones", T2, new([S(1)], [P(1, 1), P(2, 1), P(3, 1), P(4, 1)],
            [C(1, 1, 3, "2021-03-01"), C(2, 1, 3, "2024-03-01"), C(3, 2, 3, "2021-03-01"), C(4, 2, 4, "2023-06-01"), C(5, 3, 4, "2021-03-01"), C(6, 3, 3, "2024-03-01"), C(7, 4, 3, "2021-03-01")], [], []), 50m, 2, 4 },
        { "T2 ignores products first ranked within the period and recognitions after the date", T2, new([S(1)], [P(1, 1), P(2, 1)],
            [C(1, 1, 3, "2023-03-01"), C(2, 2, 3, "2022-01-01"), C(3, 2, 3, "2025-07-01")], [], []), 0m, 0, 1 },
        { "T2 without products ranked before the period has no value", T2, new([S(1)], [P(1, 1)], [C(1, 1, 3, "2023-03-01")], [], []), null, 0, 0 },

        // T3: cooperatives and cooperative groups among active subjects.
        { "T3 counts cooperatives and cooperative groups", T3, new([S(1, form: LegalForm.Cooperative), S(2, form: LegalForm.CooperativeGroup), S(3), S(4, form: LegalForm.Company)], [], [], [], []), 50m, 2, 4 },
        { "T3 ignores archived subjects and subjects outside the unit", T3, new([S(1, form: LegalForm.Cooperative, archived: true), S(2), S(3, commune: 9, form: LegalForm.Cooperative), S(4, commune: 2, form: LegalForm.Cooperative)], [], [], [], []), 50m, 1, 2 },
        { "T3 without active subjects has no value", T3, new([S(1, form: LegalForm.Cooperative, archived: true)], [], [], [], []), null, 0, 0 },
        { "T3 counts a subject only from its registration", T3, new([S(1, form: LegalForm.Cooperative, registered: "2025-07-01"), S(2, form: LegalForm.Cooperative, registered: "2025-06-30"), S(3)], [], [], [], []), 50m, 1, 2 },
        { "T3 reads the legal form true on the date", T3, new([Changed(1, LegalForm.HouseholdBusiness, "2025-07-01", LegalForm.Cooperative), Changed(2, LegalForm.HouseholdBusiness, "2025-06-30", LegalForm.Cooperative),
            Changed(3, LegalForm.Cooperative, "2024-01-01", LegalForm.Company)], [], [], [], []), 33.3m, 1, 3 },
        { "T3 rounds the share to one decimal", T3, new([S(1, form: LegalForm.Cooperative), S(2), S(3)], [], [], [], []), 33.3m, 1, 3 },
        { "Enterprise share of 919 counts companies and private enterprises", Enterprises, new([S(1, form: LegalForm.Company), S(2, form: LegalForm.PrivateEnterprise), S(3, form: LegalForm.Cooperative)], [], [], [], []), 66.7m, 2, 3 },

        // T4: green value chains.
        { "T4 counts flagged active subjects", T4, new([S(1, green: true), S(2, green: true, archived: true), S(3), S(4)], [], [], [], []), 33.3m, 1, 3 },
        { "T4 with no subjects has no value", T4, PlanFacts.Empty, null, 0, 0 },
        { "T4 counts a green value chain while it holds", T4, new([S(1) with { GreenValueChain = [new(D("2024-01-01"), D("2025-06-30"))] },
            S(2) with { GreenValueChain = [new(D("2025-06-30"))] }, S(3) with { GreenValueChain = [new(D("2025-07-01"))] }, S(4)], [], [], [], []), 25m, 1, 4 },

        // T5: craft villages with an OCOP product.
        { "T5 counts villages whose subject has a valid product", T5, new([S(1, village: 1), S(2, village: 2), S(3, village: 3)], [P(1, 1), P(2, 2), P(3, 3)],
            [C(1, 1, 3, "2024-01-01"), C(2, 2, 3, "2021-01-01"), C(3, 3, 4, "2024-01-01", revoked: "2025-01-01")],
            [new(1, 1, true, false), new(2, 1, true, false), new(3, 2, false, false)], []), 1, 1, 3 },
        { "T5 counts a village only while recognised", T5, new([S(1, village: 1), S(2, village: 2), S(3, village: 3)], [P(1, 1), P(2, 2), P(3, 3)],
            [C(1, 1, 3, "2024-01-01"), C(2, 2, 3, "2024-01-01"), C(3, 3, 3, "2024-01-01")],
            [new(1, 1, true, false, D("2010-01-01"), D("2025-06-30")), new(2, 1, true, false, D("2025-07-01")), new(3, 1, true, false, D("2025-06-30"), D("2025-07-01"))], []), 1, 1, 1 },
        { "T5 ignores a subject registered after the date", T5, new([S(1, village: 1, registered: "2025-07-01")], [P(1, 1)], [C(1, 1, 3, "2024-01-01")], [new(1, 1, true, false)], []), 0, 0, 1 },
        { "T5 ignores archived villages and archived subjects", T5, new([S(1, village: 1), S(2, village: 2, archived: true)], [P(1, 1), P(2, 2)],
            [C(1, 1, 3, "2024-01-01"), C(2, 2, 3, "2024-01-01")], [new(1, 1, true, true), new(2, 1, true, false)], []), 0, 0, 1 },
        { "919 craft village share divides by traditional villages only", Villages919, new([S(1, village: 1), S(2, village: 3)], [P(1, 1), P(2, 2)],
            [C(1, 1, 3, "2024-01-01"), C(2, 2, 3, "2024-01-01")], [new(1, 1, true, false), new(2, 1, true, false), new(3, 2, false, false)], []), 50m, 1, 2 },
        { "919 craft village share without traditional villages has no value", Villages919, new([], [], [], [new(1, 1, false, false)], []), null, 0, 0 },

        // T6: modern channels.
        { "T6 counts supermarkets, convenience stores and e-commerce", T6, new([S(1, channels: SalesChannels.Supermarket), S(2, channels: SalesChannels.ECommerce | SalesChannels.Export),
            S(3, channels: SalesChannels.OcopSalesPoint), S(4, channels: SalesChannels.ConvenienceStore, archived: true)], [], [], [], []), 66.7m, 2, 3 },
        { "T6 reads the channels used on the date", T6, new([
            S(1) with { Channels = [new(SalesChannels.ECommerce, new(D("2023-01-01"), D("2025-01-01"))), new(SalesChannels.OcopSalesPoint, new(D("2020-01-01")))] },
            S(2) with { Channels = [new(SalesChannels.Supermarket, new(D("2025-06-01")))] },
            S(3) with { Channels = [new(SalesChannels.ConvenienceStore, new(D("2025-07-01")))] }], [], [], [], []), 33.3m, 1, 3 },

        // T7: products with support of a kind, up to the date.
        { "T7 brand counts brand support up to the date", T7Brand, new([S(1)], Supported, [], [], [Support(1, SupportKind.Brand, "2024-05-01"), Support(2, SupportKind.Brand, "2025-07-01"),
            Support(3, SupportKind.Trademark, "2024-05-01"), Support(4, SupportKind.Brand, "2024-05-01", archived: true), Support(5, SupportKind.Brand, "2024-05-01", commune: 9)]), 1, 1, null },
        { "T7 trademark counts trademark support", T7Trademark, new([S(1)], Supported, [], [], [Support(1, SupportKind.Trademark, "2023-05-01"), Support(2, SupportKind.Trademark, "2025-06-30"), Support(3, SupportKind.Brand, "2024-05-01")]), 2, 2, null },
        { "T7 counts two trademark records for one product once", T7Trademark, new([S(1)], Supported, [], [],
            [Support(1, SupportKind.Trademark, "2023-05-01", product: 4), Support(2, SupportKind.Trademark, "2024-05-01", product: 4), Support(3, SupportKind.Trademark, "2024-05-01", product: 5)]), 2, 2, null },
        { "T7 counts no product for support that names none, or an archived one", T7Trademark, new([S(1)], [P(1, 1), P(2, 1, archived: true)], [], [],
            [new(1, 1, 1, SupportKind.Trademark, D("2024-05-01"), false, null), Support(2, SupportKind.Trademark, "2024-05-01", product: 2), Support(3, SupportKind.Trademark, "2024-05-01", product: 1)]), 1, 1, null },

        // Other 919 measures.
        { "Trained workers share sums workers of active subjects", Trained, new([S(1, workers: 10, trained: 3), S(2, workers: 10, trained: 1), S(3, workers: 50, trained: 50, archived: true)], [], [], [], []), 20m, 4, 20 },
        { "Trained workers without workers has no value", Trained, new([S(1)], [], [], [], []), null, 0, 0 },
        { "Women-led share", Women, new([S(1, women: true), S(2), S(3), S(4)], [], [], [], []), 25m, 1, 4 },
        { "Women-led share counts subjects registered by the date", Women, new([S(1, women: true, registered: "2026-01-01"), S(2), S(3), S(4, women: true)], [], [], [], []), 33.3m, 1, 3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Measures_compute_the_plan_targets(string rule, MeasureDefinition definition, PlanFacts facts, decimal? value, long numerator, long? denominator)
    {
        var result = Run(definition, facts);
        Assert.True(value == result.Value, $"{rule}: value {result.Value}, expected {value}");
        Assert.Equal(numerator, result.Numerator);
        Assert.Equal(denominator, result.Denominator);
    }

    [Fact]
    public void The_records_behind_a_figure_are_the_counted_ones()
    {
        var facts = new PlanFacts([S(1, form: LegalForm.Cooperative), S(2), S(3, form: LegalForm.Cooperative, archived: true)], [], [], [], []);
        var result = Run(T3, facts);
        Assert.Equal(RecordKind.Subjects, result.Records);
        Assert.Equal([1], result.NumeratorIds);
        Assert.Equal([1, 2], result.DenominatorIds);
    }

    [Fact]
    public void Partition_splits_facts_by_group_with_certificates_following_their_products()
    {
        var facts = new PlanFacts([S(1, commune: 1), S(2, commune: 2)], [P(1, 1, commune: 1), P(2, 2, commune: 2)], [C(1, 1, 3, "2024-01-01"), C(2, 2, 4, "2024-01-01")], [], []);
        var parts = facts.PartitionBy(new Dictionary<int, string> { [1] = "a", [2] = "b" });
        Assert.Equal(1, IndicatorEvaluation.Evaluate(T1, parts["a"], Context).Value);
        Assert.Equal(4, Assert.Single(IndicatorEvaluation.ValidProducts(parts["b"], Context).Values).Stars);
    }

    [Theory]
    [InlineData(MeasureKind.ValidRecognitions, MeasureOutput.Percent, false)]
    [InlineData(MeasureKind.SupportedProducts, MeasureOutput.Count, false)]   // no support kind
    [InlineData(MeasureKind.SubjectsByLegalForm, MeasureOutput.Percent, false)] // no legal forms
    [InlineData(MeasureKind.SubjectsWithChannels, MeasureOutput.Percent, false)] // no channels
    [InlineData(MeasureKind.GreenValueChain, MeasureOutput.Percent, true)]
    [InlineData(MeasureKind.ValidRecognitions, MeasureOutput.Count, true)]
    public void Definitions_without_their_parameters_are_refused(MeasureKind kind, MeasureOutput output, bool fine) =>
        Assert.Equal(fine, new MeasureDefinition(kind, output).Problems().Count == 0);
}
