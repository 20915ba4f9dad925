using Microsoft.AspNetCore.Http.HttpResults;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Api;

/// <summary>A record as the write API answers it: its id names its address, its version is its <c>ETag</c>.</summary>
public interface IApiRecord
{
    int Id { get; }
    int Version { get; }
}

/// <summary>
/// What every create and update endpoint does around its use case, so the endpoints differ only in the use case they
/// call: an update first needs the <c>If-Match</c> version it was made from; a refusal becomes its problem; a done write
/// answers the record as read back, with its new <c>ETag</c> (and its address when created).
/// </summary>
public static class RecordWrites
{
    public static async Task<Results<Created<TRecord>, ProblemHttpResult>> CreatedAsync<TSaved, TRecord>(
        HttpContext http, Task<WriteResult<TSaved>> saving, Func<TSaved, Task<TRecord?>> readBack, string collection)
        where TRecord : class, IApiRecord
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(saving);
        ArgumentNullException.ThrowIfNull(readBack);
        var result = await saving;
        if (!result.IsDone)
        {
            return ApiResults.Problem(result);
        }

        var record = (await readBack(result.Value!))!;
        http.Response.Headers.ETag = ApiResults.ETag(record.Version);
        return TypedResults.Created($"{collection}/{record.Id}", record);
    }

    /// <param name="save">The use case run from the version <c>If-Match</c> names.</param>
    public static async Task<Results<Ok<TRecord>, ProblemHttpResult>> UpdatedAsync<TSaved, TRecord>(
        HttpContext http, Func<int, Task<WriteResult<TSaved>>> save, Func<TSaved, Task<TRecord?>> readBack)
        where TRecord : class, IApiRecord
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(readBack);
        var (version, problem) = ApiResults.IfMatch(http.Request);
        if (problem is not null)
        {
            return problem;
        }

        var result = await save(version!.Value);
        if (!result.IsDone)
        {
            return ApiResults.Problem(result);
        }

        var record = (await readBack(result.Value!))!;
        http.Response.Headers.ETag = ApiResults.ETag(record.Version);
        return TypedResults.Ok(record);
    }
}
