using Microsoft.EntityFrameworkCore;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
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

    public Task<Snapshot> GetAsync(OcopDbContext db, CancellationToken ct) =>
        cache.GetAsync(() => (RegistryListVersion.Current, DirectoryVersion.Current), async ct =>
        {
            var started = clock.GetTimestamp();
            var loaded = await LoadAsync(db, await directory.GetAsync(db, ct), ct);
            log.LogInformation("Product list loaded: {Count} products in {Elapsed} ms", loaded.ByName.Length,
                (int)clock.GetElapsedTime(started).TotalMilliseconds);
            return loaded;
        }, ct, async (held, ct) => held.Fingerprint == await FingerprintAsync(db, ct));

    /// <summary>
    /// What moves when any product, subject or category changes, in three small index-served queries: rows are
    /// archived rather than deleted, and every save stamps UpdatedAt or Version. Checked when the snapshot is old,
    /// so that a whole reload (16,000 rows, a few hundred milliseconds under load) happens only after real changes.
    /// </summary>
    private static async Task<Fingerprint> FingerprintAsync(OcopDbContext db, CancellationToken ct) => new(
        await db.Products.CountAsync(ct), await db.Products.MaxAsync(p => (DateTime?)p.UpdatedAt, ct),
        await db.Subjects.CountAsync(ct), await db.Subjects.MaxAsync(s => (DateTime?)s.UpdatedAt, ct),
        await db.ProductCategories.SumAsync(c => c.Version, ct));

    public void Dispose() => cache.Dispose();

    private static async Task<Snapshot> LoadAsync(OcopDbContext db, UnitDirectory.Snapshot units, CancellationToken ct)
    {
        // Taken before the rows: a change committed while they load makes the next check reload.
        var fingerprint = await FingerprintAsync(db, ct);
        // Archived categories too: a product keeps the category it was registered in.
        var categories = await db.ProductCategories.AsNoTracking()
            .Select(c => new { c.Id, c.Code, c.Name, c.ParentId })
            .ToDictionaryAsync(c => c.Id, ct);
        var subjects = await db.Subjects.AsNoTracking()
            .Select(s => new { s.Id, s.Name, s.SearchText })
            .ToDictionaryAsync(s => s.Id, ct);
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
            entries.Add(new Entry(
                new ProductRow(p.Id, p.Name, p.SubjectId, subject.Name, p.CommuneId, commune?.Code ?? "", commune?.Name ?? "",
                    current?.Id ?? p.CommuneId, current?.Name ?? "", category.Code, category.Name, p.Status, p.Gtin, p.UpdatedAt),
                p.SearchText, subject.SearchText, p.CategoryId, category.ParentId, categoryParent?.ParentId));
        }

        return new Snapshot(entries, fingerprint);
    }

    public readonly record struct Fingerprint(
        int Products, DateTime? ProductsUpdated, int Subjects, DateTime? SubjectsUpdated, int CategoryVersions);

    /// <summary>One product as the list needs it: its row, its and its subject's folded keys, and the category ancestors its filter tests.</summary>
    public sealed record Entry(
        ProductRow Row, string SearchText, string SubjectSearchText,
        int CategoryId, int? CategoryParentId, int? CategoryGrandparentId);

    public sealed class Snapshot
    {
        public Snapshot(List<Entry> entries, Fingerprint fingerprint)
        {
            Fingerprint = fingerprint;
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
        }

        public Fingerprint Fingerprint { get; }
        public Entry[] ByName { get; }
        public Entry[] ByNameDescending { get; }
        public Entry[] ByUpdated { get; }
        public Entry[] ByUpdatedDescending { get; }
        public Entry[] ByCommune { get; }

        /// <summary>
        /// The rows the search matches, in its order: all of them (<paramref name="take"/> null) or one page, with the total.
        /// The same rules as the database filters they replace: <see cref="UserScope.Sees"/> for the user's reach,
        /// the folded text in the product's or its subject's key, and archived products only when asked for by status.
        /// </summary>
        public (List<ProductRow> Rows, int Total) Find(UserScope scope, ProductSearch search, UnitQuery.Resolved place, string folded, int skip, int? take)
        {
            var ordered = search.Sort switch
            {
                "-name" => ByNameDescending,
                "updated" => ByUpdated,
                "-updated" => ByUpdatedDescending,
                "commune" => ByCommune,
                _ => ByName,
            };

            var rows = new List<ProductRow>(take ?? 64);
            var total = 0;
            foreach (var e in ordered)
            {
                if (!Matches(e, scope, search, place, folded))
                {
                    continue;
                }

                if (total >= skip && (take is null || rows.Count < take))
                {
                    rows.Add(e.Row);
                }

                total++;
            }

            return (rows, total);
        }

        private static bool Matches(Entry e, UserScope scope, ProductSearch search, UnitQuery.Resolved place, string folded)
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

            return folded.Length == 0
                || e.SearchText.Contains(folded, StringComparison.Ordinal)
                || e.SubjectSearchText.Contains(folded, StringComparison.Ordinal);
        }
    }
}
