using Microsoft.EntityFrameworkCore;

namespace Ocop.Web.Shared;

/// <summary>One page of a list: its rows, how many rows the whole list has, and the links to the other pages.</summary>
public sealed record Paged<T>(List<T> Rows, int Total, Pager Pager);

/// <summary>
/// How every list pages: a page number from the query string (a page past the end shows the last page, anything below 1
/// the first), rows cut in the database where the list is a query, and a <see cref="Pager"/> whose links keep every
/// other filter and the sort. The registry lists show <see cref="PageSize"/> rows; logs and task lists show more.
/// </summary>
public static class Paging
{
    public const int PageSize = 20;

    /// <summary>Capped so that (page - 1) × page size can never overflow into a negative offset.</summary>
    private const int MaxPage = 1_000_000;

    /// <summary>One page of a list already in memory (rows computed per request, such as a task's status today).</summary>
    public static Paged<T> Of<T>(HttpRequest request, IReadOnlyCollection<T> rows, int page, int pageSize = PageSize)
    {
        var shown = Clamp(page, rows.Count, pageSize);
        return new([.. rows.Skip((shown - 1) * pageSize).Take(pageSize)], rows.Count, new Pager(request, shown, pageSize, rows.Count));
    }

    /// <summary>One page of an ordered query: the count and the page's rows, each asked of the database.</summary>
    public static async Task<Paged<T>> OfAsync<T>(HttpRequest request, IQueryable<T> ordered, int page, int pageSize, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var shown = Clamp(page, total, pageSize);
        var rows = await ordered.Skip((shown - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new(rows, total, new Pager(request, shown, pageSize, total));
    }

    private static int Clamp(int page, int total, int pageSize) =>
        Math.Clamp(page, 1, Math.Clamp((int)Math.Ceiling(total / (double)pageSize), 1, MaxPage));
}
