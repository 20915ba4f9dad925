using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Planning;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Promotion;

/// <summary>A tourism route: the points it links, in the order visited (plan IV.5).</summary>
public sealed class RouteEditModel(SectionContext section, SaveRegisterEntry<TourismRoute, RouteRules.RouteInput> save) : RegisterEditPage<TourismRoute, RouteRules.RouteInput>(section, save)
{
    public const int BlankStops = 4;

    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Offices { get; private set; } = [];
    public List<SelectListItem> Points { get; private set; } = [];

    protected override string ListPage => "/Promotion/Routes";

    protected override string SavedMessage => "Đã lưu tuyến du lịch.";

    protected override async Task LoadOptionsAsync(CancellationToken ct)
    {
        var scope = await Section.ScopeAsync(ct);
        Units = await Section.UnitsInReachAsync(Input.UnitId, ct);
        Offices = await Section.OfficeOptionsAsync(Input.OfficeId, ct);
        var points = await Section.Db.TourismPoints.AsNoTracking().Where(p => !p.IsArchived).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.CommuneId, Commune = p.Commune!.Name }).ToListAsync(ct);
        Points = points.Where(p => scope.InScope(p.CommuneId)).Select(p => new SelectListItem($"{p.Name} ({p.Commune})", PlanDisplay.Id(p.Id))).ToList();
        while (Input.Stops.Count(s => s is null) < BlankStops)
        {
            Input.Stops.Add(null);
        }
    }
}
