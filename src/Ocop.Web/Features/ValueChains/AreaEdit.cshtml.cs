using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
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
public sealed class AreaEditModel(SectionContext section) : RegisterEditPage<RawMaterialArea, AreaEditModel.AreaInput>(section)
{
    public const int BlankLinks = 3;

    public List<SelectListItem> Communes { get; private set; } = [];
    public List<SelectListItem> Subjects { get; private set; } = [];

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

    protected override SectionRegister Register => SectionRegister.RawMaterialAreas;
    protected override string ListUrl => "/ValueChains/Areas";
    protected override string SavedMessage => "Đã lưu vùng nguyên liệu.";

    protected override Task<RawMaterialArea?> FindAsync(int id, CancellationToken ct) =>
        Section.Db.RawMaterialAreas.Include(a => a.Links).SingleOrDefaultAsync(a => a.Id == id, ct);

    protected override RecordAccess AccessTo(SectionScope scope, RawMaterialArea a) =>
        scope.Access(Register, a.CommuneId, a.Links.Select(l => (int?)l.SubjectId).FirstOrDefault(scope.Own));

    protected override AreaInput ToInput(RawMaterialArea a) => new()
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

    protected override async Task ValidateAsync(SectionScope scope, RawMaterialArea? existing, CancellationToken ct)
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

        if (Input.AreaHa is <= 0 or > 1_000_000)
        {
            ModelState.AddModelError("Input.AreaHa", "Diện tích lớn hơn 0 và không quá 1.000.000 ha.");
        }

        SectionForms.Period(ModelState, "Input.EndedOn", Input.StartedOn, Input.EndedOn);
        for (var i = 0; i < Input.Links.Count; i++)
        {
            var link = Input.Links[i];
            if (link.SubjectId is null)
            {
                if (link.StartedOn is not null || !string.IsNullOrWhiteSpace(link.Contract))
                {
                    ModelState.AddModelError($"Input.Links[{i}].SubjectId", "Chọn chủ thể liên kết.");
                }

                continue;
            }

            if (await Section.SubjectAsync(link.SubjectId.Value, ct) is null)
            {
                ModelState.AddModelError($"Input.Links[{i}].SubjectId", "Chủ thể không có hoặc bạn không phụ trách.");
            }

            if (link.StartedOn is null)
            {
                ModelState.AddModelError($"Input.Links[{i}].StartedOn", "Nhập ngày bắt đầu liên kết.");
            }
            else if (Input.StartedOn is DateOnly areaStart && link.StartedOn < areaStart)
            {
                ModelState.AddModelError($"Input.Links[{i}].StartedOn", "Liên kết không bắt đầu trước vùng nguyên liệu.");
            }

            SectionForms.Period(ModelState, $"Input.Links[{i}].EndedOn", link.StartedOn, link.EndedOn, "Ngày thôi liên kết phải sau ngày bắt đầu.");
        }

        // A producer records areas its own subject is tied to.
        if (scope.Role == Role.Producer && !Input.Links.Any(l => scope.Own(l.SubjectId)))
        {
            ModelState.AddModelError("Input.Links", "Vùng nguyên liệu phải liên kết với chủ thể của bạn.");
        }
    }

    protected override RawMaterialArea Add() => Section.Db.RawMaterialAreas.Add(new RawMaterialArea { Name = "", Location = "" }).Entity;

    protected override void Apply(RawMaterialArea a, bool isNew)
    {
        a.Name = Input.Name.Trim();
        a.CommuneId = Input.CommuneId!.Value;
        a.Location = Input.Location.Trim();
        a.AreaHa = Input.AreaHa!.Value;
        a.Certification = Input.Certifications.Aggregate(AreaCertification.None, (all, c) => all | c);
        a.CertificateNumber = SectionForms.Trim(Input.CertificateNumber);
        a.StartedOn = Input.StartedOn!.Value;
        a.EndedOn = Input.EndedOn;
        a.IsArchived = !isNew && Input.IsArchived;
        var wanted = Input.Links.Where(l => l.SubjectId is not null)
            .Select(l => (Subject: l.SubjectId!.Value, Contract: SectionForms.Trim(l.Contract), From: l.StartedOn!.Value, Until: l.EndedOn)).ToList();
        a.Links.RemoveAll(l => !wanted.Contains((l.SubjectId, l.Contract, l.StartedOn, l.EndedOn)));
        foreach (var w in wanted.Where(w => !a.Links.Any(l => (l.SubjectId, l.Contract, l.StartedOn, l.EndedOn) == w)))
        {
            a.Links.Add(new RawMaterialAreaLink { SubjectId = w.Subject, Contract = w.Contract, StartedOn = w.From, EndedOn = w.Until });
        }
    }

    protected override async Task LoadOptionsAsync(CancellationToken ct)
    {
        Communes = await Lookups.CommunesAsync(Section.Db, (await Section.ScopeAsync(ct)).User, Input.CommuneId, ct);
        Subjects = await Section.SubjectOptionsAsync(null, ct);
        while (Input.Links.Count(l => l.SubjectId is null) < BlankLinks)
        {
            Input.Links.Add(new LinkInput());
        }
    }
}
