using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Planning;
using Ocop.Web.Features.Shared;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Promotion;

/// <summary>A community tourism point: a producer, craft village, sales point or site, with its place and position for the public map.</summary>
public sealed class TourismPointEditModel(SectionContext section) : RegisterEditPage<TourismPoint, TourismPointEditModel.PointInput>(section)
{
    public List<SelectListItem> Communes { get; private set; } = [];
    public List<SelectListItem> Subjects { get; private set; } = [];
    public List<SelectListItem> Villages { get; private set; } = [];
    public List<SelectListItem> SalesPoints { get; private set; } = [];

    public sealed class PointInput : IVersionedInput
    {
        [Required(ErrorMessage = "Nhập tên điểm."), StringLength(250, ErrorMessage = "Tối đa 250 ký tự.")] public string Name { get; set; } = "";
        [Required(ErrorMessage = "Chọn loại điểm.")] public TourismPointKind? Kind { get; set; }
        public int? SubjectId { get; set; }
        public int? CraftVillageId { get; set; }
        public int? SalesPointId { get; set; }
        [Required(ErrorMessage = "Chọn xã.")] public int? CommuneId { get; set; }
        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string? Address { get; set; }
        [ModelBinder(typeof(DecimalInputBinder))] public decimal? Latitude { get; set; }
        [ModelBinder(typeof(DecimalInputBinder))] public decimal? Longitude { get; set; }
        [StringLength(2000, ErrorMessage = "Tối đa 2.000 ký tự.")] public string? Description { get; set; }
        public bool IsArchived { get; set; }
        public int Version { get; set; }
    }

    protected override SectionRegister Register => SectionRegister.Tourism;
    protected override string ListUrl => "/Promotion/TourismPoints";
    protected override string SavedMessage => "Đã lưu điểm du lịch.";

    protected override Task<TourismPoint?> FindAsync(int id, CancellationToken ct) => Section.Db.TourismPoints.SingleOrDefaultAsync(p => p.Id == id, ct);

    protected override RecordAccess AccessTo(SectionScope scope, TourismPoint entity) => scope.Access(Register, entity.CommuneId);

    protected override PointInput ToInput(TourismPoint p) => new()
    {
        Name = p.Name,
        Kind = p.Kind,
        SubjectId = p.SubjectId,
        CraftVillageId = p.CraftVillageId,
        SalesPointId = p.SalesPointId,
        CommuneId = p.CommuneId,
        Address = p.Address,
        Latitude = p.Latitude,
        Longitude = p.Longitude,
        Description = p.Description,
        IsArchived = p.IsArchived,
        Version = p.Version,
    };

    protected override async Task ValidateAsync(SectionScope scope, TourismPoint? existing, CancellationToken ct)
    {
        if (Input.CommuneId is int commune)
        {
            if (!scope.InScope(commune))
            {
                ModelState.AddModelError("Input.CommuneId", "Bạn không phụ trách xã này.");
            }
            else if (await Lookups.CommuneProblemAsync(Section.Db, commune, existing?.CommuneId, ct) is string problem)
            {
                ModelState.AddModelError("Input.CommuneId", problem);
            }
        }

        // The point is what it says it is: a producer's point names the producer, and so on.
        switch (Input.Kind)
        {
            case TourismPointKind.Producer when Input.SubjectId is null:
                ModelState.AddModelError("Input.SubjectId", "Điểm là cơ sở sản xuất: chọn chủ thể.");
                break;
            case TourismPointKind.CraftVillage when Input.CraftVillageId is null:
                ModelState.AddModelError("Input.CraftVillageId", "Điểm là làng nghề: chọn làng nghề.");
                break;
            case TourismPointKind.SalesPoint when Input.SalesPointId is null:
                ModelState.AddModelError("Input.SalesPointId", "Điểm là điểm bán sản phẩm OCOP: chọn điểm bán.");
                break;
        }

        if (Input.SubjectId is int subject && await Section.SubjectAsync(subject, ct) is null)
        {
            ModelState.AddModelError("Input.SubjectId", "Chủ thể không có hoặc bạn không phụ trách.");
        }

        if (Input.CraftVillageId is int village && !await Section.Db.CraftVillages.AnyAsync(v => v.Id == village && !v.IsArchived, ct))
        {
            ModelState.AddModelError("Input.CraftVillageId", "Làng nghề không có.");
        }
        else if (Input.CraftVillageId is int v2 && !scope.InScope(await Section.Db.CraftVillages.Where(v => v.Id == v2).Select(v => v.CommuneId).SingleAsync(ct)))
        {
            ModelState.AddModelError("Input.CraftVillageId", "Bạn không phụ trách làng nghề này.");
        }

        if (Input.SalesPointId is int point)
        {
            var pointCommune = await Section.Db.SalesPoints.Where(p => p.Id == point).Select(p => (int?)p.CommuneId).SingleOrDefaultAsync(ct);
            if (pointCommune is null || !scope.InScope(pointCommune.Value))
            {
                ModelState.AddModelError("Input.SalesPointId", "Điểm bán không có hoặc bạn không phụ trách.");
            }
        }

        SectionForms.Coordinates(ModelState, "Input.", Input.Latitude, Input.Longitude);
    }

    protected override TourismPoint Add() => Section.Db.TourismPoints.Add(new TourismPoint { Name = "" }).Entity;

    protected override void Apply(TourismPoint p, bool isNew)
    {
        p.Name = Input.Name.Trim();
        p.Kind = Input.Kind!.Value;
        p.SubjectId = Input.SubjectId;
        p.CraftVillageId = Input.CraftVillageId;
        p.SalesPointId = Input.SalesPointId;
        p.CommuneId = Input.CommuneId!.Value;
        p.Address = SectionForms.Trim(Input.Address);
        p.Latitude = Input.Latitude;
        p.Longitude = Input.Longitude;
        p.Description = SectionForms.Trim(Input.Description);
        p.IsArchived = !isNew && Input.IsArchived;
    }

    protected override async Task LoadOptionsAsync(CancellationToken ct)
    {
        var scope = await Section.ScopeAsync(ct);
        Communes = await Lookups.CommunesAsync(Section.Db, scope.User, Input.CommuneId, ct);
        Subjects = await Section.SubjectOptionsAsync(Input.SubjectId, ct);
        var villages = await Section.Db.CraftVillages.AsNoTracking().Where(v => !v.IsArchived || v.Id == Input.CraftVillageId)
            .OrderBy(v => v.Name).Select(v => new { v.Id, v.Name, v.CommuneId }).ToListAsync(ct);
        Villages = villages.Where(v => scope.InScope(v.CommuneId) || v.Id == Input.CraftVillageId)
            .Select(v => new SelectListItem(v.Name, PlanDisplay.Id(v.Id), v.Id == Input.CraftVillageId)).ToList();
        var points = await Section.Db.SalesPoints.AsNoTracking().Where(p => !p.IsArchived || p.Id == Input.SalesPointId)
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.CommuneId }).ToListAsync(ct);
        SalesPoints = points.Where(p => scope.InScope(p.CommuneId) || p.Id == Input.SalesPointId)
            .Select(p => new SelectListItem(p.Name, PlanDisplay.Id(p.Id), p.Id == Input.SalesPointId)).ToList();
    }
}
