using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Core.Registry;

namespace Ocop.Web.Data;

/// <summary>
/// The plans the product is built for and their targets, as reference data: program 919/QĐ-TTg (national), the Trà Vinh
/// province plan 2207/QĐ-UBND (its parent link only: its targets are not transcribed) and the Châu Thành district plan
/// 46/KH-UBND with the seven targets of its section II.2 — all ended on 31/12/2025, kept for the years they covered.
/// Indicators are added by code and plans by number and unit when missing, so an office's corrections survive. Plans of
/// today are made by the offices themselves (/Planning/Edit); the demo's are in <see cref="DemoPlans2026"/>.
/// </summary>
public static class PlanningReferenceData
{
    private static readonly LegalForm[] CooperativeKinds = [LegalForm.Cooperative, LegalForm.CooperativeGroup];

    public static readonly IReadOnlyList<Indicator> Indicators =
    [
        new() { Code = "SP-3SAO", Name = "Sản phẩm OCOP đạt từ 3 sao trở lên còn hiệu lực", Kind = MeasureKind.ValidRecognitions, Output = MeasureOutput.Count, MinStars = 3 },
        new() { Code = "SP-5SAO", Name = "Sản phẩm OCOP đạt 5 sao còn hiệu lực", Kind = MeasureKind.ValidRecognitions, Output = MeasureOutput.Count, MinStars = 5 },
        new() { Code = "SP-CUNGCO", Name = "Tỷ lệ sản phẩm đã xếp hạng được củng cố, nâng cấp", Kind = MeasureKind.ConsolidatedOrUpgraded, Output = MeasureOutput.Percent },
        new() { Code = "CT-HTX-THT", Name = "Tỷ lệ chủ thể là hợp tác xã, tổ hợp tác", Kind = MeasureKind.SubjectsByLegalForm, Output = MeasureOutput.Percent, LegalForms = Forms(CooperativeKinds) },
        new() { Code = "CT-HTX", Name = "Tỷ lệ chủ thể là hợp tác xã", Kind = MeasureKind.SubjectsByLegalForm, Output = MeasureOutput.Percent, LegalForms = Forms([LegalForm.Cooperative]) },
        new() { Code = "CT-DN", Name = "Tỷ lệ chủ thể là doanh nghiệp", Kind = MeasureKind.SubjectsByLegalForm, Output = MeasureOutput.Percent, LegalForms = Forms([LegalForm.Company, LegalForm.PrivateEnterprise]) },
        new() { Code = "CT-XANH", Name = "Tỷ lệ chủ thể có chuỗi giá trị OCOP xanh gắn với vùng nguyên liệu", Kind = MeasureKind.GreenValueChain, Output = MeasureOutput.Percent },
        new() { Code = "LN-OCOP", Name = "Làng nghề có sản phẩm OCOP", Kind = MeasureKind.CraftVillagesWithProduct, Output = MeasureOutput.Count },
        new() { Code = "LN-TT-OCOP", Name = "Tỷ lệ làng nghề truyền thống có sản phẩm OCOP", Kind = MeasureKind.CraftVillagesWithProduct, Output = MeasureOutput.Percent, TraditionalOnly = true },
        new() { Code = "CT-KENH", Name = "Tỷ lệ chủ thể tham gia kênh bán hàng hiện đại", Kind = MeasureKind.SubjectsWithChannels, Output = MeasureOutput.Percent, Channels = SalesChannelRules.Modern },
        new() { Code = "HT-THUONGHIEU", Name = "Sản phẩm được hỗ trợ xây dựng thương hiệu", Kind = MeasureKind.SupportedProducts, Output = MeasureOutput.Count, SupportKind = SupportKind.Brand },
        new() { Code = "HT-NHANHIEU", Name = "Sản phẩm được hỗ trợ xây dựng nhãn hiệu", Kind = MeasureKind.SupportedProducts, Output = MeasureOutput.Count, SupportKind = SupportKind.Trademark },
        new() { Code = "LD-DAOTAO", Name = "Tỷ lệ lao động được đào tạo", Kind = MeasureKind.TrainedWorkers, Output = MeasureOutput.Percent },
        new() { Code = "CT-PHUNU", Name = "Tỷ lệ chủ thể do phụ nữ làm chủ", Kind = MeasureKind.WomenLed, Output = MeasureOutput.Percent },
    ];

    private static readonly DateOnly End2025 = new(2025, 12, 31);

    private static readonly (string Code, string Indicator, decimal Value, string Wording)[] Plan46Targets =
    [
        ("T1", "SP-3SAO", 60, "Đến năm 2025, phấn đấu có ít nhất 60 sản phẩm OCOP được công nhận đạt từ 3 sao trở lên."),
        ("T2", "SP-CUNGCO", 50, "Củng cố và nâng cấp ít nhất 50% sản phẩm OCOP đã được đánh giá và phân hạng."),
        ("T3", "CT-HTX-THT", 30, "Phấn đấu ít nhất có 30% chủ thể OCOP là hợp tác xã, tổ hợp tác, 70% chủ thể OCOP là doanh nghiệp, công ty và hộ kinh doanh."),
        ("T4", "CT-XANH", 30, "Có ít nhất 30% các chủ thể OCOP xây dựng được chuỗi giá trị theo hướng OCOP xanh gắn với vùng nguyên liệu ổn định."),
        ("T5", "LN-OCOP", 1, "Có ít nhất 01 làng nghề có sản phẩm OCOP."),
        ("T6", "CT-KENH", 50, "Có ít nhất 50% chủ thể OCOP tham gia vào các kênh bán hàng hiện đại (siêu thị, cửa hàng tiện lợi, sàn thương mại điện tử)."),
        ("T7a", "HT-THUONGHIEU", 1, "Hỗ trợ xây dựng thương hiệu cho ít nhất 01 sản phẩm."),
        ("T7b", "HT-NHANHIEU", 2, "Hỗ trợ xây dựng nhãn hiệu cho ít nhất 02 sản phẩm."),
    ];

    private static readonly (string Code, string Indicator, decimal Value, string Wording)[] Program919Targets =
    [
        ("MT1", "SP-3SAO", 10000, "Ít nhất 10.000 sản phẩm OCOP được đánh giá, phân hạng đạt từ 3 sao trở lên."),
        ("MT2", "SP-5SAO", 400, "Khoảng 400–500 sản phẩm OCOP đạt 5 sao (ghi mức thấp: 400)."),
        ("MT3", "SP-CUNGCO", 50, "Ít nhất 50% sản phẩm OCOP đã được đánh giá, phân hạng được củng cố, nâng cấp."),
        ("MT4", "CT-XANH", 30, "Ít nhất 30% chủ thể OCOP xây dựng được chuỗi giá trị tuần hoàn, theo hướng OCOP xanh."),
        ("MT5", "LN-TT-OCOP", 50, "Ít nhất 50% làng nghề truyền thống có sản phẩm OCOP."),
        ("MT6", "CT-HTX", 40, "Ít nhất 40% chủ thể OCOP là hợp tác xã."),
        ("MT7", "CT-DN", 30, "Ít nhất 30% chủ thể OCOP là doanh nghiệp vừa và nhỏ."),
        ("MT8", "LD-DAOTAO", 20, "Ít nhất 20% lao động của chủ thể OCOP được đào tạo."),
        ("MT9", "CT-PHUNU", 40, "Ít nhất 40% chủ thể OCOP do phụ nữ làm chủ."),
        ("MT10", "CT-KENH", 50, "Ít nhất 50% chủ thể OCOP tham gia kênh bán hàng hiện đại."),
    ];

    public static async Task SeedAsync(OcopDbContext db, CancellationToken ct = default)
    {
        var knownIndicators = await db.Indicators.Select(i => i.Code).ToListAsync(ct);
        foreach (var indicator in Indicators.Where(i => !knownIndicators.Contains(i.Code)))
        {
            db.Indicators.Add(new Indicator
            {
                Code = indicator.Code,
                Name = indicator.Name,
                Kind = indicator.Kind,
                Output = indicator.Output,
                MinStars = indicator.MinStars,
                MaxStars = indicator.MaxStars,
                LegalForms = indicator.LegalForms,
                Channels = indicator.Channels,
                SupportKind = indicator.SupportKind,
                TraditionalOnly = indicator.TraditionalOnly,
            });
        }

        await db.SaveChangesAsync(ct);
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var plans = await db.Plans.ToListAsync(ct);

        // Plans are known by number within their unit: a commune may issue a plan with the same number as another's.
        var program = plans.FirstOrDefault(p => p.Number == "919/QĐ-TTg" && p.UnitId == null);
        if (program is null)
        {
            program = AddPlan(db, new Plan
            {
                Number = "919/QĐ-TTg",
                Title = "Chương trình mỗi xã một sản phẩm giai đoạn 2021–2025",
                Issuer = "Thủ tướng Chính phủ",
                IssuedOn = new DateOnly(2022, 8, 1),
                PeriodFrom = new DateOnly(2021, 1, 1),
                PeriodTo = End2025,
            }, Program919Targets, indicators);
        }

        var provinceUnit = await db.Units.Where(u => u.Code == "84" && u.ValidTo != null).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        var province = plans.FirstOrDefault(p => p.Number == "2207/QĐ-UBND" && p.UnitId == provinceUnit);
        if (province is null && provinceUnit is not null)
        {
            province = AddPlan(db, new Plan
            {
                Number = "2207/QĐ-UBND",
                Title = "Kế hoạch thực hiện Chương trình mỗi xã một sản phẩm tỉnh Trà Vinh đến năm 2025",
                Issuer = "UBND tỉnh Trà Vinh",
                IssuedOn = new DateOnly(2022, 11, 14),
                PeriodFrom = new DateOnly(2022, 1, 1),
                PeriodTo = End2025,
                UnitId = provinceUnit,
                Parent = program,
            }, [], indicators);
        }

        var districtUnit = await db.Units.Where(u => u.Code == "847" && u.ValidTo != null).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (districtUnit is not null && !plans.Any(p => p.Number == "46/KH-UBND" && p.UnitId == districtUnit))
        {
            AddPlan(db, new Plan
            {
                Number = "46/KH-UBND",
                Title = "Kế hoạch thực hiện Chương trình mỗi xã một sản phẩm huyện Châu Thành đến năm 2025",
                Issuer = "UBND huyện Châu Thành",
                IssuedOn = new DateOnly(2023, 5, 11),
                PeriodFrom = new DateOnly(2023, 1, 1),
                PeriodTo = End2025,
                UnitId = districtUnit,
                Parent = province ?? program,
            }, Plan46Targets, indicators);
        }

        await db.SaveChangesAsync(ct);
    }

    private static Plan AddPlan(OcopDbContext db, Plan plan, (string Code, string Indicator, decimal Value, string Wording)[] targets, Dictionary<string, int> indicators)
    {
        var order = 0;
        foreach (var (code, indicator, value, wording) in targets)
        {
            plan.Targets.Add(new PlanTarget
            {
                Code = code,
                Wording = wording,
                IndicatorId = indicators[indicator],
                TargetValue = value,
                Direction = TargetDirection.AtLeast,
                Deadline = End2025,
                SortOrder = ++order,
            });
        }

        db.Plans.Add(plan);
        return plan;
    }

    private static string Forms(IEnumerable<LegalForm> forms) => string.Join(',', forms);
}
