using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Protection;

public sealed record IpTitleRow(int Id, IpKind Kind, string Name, int SubjectId, string SubjectName, int? ProductId, string? ProductName, string CommuneName,
    string Owner, string? ApplicationNumber, DateOnly? AppliedOn, string? GrantNumber, DateOnly? GrantedOn, DateOnly? ExpiresOn, IpStatus Status,
    DateOnly? EndedOn, bool IsArchived, [property: JsonIgnore] RecordAccess Access) : IRegisterRow;

public sealed record TraceabilityRow(int Id, int ProductId, string ProductName, string SubjectName, string CommuneName, string System, string LabelCode,
    DateOnly StartedOn, DateOnly? EndedOn, bool IsArchived, [property: JsonIgnore] RecordAccess Access) : IRegisterRow;

/// <summary>The protection registers (plan III.5): IP titles per product or subject, and traceability.</summary>
public static class ProtectionRegisters
{
    public static readonly IReadOnlyList<(string Label, string Page)> Pages =
        [("Thương hiệu, nhãn hiệu, chỉ dẫn địa lý", "/Protection/Titles"), ("Truy xuất nguồn gốc", "/Protection/Traceability")];

    public static readonly RegisterDefinition<IpTitleRow> Titles = new(SectionRegister.Protection, "Sở hữu trí tuệ: thương hiệu, nhãn hiệu, chỉ dẫn địa lý", "So huu tri tue",
        "/Protection/Titles", "/Protection/TitleEdit", nameof(IpTitle),
        [
            new("Loại", r => r.Kind), new("Tên", r => r.Name), new("Chủ thể", r => r.SubjectName), new("Sản phẩm", r => r.ProductName),
            new("Xã", r => r.CommuneName), new("Chủ sở hữu", r => r.Owner), new("Số đơn", r => r.ApplicationNumber), new("Ngày nộp đơn", r => r.AppliedOn),
            new("Số văn bằng", r => r.GrantNumber), new("Ngày cấp", r => r.GrantedOn), new("Hiệu lực đến", r => r.ExpiresOn),
            new("Tình trạng", r => r.Status), new("Chấm dứt từ ngày", r => r.EndedOn),
        ],
        LoadTitlesAsync);

    public static readonly RegisterDefinition<TraceabilityRow> Traceability = new(SectionRegister.Protection, "Truy xuất nguồn gốc sản phẩm", "Truy xuat nguon goc",
        "/Protection/Traceability", "/Protection/TraceabilityEdit", nameof(ProductTraceability),
        [
            new("Sản phẩm", r => r.ProductName), new("Chủ thể", r => r.SubjectName), new("Xã", r => r.CommuneName), new("Hệ thống", r => r.System),
            new("Mã trên nhãn", r => r.LabelCode), new("Từ ngày", r => r.StartedOn), new("Thôi từ ngày", r => r.EndedOn),
        ],
        LoadTraceabilityAsync);

    private static async Task<List<IpTitleRow>> LoadTitlesAsync(SectionContext section, RegisterFilter filter, CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        var subjects = scope.User.Visible(section.Db.Subjects);
        var query = section.Db.IpTitles.AsNoTracking().Where(t => t.IsArchived == filter.Archived && subjects.Any(s => s.Id == t.SubjectId));
        if (filter.Communes is { } communes)
        {
            var ids = communes.ToList();
            query = query.Where(t => ids.Contains(t.Product != null ? t.Product.CommuneId : t.Subject!.CommuneId));
        }

        var rows = await query.OrderBy(t => t.Kind).ThenBy(t => t.Name)
            .Select(t => new
            {
                t.Id,
                t.Kind,
                t.Name,
                t.SubjectId,
                SubjectName = t.Subject!.Name,
                t.ProductId,
                ProductName = t.Product == null ? null : t.Product.Name,
                CommuneId = t.Product != null ? t.Product.CommuneId : t.Subject.CommuneId,
                CommuneName = t.Product != null ? t.Product.Commune!.Name : t.Subject.Commune!.Name,
                t.Owner,
                t.ApplicationNumber,
                t.AppliedOn,
                t.GrantNumber,
                t.GrantedOn,
                t.ExpiresOn,
                t.Status,
                t.EndedOn,
                t.IsArchived,
            })
            .ToListAsync(ct);
        return rows.Select(t => new IpTitleRow(t.Id, t.Kind, t.Name, t.SubjectId, t.SubjectName, t.ProductId, t.ProductName, t.CommuneName, t.Owner,
                t.ApplicationNumber, t.AppliedOn, t.GrantNumber, t.GrantedOn, t.ExpiresOn, t.Status, t.EndedOn, t.IsArchived,
                scope.Access(SectionRegister.Protection, t.CommuneId, t.SubjectId)))
            .Where(r => r.Access != RecordAccess.None).ToList();
    }

    private static async Task<List<TraceabilityRow>> LoadTraceabilityAsync(SectionContext section, RegisterFilter filter, CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        var products = scope.User.Visible(section.Db.Products);
        var query = section.Db.Traceability.AsNoTracking().Where(t => t.IsArchived == filter.Archived && products.Any(p => p.Id == t.ProductId));
        if (filter.Communes is { } communes)
        {
            var ids = communes.ToList();
            query = query.Where(t => ids.Contains(t.Product!.CommuneId));
        }

        var rows = await query.OrderBy(t => t.Product!.Name)
            .Select(t => new
            {
                t.Id,
                t.ProductId,
                ProductName = t.Product!.Name,
                t.Product.SubjectId,
                SubjectName = t.Product.Subject!.Name,
                t.Product.CommuneId,
                CommuneName = t.Product.Commune!.Name,
                t.System,
                t.LabelCode,
                t.StartedOn,
                t.EndedOn,
                t.IsArchived,
            })
            .ToListAsync(ct);
        return rows.Select(t => new TraceabilityRow(t.Id, t.ProductId, t.ProductName, t.SubjectName, t.CommuneName, t.System, t.LabelCode, t.StartedOn, t.EndedOn,
                t.IsArchived, scope.Access(SectionRegister.Protection, t.CommuneId, t.SubjectId)))
            .Where(r => r.Access != RecordAccess.None).ToList();
    }
}
