using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Training;

public sealed record TrainingRow(int Id, TrainingKind Kind, string Title, DateOnly On, DateOnly? EndsOn, string UnitName, string Organiser, int Participants,
    int Women, IReadOnlyList<string> Subjects, string? Materials, FundingSource? Source, long? CostVnd, bool IsArchived,
    [property: JsonIgnore] RecordAccess Access) : IRegisterRow;

/// <summary>Training and communication events (plan III.1, III.3).</summary>
public static class TrainingRegister
{
    public static readonly RegisterDefinition<TrainingRow> Events = new(SectionRegister.Training, "Đào tạo, tập huấn, truyền thông", "Dao tao truyen thong",
        "/Training/Index", "/Training/Edit", nameof(TrainingEvent),
        [
            new("Loại", r => r.Kind), new("Tên", r => r.Title), new("Ngày", r => r.On), new("Đến ngày", r => r.EndsOn), new("Đơn vị", r => r.UnitName),
            new("Đơn vị tổ chức", r => r.Organiser), new("Số người tham dự", r => r.Participants), new("Trong đó nữ", r => r.Women),
            new("Chủ thể tham dự", r => string.Join("; ", r.Subjects)), new("Tài liệu", r => r.Materials), new("Nguồn kinh phí", r => r.Source),
            new("Kinh phí (đồng)", r => r.CostVnd),
        ],
        LoadAsync);

    public static async Task<List<TrainingRow>> LoadAsync(SectionContext section, RegisterFilter filter, CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        var rows = await section.Db.TrainingEvents.AsNoTracking().Where(t => t.IsArchived == filter.Archived)
            .OrderByDescending(t => t.On).ThenBy(t => t.Title)
            .Select(t => new
            {
                t.Id,
                t.Kind,
                t.Title,
                t.On,
                t.EndsOn,
                t.UnitId,
                UnitName = t.Unit!.Name,
                t.Organiser,
                t.Participants,
                t.Women,
                Subjects = t.Attendees.Select(a => a.Subject!.Name).ToList(),
                t.Materials,
                t.Source,
                t.CostVnd,
                t.IsArchived,
            })
            .ToListAsync(ct);
        return rows.Where(t => SectionScope.Inside(scope.CommunesOf(t.UnitId), filter.Communes))
            .Select(t => new TrainingRow(t.Id, t.Kind, t.Title, t.On, t.EndsOn, t.UnitName, t.Organiser, t.Participants, t.Women, t.Subjects, t.Materials,
                t.Source, t.CostVnd, t.IsArchived, scope.AccessToUnit(SectionRegister.Training, t.UnitId)))
            .Where(r => r.Access != RecordAccess.None).ToList();
    }
}
