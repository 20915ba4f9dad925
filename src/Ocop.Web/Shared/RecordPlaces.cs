using Microsoft.EntityFrameworkCore.Infrastructure;
using Ocop.Core.Registry;
using Ocop.Web.Data;

namespace Ocop.Web.Shared;

/// <summary>Why a record may not be placed in a commune, or null (<see cref="RegistryRules.CeasedPlace"/>), read on the in-memory units.</summary>
public static class RecordPlaces
{
    /// <param name="current">The commune the record lies in now (a change), or null (a new record).</param>
    /// <param name="recordDate">The record's own date (a subject's registration), if it has one.</param>
    public static async Task<string?> ProblemAsync(OcopDbContext db, int commune, int? current, DateOnly? recordDate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var units = await db.GetService<UnitDirectory>().GetAsync(db, ct);
        if (!units.ById.TryGetValue(commune, out var unit) || unit.Level != Core.Units.UnitLevel.Commune)
        {
            return "Xã không tồn tại.";
        }

        var today = Display.Today(db.GetService<TimeProvider>());
        if (RegistryRules.CeasedPlace(unit.Validity, today, recordDate, commune == current) is not DateOnly ceased)
        {
            return null;
        }

        var successor = unit.SuccessorId is int s && units.ById.TryGetValue(s, out var next) ? $" Chọn {next.Kind} {next.Name}." : "";
        var registered = recordDate is DateOnly on ? $" (ngày {Display.Date(on)} của bản ghi cũng không trong thời gian xã còn)" : "";
        return $"{unit.Name} không còn là đơn vị hành chính từ {Display.Date(ceased)}{registered}.{successor}";
    }
}
