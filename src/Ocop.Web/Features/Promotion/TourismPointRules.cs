using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Planning;
using Ocop.Web.Features.Shared;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Promotion;

/// <summary>A community tourism point: a producer, craft village, sales point or site, with its place and position for the public map.</summary>
public sealed class TourismPointRules : RegisterRules<TourismPoint, TourismPointRules.PointInput>
{
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

    private const SectionRegister Register = SectionRegister.Tourism;

    public override bool MayWrite(SectionScope scope) => SupportAccess.CanAdd(Register, scope.Role);

    public override Task<TourismPoint?> FindAsync(OcopDbContext db, int id, CancellationToken ct) => db.TourismPoints.SingleOrDefaultAsync(p => p.Id == id, ct);

    public override RecordAccess AccessTo(SectionScope scope, TourismPoint entity) => scope.Access(Register, entity.CommuneId);

    public override PointInput ToInput(TourismPoint p) => new()
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

    public override async Task ValidateAsync(RegisterCheck check, PointInput input, TourismPoint? existing, CancellationToken ct)
    {
        var scope = check.Scope;
        if (input.CommuneId is int commune)
        {
            if (!scope.InScope(commune))
            {
                check.Add("CommuneId", "Bạn không phụ trách xã này.");
            }
            else if (await Lookups.CommuneProblemAsync(check.Db, commune, existing?.CommuneId, ct) is string problem)
            {
                check.Add("CommuneId", problem);
            }
        }

        // The point is what it says it is: a producer's point names the producer, and so on.
        switch (input.Kind)
        {
            case TourismPointKind.Producer when input.SubjectId is null:
                check.Add("SubjectId", "Điểm là cơ sở sản xuất: chọn chủ thể.");
                break;
            case TourismPointKind.CraftVillage when input.CraftVillageId is null:
                check.Add("CraftVillageId", "Điểm là làng nghề: chọn làng nghề.");
                break;
            case TourismPointKind.SalesPoint when input.SalesPointId is null:
                check.Add("SalesPointId", "Điểm là điểm bán sản phẩm OCOP: chọn điểm bán.");
                break;
        }

        if (input.SubjectId is int subject && await check.SubjectAsync(subject, ct) is null)
        {
            check.Add("SubjectId", "Chủ thể không có hoặc bạn không phụ trách.");
        }

        if (input.CraftVillageId is int village && !await check.Db.CraftVillages.AnyAsync(v => v.Id == village && !v.IsArchived, ct))
        {
            check.Add("CraftVillageId", "Làng nghề không có.");
        }
        else if (input.CraftVillageId is int v2 && !scope.InScope(await check.Db.CraftVillages.Where(v => v.Id == v2).Select(v => v.CommuneId).SingleAsync(ct)))
        {
            check.Add("CraftVillageId", "Bạn không phụ trách làng nghề này.");
        }

        if (input.SalesPointId is int point)
        {
            var pointCommune = await check.Db.SalesPoints.Where(p => p.Id == point).Select(p => (int?)p.CommuneId).SingleOrDefaultAsync(ct);
            if (pointCommune is null || !scope.InScope(pointCommune.Value))
            {
                check.Add("SalesPointId", "Điểm bán không có hoặc bạn không phụ trách.");
            }
        }

        SectionForms.Coordinates(check.Errors, "", input.Latitude, input.Longitude);
    }

    public override TourismPoint Add(OcopDbContext db) => db.TourismPoints.Add(new TourismPoint { Name = "" }).Entity;

    public override void Apply(SectionScope scope, TourismPoint p, PointInput input, bool isNew)
    {
        p.Name = input.Name.Trim();
        p.Kind = input.Kind!.Value;
        p.SubjectId = input.SubjectId;
        p.CraftVillageId = input.CraftVillageId;
        p.SalesPointId = input.SalesPointId;
        p.CommuneId = input.CommuneId!.Value;
        p.Address = SectionForms.Trim(input.Address);
        p.Latitude = input.Latitude;
        p.Longitude = input.Longitude;
        p.Description = SectionForms.Trim(input.Description);
        p.IsArchived = !isNew && input.IsArchived;
    }
}
