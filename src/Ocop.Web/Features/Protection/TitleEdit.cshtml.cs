using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
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
public sealed class TitleEditModel(SectionContext section) : RegisterEditPage<IpTitle, TitleEditModel.TitleInput>(section)
{
    public List<SelectListItem> Subjects { get; private set; } = [];
    public List<SelectListItem> Products { get; private set; } = [];

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

    protected override SectionRegister Register => SectionRegister.Protection;
    protected override string ListUrl => "/Protection/Titles";
    protected override string SavedMessage => "Đã lưu văn bằng, đơn sở hữu trí tuệ.";

    protected override Task<IpTitle?> FindAsync(int id, CancellationToken ct) =>
        Section.Db.IpTitles.Include(t => t.Subject).Include(t => t.Product).SingleOrDefaultAsync(t => t.Id == id, ct);

    protected override RecordAccess AccessTo(SectionScope scope, IpTitle t) =>
        scope.Access(Register, t.Product?.CommuneId ?? t.Subject!.CommuneId, t.SubjectId);

    protected override TitleInput ToInput(IpTitle t) => new()
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

    protected override async Task ValidateAsync(SectionScope scope, IpTitle? existing, CancellationToken ct)
    {
        if (Input.SubjectId is int subjectId)
        {
            var subject = await Section.SubjectAsync(subjectId, ct);
            if (subject is null || scope.Access(Register, subject.Value.CommuneId, subjectId) != RecordAccess.Edit)
            {
                ModelState.AddModelError("Input.SubjectId", "Chủ thể không có hoặc bạn không phụ trách.");
            }
            else if (Input.ProductId is int productId && await Section.ProductAsync(productId, ct) is not { } product)
            {
                ModelState.AddModelError("Input.ProductId", "Sản phẩm không có hoặc bạn không phụ trách.");
            }
            else if (Input.ProductId is int p2 && (await Section.ProductAsync(p2, ct))!.Value.SubjectId != subjectId)
            {
                ModelState.AddModelError("Input.ProductId", "Sản phẩm không thuộc chủ thể đã chọn.");
            }
        }

        // A brand or a mark for target T7 is of a product; a geographical indication may stand for a whole area's products.
        if (Input.Kind is IpKind.Brand or IpKind.Trademark && Input.ProductId is null)
        {
            ModelState.AddModelError("Input.ProductId", "Thương hiệu, nhãn hiệu là của một sản phẩm: chọn sản phẩm (chỉ tiêu T7 đếm sản phẩm).");
        }

        SectionForms.NotAfterToday(ModelState, "Input.AppliedOn", Input.AppliedOn, scope.Today, "Ngày nộp đơn");
        SectionForms.NotAfterToday(ModelState, "Input.GrantedOn", Input.GrantedOn, scope.Today, "Ngày cấp");
        if (Input.AppliedOn is DateOnly applied && Input.GrantedOn is DateOnly granted && granted < applied)
        {
            ModelState.AddModelError("Input.GrantedOn", "Ngày cấp không được trước ngày nộp đơn.");
        }

        if (Input.Status == IpStatus.Granted && (Input.GrantedOn is null || string.IsNullOrWhiteSpace(Input.GrantNumber)))
        {
            ModelState.AddModelError("Input.GrantNumber", "Đã cấp văn bằng: nhập số và ngày cấp.");
        }

        if (Input.Status == IpStatus.Applied && Input.AppliedOn is null)
        {
            ModelState.AddModelError("Input.AppliedOn", "Đã nộp đơn: nhập ngày nộp đơn.");
        }

        if (Input.Status is IpStatus status && IpRules.Ends(status) && Input.EndedOn is null)
        {
            ModelState.AddModelError("Input.EndedOn", "Nhập ngày bị từ chối, rút đơn hoặc hết hiệu lực.");
        }
        else if (Input.Status is IpStatus s2 && !IpRules.Ends(s2) && Input.EndedOn is not null)
        {
            ModelState.AddModelError("Input.EndedOn", "Chỉ nhập ngày chấm dứt khi văn bằng, đơn đã bị từ chối, rút hoặc hết hiệu lực.");
        }

        SectionForms.Period(ModelState, "Input.EndedOn", Input.AppliedOn ?? Input.GrantedOn, Input.EndedOn, "Ngày chấm dứt phải sau ngày nộp đơn, ngày cấp.");
    }

    protected override IpTitle Add() => Section.Db.IpTitles.Add(new IpTitle { Name = "", Owner = "" }).Entity;

    protected override void Apply(IpTitle t, bool isNew)
    {
        t.Kind = Input.Kind!.Value;
        t.Name = Input.Name.Trim();
        t.SubjectId = Input.SubjectId!.Value;
        t.ProductId = Input.ProductId;
        t.Owner = Input.Owner.Trim();
        t.ApplicationNumber = SectionForms.Trim(Input.ApplicationNumber);
        t.AppliedOn = Input.AppliedOn;
        t.GrantNumber = SectionForms.Trim(Input.GrantNumber);
        t.GrantedOn = Input.GrantedOn;
        t.ExpiresOn = Input.ExpiresOn;
        t.Status = Input.Status!.Value;
        t.EndedOn = Input.EndedOn;
        t.Note = SectionForms.Trim(Input.Note);
        t.IsArchived = !isNew && Input.IsArchived;
    }

    protected override async Task LoadOptionsAsync(CancellationToken ct)
    {
        Subjects = await Section.SubjectOptionsAsync(Input.SubjectId, ct);
        Products = await Section.ProductOptionsAsync(Input.ProductId, null, ct);
    }
}
