using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.ValueChains;

/// <summary>A reward or commendation of a producer (plan III.2: "khen thưởng"), perhaps for one product.</summary>
public sealed class RewardRules : RegisterRules<Reward, RewardRules.RewardInput>
{
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

    private const SectionRegister Register = SectionRegister.Rewards;

    public override bool MayWrite(SectionScope scope) => SupportAccess.CanAdd(Register, scope.Role);

    public override Task<Reward?> FindAsync(OcopDbContext db, int id, CancellationToken ct) => db.Rewards.Include(r => r.Subject).SingleOrDefaultAsync(r => r.Id == id, ct);

    public override RecordAccess AccessTo(SectionScope scope, Reward r) => scope.Access(Register, r.Subject!.CommuneId, r.SubjectId);

    public override RewardInput ToInput(Reward r) => new()
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

    public override async Task ValidateAsync(RegisterCheck check, RewardInput input, Reward? existing, CancellationToken ct)
    {
        var scope = check.Scope;
        if (input.SubjectId is int subjectId)
        {
            var subject = await check.SubjectAsync(subjectId, ct);
            if (subject is null || scope.Access(Register, subject.Value.CommuneId, subjectId) != RecordAccess.Edit)
            {
                check.Add("SubjectId", "Chủ thể không có hoặc bạn không phụ trách.");
            }
            else if (input.ProductId is int productId && (await check.ProductAsync(productId, ct))?.SubjectId != subjectId)
            {
                check.Add("ProductId", "Sản phẩm không thuộc chủ thể đã chọn.");
            }
        }

        SectionForms.NotAfterToday(check.Errors, "On", input.On, scope.Today, "Ngày khen thưởng");
    }

    public override Reward Add(OcopDbContext db) => db.Rewards.Add(new Reward { Title = "", Issuer = "" }).Entity;

    public override void Apply(SectionScope scope, Reward r, RewardInput input, bool isNew)
    {
        r.SubjectId = input.SubjectId!.Value;
        r.ProductId = input.ProductId;
        r.Title = input.Title.Trim();
        r.Level = input.Level!.Value;
        r.Issuer = input.Issuer.Trim();
        r.Decision = SectionForms.Trim(input.Decision);
        r.On = input.On!.Value;
        r.IsArchived = !isNew && input.IsArchived;
    }
}
