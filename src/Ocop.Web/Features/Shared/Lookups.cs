using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Shared;

/// <summary>Choices for filters and forms, limited to what the user may reach.</summary>
public static class Lookups
{
    /// <summary>Communes the user may see; units that no longer exist say until when they existed.</summary>
    public static async Task<List<SelectListItem>> CommunesAsync(OcopDbContext db, UserScope scope, int? selected, CancellationToken ct)
    {
        var communes = await scope.VisibleCommunes(db.Units).AsNoTracking()
            .OrderBy(u => u.ValidTo == null).ThenBy(u => u.Parent!.Name).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name, u.ValidTo, ParentName = u.Parent!.Name })
            .ToListAsync(ct);
        return communes.Select(c => new SelectListItem(
            c.ValidTo is null ? $"{c.Name} ({c.ParentName})" : $"{c.Name} ({c.ParentName}, đến {Ocop.Web.Shared.Display.Date(c.ValidTo)})",
            c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Id == selected)).ToList();
    }

    /// <summary>The whole taxonomy, indented by level; only leaves (with a product set) can be chosen in forms.</summary>
    public static async Task<List<SelectListItem>> CategoriesAsync(OcopDbContext db, int? selected, bool leavesOnly, CancellationToken ct)
    {
        var all = await db.ProductCategories.AsNoTracking().Where(c => !c.IsArchived)
            .Select(c => new { c.Id, c.Code, c.Name, c.Level, c.ProductSet })
            .ToListAsync(ct);
        return all.OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new SelectListItem(
                $"{new string('\u00A0', (c.Level - 1) * 3)}{c.Code} {c.Name}",
                c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Id == selected,
                disabled: leavesOnly && c.ProductSet is null))
            .ToList();
    }

    public static List<SelectListItem> Enum<TEnum>(TEnum? selected) where TEnum : struct, System.Enum =>
        Ocop.Web.Shared.Display.Values<TEnum>()
            .Select(v => new SelectListItem(Ocop.Web.Shared.Display.Name(v), v.ToString(), selected.HasValue && selected.Value.Equals(v)))
            .ToList();
}
