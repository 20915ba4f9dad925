using Ocop.Core.Evaluation;
using Ocop.Core.Registry;

namespace Ocop.Core.Planning;

/// <summary>
/// An indicator's figure on a date. <see cref="Value"/> is the count, or the percentage rounded to one decimal; it is
/// null when the denominator is empty (shown as "—"). The ids are the records behind the numerator and denominator, in no order.
/// </summary>
public sealed record MeasureResult(
    decimal? Value,
    long Numerator,
    long? Denominator,
    RecordKind Records,
    IReadOnlyList<int> NumeratorIds,
    IReadOnlyList<int> DenominatorIds);

/// <summary>The date and period a measure is evaluated for, and the certificate rules in force on the date.</summary>
/// <param name="PeriodFrom">The plan period's first day: target T2 looks at products ranked before it.</param>
public sealed record MeasureContext(DateOnly At, DateOnly PeriodFrom, CertificatePolicy Policy);

/// <summary>
/// Evaluates indicator definitions over fact records on a date: a subject counts from its registration with the facts
/// true on that date, a craft village while recognised, support from its date. Archived subjects, products, villages
/// and support never count.
/// </summary>
public static class IndicatorEvaluation
{
    public static MeasureResult Evaluate(MeasureDefinition definition, PlanFacts facts, MeasureContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(context);
        var at = context.At;
        var activeSubjects = facts.Subjects.Where(s => s.CountsOn(at)).ToList();
        return definition.Kind switch
        {
            MeasureKind.ValidRecognitions => Count(RecordKind.Products,
                ValidProducts(facts, context, definition.MinStars, definition.MaxStars).Keys.ToList()),
            MeasureKind.ConsolidatedOrUpgraded => Consolidated(definition, facts, context),
            MeasureKind.SubjectsByLegalForm => Share(definition, RecordKind.Subjects, activeSubjects,
                s => s.LegalFormOn(at) is LegalForm form && definition.LegalForms?.Contains(form) == true, s => s.Id),
            MeasureKind.GreenValueChain => Share(definition, RecordKind.Subjects, activeSubjects, s => s.HasGreenValueChainOn(at), s => s.Id),
            MeasureKind.WomenLed => Share(definition, RecordKind.Subjects, activeSubjects, s => s.WomenLed, s => s.Id),
            MeasureKind.SubjectsWithChannels => Share(definition, RecordKind.Subjects, activeSubjects,
                s => (s.ChannelsOn(at) & definition.Channels) != 0, s => s.Id),
            MeasureKind.CraftVillagesWithProduct => Villages(definition, facts, context),
            MeasureKind.SupportedProducts => Count(RecordKind.Products, SupportedProducts(facts, definition.Support, at)),
            MeasureKind.TrainedWorkers => TrainedWorkers(definition, activeSubjects),
            _ => throw new ArgumentOutOfRangeException(nameof(definition), definition.Kind, "Unknown measure kind."),
        };
    }

    /// <summary>
    /// Products of active records with a certificate of the stars that counts as valid on the date: not expired, not
    /// revoked, not yet replaced by a later certificate. A product counts once, at its highest valid star.
    /// </summary>
    public static IReadOnlyDictionary<int, CertificateFact> ValidProducts(PlanFacts facts, MeasureContext context, int minStars = 3, int maxStars = 5)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(context);
        var key = (context.At, minStars, maxStars, (object)context.Policy);
        if (facts.ValidProductsCache.TryGetValue(key, out var known))
        {
            return known;
        }

        var valid = new Dictionary<int, CertificateFact>();
        foreach (var c in facts.Certificates)
        {
            if (c.Stars < minStars || c.Stars > maxStars || !IsValidOn(c, context)
                || !facts.ProductsById.TryGetValue(c.ProductId, out var product) || product.IsArchived)
            {
                continue;
            }

            if (!valid.TryGetValue(c.ProductId, out var best) || c.Stars > best.Stars)
            {
                valid[c.ProductId] = c;
            }
        }

        facts.ValidProductsCache[key] = valid;
        return valid;
    }

    public static bool IsValidOn(CertificateFact certificate, MeasureContext context)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(context);
        if (certificate.SupersededOn is DateOnly replaced && replaced <= context.At)
        {
            return false;
        }

        var facts = new CertificateFacts(certificate.IssuedOn, certificate.ExpiresOn, certificate.ReevaluationFiledOn, certificate.ReevaluationDecidedOn,
            certificate.RevokedOn is DateOnly revoked ? new Revocation(revoked, RevocationGround.OtherAuthorityConclusion, "") : null);
        return CertificateValidity.StateOn(facts, context.At, context.Policy).IsValid;
    }

    /// <summary>
    /// T2: of the products first ranked before the period (a certificate issued before its first day), those that got a
    /// certificate within the period up to the date at the same star or higher than their last one before it.
    /// </summary>
    private static MeasureResult Consolidated(MeasureDefinition definition, PlanFacts facts, MeasureContext context)
    {
        var numerator = new List<int>();
        var denominator = new List<int>();
        foreach (var group in facts.CertificatesByProduct)
        {
            if (!facts.ProductsById.TryGetValue(group.Key, out var product) || product.IsArchived)
            {
                continue;
            }

            var before = group.Where(c => c.IssuedOn < context.PeriodFrom && c.Stars >= 3).MaxBy(c => c.IssuedOn);
            if (before is null)
            {
                continue;
            }

            denominator.Add(group.Key);
            if (group.Any(c => c.IssuedOn >= context.PeriodFrom && c.IssuedOn <= context.At && c.Stars >= before.Stars))
            {
                numerator.Add(group.Key);
            }
        }

        return Ratio(definition.Output, RecordKind.Products, numerator.Count, denominator.Count, numerator, denominator);
    }

    /// <summary>
    /// T5: active craft villages with at least one active subject tied to them that has a product with a valid 3–5★
    /// recognition. The percentage form (919) divides by the active villages (traditional ones only when so defined).
    /// </summary>
    private static MeasureResult Villages(MeasureDefinition definition, PlanFacts facts, MeasureContext context)
    {
        var villages = facts.Villages.Where(v => v.CountsOn(context.At) && (!definition.TraditionalOnly || v.IsTraditional)).Select(v => v.Id).ToHashSet();
        var withProduct = new HashSet<int>();
        foreach (var productId in ValidProducts(facts, context).Keys)
        {
            var product = facts.ProductsById[productId];
            if (facts.SubjectsById.TryGetValue(product.SubjectId, out var subject) && subject.CountsOn(context.At)
                && subject.CraftVillageId is int village && villages.Contains(village))
            {
                withProduct.Add(village);
            }
        }

        var numerator = withProduct.ToList();
        var denominator = villages.ToList();
        return Ratio(definition.Output, RecordKind.CraftVillages, numerator.Count, denominator.Count, numerator, denominator);
    }

    /// <summary>
    /// T7: the products with support of the kind dated up to the date, or with a title of the IP register standing on the
    /// date that counts as that kind (a brand for brand support; a trademark, collective or certification mark for
    /// trademark support), each product once however many records it has. Support or a title that names no product, or an
    /// archived one, counts for none.
    /// </summary>
    private static List<int> SupportedProducts(PlanFacts facts, SupportKind? kind, DateOnly at) =>
        facts.Support
            .Where(r => !r.IsArchived && r.Kind == kind && r.On <= at && r.ProductId is int)
            .Select(r => r.ProductId!.Value)
            .Concat(facts.IpTitles
                .Where(t => !t.IsArchived && kind is not null && Support.IpRules.CountsAs(t.Kind) == kind && t.Standing.IsTrueOn(at))
                .Select(t => t.ProductId))
            .Where(id => facts.ProductsById.TryGetValue(id, out var product) && !product.IsArchived)
            .Distinct().ToList();

    /// <summary>919: trained workers over all workers of the active subjects; the records behind it are the subjects with trained workers.</summary>
    private static MeasureResult TrainedWorkers(MeasureDefinition definition, List<SubjectFact> subjects)
    {
        long trained = subjects.Sum(s => (long)Math.Min(s.WorkersTrained, s.WorkersTotal));
        long total = subjects.Sum(s => (long)s.WorkersTotal);
        var numerator = subjects.Where(s => s.WorkersTrained > 0).Select(s => s.Id).ToList();
        var denominator = subjects.Where(s => s.WorkersTotal > 0).Select(s => s.Id).ToList();
        return Ratio(definition.Output, RecordKind.Subjects, trained, total, numerator, denominator);
    }

    private static MeasureResult Share<T>(MeasureDefinition definition, RecordKind kind, List<T> all, Func<T, bool> counted, Func<T, int> id)
    {
        var numerator = all.Where(counted).Select(id).ToList();
        var denominator = all.Select(id).ToList();
        return Ratio(definition.Output, kind, numerator.Count, denominator.Count, numerator, denominator);
    }

    private static MeasureResult Count(RecordKind kind, List<int> ids) => new(ids.Count, ids.Count, null, kind, ids, []);

    private static MeasureResult Ratio(MeasureOutput output, RecordKind kind, long numerator, long denominator, List<int> numeratorIds, List<int> denominatorIds) =>
        output == MeasureOutput.Count
            ? new MeasureResult(numerator, numerator, denominator, kind, numeratorIds, denominatorIds)
            : new MeasureResult(Percent(numerator, denominator), numerator, denominator, kind, numeratorIds, denominatorIds);

    /// <summary>numerator / denominator as a percentage with one decimal (half away from zero); null for an empty denominator.</summary>
    public static decimal? Percent(long numerator, long denominator) =>
        denominator == 0 ? null : Math.Round(numerator * 100m / denominator, 1, MidpointRounding.AwayFromZero);
}
