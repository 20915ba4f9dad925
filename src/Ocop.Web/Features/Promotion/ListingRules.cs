using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Promotion;

/// <summary>A product on an e-commerce platform, from / until: target T6 reads it as its subject's e-commerce channel for that period.</summary>
public sealed class ListingRules : RegisterRules<EcommerceListing, ListingRules.ListingInput>
{
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

    private const SectionRegister Register = SectionRegister.Listings;

    public override bool MayWrite(SectionScope scope) => SupportAccess.CanAdd(Register, scope.Role);

    public override Task<EcommerceListing?> FindAsync(OcopDbContext db, int id, CancellationToken ct) =>
        db.EcommerceListings.Include(l => l.Product).SingleOrDefaultAsync(l => l.Id == id, ct);

    public override RecordAccess AccessTo(SectionScope scope, EcommerceListing entity) =>
        scope.Access(Register, entity.Product!.CommuneId, entity.Product.SubjectId);

    public override ListingInput ToInput(EcommerceListing l) => new()
    {
        ProductId = l.ProductId,
        Platform = l.Platform,
        Url = l.Url,
        StartedOn = l.StartedOn,
        EndedOn = l.EndedOn,
        IsArchived = l.IsArchived,
        Version = l.Version,
    };

    public override async Task ValidateAsync(RegisterCheck check, ListingInput input, EcommerceListing? existing, CancellationToken ct)
    {
        var scope = check.Scope;
        if (input.ProductId is int product)
        {
            var found = await check.ProductAsync(product, ct);
            if (found is null || scope.Access(Register, found.Value.CommuneId, found.Value.SubjectId) != RecordAccess.Edit)
            {
                check.Add("ProductId", "Sản phẩm không có hoặc bạn không phụ trách.");
            }
        }

        if (!string.IsNullOrWhiteSpace(input.Url) && !SectionForms.IsWebAddress(input.Url))
        {
            check.Add("Url", "Địa chỉ gian hàng bắt đầu bằng https:// hoặc http://.");
        }

        SectionForms.NotAfterToday(check.Errors, "StartedOn", input.StartedOn, scope.Today, "Ngày bắt đầu");
        SectionForms.Period(check.Errors, "EndedOn", input.StartedOn, input.EndedOn, "Ngày thôi bán phải sau ngày bắt đầu.");
    }

    public override EcommerceListing Add(OcopDbContext db) => db.EcommerceListings.Add(new EcommerceListing { Platform = "", Url = "" }).Entity;

    public override void Apply(SectionScope scope, EcommerceListing l, ListingInput input, bool isNew)
    {
        l.ProductId = input.ProductId!.Value;
        l.Platform = input.Platform.Trim();
        l.Url = input.Url.Trim();
        l.StartedOn = input.StartedOn!.Value;
        l.EndedOn = input.EndedOn;
        l.IsArchived = !isNew && input.IsArchived;
    }
}
