using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Promotion;
using Ocop.Web.Features.Protection;
using Ocop.Web.Features.Training;
using Ocop.Web.Features.ValueChains;

namespace Ocop.Web.Features.Support;

/// <summary>
/// The history page's answer for the records of section III: a record is shown to whoever may read it (the same rows its
/// list gives them), with its child rows' changes (a fair's products, a sales point's offers, a route's stops…).
/// </summary>
public static class SectionHistory
{
    public static readonly IReadOnlyDictionary<string, string> TypeNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(SupportRecord)] = "Hồ sơ hỗ trợ",
        [nameof(SupportPolicy)] = "Chính sách hỗ trợ",
        [nameof(SupportPolicyRate)] = "Mức hỗ trợ theo hạng sao",
        [nameof(BudgetAllocation)] = "Dự toán kinh phí",
        [nameof(TrainingEvent)] = "Đào tạo, truyền thông",
        [nameof(TrainingAttendee)] = "Chủ thể tham dự",
        [nameof(IpTitle)] = "Sở hữu trí tuệ",
        [nameof(ProductTraceability)] = "Truy xuất nguồn gốc",
        [nameof(TradeFair)] = "Hội chợ, triển lãm",
        [nameof(TradeFairEntry)] = "Sản phẩm tham gia hội chợ",
        [nameof(SalesPoint)] = "Điểm bán OCOP",
        [nameof(SalesPointProduct)] = "Sản phẩm tại điểm bán",
        [nameof(EcommerceListing)] = "Gian hàng thương mại điện tử",
        [nameof(TourismPoint)] = "Điểm du lịch",
        [nameof(TourismRoute)] = "Tuyến du lịch",
        [nameof(TourismRouteStop)] = "Điểm dừng của tuyến",
        [nameof(RawMaterialArea)] = "Vùng nguyên liệu",
        [nameof(RawMaterialAreaLink)] = "Liên kết vùng nguyên liệu",
        [nameof(Reward)] = "Khen thưởng",
        [nameof(SectionFile)] = "Tệp đính kèm",
    };

    /// <summary>The record's name, the page to go back to and the audit keys to show; null when the user may not read it or it does not exist.</summary>
    public static async Task<(string Name, string BackUrl, List<(string Type, string Id)> Keys)?> ResolveAsync(SectionContext section, string type, int id, CancellationToken ct)
    {
        var db = section.Db;
        var scope = await section.ScopeAsync(ct);
        var keys = new List<(string Type, string Id)> { (type, Key(id)) };
        string? name = type switch
        {
            nameof(SupportPolicy) when SupportAccess.CanReadPolicies(scope.Role) =>
                await db.SupportPolicies.Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(ct),
            nameof(SupportRecord) => await db.SupportRecords.Where(r => r.Id == id).Select(r => new { r.Description, r.Subject!.CommuneId }).SingleOrDefaultAsync(ct) is { } r
                && PlanningAccess.ForSupportRecord(scope.Role, scope.InScope(r.CommuneId)) != RecordAccess.None ? r.Description : null,
            nameof(BudgetAllocation) => Find(await BudgetFigures.AllocationsAsync(section, new(null, false), null, ct), await BudgetFigures.AllocationsAsync(section, new(null, true), null, ct), id)
                is { } a ? $"Dự toán {a.Year} – {Ocop.Web.Shared.Display.Name(a.Source)}" : null,
            nameof(TrainingEvent) => (await FindAsync(section, TrainingRegister.Events, id, ct))?.Title,
            nameof(IpTitle) => (await FindAsync(section, ProtectionRegisters.Titles, id, ct))?.Name,
            nameof(ProductTraceability) => (await FindAsync(section, ProtectionRegisters.Traceability, id, ct))?.LabelCode,
            nameof(TradeFair) => (await FindAsync(section, PromotionRegisters.Fairs, id, ct))?.Name,
            nameof(SalesPoint) => (await FindAsync(section, PromotionRegisters.SalesPoints, id, ct))?.Name,
            nameof(EcommerceListing) => (await FindAsync(section, PromotionRegisters.Listings, id, ct)) is { } l ? $"{l.ProductName} – {l.Platform}" : null,
            nameof(TourismPoint) => (await FindAsync(section, PromotionRegisters.TourismPoints, id, ct))?.Name,
            nameof(TourismRoute) => (await FindAsync(section, PromotionRegisters.Routes, id, ct))?.Name,
            nameof(RawMaterialArea) => (await FindAsync(section, ValueChainRegisters.Areas, id, ct))?.Name,
            nameof(Reward) => (await FindAsync(section, ValueChainRegisters.Rewards, id, ct))?.Title,
            _ => null,
        };
        if (name is null)
        {
            return null;
        }

        // Child rows are audited under their own type and id: they are found through the audit trail's own rows of the record.
        async Task AddChildren(string childType, string ownerField)
        {
            var pattern = $"\"{ownerField}\"";
            var children = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == childType && e.Changes.Contains(pattern))
                .Select(e => new { e.EntityId, e.Changes }).ToListAsync(ct);
            keys.AddRange(children.Where(c => OwnedBy(c.Changes, ownerField, id)).Select(c => (childType, c.EntityId)).Distinct());
        }

        switch (type)
        {
            case nameof(SupportPolicy): await AddChildren(nameof(SupportPolicyRate), nameof(SupportPolicyRate.PolicyId)); break;
            case nameof(TrainingEvent): await AddChildren(nameof(TrainingAttendee), nameof(TrainingAttendee.EventId)); break;
            case nameof(TradeFair): await AddChildren(nameof(TradeFairEntry), nameof(TradeFairEntry.FairId)); break;
            case nameof(SalesPoint): await AddChildren(nameof(SalesPointProduct), nameof(SalesPointProduct.SalesPointId)); break;
            case nameof(TourismRoute): await AddChildren(nameof(TourismRouteStop), nameof(TourismRouteStop.RouteId)); break;
            case nameof(RawMaterialArea): await AddChildren(nameof(RawMaterialAreaLink), nameof(RawMaterialAreaLink.AreaId)); break;
        }

        return (name, SectionLinks.PathOf(BackPage(type)), keys);
    }

    /// <summary>The list a record's history goes back to (a page name), for each type <see cref="TypeNames"/> names a record of.</summary>
    public static string BackPage(string type) => type switch
    {
        nameof(SupportPolicy) => "/Support/Policies",
        nameof(SupportRecord) => "/Planning/Support/Index",
        nameof(BudgetAllocation) => "/Support/Budgets",
        nameof(TrainingEvent) => TrainingRegister.Events.ListPage,
        nameof(IpTitle) => ProtectionRegisters.Titles.ListPage,
        nameof(ProductTraceability) => ProtectionRegisters.Traceability.ListPage,
        nameof(TradeFair) => PromotionRegisters.Fairs.ListPage,
        nameof(SalesPoint) => PromotionRegisters.SalesPoints.ListPage,
        nameof(EcommerceListing) => PromotionRegisters.Listings.ListPage,
        nameof(TourismPoint) => PromotionRegisters.TourismPoints.ListPage,
        nameof(TourismRoute) => PromotionRegisters.Routes.ListPage,
        nameof(RawMaterialArea) => ValueChainRegisters.Areas.ListPage,
        _ => ValueChainRegisters.Rewards.ListPage,
    };

    private static async Task<TRow?> FindAsync<TRow>(SectionContext section, RegisterDefinition<TRow> definition, int id, CancellationToken ct) where TRow : class, IRegisterRow
    {
        if (!SupportAccess.CanList(definition.Kind, (await section.ScopeAsync(ct)).Role))
        {
            return null;
        }

        return Find(await definition.Load(section, new(null, false), ct), await definition.Load(section, new(null, true), ct), id);
    }

    private static TRow? Find<TRow>(List<TRow> active, List<TRow> archived, int id) where TRow : class, IRegisterRow =>
        active.Concat(archived).FirstOrDefault(r => r.Id == id);

    private static bool OwnedBy(string changes, string field, int id)
    {
        using var json = System.Text.Json.JsonDocument.Parse(changes);
        return json.RootElement.EnumerateArray().Any(c => c.TryGetProperty("field", out var f) && f.GetString() == field
            && ((c.TryGetProperty("new", out var n) && n.ValueKind != System.Text.Json.JsonValueKind.Null && n.ToString() == Key(id))
                || (c.TryGetProperty("old", out var o) && o.ValueKind != System.Text.Json.JsonValueKind.Null && o.ToString() == Key(id))));
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
