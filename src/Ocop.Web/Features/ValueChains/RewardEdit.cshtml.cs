using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.ValueChains;

/// <summary>A reward or commendation of a producer (plan III.2: "khen thưởng"), perhaps for one product.</summary>
public sealed class RewardEditModel(SectionContext section) : RegisterEditPage<Reward, RewardEditModel.RewardInput>(section)
{
    public List<SelectListItem> Subjects { get; private set; } = [];
    public List<SelectListItem> Products { get; private set; } = [];

    public sealed class RewardInput : IVersionedInput
    {
        [Required(ErrorMessage = "Chọn chủ thể.")] public int? SubjectId { get; set; }
        public int? ProductId { get; set; }
        [Required(ErrorMessage = "Nhập hình thức khen thưởng."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string Title { get; set; } = "";
        [Required(ErrorMessage = "Chọn cấp khen thưởng.")] public RewardLevel? Level { get; set; }
        [Required(ErrorMessage = "Nhập cơ quan khen thưởng."), StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string Issuer { get; set; } = "";
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string? Decision { get; set; }
        [Required(ErrorMessage = "Nhập ngày.")] public DateOnly? On { get; set; }
        public bool IsArchived { get; set; }
        public int Version { get; set; }
    }

    protected override SectionRegister Register => SectionRegister.Rewards;
    protected override string ListUrl => "/ValueChains/Rewards";
    protected override string SavedMessage => "Đã lưu khen thưởng.";

    protected override Task<Reward?> FindAsync(int id, CancellationToken ct) => Section.Db.Rewards.Include(r => r.Subject).SingleOrDefaultAsync(r => r.Id == id, ct);

    protected override RecordAccess AccessTo(SectionScope scope, Reward r) => scope.Access(Register, r.Subject!.CommuneId, r.SubjectId);

    protected override RewardInput ToInput(Reward r) => new()
    {
        SubjectId = r.SubjectId,
        ProductId = r.ProductId,
        Title = r.Title,
        Level = r.Level,
        Issuer = r.Issuer,
        Decision = r.Decision,
        On = r.On,
        IsArchived = r.IsArchived,
        Version = r.Version,
    };

    protected override async Task ValidateAsync(SectionScope scope, Reward? existing, CancellationToken ct)
    {
        if (Input.SubjectId is int subjectId)
        {
            var subject = await Section.SubjectAsync(subjectId, ct);
            if (subject is null || scope.Access(Register, subject.Value.CommuneId, subjectId) != RecordAccess.Edit)
            {
                ModelState.AddModelError("Input.SubjectId", "Chủ thể không có hoặc bạn không phụ trách.");
            }
            else if (Input.ProductId is int productId && (await Section.ProductAsync(productId, ct))?.SubjectId != subjectId)
            {
                ModelState.AddModelError("Input.ProductId", "Sản phẩm không thuộc chủ thể đã chọn.");
            }
        }

        SectionForms.NotAfterToday(ModelState, "Input.On", Input.On, scope.Today, "Ngày khen thưởng");
    }

    protected override Reward Add() => Section.Db.Rewards.Add(new Reward { Title = "", Issuer = "" }).Entity;

    protected override void Apply(Reward r, bool isNew)
    {
        r.SubjectId = Input.SubjectId!.Value;
        r.ProductId = Input.ProductId;
        r.Title = Input.Title.Trim();
        r.Level = Input.Level!.Value;
        r.Issuer = Input.Issuer.Trim();
        r.Decision = SectionForms.Trim(Input.Decision);
        r.On = Input.On!.Value;
        r.IsArchived = !isNew && Input.IsArchived;
    }

    protected override async Task LoadOptionsAsync(CancellationToken ct)
    {
        Subjects = await Section.SubjectOptionsAsync(Input.SubjectId, ct);
        Products = await Section.ProductOptionsAsync(Input.ProductId, null, ct);
    }
}
