using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Core.Registry;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Support;

/// <summary>
/// What the registers of section III add to the facts the targets read (docs/support.md, "What the targets read"): e-commerce
/// listings and sales-point offers as channel periods (T6), raw-material area links as green value chain periods (T4),
/// IP titles of products (T7). One narrow query per kind, within the unit's communes; the rules are the core's
/// (<see cref="RegisterFacts"/>, <see cref="Ocop.Core.Support.IpRules"/>).
/// </summary>
public static class SectionFacts
{
    public static async Task<PlanFacts> AddAsync(OcopDbContext db, IReadOnlyList<int>? communes, PlanFacts facts, CancellationToken ct)
    {
        var listings = db.EcommerceListings.AsNoTracking().Where(l => !l.IsArchived && l.Product!.Status != ProductStatus.Archived);
        var offers = db.SalesPointProducts.AsNoTracking().Where(o => !o.SalesPoint!.IsArchived && o.Product!.Status != ProductStatus.Archived);
        var links = db.RawMaterialAreaLinks.AsNoTracking().Where(l => !l.Area!.IsArchived);
        var titles = db.IpTitles.AsNoTracking().Where(t => t.ProductId != null);
        if (communes is not null)
        {
            listings = listings.Where(l => communes.Contains(l.Product!.Subject!.CommuneId));
            offers = offers.Where(o => communes.Contains(o.Product!.Subject!.CommuneId));
            links = links.Where(l => communes.Contains(l.Subject!.CommuneId));
            titles = titles.Where(t => communes.Contains(t.Product!.CommuneId));
        }

        var channelPeriods = (await listings.Select(l => new { l.Product!.SubjectId, l.StartedOn, l.EndedOn }).ToListAsync(ct))
            .Select(l => (l.SubjectId, Period: (Dated<SalesChannels>?)RegisterFacts.Listing(l.StartedOn, l.EndedOn)))
            .Concat((await offers.Select(o => new { o.Product!.SubjectId, o.StartedOn, o.EndedOn, o.SalesPoint!.OpenedOn, o.SalesPoint.ClosedOn }).ToListAsync(ct))
                .Select(o => (o.SubjectId, Period: RegisterFacts.SalesPointOffer(new(o.OpenedOn, o.ClosedOn), new(o.StartedOn, o.EndedOn)))))
            .Where(x => x.Period is not null)
            .ToLookup(x => x.SubjectId, x => x.Period!);
        var greenPeriods = (await links.Select(l => new { l.SubjectId, l.StartedOn, l.EndedOn, AreaStart = l.Area!.StartedOn, AreaEnd = l.Area.EndedOn }).ToListAsync(ct))
            .Select(l => (l.SubjectId, Period: RegisterFacts.AreaLink(new(l.AreaStart, l.AreaEnd), new(l.StartedOn, l.EndedOn))))
            .Where(x => x.Period is not null)
            .ToLookup(x => x.SubjectId, x => x.Period!.Value);
        var titleFacts = (await titles.Select(t => new { t.Id, ProductId = t.ProductId!.Value, t.Product!.CommuneId, t.Kind, t.AppliedOn, t.GrantedOn, t.CreatedAt, t.EndedOn, t.IsArchived })
                .ToListAsync(ct))
            .Select(t => new IpTitleFact(t.Id, t.ProductId, t.CommuneId, t.Kind,
                Ocop.Core.Support.IpRules.Standing(t.AppliedOn, t.GrantedOn, DateOnly.FromDateTime(t.CreatedAt.AddHours(7)), t.EndedOn), t.IsArchived))
            .ToList();
        if (channelPeriods.Count == 0 && greenPeriods.Count == 0 && titleFacts.Count == 0)
        {
            return facts;
        }

        var subjects = facts.Subjects.Select(s => RegisterFacts.With(s, channelPeriods[s.Id], greenPeriods[s.Id])).ToList();
        return new PlanFacts(subjects, facts.Products, facts.Certificates, facts.Villages, facts.Support) { IpTitles = titleFacts };
    }
}
