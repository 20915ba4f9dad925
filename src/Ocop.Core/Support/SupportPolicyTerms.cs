namespace Ocop.Core.Support;

/// <summary>What a policy gives a product of one star level: a fixed amount, a share of the cost, or both (the share capped by the amount).</summary>
/// <param name="Stars">3, 4 or 5.</param>
/// <param name="MaxAmountVnd">The most the policy pays, whole đồng; null when only a rate is set.</param>
/// <param name="RatePercent">The share of the cost the policy pays, in percent; null when only an amount is set.</param>
public sealed record StarRate(int Stars, long? MaxAmountVnd, decimal? RatePercent);

/// <summary>A support policy as the rules read it: its period and what it gives per star level ("theo từng hạng sao").</summary>
/// <param name="ValidTo">The last day the policy applies; null while it stands.</param>
public sealed record SupportPolicyTerms(int Id, string Name, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<StarRate> Rates, bool IsArchived = false)
{
    public bool AppliesOn(DateOnly date) => !IsArchived && ValidFrom <= date && (ValidTo is null || date <= ValidTo.Value);

    public StarRate? RateFor(int stars) => Rates.FirstOrDefault(r => r.Stars == stars);

    /// <summary>Problems that make the terms unusable, in Vietnamese for the form; empty when they are fine.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (ValidTo is DateOnly end && end < ValidFrom)
        {
            problems.Add("Ngày hết hiệu lực phải từ ngày có hiệu lực trở đi.");
        }

        if (Rates.Count == 0)
        {
            problems.Add("Nhập mức hỗ trợ cho ít nhất một hạng sao.");
        }

        foreach (var rate in Rates)
        {
            if (rate.Stars is < 3 or > 5)
            {
                problems.Add("Mức hỗ trợ chỉ cho sản phẩm 3, 4 hoặc 5 sao.");
            }

            if (rate.MaxAmountVnd is null && rate.RatePercent is null)
            {
                problems.Add($"Hạng {rate.Stars} sao: nhập mức tiền hoặc tỷ lệ hỗ trợ.");
            }

            if (rate.MaxAmountVnd < 0)
            {
                problems.Add($"Hạng {rate.Stars} sao: mức tiền không âm.");
            }

            if (rate.RatePercent is < 0 or > 100)
            {
                problems.Add($"Hạng {rate.Stars} sao: tỷ lệ từ 0 đến 100 %.");
            }
        }

        if (Rates.GroupBy(r => r.Stars).Any(g => g.Count() > 1))
        {
            problems.Add("Mỗi hạng sao chỉ một mức hỗ trợ.");
        }

        return problems;
    }
}

/// <summary>A policy a recognised product may ask for, with what it gives at the product's star.</summary>
public sealed record EligiblePolicy(SupportPolicyTerms Policy, StarRate Rate, bool AlreadySupported);

/// <summary>
/// Which policies a product became eligible for when it was recognised: those in force on the recognition date that give
/// something at its star. A policy under which the product has already been supported is still listed, marked, so the
/// office sees what was done and what is left to act on.
/// </summary>
public static class SupportEligibility
{
    /// <param name="stars">The star of the recognition (3–5); 1–2★ get no certificate and no support by star.</param>
    /// <param name="recognisedOn">The recognition's date: the policies in force that day apply.</param>
    /// <param name="supportedUnder">Ids of the policies the product has already been supported under.</param>
    public static IReadOnlyList<EligiblePolicy> For(IEnumerable<SupportPolicyTerms> policies, int stars, DateOnly recognisedOn, IReadOnlySet<int> supportedUnder)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(supportedUnder);
        if (stars is < 3 or > 5)
        {
            return [];
        }

        return policies
            .Where(p => p.AppliesOn(recognisedOn))
            .Select(p => (Policy: p, Rate: p.RateFor(stars)))
            .Where(x => x.Rate is not null)
            .Select(x => new EligiblePolicy(x.Policy, x.Rate!, supportedUnder.Contains(x.Policy.Id)))
            .OrderBy(x => x.AlreadySupported).ThenBy(x => x.Policy.Name, StringComparer.Ordinal)
            .ToList();
    }
}
