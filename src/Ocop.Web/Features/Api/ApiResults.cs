using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Api;

/// <summary>
/// How the write API answers a use case's result: 201/200 with the record's <c>ETag</c>, 404, 403, 400 with field
/// errors (RFC 9457 problem details, fields named as in the JSON body), 412 when the <c>If-Match</c> version is stale.
/// </summary>
public static class ApiResults
{
    /// <summary>A record's entity tag: its version, which moves on every change.</summary>
    public static string ETag(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// The version an <c>If-Match</c> header names, or a problem: a change must say which version it was made from
    /// (428 without the header, 400 when it is not one of our tags).
    /// </summary>
    public static (int? Version, ProblemHttpResult? Problem) IfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired,
                title: "Thiếu If-Match: gửi ETag của bản ghi đã đọc (GET) để không ghi đè thay đổi của người khác."));
        }

        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return tag.Length > 2 && tag[0] == '"' && tag[^1] == '"'
            && int.TryParse(tag[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (version, null)
            : (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "If-Match không hợp lệ: dùng đúng ETag của bản ghi."));
    }

    /// <summary>The problem for a result that is not done.</summary>
    public static ProblemHttpResult Problem<T>(WriteResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            WriteOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: result.Message),
            WriteOutcome.Refused => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: result.Message),
            WriteOutcome.Stale => TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: result.Message,
                detail: "Đọc lại bản ghi (GET) để lấy ETag mới rồi gửi lại thay đổi."),
            WriteOutcome.Invalid => TypedResults.Problem(new HttpValidationProblemDetails(
                result.Errors.ToDictionary(e => JsonName(e.Key), e => e.Value, StringComparer.Ordinal))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Dữ liệu không hợp lệ.",
            }),
            _ => throw new InvalidOperationException("A done result is no problem."),
        };
    }

    /// <summary>A command property as the JSON body names it ("CommuneId" → "communeId").</summary>
    public static string JsonName(string property) => property.Length == 0 ? "" : JsonNamingPolicy.CamelCase.ConvertName(property);

    /// <summary>
    /// Links to the other pages of a list (RFC 8288 <c>Link</c> header: first, prev, next, last), keeping the query
    /// as asked, so a client follows them without building URLs.
    /// </summary>
    public static void AddPageLinks(HttpContext http, int page, int pageSize, int total)
    {
        ArgumentNullException.ThrowIfNull(http);
        var last = Math.Max(1, (total + pageSize - 1) / pageSize);
        var links = new List<string> { Link(http, 1, "first") };
        if (page > 1)
        {
            links.Add(Link(http, Math.Min(page - 1, last), "prev"));
        }

        if (page < last)
        {
            links.Add(Link(http, page + 1, "next"));
        }

        links.Add(Link(http, last, "last"));
        http.Response.Headers.Link = string.Join(", ", links);
        http.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
    }

    private static string Link(HttpContext http, int page, string rel)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(http.Request.QueryString.Value)
            .Where(q => !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("page", page.ToString(CultureInfo.InvariantCulture)));
        return $"<{Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(http.Request.Path, query)}>; rel=\"{rel}\"";
    }
}
