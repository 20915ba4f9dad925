using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.ValueChains;

public sealed record AreaRow(int Id, string Name, string CommuneName, string Location, decimal AreaHa, AreaCertification Certification, string? CertificateNumber,
    DateOnly StartedOn, DateOnly? EndedOn, IReadOnlyList<string> Subjects, bool IsArchived, [property: JsonIgnore] RecordAccess Access) : IRegisterRow;

public sealed record RewardRow(int Id, string Title, RewardLevel Level, string Issuer, string? Decision, DateOnly On, string SubjectName, string? ProductName,
    string CommuneName, bool IsArchived, [property: JsonIgnore] RecordAccess Access) : IRegisterRow;

/// <summary>Value chains (plan III.2, target T4): raw-material areas with the subjects tied to them; rewards and commendations of producers.</summary>
public static class ValueChainRegisters
{
    public static readonly IReadOnlyList<(string Label, string Page)> Pages =
        [("Vùng nguyên liệu", "/ValueChains/Areas"), ("Khen thưởng", "/ValueChains/Rewards")];

    public static readonly RegisterDefinition<AreaRow> Areas = new(SectionRegister.RawMaterialAreas, "Vùng nguyên liệu và liên kết chuỗi giá trị", "Vung nguyen lieu",
        "/ValueChains/Areas", "/ValueChains/AreaEdit", nameof(RawMaterialArea),
        [
            new("Tên vùng", r => r.Name), new("Xã", r => r.CommuneName), new("Vị trí", r => r.Location), new("Diện tích (ha)", r => r.AreaHa),
            new("Chứng nhận", r => r.Certification), new("Số chứng nhận", r => r.CertificateNumber), new("Từ ngày", r => r.StartedOn),
            new("Thôi từ ngày", r => r.EndedOn), new("Chủ thể liên kết", r => string.Join("; ", r.Subjects)),
        ],
        LoadAreasAsync);

    public static readonly RegisterDefinition<RewardRow> Rewards = new(SectionRegister.Rewards, "Khen thưởng chủ thể OCOP", "Khen thuong",
        "/ValueChains/Rewards", "/ValueChains/RewardEdit", nameof(Reward),
        [
            new("Hình thức khen thưởng", r => r.Title), new("Cấp", r => r.Level), new("Cơ quan khen thưởng", r => r.Issuer), new("Quyết định", r => r.Decision),
            new("Ngày", r => r.On), new("Chủ thể", r => r.SubjectName), new("Sản phẩm", r => r.ProductName), new("Xã", r => r.CommuneName),
        ],
        LoadRewardsAsync);

    private static async Task<List<AreaRow>> LoadAreasAsync(SectionContext section, RegisterFilter filter, CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        var query = section.Db.RawMaterialAreas.AsNoTracking().Where(a => a.IsArchived == filter.Archived);
        if (filter.Communes is { } communes)
        {
            var ids = communes.ToList();
            query = query.Where(a => ids.Contains(a.CommuneId));
        }

        var rows = await query.OrderBy(a => a.Name)
            .Select(a => new
            {
                a.Id,
                a.Name,
                a.CommuneId,
                CommuneName = a.Commune!.Name,
                a.Location,
                a.AreaHa,
                a.Certification,
                a.CertificateNumber,
                a.StartedOn,
                a.EndedOn,
                Links = a.Links.Select(l => new { l.SubjectId, l.Subject!.Name }).ToList(),
                a.IsArchived,
            })
            .ToListAsync(ct);
        // A producer sees the areas its own subject is tied to.
        return rows.Select(a => new AreaRow(a.Id, a.Name, a.CommuneName, a.Location, a.AreaHa, a.Certification, a.CertificateNumber, a.StartedOn, a.EndedOn,
                a.Links.Select(l => l.Name).ToList(), a.IsArchived,
                scope.Access(SectionRegister.RawMaterialAreas, a.CommuneId, a.Links.Select(l => (int?)l.SubjectId).FirstOrDefault(scope.Own))))
            .Where(r => r.Access != RecordAccess.None).ToList();
    }

    private static async Task<List<RewardRow>> LoadRewardsAsync(SectionContext section, RegisterFilter filter, CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        var subjects = scope.User.Visible(section.Db.Subjects);
        var query = section.Db.Rewards.AsNoTracking().Where(r => r.IsArchived == filter.Archived && subjects.Any(s => s.Id == r.SubjectId));
        if (filter.Communes is { } communes)
        {
            var ids = communes.ToList();
            query = query.Where(r => ids.Contains(r.Subject!.CommuneId));
        }

        var rows = await query.OrderByDescending(r => r.On)
            .Select(r => new
            {
                r.Id,
                r.Title,
                r.Level,
                r.Issuer,
                r.Decision,
                r.On,
                r.SubjectId,
                SubjectName = r.Subject!.Name,
                ProductName = r.Product == null ? null : r.Product.Name,
                r.Subject.CommuneId,
                CommuneName = r.Subject.Commune!.Name,
                r.IsArchived,
            })
            .ToListAsync(ct);
        return rows.Select(r => new RewardRow(r.Id, r.Title, r.Level, r.Issuer, r.Decision, r.On, r.SubjectName, r.ProductName, r.CommuneName, r.IsArchived,
                scope.Access(SectionRegister.Rewards, r.CommuneId, r.SubjectId)))
            .Where(r => r.Access != RecordAccess.None).ToList();
    }
}
