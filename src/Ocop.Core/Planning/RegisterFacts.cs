using Ocop.Core.Registry;
using Ocop.Core.Support;

namespace Ocop.Core.Planning;

/// <summary>An IP title of a product (brand, trademark…), with the period it stands: target T7 counts the product while it does.</summary>
/// <param name="CommuneId">The product's commune of production.</param>
public sealed record IpTitleFact(int Id, int ProductId, int CommuneId, IpKind Kind, FactPeriod Standing, bool IsArchived = false);

/// <summary>
/// Facts the registers of section III add to a subject's dated facts, by the rules of docs/planning.md ("Facts from the
/// registers"): an e-commerce listing of one of its products is the e-commerce channel from the listing's start to its end;
/// one of its products on sale at an OCOP sales point is the sales-point channel while both the point is open and the
/// product is on sale there; a link to a raw-material area is a green value chain tied to a stable raw-material area for
/// the link's period. These add to what the subject form records; they never remove from it.
/// </summary>
public static class RegisterFacts
{
    /// <summary>An e-commerce listing as a channel period.</summary>
    public static Dated<SalesChannels> Listing(DateOnly startedOn, DateOnly? endedOn) => new(SalesChannels.ECommerce, new(startedOn, endedOn));

    /// <summary>A product on sale at a sales point as a channel period; null when the two periods never meet.</summary>
    public static Dated<SalesChannels>? SalesPointOffer(FactPeriod pointOpen, FactPeriod onSale) =>
        Overlap(pointOpen, onSale) is FactPeriod both ? new(SalesChannels.OcopSalesPoint, both) : null;

    /// <summary>A subject's link to a raw-material area as a green value chain period: while both the area and the link stand.</summary>
    public static FactPeriod? AreaLink(FactPeriod area, FactPeriod link) => Overlap(area, link);

    /// <summary>The days two periods share; null when they share none.</summary>
    public static FactPeriod? Overlap(FactPeriod a, FactPeriod b)
    {
        var start = a.StartedOn > b.StartedOn ? a.StartedOn : b.StartedOn;
        DateOnly? end = (a.EndedOn, b.EndedOn) switch
        {
            (null, null) => null,
            (DateOnly x, null) => x,
            (null, DateOnly y) => y,
            (DateOnly x, DateOnly y) => x < y ? x : y,
        };
        return end is DateOnly e && e <= start ? null : new FactPeriod(start, end);
    }

    /// <summary>The subject with the channel and green value chain periods of the registers added to its own.</summary>
    public static SubjectFact With(SubjectFact subject, IEnumerable<Dated<SalesChannels>> channels, IEnumerable<FactPeriod> greenValueChain)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(greenValueChain);
        var addedChannels = channels.ToList();
        var addedGreen = greenValueChain.ToList();
        return addedChannels.Count == 0 && addedGreen.Count == 0
            ? subject
            : subject with { Channels = [.. subject.Channels, .. addedChannels], GreenValueChain = [.. subject.GreenValueChain, .. addedGreen] };
    }
}
