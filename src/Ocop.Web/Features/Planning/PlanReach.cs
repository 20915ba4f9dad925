using Microsoft.AspNetCore.Mvc.Rendering;
using Ocop.Core.Access;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>
/// The plans a user may make and change: the rule is <see cref="PlanningAccess.CanEditPlan"/>; this works out its facts
/// from the unit directory (is the plan's unit inside the user's units, is it a commune) and the units a plan form offers.
/// </summary>
public sealed class PlanReach(UserScope scope, UnitDirectory.Snapshot units)
{
    /// <summary>Above this many units a whole-country administrator is offered provinces and districts only (a select of every commune is unusable).</summary>
    private const int ManyUnits = 400;

    public bool CanCreate => PlanningAccess.CanCreatePlans(scope.Role);

    /// <summary>Whether the user may make or change a plan of this unit (null: a national program).</summary>
    public bool CanEdit(int? unitId)
    {
        if (unitId is null)
        {
            return PlanningAccess.CanEditPlan(scope.Role, national: true, unitInReach: false, unitIsCommune: false);
        }

        return units.ById.TryGetValue(unitId.Value, out var unit)
            && PlanningAccess.CanEditPlan(scope.Role, national: false, InReach(unit), unit.Level == UnitLevel.Commune);
    }

    /// <summary>Every commune the unit counts lies inside the user's units (as a dashboard figure of the unit would be whole for them).</summary>
    private bool InReach(UnitEntry unit)
    {
        if (scope.ReachesEveryUnit)
        {
            return true;
        }

        var communes = units.CommunesCovered([unit.Id]);
        return communes.Count > 0 && communes.All(scope.CommuneIds.Contains);
    }

    /// <summary>The value a plan form gives a national program's "unit" (an empty value means none was chosen).</summary>
    public const int National = 0;

    /// <summary>
    /// The units a plan form offers: those the user may make plans for, units that exist today first, then former ones
    /// (saying until when); each level from the province down; the whole country (<see cref="National"/>) for an
    /// administrator. The <paramref name="current"/> unit stays listed.
    /// </summary>
    public List<SelectListItem> Choices(int? current)
    {
        IEnumerable<UnitEntry> candidates;
        if (scope.ReachesEveryUnit)
        {
            candidates = units.All.Count < ManyUnits ? units.All : units.All.Where(u => u.Level != UnitLevel.Commune || u.Id == current);
        }
        else
        {
            // Only the user's communes and the units above them can lie wholly inside their units.
            var near = new HashSet<int>();
            foreach (var commune in scope.CommuneIds)
            {
                var u = units.ById.GetValueOrDefault(commune);
                while (u is not null && near.Add(u.Id))
                {
                    u = units.Parent(u);
                }
            }

            candidates = near.Select(id => units.ById[id]);
        }

        var names = StringComparer.Create(Display.Vi, false);
        var items = candidates.Where(u => u.Id == current || CanEdit(u.Id))
            .OrderBy(u => u.ValidTo is null ? 0 : 1).ThenBy(u => u.Level).ThenBy(u => units.Parent(u)?.Name ?? "", names).ThenBy(u => u.Name, names)
            .Select(u => new SelectListItem(Label(u), PlanDisplay.Id(u.Id), u.Id == current))
            .ToList();
        if (CanEdit(null) || current == National)
        {
            items.Insert(0, new SelectListItem("Toàn quốc (chương trình quốc gia)", PlanDisplay.Id(National), current == National));
        }

        return items;
    }

    private string Label(UnitEntry u)
    {
        var parent = units.Parent(u);
        var where = parent is null ? u.Code : $"{parent.Name}, {u.Code}";
        return u.ValidTo is null ? $"{u.Name} ({where})" : $"{u.Name} ({where}, đến {Display.Date(u.ValidTo)})";
    }
}
