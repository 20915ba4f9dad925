using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Promotion;

public sealed record FairRow(int Id, string Name, string Place, DateOnly StartsOn, DateOnly EndsOn, string Organiser, string UnitName, string? OfficeName,
    int Products, long SalesVnd, bool IsArchived, [property: JsonIgnore] RecordAccess Access) : IRegisterRow;

public sealed record SalesPointRow(int Id, string Name, string Operator, string Address, string CommuneName, decimal? Latitude, decimal? Longitude,
    string? OpeningDecision, DateOnly OpenedOn, DateOnly? ClosedOn, int ProductsOnSale, bool IsArchived, [property: JsonIgnore] RecordAccess Access) : IRegisterRow;

public sealed record ListingRow(int Id, int ProductId, string ProductName, string SubjectName, string CommuneName, string Platform, string Url,
    DateOnly StartedOn, DateOnly? EndedOn, bool IsArchived, [property: JsonIgnore] RecordAccess Access) : IRegisterRow;

public sealed record TourismPointRow(int Id, string Name, TourismPointKind Kind, string CommuneName, string? Address, decimal? Latitude, decimal? Longitude,
    string? LinkedTo, bool IsArchived, [property: JsonIgnore] RecordAccess Access) : IRegisterRow;

public sealed record TourismRouteRow(int Id, string Name, string UnitName, string? OfficeName, IReadOnlyList<string> Stops, bool IsArchived,
    [property: JsonIgnore] RecordAccess Access) : IRegisterRow;

/// <summary>The promotion registers (plan III.2, IV.3, IV.5): trade fairs, OCOP sales points, e-commerce listings, community tourism.</summary>
public static class PromotionRegisters
{
    public static readonly IReadOnlyList<(string Label, string Page)> Pages =
    [
        ("Hội chợ, triển lãm", "/Promotion/Fairs"), ("Điểm bán sản phẩm OCOP", "/Promotion/SalesPoints"),
        ("Thương mại điện tử", "/Promotion/Listings"), ("Điểm du lịch cộng đồng", "/Promotion/TourismPoints"), ("Tuyến du lịch", "/Promotion/Routes"),
    ];

    public static readonly RegisterDefinition<FairRow> Fairs = new(SectionRegister.TradeFairs, "Hội chợ, triển lãm, xúc tiến thương mại", "Hoi cho trien lam",
        "/Promotion/Fairs", "/Promotion/FairEdit", nameof(TradeFair),
        [
            new("Tên", r => r.Name), new("Địa điểm", r => r.Place), new("Từ ngày", r => r.StartsOn), new("Đến ngày", r => r.EndsOn),
            new("Đơn vị tổ chức", r => r.Organiser), new("Đơn vị tham gia", r => r.UnitName), new("Phòng phụ trách", r => r.OfficeName),
            new("Số sản phẩm", r => r.Products), new("Doanh số (đồng)", r => r.SalesVnd),
        ],
        LoadFairsAsync);

    public static readonly RegisterDefinition<SalesPointRow> SalesPoints = new(SectionRegister.SalesPoints, "Điểm giới thiệu và bán sản phẩm OCOP", "Diem ban OCOP",
        "/Promotion/SalesPoints", "/Promotion/SalesPointEdit", nameof(SalesPoint),
        [
            new("Tên", r => r.Name), new("Đơn vị vận hành", r => r.Operator), new("Địa chỉ", r => r.Address), new("Xã", r => r.CommuneName),
            new("Vĩ độ", r => r.Latitude), new("Kinh độ", r => r.Longitude), new("Quyết định mở", r => r.OpeningDecision),
            new("Mở từ ngày", r => r.OpenedOn), new("Đóng từ ngày", r => r.ClosedOn), new("Sản phẩm đang bán", r => r.ProductsOnSale),
        ],
        LoadSalesPointsAsync);

    public static readonly RegisterDefinition<ListingRow> Listings = new(SectionRegister.Listings, "Sản phẩm trên sàn thương mại điện tử", "TMDT",
        "/Promotion/Listings", "/Promotion/ListingEdit", nameof(EcommerceListing),
        [
            new("Sản phẩm", r => r.ProductName), new("Chủ thể", r => r.SubjectName), new("Xã", r => r.CommuneName), new("Sàn", r => r.Platform),
            new("Địa chỉ gian hàng", r => r.Url), new("Từ ngày", r => r.StartedOn), new("Thôi từ ngày", r => r.EndedOn),
        ],
        LoadListingsAsync);

    public static readonly RegisterDefinition<TourismPointRow> TourismPoints = new(SectionRegister.Tourism, "Điểm du lịch cộng đồng gắn với OCOP", "Diem du lich",
        "/Promotion/TourismPoints", "/Promotion/TourismPointEdit", nameof(TourismPoint),
        [
            new("Tên", r => r.Name), new("Loại", r => r.Kind), new("Xã", r => r.CommuneName), new("Địa chỉ", r => r.Address),
            new("Vĩ độ", r => r.Latitude), new("Kinh độ", r => r.Longitude), new("Gắn với", r => r.LinkedTo),
        ],
        LoadTourismPointsAsync);

    public static readonly RegisterDefinition<TourismRouteRow> Routes = new(SectionRegister.Tourism, "Tuyến du lịch kết nối cơ sở sản xuất, điểm bán OCOP", "Tuyen du lich",
        "/Promotion/Routes", "/Promotion/RouteEdit", nameof(TourismRoute),
        [
            new("Tên tuyến", r => r.Name), new("Đơn vị", r => r.UnitName), new("Phòng phụ trách", r => r.OfficeName),
            new("Các điểm (theo thứ tự)", r => string.Join(" → ", r.Stops)),
        ],
        LoadRoutesAsync);

    private static async Task<List<FairRow>> LoadFairsAsync(SectionContext section, RegisterFilter filter, CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        var rows = await section.Db.TradeFairs.AsNoTracking().Where(f => f.IsArchived == filter.Archived)
            .OrderByDescending(f => f.StartsOn).ThenBy(f => f.Name)
            .Select(f => new
            {
                f.Id,
                f.Name,
                f.Place,
                f.StartsOn,
                f.EndsOn,
                f.Organiser,
                f.UnitId,
                UnitName = f.Unit!.Name,
                OfficeName = f.Office == null ? null : f.Office.Name,
                Products = f.Entries.Count,
                Sales = f.Entries.Sum(e => e.SalesVnd ?? 0),
                f.IsArchived,
            })
            .ToListAsync(ct);
        return rows.Where(f => SectionScope.Inside(scope.CommunesOf(f.UnitId), filter.Communes))
            .Select(f => new FairRow(f.Id, f.Name, f.Place, f.StartsOn, f.EndsOn, f.Organiser, f.UnitName, f.OfficeName, f.Products, f.Sales, f.IsArchived,
                scope.AccessToUnit(SectionRegister.TradeFairs, f.UnitId)))
            .Where(r => r.Access != RecordAccess.None).ToList();
    }

    private static async Task<List<SalesPointRow>> LoadSalesPointsAsync(SectionContext section, RegisterFilter filter, CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        var query = section.Db.SalesPoints.AsNoTracking().Where(p => p.IsArchived == filter.Archived);
        if (filter.Communes is { } communes)
        {
            var ids = communes.ToList();
            query = query.Where(p => ids.Contains(p.CommuneId));
        }

        var today = scope.Today;
        var rows = await query.OrderBy(p => p.Name)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Operator,
                p.Address,
                p.CommuneId,
                CommuneName = p.Commune!.Name,
                p.Latitude,
                p.Longitude,
                p.OpeningDecision,
                p.OpenedOn,
                p.ClosedOn,
                OnSale = p.Products.Count(x => x.StartedOn <= today && (x.EndedOn == null || x.EndedOn > today)),
                p.IsArchived,
            })
            .ToListAsync(ct);
        return rows.Select(p => new SalesPointRow(p.Id, p.Name, p.Operator, p.Address, p.CommuneName, p.Latitude, p.Longitude, p.OpeningDecision, p.OpenedOn,
                p.ClosedOn, p.OnSale, p.IsArchived, scope.Access(SectionRegister.SalesPoints, p.CommuneId)))
            .Where(r => r.Access != RecordAccess.None).ToList();
    }

    private static async Task<List<ListingRow>> LoadListingsAsync(SectionContext section, RegisterFilter filter, CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        var products = scope.User.Visible(section.Db.Products);
        var query = section.Db.EcommerceListings.AsNoTracking().Where(l => l.IsArchived == filter.Archived && products.Any(p => p.Id == l.ProductId));
        if (filter.Communes is { } communes)
        {
            var ids = communes.ToList();
            query = query.Where(l => ids.Contains(l.Product!.CommuneId));
        }

        var rows = await query.OrderBy(l => l.Product!.Name).ThenBy(l => l.Platform)
            .Select(l => new
            {
                l.Id,
                l.ProductId,
                ProductName = l.Product!.Name,
                l.Product.SubjectId,
                SubjectName = l.Product.Subject!.Name,
                l.Product.CommuneId,
                CommuneName = l.Product.Commune!.Name,
                l.Platform,
                l.Url,
                l.StartedOn,
                l.EndedOn,
                l.IsArchived,
            })
            .ToListAsync(ct);
        return rows.Select(l => new ListingRow(l.Id, l.ProductId, l.ProductName, l.SubjectName, l.CommuneName, l.Platform, l.Url, l.StartedOn, l.EndedOn,
                l.IsArchived, scope.Access(SectionRegister.Listings, l.CommuneId, l.SubjectId)))
            .Where(r => r.Access != RecordAccess.None).ToList();
    }

    private static async Task<List<TourismPointRow>> LoadTourismPointsAsync(SectionContext section, RegisterFilter filter, CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        var query = section.Db.TourismPoints.AsNoTracking().Where(p => p.IsArchived == filter.Archived);
        if (filter.Communes is { } communes)
        {
            var ids = communes.ToList();
            query = query.Where(p => ids.Contains(p.CommuneId));
        }

        var rows = await query.OrderBy(p => p.Name)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Kind,
                p.CommuneId,
                CommuneName = p.Commune!.Name,
                p.Address,
                p.Latitude,
                p.Longitude,
                Linked = p.Subject != null ? p.Subject.Name : p.CraftVillage != null ? p.CraftVillage.Name : p.SalesPoint != null ? p.SalesPoint.Name : null,
                p.IsArchived,
            })
            .ToListAsync(ct);
        return rows.Select(p => new TourismPointRow(p.Id, p.Name, p.Kind, p.CommuneName, p.Address, p.Latitude, p.Longitude, p.Linked, p.IsArchived,
                scope.Access(SectionRegister.Tourism, p.CommuneId)))
            .Where(r => r.Access != RecordAccess.None).ToList();
    }

    private static async Task<List<TourismRouteRow>> LoadRoutesAsync(SectionContext section, RegisterFilter filter, CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        var rows = await section.Db.TourismRoutes.AsNoTracking().Where(r => r.IsArchived == filter.Archived).OrderBy(r => r.Name)
            .Select(r => new
            {
                r.Id,
                r.Name,
                r.UnitId,
                UnitName = r.Unit!.Name,
                OfficeName = r.Office == null ? null : r.Office.Name,
                Stops = r.Stops.OrderBy(s => s.Position).Select(s => s.Point!.Name).ToList(),
                r.IsArchived,
            })
            .ToListAsync(ct);
        return rows.Where(r => SectionScope.Inside(scope.CommunesOf(r.UnitId), filter.Communes))
            .Select(r => new TourismRouteRow(r.Id, r.Name, r.UnitName, r.OfficeName, r.Stops, r.IsArchived, scope.AccessToUnit(SectionRegister.Tourism, r.UnitId)))
            .Where(r => r.Access != RecordAccess.None).ToList();
    }
}
