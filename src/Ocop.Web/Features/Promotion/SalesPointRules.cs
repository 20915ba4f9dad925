using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Shared;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Promotion;

/// <summary>
/// An OCOP sales point: operator, address and position (for the public map), opening decision and dates, and the products on
/// sale with the days each was put on and taken off sale (target T6 reads them as the sales-point channel of their subjects).
/// </summary>
public sealed class SalesPointRules : RegisterRules<SalesPoint, SalesPointRules.PointInput>
{
    public sealed class PointInput : IVersionedInput
    {
        [Required(ErrorMessage = "Nhập tên điểm bán."), StringLength(250, ErrorMessage = "Tối đa 250 ký tự.")] public string Name { get; set; } = "";
        [Required(ErrorMessage = "Nhập đơn vị vận hành."), StringLength(250, ErrorMessage = "Tối đa 250 ký tự.")] public string Operator { get; set; } = "";
        public int? OperatorSubjectId { get; set; }
        [Required(ErrorMessage = "Nhập địa chỉ."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string Address { get; set; } = "";
        [Required(ErrorMessage = "Chọn xã.")] public int? CommuneId { get; set; }
        [ModelBinder(typeof(Planning.DecimalInputBinder))] public decimal? Latitude { get; set; }
        [ModelBinder(typeof(Planning.DecimalInputBinder))] public decimal? Longitude { get; set; }
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string? OpeningDecision { get; set; }
        [Required(ErrorMessage = "Nhập ngày mở.")] public DateOnly? OpenedOn { get; set; }
        public DateOnly? ClosedOn { get; set; }
        public List<OfferInput> Products { get; set; } = [];
        public bool IsArchived { get; set; }
        public int Version { get; set; }
    }

    public sealed class OfferInput
    {
        public int? ProductId { get; set; }
        public DateOnly? StartedOn { get; set; }
        public DateOnly? EndedOn { get; set; }
    }

    private const SectionRegister Register = SectionRegister.SalesPoints;

    public override bool MayWrite(SectionScope scope) => SupportAccess.CanAdd(Register, scope.Role);

    public override Task<SalesPoint?> FindAsync(OcopDbContext db, int id, CancellationToken ct) =>
        db.SalesPoints.Include(p => p.Products).SingleOrDefaultAsync(p => p.Id == id, ct);

    public override RecordAccess AccessTo(SectionScope scope, SalesPoint entity) => scope.Access(Register, entity.CommuneId);

    public override PointInput ToInput(SalesPoint p) => new()
    {
        Name = p.Name,
        Operator = p.Operator,
        OperatorSubjectId = p.OperatorSubjectId,
        Address = p.Address,
        CommuneId = p.CommuneId,
        Latitude = p.Latitude,
        Longitude = p.Longitude,
        OpeningDecision = p.OpeningDecision,
        OpenedOn = p.OpenedOn,
        ClosedOn = p.ClosedOn,
        IsArchived = p.IsArchived,
        Version = p.Version,
        Products = p.Products.OrderBy(x => x.Id).Select(x => new OfferInput { ProductId = x.ProductId, StartedOn = x.StartedOn, EndedOn = x.EndedOn }).ToList(),
    };

    public override async Task ValidateAsync(RegisterCheck check, PointInput input, SalesPoint? existing, CancellationToken ct)
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

        if (input.OperatorSubjectId is int subject && await check.SubjectAsync(subject, ct) is null)
        {
            check.Add("OperatorSubjectId", "Chủ thể không có hoặc bạn không phụ trách.");
        }

        SectionForms.Coordinates(check.Errors, "", input.Latitude, input.Longitude);
        SectionForms.Period(check.Errors, "ClosedOn", input.OpenedOn, input.ClosedOn, "Ngày đóng phải sau ngày mở.");
        for (var i = 0; i < input.Products.Count; i++)
        {
            var offer = input.Products[i];
            if (offer.ProductId is null)
            {
                if (offer.StartedOn is not null || offer.EndedOn is not null)
                {
                    check.Add($"Products[{i}].ProductId", "Chọn sản phẩm.");
                }

                continue;
            }

            if (await check.ProductAsync(offer.ProductId.Value, ct) is null)
            {
                check.Add($"Products[{i}].ProductId", "Sản phẩm không có hoặc bạn không phụ trách.");
            }

            if (offer.StartedOn is null)
            {
                check.Add($"Products[{i}].StartedOn", "Nhập ngày bắt đầu bán.");
            }

            SectionForms.Period(check.Errors, $"Products[{i}].EndedOn", offer.StartedOn, offer.EndedOn, "Ngày thôi bán phải sau ngày bắt đầu bán.");
        }
    }

    public override SalesPoint Add(OcopDbContext db) => db.SalesPoints.Add(new SalesPoint { Name = "", Operator = "", Address = "" }).Entity;

    public override void Apply(SectionScope scope, SalesPoint p, PointInput input, bool isNew)
    {
        p.Name = input.Name.Trim();
        p.Operator = input.Operator.Trim();
        p.OperatorSubjectId = input.OperatorSubjectId;
        p.Address = input.Address.Trim();
        p.CommuneId = input.CommuneId!.Value;
        p.Latitude = input.Latitude;
        p.Longitude = input.Longitude;
        p.OpeningDecision = SectionForms.Trim(input.OpeningDecision);
        p.OpenedOn = input.OpenedOn!.Value;
        p.ClosedOn = input.ClosedOn;
        p.IsArchived = !isNew && input.IsArchived;
        // The offers as typed: unchanged rows stay (their audit rows too), the others are replaced.
        var wanted = input.Products.Where(x => x.ProductId is not null).Select(x => (x.ProductId!.Value, x.StartedOn!.Value, x.EndedOn)).ToList();
        p.Products.RemoveAll(x => !wanted.Contains((x.ProductId, x.StartedOn, x.EndedOn)));
        foreach (var (product, from, until) in wanted.Where(w => !p.Products.Any(x => (x.ProductId, x.StartedOn, x.EndedOn) == w)))
        {
            p.Products.Add(new SalesPointProduct { ProductId = product, StartedOn = from, EndedOn = until });
        }
    }
}
