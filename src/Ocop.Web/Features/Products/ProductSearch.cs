using Ocop.Core.Evaluation;
using Ocop.Core.Registry;
using Ocop.Core.Text;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;

namespace Ocop.Web.Features.Products;

/// <summary>
/// The product list's query, shared by the page, the XLSX export and the API so that all three return the same rows.
/// Every value lives in the query string, so a URL can be shared. It is answered from <see cref="ProductListIndex"/>.
/// </summary>
public sealed record ProductSearch(
    string? Q, int? Commune, int? Group, ProductStatus? Status, int? Subject, string? Sort, int Page = 1, int PageSize = 20,
    int? Province = null, string? Unit = null, string? At = null)
{
    /// <summary>The place filter: a province or commune id, or an official unit code on a date, each covering its predecessors' records.</summary>
    public UnitQuery Place => new(Province, Commune, Unit, At);

    public const int MaxPageSize = 100;

    // Capped so that (page - 1) × page size can never overflow into a negative offset.
    public int SafePage => Math.Clamp(Page, 1, 1_000_000);
    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    /// <summary>One page of rows and the total count, for the page and the API.</summary>
    public async Task<(List<ProductRow> Rows, int Total)> RunAsync(
        OcopDbContext db, ProductListIndex index, UserScope scope, UnitQuery.Resolved place, CancellationToken ct)
    {
        var products = await index.GetAsync(db, ct);
        return products.Find(scope, this, place, SearchQuery.Parse(Q), index.Today, (SafePage - 1) * SafePageSize, SafePageSize);
    }

    /// <summary>Every matching row, for the export.</summary>
    public async Task<List<ProductRow>> AllAsync(OcopDbContext db, ProductListIndex index, UserScope scope, UnitQuery.Resolved place, CancellationToken ct)
    {
        var products = await index.GetAsync(db, ct);
        return products.Find(scope, this, place, SearchQuery.Parse(Q), index.Today, 0, null).Rows;
    }
}

/// <param name="CommuneId">Where the product was registered (kept as it was: history is never rewritten).</param>
/// <param name="CurrentCommuneId">The commune that holds that commune's records today (itself unless it was merged in 2025).</param>
public sealed record ProductRow(
    int Id, string Name, int SubjectId, string SubjectName, int CommuneId, string CommuneCode, string CommuneName,
    int CurrentCommuneId, string CurrentCommuneName, string CategoryCode, string CategoryName, ProductStatus Status, string? Gtin, DateTime UpdatedAt)
{
    /// <summary>The stars of the product's latest certificate (null without one).</summary>
    public int? Stars { get; init; }

    /// <summary>That certificate's state today.</summary>
    public CertificateState? CertificateState { get; init; }

    /// <summary>"Xã Đa Lộc (nay Xã Châu Thành)" for a record of a merged commune, else the commune's name.</summary>
    public string CommuneLabel => CurrentCommuneId == CommuneId ? CommuneName : $"{CommuneName} (nay {CurrentCommuneName})";
}

/// <summary>
/// The orders of the product list, one per column: "name", "subject", "commune", "group", "stars", "certificate",
/// "status", "updated", each reversed by a leading "-"; "relevance" (best matches first) is the default of a search.
/// </summary>
public readonly record struct ProductSort(string Column, bool Descending)
{
    public const string Relevance = "relevance";
    public const string Name = "name";
    public const string Subject = "subject";
    public const string Commune = "commune";
    public const string Group = "group";
    public const string Stars = "stars";
    public const string Certificate = "certificate";
    public const string Status = "status";
    public const string Updated = "updated";

    public static readonly IReadOnlyList<string> Columns = [Name, Subject, Commune, Group, Stars, Certificate, Status, Updated];

    /// <summary>The order asked for; an unknown one is the default (the API's contract since it had five orders).</summary>
    public static ProductSort Parse(string? sort, SearchQuery query)
    {
        var descending = sort?.StartsWith('-') == true;
        var column = descending ? sort![1..] : sort;
        return column is not null && (Columns.Contains(column) || column == Relevance)
            ? new ProductSort(column == Relevance && query.IsEmpty ? Name : column, descending && column != Relevance)
            : new ProductSort(query.IsEmpty ? Name : Relevance, false);
    }
}
