using Ocop.Web.Data;

namespace Ocop.Web.Features.Public;

/// <summary>What a place on the public map is.</summary>
public enum PlaceKind
{
    /// <summary>An OCOP sales point (điểm giới thiệu và bán sản phẩm OCOP).</summary>
    SalesPoint = 1,
    /// <summary>A producer that receives visitors.</summary>
    Producer = 2,
    /// <summary>A community tourism point, a craft village.</summary>
    Tourism = 3,
}

/// <summary>
/// A place of the public map and of a product's "where to buy": its position in WGS 84 degrees when known (a place
/// without one is listed, not drawn), the producer it is, and the public products sold there today.
/// </summary>
public sealed record PublicPlace(
    string Key, PlaceKind Kind, string Name, string? Address, int CommuneId, double? Latitude, double? Longitude,
    int? SubjectId, string? Description, IReadOnlyList<int> ProductIds)
{
    public bool HasPosition => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;
}

/// <summary>A product's listing on an e-commerce platform, standing today.</summary>
public sealed record PublicListing(int ProductId, string Platform, string Url);

/// <summary>The registers of where to buy as of one day.</summary>
public sealed record WhereToBuyRegisters(IReadOnlyList<PublicPlace> Places, IReadOnlyList<PublicListing> Listings)
{
    public static WhereToBuyRegisters None { get; } = new([], []);
}

/// <summary>
/// The seam between the public face and the registers of sales points, e-commerce listings and tourism points
/// (issue 15, Features/Promotion): <see cref="PublicCatalog"/> reads them through it, once per snapshot.
/// </summary>
public interface IWhereToBuySource
{
    /// <summary>Places and listings standing on <paramref name="today"/> (opened, not closed, not archived).</summary>
    Task<WhereToBuyRegisters> LoadAsync(OcopDbContext db, DateOnly today, CancellationToken ct);

    /// <summary>A value that moves when any of the registers changes (checked when the catalog is old, ADR 0008).</summary>
    Task<long> FingerprintAsync(OcopDbContext db, CancellationToken ct);
}

/// <summary>Which saved records the registers are made of: a save touching one moves <see cref="PublicCatalogVersion"/>.</summary>
public static class WhereToBuy
{
    /// <summary>The entity types of the registers that <see cref="IWhereToBuySource"/> reads.</summary>
    public static readonly IReadOnlySet<Type> RegisterTypes = new HashSet<Type>
    {
        typeof(SalesPoint), typeof(SalesPointProduct), typeof(EcommerceListing), typeof(TourismPoint),
    };

    public static bool Touches(object entity) => RegisterTypes.Contains(entity.GetType());
}
