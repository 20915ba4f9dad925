using System.Globalization;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Ocop.Web.Data;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Shared;

/// <summary>
/// A list's place filter as a URL gives it: a province or commune by database id (the pages' own choices), or an official
/// unit code with a date (<c>?unit=86&amp;at=2025-06-30</c>, for integrators; the date also decides a code that names two
/// units, and is today when absent). Each chosen unit stands for every record it covers: a current unit its
/// predecessors' records, a former unit what it held in its life. Several filters narrow each other.
/// </summary>
public sealed record UnitQuery(int? Province = null, int? Commune = null, string? Unit = null, string? At = null)
{
    public const string CodeHelp = "unit: mã đơn vị hành chính của Tổng cục Thống kê (86: tỉnh Vĩnh Long; 847: huyện Châu Thành cũ); at: ngày yyyy-MM-dd quyết định đơn vị mang mã đó (mặc định: hôm nay)";

    public bool IsEmpty => Province is null && Commune is null && string.IsNullOrWhiteSpace(Unit);

    public async Task<Resolved> ResolveAsync(OcopDbContext db, CancellationToken ct)
    {
        var units = await db.GetService<UnitDirectory>().GetAsync(db, ct);
        return Resolve(units, Display.Today(db.GetService<TimeProvider>()));
    }

    public Resolved Resolve(UnitDirectory.Snapshot units, DateOnly today)
    {
        var on = today;
        if (!string.IsNullOrWhiteSpace(At) && !DateOnly.TryParseExact(At.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
        {
            return Resolved.Refused("Ngày không hợp lệ.", "Tham số at có dạng yyyy-MM-dd, ví dụ 2025-06-30.");
        }

        HashSet<int>? communes = null;
        UnitEntry? named = null;
        if (!string.IsNullOrWhiteSpace(Unit))
        {
            named = units.Named(Unit.Trim(), on);
            if (named is null)
            {
                return Resolved.Refused("Mã đơn vị không hợp lệ.", $"Không có đơn vị hành chính nào mang mã «{Unit.Trim()}». {CodeHelp}.");
            }

            communes = units.CommunesCovered([named.Id]);
        }

        foreach (var id in new[] { Province, Commune })
        {
            if (id is int unitId)
            {
                var covered = units.CommunesCovered([unitId]);
                if (communes is null)
                {
                    communes = covered;
                }
                else
                {
                    communes.IntersectWith(covered);
                }
            }
        }

        return new Resolved(communes, named, null, null);
    }

    /// <param name="Communes">The communes whose records the filter keeps; null when there is no place filter.</param>
    /// <param name="Named">The unit the code named, if a code was given.</param>
    public sealed record Resolved(IReadOnlySet<int>? Communes, UnitEntry? Named, string? Error, string? Detail)
    {
        public static Resolved Refused(string error, string detail) => new(null, null, error, detail);

        public bool Keeps(int communeId) => Communes is null || Communes.Contains(communeId);
    }
}
