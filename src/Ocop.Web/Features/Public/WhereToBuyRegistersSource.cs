using Ocop.Web.Data;

namespace Ocop.Web.Features.Public;

/// <summary>
/// Reads where to buy from the registers of issue 15 (sales points with the products on sale, e-commerce listings,
/// community tourism points). Those registers are not in this branch yet: until they are merged there is nothing to
/// read, and the public pages say that no place is recorded (docs/public.md, "Where to buy").
/// </summary>
public sealed class WhereToBuyRegistersSource : IWhereToBuySource
{
    public Task<WhereToBuyRegisters> LoadAsync(OcopDbContext db, DateOnly today, CancellationToken ct) => Task.FromResult(WhereToBuyRegisters.None);

    public Task<long> FingerprintAsync(OcopDbContext db, CancellationToken ct) => Task.FromResult(0L);
}
