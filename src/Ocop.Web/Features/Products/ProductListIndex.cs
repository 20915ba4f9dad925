using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Registry;
using Ocop.Core.Text;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Certificates;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Products;

/// <summary>
/// Every product's list row and search keys, held in memory and already sorted every way the list sorts: the list page,
/// its export and the API answer a search by scanning it (16,000 products in about a millisecond) instead of asking the
/// database three times per request, which at national scale was most of each request's cost (ADR 0008).
/// It is valid for one value of <see cref="RegistryListVersion"/> (saves touching products, subjects or the taxonomy)
/// and of <see cref="DirectoryVersion"/> (commune names and parents); see <see cref="SnapshotCache{TVersion, T}"/>.
/// </summary>
public sealed class ProductListIndex(UnitDirectory directory, TimeProvider clock, ILogger<ProductListIndex> log) : IDisposable
{
    private readonly SnapshotCache<(long Registry, long Directory), Snapshot> cache = new(clock);

    /// <summary>Today in Vietnam: the day a certificate's state is read on.</summary>
    public DateOnly Today => Display.Today(clock);

    public Task<Snapshot> GetAsync(OcopDbContext db, CancellationToken ct) =>
        cache.GetAsync(() => (RegistryListVersion.Current, DirectoryVersion.Current), async ct =>
        {
            var started = clock.GetTimestamp();
            var loaded = await LoadAsync(db, await directory.GetAsync(db, ct), await new CertificateRules(db, clock).ProcessesAsync(ct), ct);
            log.LogInformation("Product list loaded: {Count} products in {Elapsed} ms", loaded.ByName.Length,
                (int)clock.GetElapsedTime(started).TotalMilliseconds);
            return loaded;
        }, ct, async (held, ct) => held.Fingerprint == await FingerprintAsync(db, ct));

    /// <summary>
    /// What moves when any product, subject, category or certificate changes, in small index-served queries: rows are
    /// archived rather than deleted, and every save stamps UpdatedAt or Version. Checked when the snapshot is old,
    /// so that a whole reload (16,000 rows, a few hundred milliseconds under load) happens only after real changes.
    /// </summary>
    private static async Task<Fingerprint> FingerprintAsync(OcopDbContext db, CancellationToken ct) => new(
        await db.Products.CountAsync(ct), await db.Products.MaxAsync(p => (DateTime?)p.UpdatedAt, ct),
        await db.Subjects.CountAsync(ct), await db.Subjects.MaxAsync(s => (DateTime?)s.UpdatedAt, ct),
        await db.ProductCategories.SumAsync(c => c.Version, ct),
        await db.Certificates.CountAsync(ct) + await db.Certificates.SumAsync(c => (long)c.Version, ct));

    public void Dispose() => cache.Dispose();

    private static async Task<Snapshot> LoadAsync(
        OcopDbContext db, UnitDirectory.Snapshot units, IReadOnlyList<EvaluationProcess> processes, CancellationToken ct)
    {
        // Taken before the rows: a change committed while they load makes the next check reload.
        var fingerprint = await FingerprintAsync(db, ct);
        // Archived categories too: a product keeps the category it was registered in.
        var categories = await db.ProductCategories.AsNoTracking()
            .Select(c => new { c.Id, c.Code, c.Name, c.ParentId })
            .ToDictionaryAsync(c => c.Id, ct);
        // A subject is also found by its legal form, however the name writes it ("HTX", "Hợp tác xã").
        var subjects = await db.Subjects.AsNoTracking()
            .Select(s => new { s.Id, s.Name, s.SearchText, s.LegalForm })
            .ToDictionaryAsync(s => s.Id, ct);
        var subjectKeys = subjects.Values.ToDictionary(s => s.Id, s => s.SearchText + " | " + SearchQuery.LegalFormWords(s.LegalForm));
        // The product's latest certificate: its stars, and its state on the day asked.
        var certificates = (await db.Certificates.AsNoTracking()
                .Select(c => new Certificate
                {
                    Id = c.Id,
                    Number = c.Number,
                    ProductId = c.ProductId,
                    Stars = c.Stars,
                    IssuedOn = c.IssuedOn,
                    ExpiresOn = c.ExpiresOn,
                    ReevaluationFiledOn = c.ReevaluationFiledOn,
                    ReevaluationDecidedOn = c.ReevaluationDecidedOn,
                    ReevaluationOutcome = c.ReevaluationOutcome,
                    RevokedOn = c.RevokedOn,
                    RevocationGround = c.RevocationGround,
                    RevocationDecision = c.RevocationDecision,
                })
                .ToListAsync(ct))
            .GroupBy(c => c.ProductId)
            .ToDictionary(g => g.Key, g => g.MaxBy(c => (c.IssuedOn, c.Id))!);
        // A commune is found by its name then and its name now: "Đa Lộc" and "Châu Thành" both find Đa Lộc's records.
        var communeKeys = new Dictionary<int, string>();
        var products = await db.Products.AsNoTracking()
            .Select(p => new { p.Id, p.Name, p.SubjectId, p.CommuneId, p.CategoryId, p.Status, p.Gtin, p.UpdatedAt, p.SearchText })
            .ToListAsync(ct);

        var entries = new List<Entry>(products.Count);
        foreach (var p in products)
        {
            var subject = subjects[p.SubjectId];
            var category = categories[p.CategoryId];
            var categoryParent = category.ParentId is int parentId ? categories.GetValueOrDefault(parentId) : null;
            var commune = units.ById.GetValueOrDefault(p.CommuneId);
            var current = commune is null ? null : units.Latest(commune);
            if (!communeKeys.TryGetValue(p.CommuneId, out var communeKey))
            {
                communeKey = commune is null ? "" : current is null || current.Id == commune.Id ? commune.SearchKey : commune.SearchKey + " | " + current.SearchKey;
                communeKeys[p.CommuneId] = communeKey;
            }

            var certificate = certificates.GetValueOrDefault(p.Id);
            entries.Add(new Entry(
                new ProductRow(p.Id, p.Name, p.SubjectId, subject.Name, p.CommuneId, commune?.Code ?? "", commune?.Name ?? "",
                    current?.Id ?? p.CommuneId, current?.Name ?? "", category.Code, category.Name, p.Status, p.Gtin, p.UpdatedAt),
                p.SearchText, subjectKeys[p.SubjectId], communeKey, p.CategoryId, category.ParentId, categoryParent?.ParentId)
            {
                Stars = certificate?.Stars ?? 0,
                Certificate = certificate?.ToFacts(),
            });
        }

        return new Snapshot(entries, fingerprint, processes);
    }

    public readonly record struct Fingerprint(
        int Products, DateTime? ProductsUpdated, int Subjects, DateTime? SubjectsUpdated, int CategoryVersions, long Certificates);

    /// <summary>
    /// One product as the list needs it: its row; its own, its subject's (with the legal form's words) and its commune's
    /// (then and now) folded keys, shared between the products of one subject or commune; the category ancestors its
    /// filter tests; its latest certificate.
    /// </summary>
    public sealed record Entry(
        ProductRow Row, string SearchText, string SubjectKey, string CommuneKey,
        int CategoryId, int? CategoryParentId, int? CategoryGrandparentId)
    {
        public int Stars { get; init; }
        public CertificateFacts? Certificate { get; init; }
    }

    public sealed class Snapshot
    {
        private readonly IReadOnlyList<EvaluationProcess> processes;
        private readonly Dictionary<string, int> subjectRanks;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(ProductSort Sort, DateOnly? Day), Entry[]> presorted = new();

        public Snapshot(List<Entry> entries, Fingerprint fingerprint, IReadOnlyList<EvaluationProcess> processes)
        {
            Fingerprint = fingerprint;
            this.processes = processes;
            // Names in Vietnamese alphabetical order (Đ after D, ă and â after a), ties by id. Each name's sort key is
            // computed once and compared as bytes: comparing through ICU inside the sort took several times as long.
            var vietnamese = Display.Vi.CompareInfo;
            var nameKeys = entries.Select(e => vietnamese.GetSortKey(e.Row.Name).KeyData).ToArray();
            var byName = Enumerable.Range(0, entries.Count).ToArray();
            Array.Sort(byName, (a, b) =>
            {
                var order = nameKeys[a].AsSpan().SequenceCompareTo(nameKeys[b]);
                return order != 0 ? order : entries[a].Row.Id.CompareTo(entries[b].Row.Id);
            });
            // Descending orders keep ties by ascending id, as the list's queries always did.
            var byNameDescending = Enumerable.Range(0, entries.Count).ToArray();
            Array.Sort(byNameDescending, (a, b) =>
            {
                var order = nameKeys[b].AsSpan().SequenceCompareTo(nameKeys[a]);
                return order != 0 ? order : entries[a].Row.Id.CompareTo(entries[b].Row.Id);
            });
            var nameRank = new int[entries.Count];
            for (var rank = 0; rank < byName.Length; rank++)
            {
                nameRank[byName[rank]] = rank;
            }

            // By the commune of today, then the former commune the record was registered in.
            var communeRank = entries.SelectMany(e => new[] { e.Row.CurrentCommuneName, e.Row.CommuneName }).Distinct()
                .Order(StringComparer.Create(Display.Vi, false))
                .Select((name, rank) => (name, rank))
                .ToDictionary(x => x.name, x => x.rank);
            ByName = [.. byName.Select(i => entries[i])];
            ByNameDescending = [.. byNameDescending.Select(i => entries[i])];
            ByCommune = [.. byName.OrderBy(i => communeRank[entries[i].Row.CurrentCommuneName]).ThenBy(i => communeRank[entries[i].Row.CommuneName])
                .ThenBy(i => nameRank[i]).Select(i => entries[i])];
            ByUpdated = [.. entries.OrderBy(e => e.Row.UpdatedAt).ThenBy(e => e.Row.Id)];
            ByUpdatedDescending = [.. entries.OrderByDescending(e => e.Row.UpdatedAt).ThenBy(e => e.Row.Id)];
            subjectRanks = entries.Select(e => e.Row.SubjectName).Distinct()
                .Order(StringComparer.Create(Display.Vi, false))
                .Select((name, rank) => (name, rank))
                .ToDictionary(x => x.name, x => x.rank);
        }

        public Fingerprint Fingerprint { get; }
        public Entry[] ByName { get; }
        public Entry[] ByNameDescending { get; }
        public Entry[] ByUpdated { get; }
        public Entry[] ByUpdatedDescending { get; }
        public Entry[] ByCommune { get; }

        /// <summary>
        /// The rows the search matches, in its order: all of them (<paramref name="take"/> null) or one page, with the total.
        /// The same rules as the database filters they replace: <see cref="UserScope.Sees"/> for the user's reach, every
        /// word of the search in the product's, its subject's or its commune's key (<see cref="SearchQuery"/>), and
        /// archived products only when asked for by status. With words and no chosen order the best matches come first
        /// (ranked among the matching rows); every column's order is kept sorted (<see cref="Sorted"/>).
        /// </summary>
        public (List<ProductRow> Rows, int Total) Find(
            UserScope scope, ProductSearch search, UnitQuery.Resolved place, SearchQuery query, DateOnly today, int skip, int? take)
        {
            var sort = ProductSort.Parse(search.Sort, query);
            if (sort.Column == ProductSort.Relevance)
            {
                var matching = ByName.Where(e => Matches(e, scope, search, place, query)).ToList();
                var ranked = matching.OrderByDescending(e => query.Rank(e.SearchText, e.SubjectKey, e.CommuneKey)).Skip(skip);
                return ([.. (take is int count ? ranked.Take(count) : ranked).Select(e => WithCertificate(e, today))], matching.Count);
            }

            var rows = new List<ProductRow>(take ?? 64);
            var total = 0;
            foreach (var e in Sorted(sort, today))
            {
                if (!Matches(e, scope, search, place, query))
                {
                    continue;
                }

                if (total >= skip && (take is null || rows.Count < take))
                {
                    rows.Add(WithCertificate(e, today));
                }

                total++;
            }

            return (rows, total);
        }

        /// <summary>
        /// Every entry in a column's order, sorted once per snapshot on first use and kept (the certificate's state once per
        /// day, as it reads on the day asked): a request only scans. Ties keep the name order (the sorts are stable).
        /// </summary>
        private Entry[] Sorted(ProductSort sort, DateOnly today)
        {
            switch (sort.Column)
            {
                case ProductSort.Name:
                    return sort.Descending ? ByNameDescending : ByName;
                case ProductSort.Updated:
                    return sort.Descending ? ByUpdatedDescending : ByUpdated;
                case ProductSort.Commune when !sort.Descending:
                    return ByCommune;
            }

            var day = sort.Column == ProductSort.Certificate ? today : (DateOnly?)null;
            // Yesterday's certificate orders are let go: a snapshot can outlive many days.
            foreach (var stale in presorted.Keys.Where(k => k.Day is { } kept && kept != today))
            {
                presorted.TryRemove(stale, out _);
            }

            return presorted.GetOrAdd((sort, day), key => key.Sort.Column switch
            {
                // The communes' order reversed, ties too (as the list always showed it).
                ProductSort.Commune => [.. ByCommune.Reverse()],
                ProductSort.Subject => Ordered(e => subjectRanks[e.Row.SubjectName], key.Sort.Descending),
                ProductSort.Group => Ordered(e => e.Row.CategoryCode, key.Sort.Descending, StringComparer.Ordinal),
                ProductSort.Stars => Ordered(e => e.Stars, key.Sort.Descending),
                ProductSort.Certificate => Ordered(e => e.Certificate is null ? int.MaxValue : (int)StateOn(e, key.Day!.Value)!.Value, key.Sort.Descending),
                ProductSort.Status => Ordered(e => (int)e.Row.Status, key.Sort.Descending),
                _ => ByName,
            });
        }

        private Entry[] Ordered<TKey>(Func<Entry, TKey> key, bool descending, IComparer<TKey>? comparer = null) =>
            [.. descending ? ByName.OrderByDescending(key, comparer) : ByName.OrderBy(key, comparer)];

        private CertificateState? StateOn(Entry e, DateOnly today) =>
            e.Certificate is { } facts ? CertificateValidity.StateOn(facts, today, processes).State : null;

        private ProductRow WithCertificate(Entry e, DateOnly today) =>
            e.Certificate is null ? e.Row : e.Row with { Stars = e.Stars, CertificateState = StateOn(e, today) };

        private static bool Matches(Entry e, UserScope scope, ProductSearch search, UnitQuery.Resolved place, SearchQuery query)
        {
            var row = e.Row;
            if (search.Status is ProductStatus status ? row.Status != status : row.Status == ProductStatus.Archived)
            {
                return false;
            }

            if (!place.Keeps(row.CommuneId)
                || (search.Subject is int subject && row.SubjectId != subject)
                || (search.Group is int group && e.CategoryId != group && e.CategoryParentId != group && e.CategoryGrandparentId != group)
                || !scope.Sees(row.CommuneId, row.SubjectId))
            {
                return false;
            }

            return query.Matches(e.SearchText, e.SubjectKey, e.CommuneKey);
        }
    }
}
