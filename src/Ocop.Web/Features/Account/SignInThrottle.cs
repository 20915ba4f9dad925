using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Ocop.Web.Features.Account;

/// <summary>
/// How often sign-in may be tried, with ASP.NET Core's rate limiter: per client address (the middleware policy
/// <see cref="PolicyName"/> on the sign-in page) and per account (here, once the posted name is known). A browser the
/// account already signed in from (<see cref="KnownDevice"/>) has a budget of its own, so an attacker spending the
/// account's budget does not keep its owner out. Over the limit: 429 with Retry-After.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const string PolicyName = "sign-in";

    private readonly PartitionedRateLimiter<string> perAccount;

    public SignInThrottle(IConfiguration config)
    {
        var limit = Math.Max(1, config.GetValue("Ocop:SignIn:PerAccountPerMinute", 10));
        perAccount = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Null when the attempt may go ahead, else how long to wait.</summary>
    public TimeSpan? TryAccount(string normalizedName, bool knownDevice)
    {
        using var lease = perAccount.AttemptAcquire(normalizedName + (knownDevice ? "\u0000known" : ""));
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => perAccount.Dispose();

    /// <summary>The per-address policy: only posts count (opening the page is free).</summary>
    public static void AddPolicy(RateLimiterOptions options, IConfiguration config)
    {
        var limit = Math.Max(1, config.GetValue("Ocop:SignIn:PerAddressPerMinute", 20));
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(PolicyName, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter("page"));
        options.OnRejected = (context, _) =>
        {
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds(wait);
            return ValueTask.CompletedTask;
        };
    }

    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
