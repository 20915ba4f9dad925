using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Planning;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Promotion;

/// <summary>A tourism route: the points it links, in the order visited (plan IV.5).</summary>
public sealed class RouteRules : RegisterRules<TourismRoute, RouteRules.RouteInput>
{
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

    private const SectionRegister Register = SectionRegister.Tourism;

    public override bool MayWrite(SectionScope scope) => SupportAccess.CanAdd(Register, scope.Role);

    public override Task<TourismRoute?> FindAsync(OcopDbContext db, int id, CancellationToken ct) =>
        db.TourismRoutes.Include(r => r.Stops).SingleOrDefaultAsync(r => r.Id == id, ct);

    public override RecordAccess AccessTo(SectionScope scope, TourismRoute entity) => scope.AccessToUnit(Register, entity.UnitId);

    public override RouteInput ToInput(TourismRoute r) => new()
    {
        Name = r.Name,
        Description = r.Description,
        UnitId = r.UnitId,
        OfficeId = r.OfficeId,
        IsArchived = r.IsArchived,
        Version = r.Version,
        Stops = r.Stops.OrderBy(s => s.Position).Select(s => (int?)s.PointId).ToList(),
    };

    public override async Task ValidateAsync(RegisterCheck check, RouteInput input, TourismRoute? existing, CancellationToken ct)
    {
        var scope = check.Scope;
        if (input.UnitId is int unit && (!scope.Units.ById.ContainsKey(unit) || !scope.UnitInReach(unit)))
        {
            check.Add("UnitId", "Bạn không phụ trách đơn vị này.");
        }

        if (input.OfficeId is int office && await check.OfficeProblemAsync(office, ct) is string problem)
        {
            check.Add("OfficeId", problem);
        }

        var stops = input.Stops.OfType<int>().ToList();
        if (stops.Count < 2)
        {
            check.Add("Stops", "Một tuyến nối ít nhất hai điểm.");
        }

        var known = await check.Db.TourismPoints.Where(p => stops.Contains(p.Id)).Select(p => new { p.Id, p.CommuneId }).ToListAsync(ct);
        if (known.Count != stops.Distinct().Count() || known.Any(p => !scope.InScope(p.CommuneId)))
        {
            check.Add("Stops", "Có điểm không có hoặc bạn không phụ trách.");
        }
    }

    public override TourismRoute Add(OcopDbContext db) => db.TourismRoutes.Add(new TourismRoute { Name = "" }).Entity;

    public override void Apply(SectionScope scope, TourismRoute r, RouteInput input, bool isNew)
    {
        r.Name = input.Name.Trim();
        r.Description = SectionForms.Trim(input.Description);
        r.UnitId = input.UnitId!.Value;
        r.OfficeId = input.OfficeId;
        r.IsArchived = !isNew && input.IsArchived;
        var stops = input.Stops.OfType<int>().ToList();
        var same = r.Stops.OrderBy(s => s.Position).Select(s => s.PointId).SequenceEqual(stops);
        if (!same)
        {
            r.Stops.Clear();
            r.Stops.AddRange(stops.Select((point, i) => new TourismRouteStop { PointId = point, Position = i + 1 }));
        }
    }
}
