using Ocop.Core.Registry;

namespace Ocop.Core.Planning;

// Plain fact records: the narrow projections the web layer loads (one query per kind) and the measures read.

/// <summary>
/// A subject with the dated facts the targets read. It counts from the day it was registered (or established), and on a
/// date it has the legal form, channels and green value chain true on that date. Women-led and the workers are today's.
/// </summary>
public sealed record SubjectFact(int Id, int CommuneId, DateOnly RegisteredOn, bool IsArchived, bool WomenLed, int WorkersTotal, int WorkersTrained, int? CraftVillageId)
{
    public IReadOnlyList<Dated<LegalForm>> LegalForms { get; init; } = [];

    /// <summary>Each channel with the periods it was used; several hold at once.</summary>
    public IReadOnlyList<Dated<SalesChannels>> Channels { get; init; } = [];

    /// <summary>When the subject had a green value chain tied to a stable raw-material area.</summary>
    public IReadOnlyList<FactPeriod> GreenValueChain { get; init; } = [];

    /// <summary>An active record registered by the date: the subjects a share on that date divides by.</summary>
    public bool CountsOn(DateOnly date) => !IsArchived && RegisteredOn <= date;

    public LegalForm? LegalFormOn(DateOnly date) => FactTimeline.On(LegalForms, date)?.Value;

    public SalesChannels ChannelsOn(DateOnly date) =>
        Channels.Where(c => c.IsTrueOn(date)).Aggregate(SalesChannels.None, (all, c) => all | c.Value);

    public bool HasGreenValueChainOn(DateOnly date) => GreenValueChain.Any(p => p.IsTrueOn(date));
}

public sealed record ProductFact(int Id, int SubjectId, int CommuneId, int CategoryId, bool IsArchived);

/// <param name="SupersededOn">When a later certificate replaced this one (the later one's issue date); from then it no longer counts.</param>
public sealed record CertificateFact(int Id, int ProductId, int Stars, DateOnly IssuedOn, DateOnly ExpiresOn,
    DateOnly? RevokedOn = null, DateOnly? SupersededOn = null, DateOnly? ReevaluationFiledOn = null, DateOnly? ReevaluationDecidedOn = null);

/// <param name="RecognisedOn">The day the village was recognised; null when not recorded (counted as recognised on every date).</param>
/// <param name="EndedOn">The day its recognition ended (from then on it no longer counts); null while it stands.</param>
public sealed record CraftVillageFact(int Id, int CommuneId, bool IsTraditional, bool IsArchived, DateOnly? RecognisedOn = null, DateOnly? EndedOn = null)
{
    public FactPeriod Recognition => new(RecognisedOn ?? DateOnly.MinValue, EndedOn);

    public bool CountsOn(DateOnly date) => !IsArchived && Recognition.IsTrueOn(date);
}

/// <param name="CommuneId">The supported product's commune of production, or the subject's commune when the support names no product.</param>
/// <param name="ProductId">The product supported; brand and trademark support count products, so a record without one counts for none.</param>
public sealed record SupportFact(int Id, int SubjectId, int CommuneId, SupportKind Kind, DateOnly On, bool IsArchived, int? ProductId = null);

/// <summary>All facts of one unit (or of the whole country). <see cref="Within"/> narrows them to a set of communes.</summary>
public sealed class PlanFacts
{
    public PlanFacts(IReadOnlyList<SubjectFact> subjects, IReadOnlyList<ProductFact> products, IReadOnlyList<CertificateFact> certificates,
        IReadOnlyList<CraftVillageFact> villages, IReadOnlyList<SupportFact> support)
    {
        Subjects = subjects;
        Products = products;
        Certificates = certificates;
        Villages = villages;
        Support = support;
        ProductsById = products.ToDictionary(p => p.Id);
        SubjectsById = subjects.ToDictionary(s => s.Id);
    }

    public IReadOnlyList<SubjectFact> Subjects { get; }
    public IReadOnlyList<ProductFact> Products { get; }
    public IReadOnlyList<CertificateFact> Certificates { get; }
    public IReadOnlyList<CraftVillageFact> Villages { get; }
    public IReadOnlyList<SupportFact> Support { get; }
    public IReadOnlyDictionary<int, ProductFact> ProductsById { get; }
    public IReadOnlyDictionary<int, SubjectFact> SubjectsById { get; }

    /// <summary>The IP register's titles of products (brands, marks): target T7 reads them beside the support records.</summary>
    public IReadOnlyList<IpTitleFact> IpTitles { get; init; } = [];

    public static PlanFacts Empty { get; } = new([], [], [], [], []);

    // Figures of one request ask for the same valid products many times (targets, baseline, trend, villages, stars):
    // the facts never change, so the answer is kept per date, star range and policy.
    internal Dictionary<(DateOnly At, int Min, int Max, object Policy), Dictionary<int, CertificateFact>> ValidProductsCache { get; } = [];

    private ILookup<int, CertificateFact>? certificatesByProduct;

    internal ILookup<int, CertificateFact> CertificatesByProduct => certificatesByProduct ??= Certificates.ToLookup(c => c.ProductId);

    /// <summary>
    /// The facts inside the communes: subjects, villages and support by their commune, products by the commune of
    /// production, certificates by their product.
    /// </summary>
    public PlanFacts Within(IReadOnlySet<int> communes)
    {
        var products = Products.Where(p => communes.Contains(p.CommuneId)).ToList();
        var productIds = products.Select(p => p.Id).ToHashSet();
        return new PlanFacts(
            Subjects.Where(s => communes.Contains(s.CommuneId)).ToList(),
            products,
            Certificates.Where(c => productIds.Contains(c.ProductId)).ToList(),
            Villages.Where(v => communes.Contains(v.CommuneId)).ToList(),
            Support.Where(s => communes.Contains(s.CommuneId)).ToList())
        {
            IpTitles = IpTitles.Where(t => communes.Contains(t.CommuneId)).ToList(),
        };
    }

    /// <summary>Splits the facts by group (a commune's district, a district's communes…) in one pass; communes without a group drop out.</summary>
    public Dictionary<TKey, PlanFacts> PartitionBy<TKey>(IReadOnlyDictionary<int, TKey> groupOfCommune) where TKey : notnull
    {
        var subjects = Subjects.Where(s => groupOfCommune.ContainsKey(s.CommuneId)).ToLookup(s => groupOfCommune[s.CommuneId]);
        var products = Products.Where(p => groupOfCommune.ContainsKey(p.CommuneId)).ToLookup(p => groupOfCommune[p.CommuneId]);
        var certificates = Certificates.Where(c => ProductsById.TryGetValue(c.ProductId, out var p) && groupOfCommune.ContainsKey(p.CommuneId))
            .ToLookup(c => groupOfCommune[ProductsById[c.ProductId].CommuneId]);
        var villages = Villages.Where(v => groupOfCommune.ContainsKey(v.CommuneId)).ToLookup(v => groupOfCommune[v.CommuneId]);
        var support = Support.Where(s => groupOfCommune.ContainsKey(s.CommuneId)).ToLookup(s => groupOfCommune[s.CommuneId]);
        var titles = IpTitles.Where(t => groupOfCommune.ContainsKey(t.CommuneId)).ToLookup(t => groupOfCommune[t.CommuneId]);
        return groupOfCommune.Values.Distinct().ToDictionary(k => k, k => new PlanFacts(
            subjects[k].ToList(), products[k].ToList(), certificates[k].ToList(), villages[k].ToList(), support[k].ToList())
        {
            IpTitles = titles[k].ToList(),
        });
    }
}
