using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Reports;

/// <summary>
/// The unit a report (or a dashboard) is about: a province, a district before 2025, a commune, or the whole country
/// (<see cref="Id"/> null). Its communes take in the units that succeeded them after the 2025 reorganisation, so a
/// district's report for 2026 still counts the records of the communes that replaced its own.
/// </summary>
public sealed record ReportUnit(int? Id, string Name, string Kind, IReadOnlySet<int>? Communes)
{
    public bool IsWholeCountry => Communes is null;

    public bool Contains(int communeId) => Communes is null || Communes.Contains(communeId);

    /// <summary>The units this user may report on: theirs (and for national roles every province), the first being the default.</summary>
    public static List<UnitEntry> Choices(UnitDirectory.Snapshot units, UserScope scope, IReadOnlyList<int> assigned)
    {
        if (scope.ReachesEveryUnit || scope.CoversEveryCommune)
        {
            return units.Provinces.ToList();
        }

        if (scope.Role == Role.Producer)
        {
            return [];
        }

        return assigned.Select(id => units.ById.GetValueOrDefault(id)).OfType<UnitEntry>()
            .OrderBy(u => u.Level).ThenBy(u => u.Name, StringComparer.Create(Ocop.Web.Shared.Display.Vi, false))
            .ToList();
    }

    /// <summary>
    /// The chosen unit if the user may report on it (null: the whole country, for national roles only), or null when
    /// the choice is out of reach.
    /// </summary>
    public static ReportUnit? Resolve(UnitDirectory.Snapshot units, UserScope scope, IReadOnlyList<int> assigned, int? unitId)
    {
        var national = scope.ReachesEveryUnit || scope.CoversEveryCommune;
        if (unitId is null)
        {
            if (national)
            {
                return new ReportUnit(null, "Toàn quốc", "", null);
            }

            var first = Choices(units, scope, assigned).FirstOrDefault();
            return first is null ? null : Of(units, first);
        }

        if (!units.ById.TryGetValue(unitId.Value, out var unit))
        {
            return null;
        }

        var resolved = Of(units, unit);
        // A user reaches a unit when every commune in it is theirs (a commune officer may ask for one of their communes).
        return national || resolved.Communes!.All(scope.CommuneIds.Contains) && resolved.Communes!.Count > 0 ? resolved : null;
    }

    public static ReportUnit Of(UnitDirectory.Snapshot units, UnitEntry unit) =>
        new(unit.Id, unit.Name, unit.Kind, units.CommunesWithin([unit.Id]).Where(units.Communes.Contains).ToHashSet());
}
