using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Core.Units;

namespace Ocop.Web.Data;

/// <summary>
/// The demo's plans of today, for the province of Vĩnh Long formed on 1 July 2025: its plan for 2026–2030 and the 2026
/// plan of the new commune Châu Thành under it (every commune has its own plan, as plan 46's section IV.8 asks), with
/// targets bound to the reference indicators. Numbers, dates and target values are invented and each plan's note says
/// so. Added once, by number and unit, so an office's edits survive a restart; the reference plans (919, 2207, 46) stay.
/// </summary>
public static class DemoPlans2026
{
    public const string ProvincePlanNumber = "15/KH-UBND";
    public const string CommunePlanNumber = "08/KH-UBND";

    private const string DemoNote =
        "Dữ liệu demo: số, ngày ban hành và giá trị các chỉ tiêu là giả định để minh họa cách dùng, không phải văn bản đã ban hành.";

    private static readonly DateOnly PlanStart = new(2026, 1, 1);

    private static readonly (string Code, string Indicator, decimal Value, string Wording)[] ProvinceTargets =
    [
        ("T1", "SP-3SAO", 450, "Đến năm 2030, toàn tỉnh có ít nhất 450 sản phẩm OCOP đạt từ 3 sao trở lên còn hiệu lực."),
        ("T2", "SP-5SAO", 5, "Có ít nhất 05 sản phẩm OCOP đạt 5 sao."),
        ("T3", "SP-CUNGCO", 60, "Ít nhất 60% sản phẩm OCOP đã được đánh giá, phân hạng được củng cố, nâng cấp."),
        ("T4", "CT-HTX-THT", 35, "Ít nhất 35% chủ thể OCOP là hợp tác xã, tổ hợp tác."),
        ("T5", "CT-XANH", 40, "Ít nhất 40% chủ thể OCOP xây dựng được chuỗi giá trị theo hướng OCOP xanh gắn với vùng nguyên liệu ổn định."),
        ("T6", "LN-OCOP", 10, "Có ít nhất 10 làng nghề có sản phẩm OCOP."),
        ("T7", "CT-KENH", 70, "Ít nhất 70% chủ thể OCOP tham gia các kênh bán hàng hiện đại (siêu thị, cửa hàng tiện lợi, sàn thương mại điện tử)."),
        ("T8", "HT-NHANHIEU", 30, "Hỗ trợ xây dựng nhãn hiệu cho ít nhất 30 sản phẩm."),
    ];

    private static readonly (string Code, string Indicator, decimal Value, string Wording)[] CommuneTargets =
    [
        ("T1", "SP-3SAO", 6, "Năm 2026, xã có ít nhất 06 sản phẩm OCOP đạt từ 3 sao trở lên còn hiệu lực."),
        ("T2", "CT-HTX-THT", 30, "Ít nhất 30% chủ thể OCOP của xã là hợp tác xã, tổ hợp tác."),
        ("T3", "CT-KENH", 50, "Ít nhất 50% chủ thể OCOP của xã tham gia các kênh bán hàng hiện đại."),
        ("T4", "HT-NHANHIEU", 1, "Hỗ trợ đăng ký nhãn hiệu cho ít nhất 01 sản phẩm của xã."),
    ];

    public static async Task SeedAsync(OcopDbContext db, CancellationToken ct = default)
    {
        var province = await UnitOnAsync(db, "86", UnitLevel.Province, ct);
        if (province is null)
        {
            return;
        }

        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var provincePlan = await db.Plans.FirstOrDefaultAsync(p => p.Number == ProvincePlanNumber && p.UnitId == province.Id, ct)
            ?? Add(db, new Plan
            {
                Number = ProvincePlanNumber,
                Title = "Kế hoạch thực hiện Chương trình OCOP tỉnh Vĩnh Long giai đoạn 2026–2030",
                Issuer = IssuerOf(province),
                IssuedOn = new DateOnly(2026, 1, 20),
                PeriodFrom = PlanStart,
                PeriodTo = new DateOnly(2030, 12, 31),
                UnitId = province.Id,
                Note = DemoNote,
            }, ProvinceTargets, indicators);

        var commune = await UnitOnAsync(db, "29374", UnitLevel.Commune, ct);
        if (commune is not null && !await db.Plans.AnyAsync(p => p.Number == CommunePlanNumber && p.UnitId == commune.Id, ct))
        {
            Add(db, new Plan
            {
                Number = CommunePlanNumber,
                Title = "Kế hoạch thực hiện Chương trình OCOP xã Châu Thành năm 2026",
                Issuer = IssuerOf(commune),
                IssuedOn = new DateOnly(2026, 2, 5),
                PeriodFrom = PlanStart,
                PeriodTo = new DateOnly(2026, 12, 31),
                UnitId = commune.Id,
                Parent = provincePlan,
                Note = DemoNote,
            }, CommuneTargets, indicators);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The unit with this code that exists when the plans start (codes are reused: 29374 was a township before 2025).</summary>
    private static Task<AdministrativeUnit?> UnitOnAsync(OcopDbContext db, string code, UnitLevel level, CancellationToken ct) =>
        db.Units.AsNoTracking()
            .Where(u => u.Code == code && u.Level == level && u.ValidFrom <= PlanStart && (u.ValidTo == null || u.ValidTo >= PlanStart))
            .FirstOrDefaultAsync(ct);

    /// <summary>"UBND tỉnh Vĩnh Long", "UBND xã Châu Thành": the people's committee of the unit, from the unit's own name.</summary>
    private static string IssuerOf(AdministrativeUnit unit) => "UBND " + char.ToLower(unit.Name[0], Shared.Display.Vi) + unit.Name[1..];

    private static Plan Add(OcopDbContext db, Plan plan, (string Code, string Indicator, decimal Value, string Wording)[] targets, Dictionary<string, int> indicators)
    {
        var order = 0;
        foreach (var (code, indicator, value, wording) in targets.Where(t => indicators.ContainsKey(t.Indicator)))
        {
            plan.Targets.Add(new PlanTarget
            {
                Code = code,
                Wording = wording,
                IndicatorId = indicators[indicator],
                TargetValue = value,
                Direction = TargetDirection.AtLeast,
                Deadline = plan.PeriodTo,
                SortOrder = ++order,
            });
        }

        db.Plans.Add(plan);
        return plan;
    }
}
