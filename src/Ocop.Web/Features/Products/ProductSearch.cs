using Microsoft.EntityFrameworkCore;
using Ocop.Core.Registry;
using Ocop.Core.Text;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Products;

/// <summary>
/// The product list's query, shared by the page, the XLSX export and the API so that all three return the same rows.
/// Every value lives in the query string, so a URL can be shared.
/// </summary>
public sealed record ProductSearch(string? Q, int? Commune, int? Group, ProductStatus? Status, int? Subject, string? Sort, int Page = 1, int PageSize = 20, int? Province = null)
{
    public const int MaxPageSize = 100;

    // Capped so that (page - 1) × page size can never overflow into a negative offset.
    public int SafePage => Math.Clamp(Page, 1, 1_000_000);
    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    public IQueryable<Product> Filter(OcopDbContext db, IQueryable<Product> products)
    {
        var folded = VietnameseText.Fold(Q);
        if (folded.Length > 0)
        {
            var matching = Matching(db, folded);
            products = products.Where(p => matching.Contains(p.Id));
        }

        return FilterByValues(db, products);
    }

    /// <summary>Products whose own key or whose subject's key contains the text: two index look-ups joined by id.</summary>
    private static IQueryable<int> Matching(OcopDbContext db, string folded) =>
        TextSearch.ProductIds(db, folded)
            .Union(db.Products.Where(p => TextSearch.SubjectIds(db, folded).Contains(p.SubjectId)).Select(p => p.Id));

    private IQueryable<Product> FilterByValues(OcopDbContext db, IQueryable<Product> products)
    {
        if (Commune is int commune)
        {
            products = products.Where(p => p.CommuneId == commune);
        }

        if (Province is int province)
        {
            // A commune's parent is its province since 2025, its district before.
            products = products.Where(p => p.Commune!.ParentId == province || p.Commune.Parent!.ParentId == province);
        }

        if (Group is int group)
        {
            // The group itself, its sub-groups, or (for a sector) its groups' sub-groups.
            var categories = db.ProductCategories
                .Where(c => c.Id == group || c.ParentId == group || c.Parent!.ParentId == group)
                .Select(c => c.Id);
            products = products.Where(p => categories.Contains(p.CategoryId));
        }

        if (Subject is int subject)
        {
            products = products.Where(p => p.SubjectId == subject);
        }

        // Archived products stay out of the list unless asked for by status.
        products = Status is ProductStatus status
            ? products.Where(p => p.Status == status)
            : products.Where(p => p.Status != ProductStatus.Archived);
        return products;
    }

    public IQueryable<Product> Order(IQueryable<Product> products) => Sort switch
    {
        "-name" => products.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
        "updated" => products.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id),
        "-updated" => products.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id),
        "commune" => products.OrderBy(p => p.Commune!.Name).ThenBy(p => p.Name).ThenBy(p => p.Id),
        _ => products.OrderBy(p => p.Name).ThenBy(p => p.Id),
    };

    public static IQueryable<ProductRow> Project(IQueryable<Product> products) => products.Select(p => new ProductRow(
        p.Id, p.Name, p.SubjectId, p.Subject!.Name, p.CommuneId, p.Commune!.Name, p.Category!.Code, p.Category.Name,
        p.Status, p.Gtin, p.UpdatedAt));

    /// <summary>One page of rows and the total count, for the page and the API.</summary>
    public async Task<(List<ProductRow> Rows, int Total)> RunAsync(OcopDbContext db, IQueryable<Product> visible, CancellationToken ct)
    {
        var folded = VietnameseText.Fold(Q);
        if (folded.Length == 0)
        {
            // Without text the indexes on the filter and sort columns serve a count and one page.
            var ordered = Order(FilterByValues(db, visible.AsNoTracking()));
            var total = await ordered.CountAsync(ct);
            return (await Project(ordered.Skip((SafePage - 1) * SafePageSize).Take(SafePageSize)).ToListAsync(ct), total);
        }

        // A text search is answered once, from the trigram indexes alone; the user's scope, the filters and the
        // order then apply to those ids by primary key (so neither database plans a scan around the search),
        // and only the page's rows are read in full.
        var matches = await Matching(db, folded).ToListAsync(ct);
        var ids = await Order(FilterByValues(db, visible.AsNoTracking().Where(p => matches.Contains(p.Id))))
            .Select(p => p.Id)
            .ToListAsync(ct);
        var pageIds = ids.Skip((SafePage - 1) * SafePageSize).Take(SafePageSize).ToList();
        var rows = await Project(db.Products.AsNoTracking().Where(p => pageIds.Contains(p.Id))).ToListAsync(ct);
        rows.Sort((a, b) => pageIds.IndexOf(a.Id).CompareTo(pageIds.IndexOf(b.Id)));
        return (rows, ids.Count);
    }
}

public sealed record ProductRow(
    int Id, string Name, int SubjectId, string SubjectName, int CommuneId, string CommuneName,
    string CategoryCode, string CategoryName, ProductStatus Status, string? Gtin, DateTime UpdatedAt);
