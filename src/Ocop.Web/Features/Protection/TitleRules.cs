using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Protection;

/// <summary>
/// A title of the IP register. Target T7 reads a brand or a mark naming a product while it stands: from its filing (or
/// grant) until the day it was refused, withdrawn or lapsed (docs/support.md).
/// </summary>
public sealed class TitleRules : RegisterRules<IpTitle, TitleRules.TitleInput>
{
    public sealed class TitleInput : IVersionedInput
    {
        [Required(ErrorMessage = "Chọn loại.")] public IpKind? Kind { get; set; }
        [Required(ErrorMessage = "Nhập tên nhãn hiệu, thương hiệu, chỉ dẫn."), StringLength(250, ErrorMessage = "Tối đa 250 ký tự.")] public string Name { get; set; } = "";
        [Required(ErrorMessage = "Chọn chủ thể.")] public int? SubjectId { get; set; }
        public int? ProductId { get; set; }
        [Required(ErrorMessage = "Nhập chủ sở hữu."), StringLength(250, ErrorMessage = "Tối đa 250 ký tự.")] public string Owner { get; set; } = "";
        [StringLength(60, ErrorMessage = "Tối đa 60 ký tự.")] public string? ApplicationNumber { get; set; }
        public DateOnly? AppliedOn { get; set; }
        [StringLength(60, ErrorMessage = "Tối đa 60 ký tự.")] public string? GrantNumber { get; set; }
        public DateOnly? GrantedOn { get; set; }
        public DateOnly? ExpiresOn { get; set; }
        [Required(ErrorMessage = "Chọn tình trạng.")] public IpStatus? Status { get; set; }
        public DateOnly? EndedOn { get; set; }
        [StringLength(1000, ErrorMessage = "Tối đa 1.000 ký tự.")] public string? Note { get; set; }
        public bool IsArchived { get; set; }
        public int Version { get; set; }
    }

    private const SectionRegister Register = SectionRegister.Protection;

    public override bool MayWrite(SectionScope scope) => SupportAccess.CanAdd(Register, scope.Role);

    public override Task<IpTitle?> FindAsync(OcopDbContext db, int id, CancellationToken ct) =>
        db.IpTitles.Include(t => t.Subject).Include(t => t.Product).SingleOrDefaultAsync(t => t.Id == id, ct);

    public override RecordAccess AccessTo(SectionScope scope, IpTitle t) =>
        scope.Access(Register, t.Product?.CommuneId ?? t.Subject!.CommuneId, t.SubjectId);

    public override TitleInput ToInput(IpTitle t) => new()
    {
        Kind = t.Kind,
        Name = t.Name,
        SubjectId = t.SubjectId,
        ProductId = t.ProductId,
        Owner = t.Owner,
        ApplicationNumber = t.ApplicationNumber,
        AppliedOn = t.AppliedOn,
        GrantNumber = t.GrantNumber,
        GrantedOn = t.GrantedOn,
        ExpiresOn = t.ExpiresOn,
        Status = t.Status,
        EndedOn = t.EndedOn,
        Note = t.Note,
        IsArchived = t.IsArchived,
        Version = t.Version,
    };

    public override async Task ValidateAsync(RegisterCheck check, TitleInput input, IpTitle? existing, CancellationToken ct)
    {
        var scope = check.Scope;
        if (input.SubjectId is int subjectId)
        {
            var subject = await check.SubjectAsync(subjectId, ct);
            if (subject is null || scope.Access(Register, subject.Value.CommuneId, subjectId) != RecordAccess.Edit)
            {
                check.Add("SubjectId", "Chủ thể không có hoặc bạn không phụ trách.");
            }
            else if (input.ProductId is int productId && await check.ProductAsync(productId, ct) is not { } product)
            {
                check.Add("ProductId", "Sản phẩm không có hoặc bạn không phụ trách.");
            }
            else if (input.ProductId is int p2 && (await check.ProductAsync(p2, ct))!.Value.SubjectId != subjectId)
            {
                check.Add("ProductId", "Sản phẩm không thuộc chủ thể đã chọn.");
            }
        }

        // A brand or a mark for target T7 is of a product; a geographical indication may stand for a whole area's products.
        if (input.Kind is IpKind.Brand or IpKind.Trademark && input.ProductId is null)
        {
            check.Add("ProductId", "Thương hiệu, nhãn hiệu là của một sản phẩm: chọn sản phẩm (chỉ tiêu T7 đếm sản phẩm).");
        }

        SectionForms.NotAfterToday(check.Errors, "AppliedOn", input.AppliedOn, scope.Today, "Ngày nộp đơn");
        SectionForms.NotAfterToday(check.Errors, "GrantedOn", input.GrantedOn, scope.Today, "Ngày cấp");
        if (input.AppliedOn is DateOnly applied && input.GrantedOn is DateOnly granted && granted < applied)
        {
            check.Add("GrantedOn", "Ngày cấp không được trước ngày nộp đơn.");
        }

        if (input.Status == IpStatus.Granted && (input.GrantedOn is null || string.IsNullOrWhiteSpace(input.GrantNumber)))
        {
            check.Add("GrantNumber", "Đã cấp văn bằng: nhập số và ngày cấp.");
        }

        if (input.Status == IpStatus.Applied && input.AppliedOn is null)
        {
            check.Add("AppliedOn", "Đã nộp đơn: nhập ngày nộp đơn.");
        }

        if (input.Status is IpStatus status && IpRules.Ends(status) && input.EndedOn is null)
        {
            check.Add("EndedOn", "Nhập ngày bị từ chối, rút đơn hoặc hết hiệu lực.");
        }
        else if (input.Status is IpStatus s2 && !IpRules.Ends(s2) && input.EndedOn is not null)
        {
            check.Add("EndedOn", "Chỉ nhập ngày chấm dứt khi văn bằng, đơn đã bị từ chối, rút hoặc hết hiệu lực.");
        }

        SectionForms.Period(check.Errors, "EndedOn", input.AppliedOn ?? input.GrantedOn, input.EndedOn, "Ngày chấm dứt phải sau ngày nộp đơn, ngày cấp.");
    }

    public override IpTitle Add(OcopDbContext db) => db.IpTitles.Add(new IpTitle { Name = "", Owner = "" }).Entity;

    public override void Apply(SectionScope scope, IpTitle t, TitleInput input, bool isNew)
    {
        t.Kind = input.Kind!.Value;
        t.Name = input.Name.Trim();
        t.SubjectId = input.SubjectId!.Value;
        t.ProductId = input.ProductId;
        t.Owner = input.Owner.Trim();
        t.ApplicationNumber = SectionForms.Trim(input.ApplicationNumber);
        t.AppliedOn = input.AppliedOn;
        t.GrantNumber = SectionForms.Trim(input.GrantNumber);
        t.GrantedOn = input.GrantedOn;
        t.ExpiresOn = input.ExpiresOn;
        t.Status = input.Status!.Value;
        t.EndedOn = input.EndedOn;
        t.Note = SectionForms.Trim(input.Note);
        t.IsArchived = !isNew && input.IsArchived;
    }
}
