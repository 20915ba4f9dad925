using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
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
public sealed class SalesPointEditModel(SectionContext section) : RegisterEditPage<SalesPoint, SalesPointEditModel.PointInput>(section)
{
    public const int BlankProducts = 5;

    public List<SelectListItem> Communes { get; private set; } = [];
    public List<SelectListItem> Subjects { get; private set; } = [];
    public List<SelectListItem> Products { get; private set; } = [];

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

    protected override SectionRegister Register => SectionRegister.SalesPoints;
    protected override string ListUrl => "/Promotion/SalesPoints";
    protected override string SavedMessage => "Đã lưu điểm bán sản phẩm OCOP.";

    protected override Task<SalesPoint?> FindAsync(int id, CancellationToken ct) =>
        Section.Db.SalesPoints.Include(p => p.Products).SingleOrDefaultAsync(p => p.Id == id, ct);

    protected override RecordAccess AccessTo(SectionScope scope, SalesPoint entity) => scope.Access(Register, entity.CommuneId);

    protected override PointInput ToInput(SalesPoint p) => new()
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

    protected override async Task ValidateAsync(SectionScope scope, SalesPoint? existing, CancellationToken ct)
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

        if (Input.OperatorSubjectId is int subject && await Section.SubjectAsync(subject, ct) is null)
        {
            ModelState.AddModelError("Input.OperatorSubjectId", "Chủ thể không có hoặc bạn không phụ trách.");
        }

        SectionForms.Coordinates(ModelState, "Input.", Input.Latitude, Input.Longitude);
        SectionForms.Period(ModelState, "Input.ClosedOn", Input.OpenedOn, Input.ClosedOn, "Ngày đóng phải sau ngày mở.");
        for (var i = 0; i < Input.Products.Count; i++)
        {
            var offer = Input.Products[i];
            if (offer.ProductId is null)
            {
                if (offer.StartedOn is not null || offer.EndedOn is not null)
                {
                    ModelState.AddModelError($"Input.Products[{i}].ProductId", "Chọn sản phẩm.");
                }

                continue;
            }

            if (await Section.ProductAsync(offer.ProductId.Value, ct) is null)
            {
                ModelState.AddModelError($"Input.Products[{i}].ProductId", "Sản phẩm không có hoặc bạn không phụ trách.");
            }

            if (offer.StartedOn is null)
            {
                ModelState.AddModelError($"Input.Products[{i}].StartedOn", "Nhập ngày bắt đầu bán.");
            }

            SectionForms.Period(ModelState, $"Input.Products[{i}].EndedOn", offer.StartedOn, offer.EndedOn, "Ngày thôi bán phải sau ngày bắt đầu bán.");
        }
    }

    protected override SalesPoint Add() => Section.Db.SalesPoints.Add(new SalesPoint { Name = "", Operator = "", Address = "" }).Entity;

    protected override void Apply(SalesPoint p, bool isNew)
    {
        p.Name = Input.Name.Trim();
        p.Operator = Input.Operator.Trim();
        p.OperatorSubjectId = Input.OperatorSubjectId;
        p.Address = Input.Address.Trim();
        p.CommuneId = Input.CommuneId!.Value;
        p.Latitude = Input.Latitude;
        p.Longitude = Input.Longitude;
        p.OpeningDecision = SectionForms.Trim(Input.OpeningDecision);
        p.OpenedOn = Input.OpenedOn!.Value;
        p.ClosedOn = Input.ClosedOn;
        p.IsArchived = !isNew && Input.IsArchived;
        // The offers as typed: unchanged rows stay (their audit rows too), the others are replaced.
        var wanted = Input.Products.Where(x => x.ProductId is not null).Select(x => (x.ProductId!.Value, x.StartedOn!.Value, x.EndedOn)).ToList();
        p.Products.RemoveAll(x => !wanted.Contains((x.ProductId, x.StartedOn, x.EndedOn)));
        foreach (var (product, from, until) in wanted.Where(w => !p.Products.Any(x => (x.ProductId, x.StartedOn, x.EndedOn) == w)))
        {
            p.Products.Add(new SalesPointProduct { ProductId = product, StartedOn = from, EndedOn = until });
        }
    }

    protected override async Task LoadOptionsAsync(CancellationToken ct)
    {
        Communes = await Lookups.CommunesAsync(Section.Db, (await Section.ScopeAsync(ct)).User, Input.CommuneId, ct);
        Subjects = await Section.SubjectOptionsAsync(Input.OperatorSubjectId, ct);
        Products = await Section.ProductOptionsAsync(null, null, ct);
        while (Input.Products.Count(e => e.ProductId is null) < BlankProducts)
        {
            Input.Products.Add(new OfferInput());
        }
    }
}
