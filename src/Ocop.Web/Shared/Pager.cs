using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace Ocop.Web.Shared;

/// <summary>Paging links that keep every other query value, so a filtered list stays filtered page after page.</summary>
public sealed class Pager(HttpRequest request, int page, int pageSize, int total)
{
    public int Page { get; } = page;
    public int Total { get; } = total;
    public int PageCount { get; } = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));

    public string Url(int targetPage) => With(request, "page", targetPage.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The current URL with one query value replaced (or removed when empty).</summary>
    public static string With(HttpRequest request, string key, string? value)
    {
        var query = request.Query.Where(kv => !string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).ToList();
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(new(key, new StringValues(value)));
        }

        var builder = new QueryBuilder(query);
        return request.Path + builder.ToQueryString().ToString();
    }
}
