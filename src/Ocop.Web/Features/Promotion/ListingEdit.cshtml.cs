using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Promotion;

/// <summary>A product on an e-commerce platform, from / until: target T6 reads it as its subject's e-commerce channel for that period.</summary>
public sealed class ListingEditModel(SectionContext section) : RegisterEditPage<EcommerceListing, ListingEditModel.ListingInput>(section)
{
    public List<SelectListItem> Products { get; private set; } = [];

    public sealed class ListingInput : IVersionedInput
    {
        [Required(ErrorMessage = "Chọn sản phẩm.")] public int? ProductId { get; set; }
        [Required(ErrorMessage = "Nhập tên sàn."), StringLength(100, ErrorMessage = "Tối đa 100 ký tự.")] public string Platform { get; set; } = "";
        [Required(ErrorMessage = "Nhập địa chỉ gian hàng."), StringLength(500, ErrorMessage = "Tối đa 500 ký tự.")] public string Url { get; set; } = "";
        [Required(ErrorMessage = "Nhập ngày bắt đầu.")] public DateOnly? StartedOn { get; set; }
        public DateOnly? EndedOn { get; set; }
        public bool IsArchived { get; set; }
        public int Version { get; set; }
    }

    protected override SectionRegister Register => SectionRegister.Listings;
    protected override string ListUrl => "/Promotion/Listings";
    protected override string SavedMessage => "Đã lưu gian hàng thương mại điện tử.";

    protected override Task<EcommerceListing?> FindAsync(int id, CancellationToken ct) =>
        Section.Db.EcommerceListings.Include(l => l.Product).SingleOrDefaultAsync(l => l.Id == id, ct);

    protected override RecordAccess AccessTo(SectionScope scope, EcommerceListing entity) =>
        scope.Access(Register, entity.Product!.CommuneId, entity.Product.SubjectId);

    protected override ListingInput ToInput(EcommerceListing l) => new()
    {
        ProductId = l.ProductId,
        Platform = l.Platform,
        Url = l.Url,
        StartedOn = l.StartedOn,
        EndedOn = l.EndedOn,
        IsArchived = l.IsArchived,
        Version = l.Version,
    };

    protected override async Task ValidateAsync(SectionScope scope, EcommerceListing? existing, CancellationToken ct)
    {
        if (Input.ProductId is int product)
        {
            var found = await Section.ProductAsync(product, ct);
            if (found is null || scope.Access(Register, found.Value.CommuneId, found.Value.SubjectId) != RecordAccess.Edit)
            {
                ModelState.AddModelError("Input.ProductId", "Sản phẩm không có hoặc bạn không phụ trách.");
            }
        }

        if (!string.IsNullOrWhiteSpace(Input.Url) && !SectionForms.IsWebAddress(Input.Url))
        {
            ModelState.AddModelError("Input.Url", "Địa chỉ gian hàng bắt đầu bằng https:// hoặc http://.");
        }

        SectionForms.NotAfterToday(ModelState, "Input.StartedOn", Input.StartedOn, scope.Today, "Ngày bắt đầu");
        SectionForms.Period(ModelState, "Input.EndedOn", Input.StartedOn, Input.EndedOn, "Ngày thôi bán phải sau ngày bắt đầu.");
    }

    protected override EcommerceListing Add() => Section.Db.EcommerceListings.Add(new EcommerceListing { Platform = "", Url = "" }).Entity;

    protected override void Apply(EcommerceListing l, bool isNew)
    {
        l.ProductId = Input.ProductId!.Value;
        l.Platform = Input.Platform.Trim();
        l.Url = Input.Url.Trim();
        l.StartedOn = Input.StartedOn!.Value;
        l.EndedOn = Input.EndedOn;
        l.IsArchived = !isNew && Input.IsArchived;
    }

    protected override async Task LoadOptionsAsync(CancellationToken ct) => Products = await Section.ProductOptionsAsync(Input.ProductId, null, ct);
}
