using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Protection;

/// <summary>How a product is traced: the system and the code on its label, from / until.</summary>
public sealed class TraceabilityEditModel(SectionContext section) : RegisterEditPage<ProductTraceability, TraceabilityEditModel.TraceInput>(section)
{
    public List<SelectListItem> Products { get; private set; } = [];

    public sealed class TraceInput : IVersionedInput
    {
        [Required(ErrorMessage = "Chọn sản phẩm.")] public int? ProductId { get; set; }
        [Required(ErrorMessage = "Nhập hệ thống truy xuất."), StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string System { get; set; } = "";
        [Required(ErrorMessage = "Nhập mã trên nhãn."), StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string LabelCode { get; set; } = "";
        [Required(ErrorMessage = "Nhập ngày bắt đầu.")] public DateOnly? StartedOn { get; set; }
        public DateOnly? EndedOn { get; set; }
        public bool IsArchived { get; set; }
        public int Version { get; set; }
    }

    protected override SectionRegister Register => SectionRegister.Protection;
    protected override string ListUrl => "/Protection/Traceability";
    protected override string SavedMessage => "Đã lưu truy xuất nguồn gốc.";

    protected override Task<ProductTraceability?> FindAsync(int id, CancellationToken ct) =>
        Section.Db.Traceability.Include(t => t.Product).SingleOrDefaultAsync(t => t.Id == id, ct);

    protected override RecordAccess AccessTo(SectionScope scope, ProductTraceability t) => scope.Access(Register, t.Product!.CommuneId, t.Product.SubjectId);

    protected override TraceInput ToInput(ProductTraceability t) => new()
    {
        ProductId = t.ProductId,
        System = t.System,
        LabelCode = t.LabelCode,
        StartedOn = t.StartedOn,
        EndedOn = t.EndedOn,
        IsArchived = t.IsArchived,
        Version = t.Version,
    };

    protected override async Task ValidateAsync(SectionScope scope, ProductTraceability? existing, CancellationToken ct)
    {
        if (Input.ProductId is int product)
        {
            var found = await Section.ProductAsync(product, ct);
            if (found is null || scope.Access(Register, found.Value.CommuneId, found.Value.SubjectId) != RecordAccess.Edit)
            {
                ModelState.AddModelError("Input.ProductId", "Sản phẩm không có hoặc bạn không phụ trách.");
            }
        }

        SectionForms.NotAfterToday(ModelState, "Input.StartedOn", Input.StartedOn, scope.Today, "Ngày bắt đầu");
        SectionForms.Period(ModelState, "Input.EndedOn", Input.StartedOn, Input.EndedOn);
    }

    protected override ProductTraceability Add() => Section.Db.Traceability.Add(new ProductTraceability { System = "", LabelCode = "" }).Entity;

    protected override void Apply(ProductTraceability t, bool isNew)
    {
        t.ProductId = Input.ProductId!.Value;
        t.System = Input.System.Trim();
        t.LabelCode = Input.LabelCode.Trim();
        t.StartedOn = Input.StartedOn!.Value;
        t.EndedOn = Input.EndedOn;
        t.IsArchived = !isNew && Input.IsArchived;
    }

    protected override async Task LoadOptionsAsync(CancellationToken ct) => Products = await Section.ProductOptionsAsync(Input.ProductId, null, ct);
}
