using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Public;

/// <summary>
/// Reads where to buy from the registers of section III (issue 15, docs/support.md): sales points open today with the
/// products on sale there today, e-commerce listings standing today, and the tourism points (a producer that receives
/// visitors is drawn as a producer; a tourism point that is a registered sales point is the sales point, drawn once and only while open).
/// Periods end on the first day a fact no longer holds (EndedOn, ClosedOn), as everywhere in the registers.
/// </summary>
public sealed class WhereToBuyRegistersSource : IWhereToBuySource
{
    public async Task<WhereToBuyRegisters> LoadAsync(OcopDbContext db, DateOnly today, CancellationToken ct)
    {
        var points = await db.SalesPoints.AsNoTracking()
            .Where(p => !p.IsArchived && p.OpenedOn <= today && (p.ClosedOn == null || p.ClosedOn > today))
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Address,
                p.CommuneId,
                p.Latitude,
                p.Longitude,
                p.OperatorSubjectId,
                Products = p.Products.Where(x => x.StartedOn <= today && (x.EndedOn == null || x.EndedOn > today)).Select(x => x.ProductId).ToList(),
            })
            .ToListAsync(ct);
        var tourism = await db.TourismPoints.AsNoTracking().Where(p => !p.IsArchived)
            .Select(p => new { p.Id, p.Name, p.Kind, p.SubjectId, p.SalesPointId, p.CommuneId, p.Address, p.Latitude, p.Longitude, p.Description })
            .ToListAsync(ct);
        // A producer's place offers its own products: read once for the subjects the tourism points name.
        var subjectIds = tourism.Where(t => t.SubjectId is not null).Select(t => t.SubjectId!.Value).Distinct().ToList();
        var productsOf = (await db.Products.AsNoTracking().Where(p => subjectIds.Contains(p.SubjectId)).Select(p => new { p.Id, p.SubjectId }).ToListAsync(ct))
            .GroupBy(p => p.SubjectId).ToDictionary(g => g.Key, g => g.Select(p => p.Id).Order().ToList());
        var listings = await db.EcommerceListings.AsNoTracking()
            .Where(l => !l.IsArchived && l.StartedOn <= today && (l.EndedOn == null || l.EndedOn > today))
            .OrderBy(l => l.Platform).ThenBy(l => l.Id)
            .Select(l => new PublicListing(l.ProductId, l.Platform, l.Url))
            .ToListAsync(ct);

        var places = new List<PublicPlace>(points.Count + tourism.Count);
        places.AddRange(points.Select(p => new PublicPlace(
            "sp-" + p.Id, PlaceKind.SalesPoint, p.Name, p.Address, p.CommuneId, Degrees(p.Latitude), Degrees(p.Longitude),
            p.OperatorSubjectId, null, [.. p.Products.Distinct().Order()])));
        foreach (var t in tourism)
        {
            // A tourism point that is a registered sales point is that sales point: drawn once, while it is open.
            if (t.SalesPointId is not null)
            {
                continue;
            }

            var kind = t.Kind == TourismPointKind.Producer && t.SubjectId is not null ? PlaceKind.Producer : PlaceKind.Tourism;
            places.Add(new PublicPlace(
                "tp-" + t.Id, kind, t.Name, t.Address, t.CommuneId, Degrees(t.Latitude), Degrees(t.Longitude), t.SubjectId, t.Description,
                t.SubjectId is int subject ? productsOf.GetValueOrDefault(subject) ?? [] : []));
        }

        return new WhereToBuyRegisters(places, listings);
    }

    /// <summary>Versions and counts of the three registers and of the sales points' offers (rows replaced on each edit, so their ids move).</summary>
    public async Task<long> FingerprintAsync(OcopDbContext db, CancellationToken ct)
    {
        long Mix(long hash, long value) => unchecked((hash * 1_000_003) ^ value);
        var hash = 17L;
        hash = Mix(hash, await db.SalesPoints.CountAsync(ct));
        hash = Mix(hash, await db.SalesPoints.SumAsync(p => (long)p.Version, ct));
        hash = Mix(hash, await db.SalesPointProducts.CountAsync(ct));
        hash = Mix(hash, await db.SalesPointProducts.SumAsync(x => (long)x.Id, ct));
        hash = Mix(hash, await db.EcommerceListings.CountAsync(ct));
        hash = Mix(hash, await db.EcommerceListings.SumAsync(l => (long)l.Version, ct));
        hash = Mix(hash, await db.TourismPoints.CountAsync(ct));
        hash = Mix(hash, await db.TourismPoints.SumAsync(p => (long)p.Version, ct));
        return hash;
    }

    private static double? Degrees(decimal? value) => value is decimal d ? (double)d : null;
}
