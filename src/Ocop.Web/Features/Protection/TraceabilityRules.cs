using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Protection;

/// <summary>How a product is traced: the system and the code on its label, from / until.</summary>
public sealed class TraceabilityRules : RegisterRules<ProductTraceability, TraceabilityRules.TraceInput>
{
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

    private const SectionRegister Register = SectionRegister.Protection;

    public override bool MayWrite(SectionScope scope) => SupportAccess.CanAdd(Register, scope.Role);

    public override Task<ProductTraceability?> FindAsync(OcopDbContext db, int id, CancellationToken ct) =>
        db.Traceability.Include(t => t.Product).SingleOrDefaultAsync(t => t.Id == id, ct);

    public override RecordAccess AccessTo(SectionScope scope, ProductTraceability t) => scope.Access(Register, t.Product!.CommuneId, t.Product.SubjectId);

    public override TraceInput ToInput(ProductTraceability t) => new()
    {
        ProductId = t.ProductId,
        System = t.System,
        LabelCode = t.LabelCode,
        StartedOn = t.StartedOn,
        EndedOn = t.EndedOn,
        IsArchived = t.IsArchived,
        Version = t.Version,
    };

    public override async Task ValidateAsync(RegisterCheck check, TraceInput input, ProductTraceability? existing, CancellationToken ct)
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

        SectionForms.NotAfterToday(check.Errors, "StartedOn", input.StartedOn, scope.Today, "Ngày bắt đầu");
        SectionForms.Period(check.Errors, "EndedOn", input.StartedOn, input.EndedOn);
    }

    public override ProductTraceability Add(OcopDbContext db) => db.Traceability.Add(new ProductTraceability { System = "", LabelCode = "" }).Entity;

    public override void Apply(SectionScope scope, ProductTraceability t, TraceInput input, bool isNew)
    {
        t.ProductId = input.ProductId!.Value;
        t.System = input.System.Trim();
        t.LabelCode = input.LabelCode.Trim();
        t.StartedOn = input.StartedOn!.Value;
        t.EndedOn = input.EndedOn;
        t.IsArchived = !isNew && input.IsArchived;
    }
}
