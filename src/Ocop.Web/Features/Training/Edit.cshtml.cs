using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Dossiers;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Training;

/// <summary>A training or communication event: when, where, who organised it, who came (count, women, subjects), its materials and files.</summary>
[RequestSizeLimit(DocumentStore.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = DocumentStore.RequestLimit)]
public sealed class EditModel(SectionContext section) : RegisterEditPage<TrainingEvent, EditModel.EventInput>(section)
{
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Offices { get; private set; } = [];
    public List<SelectListItem> Subjects { get; private set; } = [];

    public sealed class EventInput : IVersionedInput
    {
        [Required(ErrorMessage = "Chọn loại.")] public TrainingKind? Kind { get; set; }
        [Required(ErrorMessage = "Nhập tên."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string Title { get; set; } = "";
        [Required(ErrorMessage = "Nhập ngày.")] public DateOnly? On { get; set; }
        public DateOnly? EndsOn { get; set; }
        [Required(ErrorMessage = "Chọn đơn vị.")] public int? UnitId { get; set; }
        public int? OfficeId { get; set; }
        [Required(ErrorMessage = "Nhập đơn vị tổ chức."), StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string Organiser { get; set; } = "";
        [Range(0, 1_000_000, ErrorMessage = "Số người từ 0 đến 1.000.000.")] public int Participants { get; set; }
        [Range(0, 1_000_000, ErrorMessage = "Số người từ 0 đến 1.000.000.")] public int Women { get; set; }
        public List<int> SubjectIds { get; set; } = [];
        [StringLength(2000, ErrorMessage = "Tối đa 2.000 ký tự.")] public string? Materials { get; set; }
        public FundingSource? Source { get; set; }
        [Range(0, long.MaxValue, ErrorMessage = "Kinh phí không âm.")] public long? CostVnd { get; set; }
        public bool IsArchived { get; set; }
        public int Version { get; set; }
    }

    protected override SectionRegister Register => SectionRegister.Training;
    protected override string ListUrl => "/Training";
    protected override string SavedMessage => "Đã lưu hoạt động đào tạo, truyền thông.";
    protected override string? FileOwnerType => nameof(TrainingEvent);
    protected override string FilesLegend => "Tài liệu đính kèm";

    protected override Task<TrainingEvent?> FindAsync(int id, CancellationToken ct) =>
        Section.Db.TrainingEvents.Include(t => t.Attendees).SingleOrDefaultAsync(t => t.Id == id, ct);

    protected override RecordAccess AccessTo(SectionScope scope, TrainingEvent t) => scope.AccessToUnit(Register, t.UnitId);

    protected override EventInput ToInput(TrainingEvent t) => new()
    {
        Kind = t.Kind,
        Title = t.Title,
        On = t.On,
        EndsOn = t.EndsOn,
        UnitId = t.UnitId,
        OfficeId = t.OfficeId,
        Organiser = t.Organiser,
        Participants = t.Participants,
        Women = t.Women,
        SubjectIds = t.Attendees.Select(a => a.SubjectId).ToList(),
        Materials = t.Materials,
        Source = t.Source,
        CostVnd = t.CostVnd,
        IsArchived = t.IsArchived,
        Version = t.Version,
    };

    protected override async Task ValidateAsync(SectionScope scope, TrainingEvent? existing, CancellationToken ct)
    {
        if (Input.UnitId is int unit && (!scope.Units.ById.ContainsKey(unit) || !scope.UnitInReach(unit)))
        {
            ModelState.AddModelError("Input.UnitId", "Bạn không phụ trách đơn vị này.");
        }

        if (Input.OfficeId is int office && await Section.OfficeProblemAsync(office, ct) is string problem)
        {
            ModelState.AddModelError("Input.OfficeId", problem);
        }

        if (Input.Women > Input.Participants)
        {
            ModelState.AddModelError("Input.Women", "Số nữ không lớn hơn tổng số người tham dự.");
        }

        if (Input.On is DateOnly on && Input.EndsOn is DateOnly end && end < on)
        {
            ModelState.AddModelError("Input.EndsOn", "Ngày kết thúc không được trước ngày bắt đầu.");
        }

        var already = existing?.Attendees.Select(a => a.SubjectId).ToHashSet() ?? [];
        foreach (var subject in Input.SubjectIds.Distinct().Where(s => !already.Contains(s)))
        {
            if (await Section.SubjectAsync(subject, ct) is null)
            {
                ModelState.AddModelError("Input.SubjectIds", "Có chủ thể không có hoặc bạn không phụ trách.");
                break;
            }
        }
    }

    protected override TrainingEvent Add() => Section.Db.TrainingEvents.Add(new TrainingEvent { Title = "", Organiser = "" }).Entity;

    protected override void Apply(TrainingEvent t, bool isNew)
    {
        t.Kind = Input.Kind!.Value;
        t.Title = Input.Title.Trim();
        t.On = Input.On!.Value;
        t.EndsOn = Input.EndsOn;
        t.UnitId = Input.UnitId!.Value;
        t.OfficeId = Input.OfficeId;
        t.Organiser = Input.Organiser.Trim();
        t.Participants = Input.Participants;
        t.Women = Input.Women;
        t.Materials = SectionForms.Trim(Input.Materials);
        t.Source = Input.Source;
        t.CostVnd = Input.CostVnd;
        t.IsArchived = !isNew && Input.IsArchived;
        var wanted = Input.SubjectIds.Distinct().ToHashSet();
        t.Attendees.RemoveAll(a => !wanted.Contains(a.SubjectId));
        t.Attendees.AddRange(wanted.Where(s => !t.Attendees.Any(a => a.SubjectId == s)).Select(s => new TrainingAttendee { SubjectId = s }));
    }

    protected override async Task LoadOptionsAsync(CancellationToken ct)
    {
        Units = await Section.UnitsInReachAsync(Input.UnitId, ct);
        Offices = await Section.OfficeOptionsAsync(Input.OfficeId, ct);
        Subjects = await Section.SubjectOptionsAsync(null, ct);
        foreach (var s in Subjects)
        {
            s.Selected = Input.SubjectIds.Contains(int.Parse(s.Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
