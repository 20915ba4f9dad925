using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Dossiers;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Training;

/// <summary>A training or communication event: when, where, who organised it, who came (count, women, subjects), its materials and files.</summary>
public sealed class TrainingRules : RegisterRules<TrainingEvent, TrainingRules.EventInput>
{
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

    private const SectionRegister Register = SectionRegister.Training;

    public override bool MayWrite(SectionScope scope) => SupportAccess.CanAdd(Register, scope.Role);

    public override string? FileOwnerType => nameof(TrainingEvent);

    public override Task<TrainingEvent?> FindAsync(OcopDbContext db, int id, CancellationToken ct) =>
        db.TrainingEvents.Include(t => t.Attendees).SingleOrDefaultAsync(t => t.Id == id, ct);

    public override RecordAccess AccessTo(SectionScope scope, TrainingEvent t) => scope.AccessToUnit(Register, t.UnitId);

    public override EventInput ToInput(TrainingEvent t) => new()
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

    public override async Task ValidateAsync(RegisterCheck check, EventInput input, TrainingEvent? existing, CancellationToken ct)
    {
        var scope = check.Scope;
        if (input.UnitId is int unit && (!scope.Units.ById.ContainsKey(unit) || !scope.UnitInReach(unit)))
        {
            check.Add("UnitId", "Bạn không phụ trách đơn vị này.");
        }

        if (input.OfficeId is int office && await check.OfficeProblemAsync(office, ct) is string problem)
        {
            check.Add("OfficeId", problem);
        }

        if (input.Women > input.Participants)
        {
            check.Add("Women", "Số nữ không lớn hơn tổng số người tham dự.");
        }

        if (input.On is DateOnly on && input.EndsOn is DateOnly end && end < on)
        {
            check.Add("EndsOn", "Ngày kết thúc không được trước ngày bắt đầu.");
        }

        var already = existing?.Attendees.Select(a => a.SubjectId).ToHashSet() ?? [];
        foreach (var subject in input.SubjectIds.Distinct().Where(s => !already.Contains(s)))
        {
            if (await check.SubjectAsync(subject, ct) is null)
            {
                check.Add("SubjectIds", "Có chủ thể không có hoặc bạn không phụ trách.");
                break;
            }
        }
    }

    public override TrainingEvent Add(OcopDbContext db) => db.TrainingEvents.Add(new TrainingEvent { Title = "", Organiser = "" }).Entity;

    public override void Apply(SectionScope scope, TrainingEvent t, EventInput input, bool isNew)
    {
        t.Kind = input.Kind!.Value;
        t.Title = input.Title.Trim();
        t.On = input.On!.Value;
        t.EndsOn = input.EndsOn;
        t.UnitId = input.UnitId!.Value;
        t.OfficeId = input.OfficeId;
        t.Organiser = input.Organiser.Trim();
        t.Participants = input.Participants;
        t.Women = input.Women;
        t.Materials = SectionForms.Trim(input.Materials);
        t.Source = input.Source;
        t.CostVnd = input.CostVnd;
        t.IsArchived = !isNew && input.IsArchived;
        var wanted = input.SubjectIds.Distinct().ToHashSet();
        t.Attendees.RemoveAll(a => !wanted.Contains(a.SubjectId));
        t.Attendees.AddRange(wanted.Where(s => !t.Attendees.Any(a => a.SubjectId == s)).Select(s => new TrainingAttendee { SubjectId = s }));
    }
}
