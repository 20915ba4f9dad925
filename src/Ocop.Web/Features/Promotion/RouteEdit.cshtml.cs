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
public sealed class RouteEditModel(SectionContext section) : RegisterEditPage<TourismRoute, RouteEditModel.RouteInput>(section)
{
    public const int BlankStops = 4;

    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Offices { get; private set; } = [];
    public List<SelectListItem> Points { get; private set; } = [];

    public sealed class RouteInput : IVersionedInput
    {
        [Required(ErrorMessage = "Nhập tên tuyến."), StringLength(250, ErrorMessage = "Tối đa 250 ký tự.")] public string Name { get; set; } = "";
        [StringLength(2000, ErrorMessage = "Tối đa 2.000 ký tự.")] public string? Description { get; set; }
        [Required(ErrorMessage = "Chọn đơn vị.")] public int? UnitId { get; set; }
        public int? OfficeId { get; set; }
        /// <summary>The points in the order visited; empty rows are skipped.</summary>
        public List<int?> Stops { get; set; } = [];
        public bool IsArchived { get; set; }
        public int Version { get; set; }
    }

    protected override SectionRegister Register => SectionRegister.Tourism;
    protected override string ListUrl => "/Promotion/Routes";
    protected override string SavedMessage => "Đã lưu tuyến du lịch.";

    protected override Task<TourismRoute?> FindAsync(int id, CancellationToken ct) =>
        Section.Db.TourismRoutes.Include(r => r.Stops).SingleOrDefaultAsync(r => r.Id == id, ct);

    protected override RecordAccess AccessTo(SectionScope scope, TourismRoute entity) => scope.AccessToUnit(Register, entity.UnitId);

    protected override RouteInput ToInput(TourismRoute r) => new()
    {
        Name = r.Name,
        Description = r.Description,
        UnitId = r.UnitId,
        OfficeId = r.OfficeId,
        IsArchived = r.IsArchived,
        Version = r.Version,
        Stops = r.Stops.OrderBy(s => s.Position).Select(s => (int?)s.PointId).ToList(),
    };

    protected override async Task ValidateAsync(SectionScope scope, TourismRoute? existing, CancellationToken ct)
    {
        if (Input.UnitId is int unit && (!scope.Units.ById.ContainsKey(unit) || !scope.UnitInReach(unit)))
        {
            ModelState.AddModelError("Input.UnitId", "Bạn không phụ trách đơn vị này.");
        }

        if (Input.OfficeId is int office && await Section.OfficeProblemAsync(office, ct) is string problem)
        {
            ModelState.AddModelError("Input.OfficeId", problem);
        }

        var stops = Input.Stops.OfType<int>().ToList();
        if (stops.Count < 2)
        {
            ModelState.AddModelError("Input.Stops", "Một tuyến nối ít nhất hai điểm.");
        }

        var known = await Section.Db.TourismPoints.Where(p => stops.Contains(p.Id)).Select(p => new { p.Id, p.CommuneId }).ToListAsync(ct);
        if (known.Count != stops.Distinct().Count() || known.Any(p => !scope.InScope(p.CommuneId)))
        {
            ModelState.AddModelError("Input.Stops", "Có điểm không có hoặc bạn không phụ trách.");
        }
    }

    protected override TourismRoute Add() => Section.Db.TourismRoutes.Add(new TourismRoute { Name = "" }).Entity;

    protected override void Apply(TourismRoute r, bool isNew)
    {
        r.Name = Input.Name.Trim();
        r.Description = SectionForms.Trim(Input.Description);
        r.UnitId = Input.UnitId!.Value;
        r.OfficeId = Input.OfficeId;
        r.IsArchived = !isNew && Input.IsArchived;
        var stops = Input.Stops.OfType<int>().ToList();
        var same = r.Stops.OrderBy(s => s.Position).Select(s => s.PointId).SequenceEqual(stops);
        if (!same)
        {
            r.Stops.Clear();
            r.Stops.AddRange(stops.Select((point, i) => new TourismRouteStop { PointId = point, Position = i + 1 }));
        }
    }

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
