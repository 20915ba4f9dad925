using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Public;
using Ocop.Core.Registry;
using Ocop.Core.Text;
using Ocop.Web.Data;
using Ocop.Web.Features.Certificates;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Public;

/// <summary>
/// Everything the public pages show, held in memory as one snapshot (docs/public.md, as ADR 0008 does for the
/// registry's list): every public product with its certificate's state today, photos, producer and where to buy, in
/// catalog order, with an index of its words' three-letter pieces so that a search reads a few hundred rows, not all.
/// No query runs for a public page once the snapshot is loaded. It is valid for one value of
/// <see cref="RegistryListVersion"/>, <see cref="DirectoryVersion"/> and <see cref="PublicCatalogVersion"/> and for one
/// day (a certificate's state is of a date); once older than <see cref="UnitDirectory.MaxAge"/> a fingerprint of the
/// tables decides whether to reload (changes written outside this process).
/// </summary>
public sealed class PublicCatalog(
    IServiceScopeFactory scopes, UnitDirectory directory, IWhereToBuySource registers, TimeProvider clock, ILogger<PublicCatalog> log) : IDisposable
{
    private readonly SnapshotCache<(long Registry, long Directory, long Public, DateOnly Today), Snapshot> cache = new(clock);
    private long loads;

    public Task<Snapshot> GetAsync(CancellationToken ct) => cache.GetAsync(
        () => (RegistryListVersion.Current, DirectoryVersion.Current, PublicCatalogVersion.Current, Display.Today(clock)),
        LoadAsync, ct, UnchangedAsync);

    public void Dispose() => cache.Dispose();

    private async Task<bool> UnchangedAsync(Snapshot held, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OcopDbContext>();
        return held.Fingerprint == await FingerprintAsync(db, ct);
    }

    /// <summary>What moves when anything the snapshot shows changes: rows are archived, not deleted, and every save stamps a version or a time.</summary>
    private async Task<Fingerprint> FingerprintAsync(OcopDbContext db, CancellationToken ct) => new(
        await db.Products.CountAsync(ct), await db.Products.MaxAsync(p => (DateTime?)p.UpdatedAt, ct),
        await db.Subjects.CountAsync(ct), await db.Subjects.MaxAsync(s => (DateTime?)s.UpdatedAt, ct),
        await db.ProductCategories.SumAsync(c => c.Version, ct),
        await db.Certificates.CountAsync(ct), await db.Certificates.SumAsync(c => c.Version, ct),
        await db.ProductPhotos.CountAsync(ct), await db.ProductPhotos.CountAsync(p => p.IsArchived, ct),
        await registers.FingerprintAsync(db, ct));

    public readonly record struct Fingerprint(
        int Products, DateTime? ProductsUpdated, int Subjects, DateTime? SubjectsUpdated, int CategoryVersions,
        int Certificates, int CertificateVersions, int Photos, int ArchivedPhotos, long Registers);

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OcopDbContext>();
        var today = Display.Today(clock);
        // Taken before the rows: a change committed while they load makes the next check reload.
        var fingerprint = await FingerprintAsync(db, ct);
        var units = await directory.GetAsync(db, ct);
        var processes = await new CertificateRules(db, clock).ProcessesAsync(ct);
        var certificates = (await db.Certificates.AsNoTracking().ToListAsync(ct))
            .GroupBy(c => c.ProductId).ToDictionary(g => g.Key, g => g.ToList());
        var categories = await db.ProductCategories.AsNoTracking()
            .Select(c => new CategoryRow(c.Id, c.Code, c.Name, c.ParentId, c.Level)).ToDictionaryAsync(c => c.Id, ct);
        var subjects = await db.Subjects.AsNoTracking().Where(s => !s.IsArchived)
            .Select(s => new { s.Id, s.Name, s.LegalForm, s.Address, s.Phone, s.Email })
            .ToDictionaryAsync(s => s.Id, ct);
        var products = await db.Products.AsNoTracking().Where(p => p.Status != ProductStatus.Archived)
            .Select(p => new { p.Id, p.Name, p.SubjectId, p.CommuneId, p.CategoryId, p.Description, p.Story, p.Gtin, p.UpdatedAt, p.Status })
            .ToListAsync(ct);
        var photos = (await db.ProductPhotos.AsNoTracking().Where(f => !f.IsArchived).OrderBy(f => f.Id)
            .Select(f => new { f.Id, f.ProductId, f.Caption, f.StoredName, f.ContentType }).ToListAsync(ct))
            .GroupBy(f => f.ProductId).ToDictionary(g => g.Key, g => g.ToList());
        var where = await registers.LoadAsync(db, today, ct);

        var built = new List<PublicProduct>();
        var storedPhotos = new Dictionary<int, StoredPhoto>();
        foreach (var p in products)
        {
            var own = certificates.GetValueOrDefault(p.Id) ?? [];
            if (!subjects.TryGetValue(p.SubjectId, out var subject)
                || !PublicDisclosure.IsPublic(p.Status, subjectArchived: false, own.Count)
                || !categories.TryGetValue(p.CategoryId, out var category))
            {
                continue;
            }

            var states = own.ToDictionary(c => c, c => CertificateRules.StateOn(c, today, processes));
            var shown = PublicDisclosure.Shown(own, c => states[c], c => c.Stars, c => c.IssuedOn)!;
            var state = states[shown];
            var group = Ancestor(categories, category, 2) ?? category;
            var sector = Ancestor(categories, category, 1) ?? group;
            var commune = units.ById.GetValueOrDefault(p.CommuneId);
            var current = commune is null ? null : units.Latest(commune);
            var province = current is null ? null : units.ProvinceOf(current);
            var ownPhotos = photos.GetValueOrDefault(p.Id) ?? [];
            foreach (var f in ownPhotos)
            {
                storedPhotos[f.Id] = new StoredPhoto(f.StoredName, f.ContentType);
            }

            var publishes = PublicDisclosure.PublishesContact(subject.LegalForm);
            built.Add(new PublicProduct(
                p.Id, p.Name, PublicDisclosure.Slug(p.Name), p.SubjectId, subject.Name, subject.LegalForm, subject.Address,
                publishes ? subject.Phone : null, publishes ? subject.Email : null,
                category.Name, group.Id, group.Code, group.Name, sector.Id,
                p.CommuneId, commune?.Name ?? "", current?.Id ?? p.CommuneId, current?.Name ?? "", province?.Id, province?.Name ?? "",
                p.Description, p.Story, PublicDisclosure.Gtin14(p.Gtin), p.UpdatedAt,
                new PublicCertificate(shown.Number, shown.Stars, shown.IssuedOn, shown.ExpiresOn, state.State, state.IsValid, state.ValidUntil, shown.RevokedOn),
                [.. ownPhotos.Select(f => new PublicPhoto(f.Id, f.Caption))],
                VietnameseText.SearchKey(p.Name, subject.Name, SearchQuery.LegalFormWords(subject.LegalForm), p.Gtin),
                VietnameseText.SearchKey(commune?.SearchKey, current?.SearchKey), VietnameseText.Fold(p.Name)));
        }

        var snapshot = new Snapshot(built, where, units, storedPhotos, fingerprint, today, Interlocked.Increment(ref loads));
        log.LogInformation("Public catalog loaded: {Count} public products, {Places} places in {Elapsed} ms",
            built.Count, where.Places.Count, (int)clock.GetElapsedTime(started).TotalMilliseconds);
        return snapshot;
    }

    private sealed record CategoryRow(int Id, string Code, string Name, int? ParentId, int Level);

    private static CategoryRow? Ancestor(Dictionary<int, CategoryRow> categories, CategoryRow category, int level)
    {
        for (var c = category; c is not null; c = c.ParentId is int parent ? categories.GetValueOrDefault(parent) : null)
        {
            if (c.Level == level)
            {
                return c;
            }
        }

        return null;
    }

    public sealed record StoredPhoto(string StoredName, string ContentType);

    /// <summary>A group or a province offered by the catalog's filters, with how many public products it has.</summary>
    public sealed record Choice(int Id, string Code, string Name, int Count);

    /// <summary>The home's figures, over the deploying office's reach (the whole country when it serves it).</summary>
    public sealed record Figures(int ValidProducts, IReadOnlyDictionary<int, int> ByStars, int Producers, int Communes, int SalesPoints);

    public sealed class Snapshot
    {
        private const int FeaturedCount = 8;

        private readonly PublicProduct[] ordered;
        private readonly Dictionary<long, int[]> trigrams;
        private readonly Dictionary<int, List<PublicPlace>> placesByProduct;
        private readonly Dictionary<int, List<PublicListing>> listingsByProduct;
        private readonly HashSet<int> atSalesPoint;
        private string? sitemap;

        public Snapshot(List<PublicProduct> products, WhereToBuyRegisters where, UnitDirectory.Snapshot units,
            Dictionary<int, StoredPhoto> photos, Fingerprint fingerprint, DateOnly today, long stamp)
        {
            Fingerprint = fingerprint;
            Today = today;
            Stamp = stamp;
            Office = units.Office;
            StoredPhotos = photos;
            // Valid certificates first, most stars first, then names in Vietnamese alphabetical order (sort keys computed once).
            var vietnamese = Display.Vi.CompareInfo;
            var keys = products.ToDictionary(p => p.Id, p => vietnamese.GetSortKey(p.Name).KeyData);
            ordered = [.. products];
            Array.Sort(ordered, (a, b) =>
            {
                var order = (b.Stars ?? 0).CompareTo(a.Stars ?? 0);
                order = order != 0 ? order : keys[a.Id].AsSpan().SequenceCompareTo(keys[b.Id]);
                return order != 0 ? order : a.Id.CompareTo(b.Id);
            });
            ById = ordered.ToDictionary(p => p.Id);
            ByGtin = ordered.Where(p => p.Gtin14 is not null).GroupBy(p => p.Gtin14!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            BySubject = ordered.GroupBy(p => p.SubjectId).ToDictionary(g => g.Key, g => (IReadOnlyList<PublicProduct>)[.. g]);
            trigrams = IndexTrigrams(ordered);

            var publicIds = ById.Keys.ToHashSet();
            Places = [.. where.Places.Select(place => place with { ProductIds = [.. place.ProductIds.Where(publicIds.Contains)] })
                .OrderBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.Create(Display.Vi, false))];
            placesByProduct = Places.SelectMany(place => place.ProductIds.Select(id => (id, place)))
                .GroupBy(x => x.id).ToDictionary(g => g.Key, g => g.Select(x => x.place).ToList());
            // Only web addresses leave the site from a listing: a register row holding "javascript:" or a bare word is not shown.
            listingsByProduct = where.Listings.Where(l => publicIds.Contains(l.ProductId)
                    && Uri.TryCreate(l.Url, UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp))
                .GroupBy(l => l.ProductId).ToDictionary(g => g.Key, g => g.ToList());
            atSalesPoint = [.. Places.Where(p => p.Kind == PlaceKind.SalesPoint).SelectMany(p => p.ProductIds)];

            Groups = [.. ordered.GroupBy(p => (p.GroupId, p.GroupCode, p.GroupName)).Select(g => new Choice(g.Key.GroupId, g.Key.GroupCode, g.Key.GroupName, g.Count()))
                .OrderBy(c => c.Code, StringComparer.Ordinal)];
            Provinces = [.. ordered.Where(p => p.ProvinceId is not null).GroupBy(p => (p.ProvinceId!.Value, p.ProvinceName))
                .Select(g => new Choice(g.Key.Value, "", g.Key.ProvinceName, g.Count()))
                .OrderBy(c => c.Name, StringComparer.Create(Display.Vi, false))];

            var reach = units.HomeCommunes;
            var home = ordered.Where(p => p.Stars is not null && (reach is null || reach.Contains(p.CommuneId))).ToList();
            HomeFigures = new Figures(home.Count, home.GroupBy(p => p.Stars!.Value).ToDictionary(g => g.Key, g => g.Count()),
                home.Select(p => p.SubjectId).Distinct().Count(), home.Select(p => p.CurrentCommuneId).Distinct().Count(),
                Places.Count(p => p.Kind == PlaceKind.SalesPoint && (reach is null || reach.Contains(p.CommuneId))));
            // The most stars, then the most recent certificates, with a photo; one product per producer.
            Featured = [.. home.Where(p => p.Photos.Count > 0)
                .OrderByDescending(p => p.Stars).ThenByDescending(p => p.Certificate.IssuedOn).ThenBy(p => p.Id)
                .DistinctBy(p => p.SubjectId).Take(FeaturedCount)];
        }

        public Fingerprint Fingerprint { get; }
        public DateOnly Today { get; }

        /// <summary>Which load this is: a cached page is valid only for the snapshot it was made from.</summary>
        public long Stamp { get; }

        public DeployingOfficeEntry Office { get; }
        public IReadOnlyList<PublicProduct> Products => ordered;
        public IReadOnlyDictionary<int, PublicProduct> ById { get; }
        public IReadOnlyDictionary<string, PublicProduct> ByGtin { get; }
        public IReadOnlyDictionary<int, IReadOnlyList<PublicProduct>> BySubject { get; }
        public IReadOnlyDictionary<int, StoredPhoto> StoredPhotos { get; }
        public IReadOnlyList<PublicPlace> Places { get; }
        public IReadOnlyList<Choice> Groups { get; }
        public IReadOnlyList<Choice> Provinces { get; }
        public Figures HomeFigures { get; }
        public IReadOnlyList<PublicProduct> Featured { get; }

        public IReadOnlyList<PublicPlace> PlacesOf(int productId) => placesByProduct.GetValueOrDefault(productId) ?? [];

        public IReadOnlyList<PublicListing> ListingsOf(int productId) => listingsByProduct.GetValueOrDefault(productId) ?? [];

        /// <summary>
        /// The products matching the search — every typed word found, in any order, without diacritics, abbreviations of
        /// legal forms read both ways (the registry's <see cref="SearchQuery"/>) — best matches first, then in catalog
        /// order: one page of them and how many there are.
        /// </summary>
        public (List<PublicProduct> Rows, int Total) Find(CatalogSearch search, int skip, int take)
        {
            var query = SearchQuery.Parse(search.Q);
            var commune = VietnameseText.Fold(search.Commune);
            var matches = new List<int>();
            foreach (var index in Candidates(query))
            {
                var p = ordered[index];
                if ((!query.IsEmpty && !query.Matches(p.SearchKey))
                    || (search.Stars is int stars && p.Stars != stars)
                    || (search.Group is int group && p.GroupId != group && p.SectorId != group)
                    || (search.Province is int province && p.ProvinceId != province)
                    || (commune.Length > 0 && !p.CommuneKey.Contains(commune, StringComparison.Ordinal))
                    || (search.AtSalesPoint && !atSalesPoint.Contains(p.Id)))
                {
                    continue;
                }

                matches.Add(index);
            }

            if (!query.IsEmpty)
            {
                // Candidates come in catalog order, and the sort is stable: equal ranks keep that order.
                var ranks = matches.ToDictionary(i => i, i => query.Rank(ordered[i].NameKey, ordered[i].SearchKey));
                matches = [.. matches.OrderByDescending(i => ranks[i])];
            }

            return ([.. matches.Skip(skip).Take(take).Select(i => ordered[i])], matches.Count);
        }

        /// <summary>
        /// The rows that can hold every term, in catalog order: for the term whose spellings are rarest, the rows holding
        /// each spelling's rarest three-letter piece (all rows when every term has a spelling shorter than that).
        /// </summary>
        private IEnumerable<int> Candidates(SearchQuery query)
        {
            int[]? fewest = null;
            foreach (var term in query.Terms)
            {
                if (term.Spellings.Any(s => s.Length < 3))
                {
                    continue;
                }

                var rows = term.Spellings.Count == 1
                    ? RarestPostings(term.Spellings[0])
                    : [.. term.Spellings.SelectMany(RarestPostings).Distinct().Order()];
                if (fewest is null || rows.Length < fewest.Length)
                {
                    fewest = rows;
                }
            }

            return fewest ?? Enumerable.Range(0, ordered.Length);
        }

        private int[] RarestPostings(string spelling)
        {
            int[]? rarest = null;
            for (var i = 0; i + 3 <= spelling.Length; i++)
            {
                if (!trigrams.TryGetValue(Trigram(spelling, i), out var postings))
                {
                    return [];
                }

                if (rarest is null || postings.Length < rarest.Length)
                {
                    rarest = postings;
                }
            }

            return rarest!;
        }

        private static Dictionary<long, int[]> IndexTrigrams(PublicProduct[] products)
        {
            var lists = new Dictionary<long, List<int>>();
            var seen = new HashSet<long>();
            for (var index = 0; index < products.Length; index++)
            {
                var key = products[index].SearchKey;
                seen.Clear();
                for (var i = 0; i + 3 <= key.Length; i++)
                {
                    var trigram = Trigram(key, i);
                    if (seen.Add(trigram))
                    {
                        if (!lists.TryGetValue(trigram, out var list))
                        {
                            lists[trigram] = list = [];
                        }

                        list.Add(index);
                    }
                }
            }

            return lists.ToDictionary(l => l.Key, l => l.Value.ToArray());
        }

        private static long Trigram(string text, int at) => ((long)text[at] << 32) | ((long)text[at + 1] << 16) | text[at + 2];

        /// <summary>Every public product, home, catalog and map in both languages, for search engines (built once per snapshot).</summary>
        public string Sitemap(Func<string, string> absolute)
        {
            if (sitemap is not null)
            {
                return sitemap;
            }

            var xml = new System.Text.StringBuilder(200 * (ordered.Length + 4));
            xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .Append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
            void Url(string vi, string en, DateTime? modified)
            {
                foreach (var (loc, _) in new[] { (vi, false), (en, true) })
                {
                    xml.Append("<url><loc>").Append(System.Security.SecurityElement.Escape(absolute(loc))).Append("</loc>");
                    if (modified is { } m)
                    {
                        xml.Append("<lastmod>").Append(m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</lastmod>");
                    }

                    xml.Append("<xhtml:link rel=\"alternate\" hreflang=\"vi\" href=\"").Append(System.Security.SecurityElement.Escape(absolute(vi))).Append("\"/>")
                        .Append("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"").Append(System.Security.SecurityElement.Escape(absolute(en))).Append("\"/>")
                        .Append("</url>\n");
                }
            }

            Url(PublicUrls.Home(false), PublicUrls.Home(true), null);
            Url(PublicUrls.Catalog(false), PublicUrls.Catalog(true), null);
            Url(PublicUrls.Map(false), PublicUrls.Map(true), null);
            foreach (var p in ordered.OrderBy(p => p.Id))
            {
                Url(PublicUrls.Product(false, p.Id, p.Name), PublicUrls.Product(true, p.Id, p.Name), p.UpdatedAt);
            }

            xml.Append("</urlset>\n");
            return sitemap = xml.ToString();
        }
    }
}

/// <summary>A catalog search: words typed with or without diacritics, and the filters.</summary>
public sealed record CatalogSearch(string? Q, int? Stars, int? Group, int? Province, string? Commune, bool AtSalesPoint);

/// <summary>A public product as its pages show it; <see cref="Stars"/> only while its certificate is valid.</summary>
public sealed record PublicProduct(
    int Id, string Name, string Slug, int SubjectId, string SubjectName, LegalForm LegalForm, string SubjectAddress,
    string? Phone, string? Email, string CategoryName, int GroupId, string GroupCode, string GroupName, int SectorId,
    int CommuneId, string CommuneName, int CurrentCommuneId, string CurrentCommuneName, int? ProvinceId, string ProvinceName,
    string? Description, string? Story, string? Gtin14, DateTime UpdatedAt, PublicCertificate Certificate,
    IReadOnlyList<PublicPhoto> Photos, string SearchKey, string CommuneKey, string NameKey)
{
    public int? Stars => Certificate.IsValid ? Certificate.Stars : null;
}

/// <summary>The certificate a public page speaks of (<see cref="PublicDisclosure.Shown{T}"/>) and its state today.</summary>
public sealed record PublicCertificate(
    string Number, int Stars, DateOnly IssuedOn, DateOnly ExpiresOn, CertificateState State, bool IsValid, DateOnly? ValidUntil, DateOnly? RevokedOn);

public sealed record PublicPhoto(int Id, string? Caption);
