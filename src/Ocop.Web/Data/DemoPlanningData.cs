using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;

namespace Ocop.Web.Data;

/// <summary>
/// Support records of the Châu Thành demo, so that target T7 shows true values: one brand (the cooperative Tiến Thành's
/// organic rice), two trademarks, one packaging support. Dated within the plan period and before today. Invented.
/// </summary>
public static class DemoPlanningData
{
    private static readonly (string Subject, string? Product, SupportKind Kind, string Description, int MonthsAgo, long Amount, string Reference)[] Records =
    [
        ("Hợp tác xã Tiến Thành", "Gạo hữu cơ Long Hòa – Hòa Minh", SupportKind.Brand, "Hỗ trợ xây dựng thương hiệu gạo hữu cơ (demo)", 14, 45_000_000, "Quyết định 112/QĐ-UBND (demo)"),
        ("Hợp tác xã nông nghiệp Phú Mỹ Châu", "Gạo hạt ngọc Quê Hương", SupportKind.Trademark, "Hỗ trợ đăng ký nhãn hiệu (demo)", 10, 12_000_000, "Quyết định 87/QĐ-UBND (demo)"),
        ("Hộ kinh doanh Bánh tét Bà Năm", "Bánh tét lá cẩm Đa Lộc", SupportKind.Trademark, "Hỗ trợ đăng ký nhãn hiệu bánh tét (demo)", 8, 10_000_000, "Quyết định 87/QĐ-UBND (demo)"),
        ("Hợp tác xã Du lịch cộng đồng Cồn Chim", null, SupportKind.PackagingAndLabels, "Hỗ trợ thiết kế bao bì, nhãn mác (demo)", 6, 8_000_000, "Quyết định 90/QĐ-UBND (demo)"),
    ];

    public static async Task SeedAsync(OcopDbContext db, DateOnly today, CancellationToken ct = default)
    {
        await DemoPlans2026.SeedAsync(db, ct);
        if (await db.SupportRecords.AnyAsync(ct))
        {
            return;
        }

        var names = Records.Select(r => r.Subject).ToList();
        var subjects = await db.Subjects.Where(s => names.Contains(s.Name)).ToDictionaryAsync(s => s.Name, s => s.Id, ct);
        var products = await db.Products.Where(p => p.SubjectId != 0).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        foreach (var r in Records.Where(r => subjects.ContainsKey(r.Subject)))
        {
            db.SupportRecords.Add(new SupportRecord
            {
                SubjectId = subjects[r.Subject],
                ProductId = products.FirstOrDefault(p => p.Name == r.Product)?.Id,
                Kind = r.Kind,
                Description = r.Description,
                On = today.AddMonths(-r.MonthsAgo),
                AmountVnd = r.Amount,
                Reference = r.Reference,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
