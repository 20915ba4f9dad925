using Ocop.Core.Registry;
using Ocop.Core.Text;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Products;

/// <summary>
/// The product list's query, shared by the page, the XLSX export and the API so that all three return the same rows.
/// Every value lives in the query string, so a URL can be shared. It is answered from <see cref="ProductListIndex"/>.
/// </summary>
public sealed record ProductSearch(string? Q, int? Commune, int? Group, ProductStatus? Status, int? Subject, string? Sort, int Page = 1, int PageSize = 20, int? Province = null)
{
    public const int MaxPageSize = 100;

    // Capped so that (page - 1) × page size can never overflow into a negative offset.
    public int SafePage => Math.Clamp(Page, 1, 1_000_000);
    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    /// <summary>One page of rows and the total count, for the page and the API.</summary>
    public async Task<(List<ProductRow> Rows, int Total)> RunAsync(OcopDbContext db, ProductListIndex index, UserScope scope, CancellationToken ct)
    {
        var products = await index.GetAsync(db, ct);
        return products.Find(scope, this, VietnameseText.Fold(Q), (SafePage - 1) * SafePageSize, SafePageSize);
    }

    /// <summary>Every matching row, for the export.</summary>
    public async Task<List<ProductRow>> AllAsync(OcopDbContext db, ProductListIndex index, UserScope scope, CancellationToken ct)
    {
        var products = await index.GetAsync(db, ct);
        return products.Find(scope, this, VietnameseText.Fold(Q), 0, null).Rows;
    }
}

public sealed record ProductRow(
    int Id, string Name, int SubjectId, string SubjectName, int CommuneId, string CommuneName,
    string CategoryCode, string CategoryName, ProductStatus Status, string? Gtin, DateTime UpdatedAt);
