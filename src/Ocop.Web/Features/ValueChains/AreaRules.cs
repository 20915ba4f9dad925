using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Planning;
using Ocop.Web.Features.Shared;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.ValueChains;

/// <summary>
/// A raw-material area with the subjects tied to it, each from / until: target T4 reads a link as the subject's green value
/// chain tied to a stable raw-material area for the link's period, within the area's own (docs/support.md).
/// </summary>
public sealed class AreaRules : RegisterRules<RawMaterialArea, AreaRules.AreaInput>
{
    public sealed class AreaInput : IVersionedInput
    {
        [Required(ErrorMessage = "Nhập tên vùng."), StringLength(250, ErrorMessage = "Tối đa 250 ký tự.")] public string Name { get; set; } = "";
        [Required(ErrorMessage = "Chọn xã.")] public int? CommuneId { get; set; }
        [Required(ErrorMessage = "Nhập vị trí (ấp, cánh đồng)."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string Location { get; set; } = "";
        [Required(ErrorMessage = "Nhập diện tích."), ModelBinder(typeof(DecimalInputBinder))] public decimal? AreaHa { get; set; }
        public List<AreaCertification> Certifications { get; set; } = [];
        [StringLength(100, ErrorMessage = "Tối đa 100 ký tự.")] public string? CertificateNumber { get; set; }
        [Required(ErrorMessage = "Nhập ngày bắt đầu.")] public DateOnly? StartedOn { get; set; }
        public DateOnly? EndedOn { get; set; }
        public List<LinkInput> Links { get; set; } = [];
        public bool IsArchived { get; set; }
        public int Version { get; set; }
    }

    public sealed class LinkInput
    {
        public int? SubjectId { get; set; }
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string? Contract { get; set; }
        public DateOnly? StartedOn { get; set; }
        public DateOnly? EndedOn { get; set; }
    }

    private const SectionRegister Register = SectionRegister.RawMaterialAreas;

    public override bool MayWrite(SectionScope scope) => SupportAccess.CanAdd(Register, scope.Role);

    public override Task<RawMaterialArea?> FindAsync(OcopDbContext db, int id, CancellationToken ct) =>
        db.RawMaterialAreas.Include(a => a.Links).SingleOrDefaultAsync(a => a.Id == id, ct);

    public override RecordAccess AccessTo(SectionScope scope, RawMaterialArea a) =>
        scope.Access(Register, a.CommuneId, a.Links.Select(l => (int?)l.SubjectId).FirstOrDefault(scope.Own));

    public override AreaInput ToInput(RawMaterialArea a) => new()
    {
        Name = a.Name,
        CommuneId = a.CommuneId,
        Location = a.Location,
        AreaHa = a.AreaHa,
        CertificateNumber = a.CertificateNumber,
        Certifications = Enum.GetValues<AreaCertification>().Where(c => c != AreaCertification.None && a.Certification.HasFlag(c)).ToList(),
        StartedOn = a.StartedOn,
        EndedOn = a.EndedOn,
        IsArchived = a.IsArchived,
        Version = a.Version,
        Links = a.Links.OrderBy(l => l.Id).Select(l => new LinkInput { SubjectId = l.SubjectId, Contract = l.Contract, StartedOn = l.StartedOn, EndedOn = l.EndedOn }).ToList(),
    };

    public override async Task ValidateAsync(RegisterCheck check, AreaInput input, RawMaterialArea? existing, CancellationToken ct)
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

        if (input.AreaHa is <= 0 or > 1_000_000)
        {
            check.Add("AreaHa", "Diện tích lớn hơn 0 và không quá 1.000.000 ha.");
        }

        SectionForms.Period(check.Errors, "EndedOn", input.StartedOn, input.EndedOn);
        for (var i = 0; i < input.Links.Count; i++)
        {
            var link = input.Links[i];
            SectionForms.Row(check.Errors, $"Links[{i}].", link);
            if (link.SubjectId is null)
            {
                if (link.StartedOn is not null || !string.IsNullOrWhiteSpace(link.Contract))
                {
                    check.Add($"Links[{i}].SubjectId", "Chọn chủ thể liên kết.");
                }

                continue;
            }

            if (await check.SubjectAsync(link.SubjectId.Value, ct) is null)
            {
                check.Add($"Links[{i}].SubjectId", "Chủ thể không có hoặc bạn không phụ trách.");
            }

            if (link.StartedOn is null)
            {
                check.Add($"Links[{i}].StartedOn", "Nhập ngày bắt đầu liên kết.");
            }
            else if (input.StartedOn is DateOnly areaStart && link.StartedOn < areaStart)
            {
                check.Add($"Links[{i}].StartedOn", "Liên kết không bắt đầu trước vùng nguyên liệu.");
            }

            SectionForms.Period(check.Errors, $"Links[{i}].EndedOn", link.StartedOn, link.EndedOn, "Ngày thôi liên kết phải sau ngày bắt đầu.");
        }

        // A producer records areas its own subject is tied to.
        if (scope.Role == Role.Producer && !input.Links.Any(l => scope.Own(l.SubjectId)))
        {
            check.Add("Links", "Vùng nguyên liệu phải liên kết với chủ thể của bạn.");
        }
    }

    public override RawMaterialArea Add(OcopDbContext db) => db.RawMaterialAreas.Add(new RawMaterialArea { Name = "", Location = "" }).Entity;

    public override void Apply(SectionScope scope, RawMaterialArea a, AreaInput input, bool isNew)
    {
        a.Name = input.Name.Trim();
        a.CommuneId = input.CommuneId!.Value;
        a.Location = input.Location.Trim();
        a.AreaHa = input.AreaHa!.Value;
        a.Certification = input.Certifications.Aggregate(AreaCertification.None, (all, c) => all | c);
        a.CertificateNumber = SectionForms.Trim(input.CertificateNumber);
        a.StartedOn = input.StartedOn!.Value;
        a.EndedOn = input.EndedOn;
        a.IsArchived = !isNew && input.IsArchived;
        var wanted = input.Links.Where(l => l.SubjectId is not null)
            .Select(l => (Subject: l.SubjectId!.Value, Contract: SectionForms.Trim(l.Contract), From: l.StartedOn!.Value, Until: l.EndedOn)).ToList();
        a.Links.RemoveAll(l => !wanted.Contains((l.SubjectId, l.Contract, l.StartedOn, l.EndedOn)));
        foreach (var w in wanted.Where(w => !a.Links.Any(l => (l.SubjectId, l.Contract, l.StartedOn, l.EndedOn) == w)))
        {
            a.Links.Add(new RawMaterialAreaLink { SubjectId = w.Subject, Contract = w.Contract, StartedOn = w.From, EndedOn = w.Until });
        }
    }
}
