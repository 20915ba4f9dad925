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
    public static string With(HttpRequest request, string key, string? value) => With(request, (key, value));

    /// <summary>The current URL with several query values replaced (or removed when empty).</summary>
    public static string With(HttpRequest request, params ReadOnlySpan<(string Key, string? Value)> changes)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, _) in changes)
        {
            keys.Add(key);
        }

        var query = request.Query.Where(kv => !keys.Contains(kv.Key)).ToList();
        foreach (var (key, value) in changes)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(new(key, new StringValues(value)));
            }
        }

        var builder = new QueryBuilder(query);
        return request.Path + builder.ToQueryString().ToString();
    }
}
