using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Core.Support;

namespace Ocop.Web.Data;

/// <summary>
/// Section III of the Vĩnh Long / Châu Thành demo (invented figures, marked "demo"): the finance office's user
/// (<see cref="FinanceUser"/>), two policies by star level, this year's and last year's allocations, the demo's support
/// records charged to them, a training course, a fair, a sales point and a tourism route with coordinates, an e-commerce
/// listing, a trademark, traceability, a raw-material area and a reward. The dated facts they add fall inside what the
/// subjects' own facts already say (DemoFactHistory), so the demo's target figures stay as they were.
/// </summary>
public static class DemoSupportData
{
    /// <summary>Staff of the finance office (Phòng Tài chính – Kế hoạch): allocates the budget (plan IV.2).</summary>
    public const string FinanceUser = "taichinh";
    public const string FinanceUserName = "Đỗ Thị Ngân (Phòng Tài chính – Kế hoạch)";

    public static async Task SeedAsync(OcopDbContext db, UserManager<AppUser> users, DateOnly today, CancellationToken ct = default)
    {
        if (await db.SupportPolicies.AnyAsync(ct) || !await db.Offices.AnyAsync(ct))
        {
            return;
        }

        var province = await db.Units.SingleAsync(u => u.Code == DemoData.ProvinceCode && u.ValidTo == null && u.Level == Core.Units.UnitLevel.Province, ct);
        var offices = await db.Offices.ToDictionaryAsync(o => o.ShortName, ct);
        var finance = new AppUser
        {
            UserName = FinanceUser,
            Email = FinanceUser + "@example.vn",
            EmailConfirmed = true,
            FullName = FinanceUserName,
            Role = Role.Department,
        };
        finance.Units.Add(new UserUnit { UserId = finance.Id, UnitId = province.Id });
        var created = await users.CreateAsync(finance, DemoData.Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Demo user: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        db.OfficeMembers.Add(new OfficeMember { UserId = finance.Id, OfficeId = offices["TC-KH"].Id });
        db.SupportPolicies.AddRange(
            new SupportPolicy
            {
                Name = "Hỗ trợ sản phẩm OCOP được công nhận (demo)",
                LegalBasis = "Nghị quyết 03/2021/NQ-HĐND, Điều 6 (mức minh họa)",
                Kind = SupportKind.Other,
                Source = FundingSource.ProvinceResolution,
                ValidFrom = new DateOnly(2021, 3, 19),
                Description = "Hỗ trợ một lần cho chủ thể có sản phẩm được công nhận 3, 4, 5 sao (mức minh họa, demo).",
                Rates = [new() { Stars = 3, MaxAmountVnd = 20_000_000 }, new() { Stars = 4, MaxAmountVnd = 30_000_000 }, new() { Stars = 5, MaxAmountVnd = 50_000_000 }],
            },
            new SupportPolicy
            {
                Name = "Hỗ trợ đăng ký nhãn hiệu, bao bì, truy xuất nguồn gốc (demo)",
                LegalBasis = "Chương trình MTQG xây dựng nông thôn mới (mức minh họa)",
                Kind = SupportKind.Trademark,
                Source = FundingSource.NewRuralProgramme,
                ValidFrom = new DateOnly(2022, 1, 1),
                Rates = [new() { Stars = 3, RatePercent = 50, MaxAmountVnd = 15_000_000 }, new() { Stars = 4, RatePercent = 70, MaxAmountVnd = 25_000_000 }],
            });
        await db.SaveChangesAsync(ct);

        // Allocations by the finance office to the agriculture office, for each year of the demo's support records and this one.
        var records = await db.SupportRecords.Where(r => !r.IsArchived).ToListAsync(ct);
        var allocations = new Dictionary<int, BudgetAllocation>();
        foreach (var year in records.Select(r => r.On.Year).Append(today.Year).Distinct())
        {
            allocations[year] = db.BudgetAllocations.Add(new BudgetAllocation
            {
                Year = year,
                Source = FundingSource.ProvinceResolution,
                UnitId = province.Id,
                AllocatedByOfficeId = offices["TC-KH"].Id,
                OfficeId = offices["NN&PTNT"].Id,
                AmountVnd = 150_000_000,
                Decision = $"Quyết định giao dự toán năm {year} (demo)",
            }).Entity;
        }

        db.BudgetAllocations.Add(new BudgetAllocation
        {
            Year = today.Year,
            Source = FundingSource.NewRuralProgramme,
            UnitId = province.Id,
            AllocatedByOfficeId = offices["TC-KH"].Id,
            OfficeId = offices["KT&HT"].Id,
            AmountVnd = 80_000_000,
            Decision = $"Quyết định giao dự toán năm {today.Year} (demo)",
        });
        await db.SaveChangesAsync(ct);
        foreach (var record in records)
        {
            record.Source = FundingSource.ProvinceResolution;
            record.OfficeId = offices["NN&PTNT"].Id;
            record.BudgetAllocationId = allocations[record.On.Year].Id;
            record.PaidVnd = record.AmountVnd;
        }

        var products = await db.Products.Include(p => p.Subject).ToDictionaryAsync(p => p.Name, ct);
        var subjects = await db.Subjects.ToDictionaryAsync(s => s.Name, ct);
        var rice = products["Gạo hữu cơ Long Hòa – Hòa Minh"];
        var banhTet = products["Bánh tét lá cẩm Đa Lộc"];
        var conChim = subjects["Hợp tác xã Du lịch cộng đồng Cồn Chim"];
        db.TrainingEvents.Add(new TrainingEvent
        {
            Kind = TrainingKind.Course,
            Title = "Tập huấn xây dựng câu chuyện sản phẩm và hồ sơ OCOP (demo)",
            On = today.AddMonths(-2),
            UnitId = province.Id,
            OfficeId = offices["NN&PTNT"].Id,
            Organiser = "Văn phòng Điều phối nông thôn mới tỉnh",
            Participants = 45,
            Women = 28,
            Materials = "Sổ tay hướng dẫn hồ sơ OCOP; bài giảng câu chuyện sản phẩm (demo)",
            Source = FundingSource.NewRuralProgramme,
            CostVnd = 18_000_000,
            Attendees = [new() { SubjectId = rice.SubjectId }, new() { SubjectId = banhTet.SubjectId }, new() { SubjectId = conChim.Id }],
        });
        db.TradeFairs.Add(new TradeFair
        {
            Name = "Hội chợ OCOP và sản phẩm đặc trưng vùng Đồng bằng sông Cửu Long (demo)",
            Place = "Thành phố Cần Thơ",
            StartsOn = today.AddMonths(-3),
            EndsOn = today.AddMonths(-3).AddDays(4),
            Organiser = "Sở Công Thương (demo)",
            UnitId = province.Id,
            OfficeId = offices["KT&HT"].Id,
            Entries = [new() { ProductId = rice.Id, SalesVnd = 36_000_000 }, new() { ProductId = banhTet.Id, SalesVnd = 12_500_000 }],
        });
        var point = new SalesPoint
        {
            Name = "Điểm giới thiệu và bán sản phẩm OCOP Châu Thành (demo)",
            Operator = "Hợp tác xã Tiến Thành",
            OperatorSubjectId = rice.SubjectId,
            Address = "Quốc lộ 54, xã Châu Thành, tỉnh Vĩnh Long",
            CommuneId = banhTet.CommuneId,
            Latitude = 9.9347m,
            Longitude = 106.3421m,
            OpeningDecision = "Quyết định 215/QĐ-UBND (demo)",
            OpenedOn = new DateOnly(2024, 3, 1),
            Products = [new() { ProductId = rice.Id, StartedOn = new DateOnly(2024, 3, 1) }, new() { ProductId = banhTet.Id, StartedOn = new DateOnly(2024, 6, 1) }],
        };
        db.SalesPoints.Add(point);
        db.EcommerceListings.Add(new EcommerceListing
        {
            ProductId = rice.Id,
            Platform = "Postmart",
            Url = "https://postmart.vn/gao-huu-co-long-hoa-demo",
            StartedOn = new DateOnly(2024, 1, 1),
        });
        // Dated after the trademark support the product already had, so the demo's T7 figures stay as they were.
        var quality = products["Gạo hạt ngọc Quê Hương"];
        db.IpTitles.Add(new IpTitle
        {
            Kind = IpKind.Trademark,
            Name = "Hạt ngọc Quê Hương (demo)",
            SubjectId = quality.SubjectId,
            ProductId = quality.Id,
            Owner = "Hợp tác xã nông nghiệp Phú Mỹ Châu",
            ApplicationNumber = "4-2025-12345 (demo)",
            AppliedOn = today.AddMonths(-9),
            Status = IpStatus.Applied,
        });
        db.Traceability.Add(new ProductTraceability { ProductId = rice.Id, System = "Cổng truy xuất nguồn gốc tỉnh (demo)", LabelCode = "QR-VL-000123", StartedOn = new DateOnly(2024, 1, 15) });
        db.RawMaterialAreas.Add(new RawMaterialArea
        {
            Name = "Cánh đồng lúa hữu cơ Long Hòa (demo)",
            CommuneId = rice.CommuneId,
            Location = "Ấp Giồng Cao",
            AreaHa = 120.5m,
            Certification = AreaCertification.Organic | AreaCertification.VietGap,
            CertificateNumber = "HC-2023-017 (demo)",
            StartedOn = new DateOnly(2023, 5, 1),
            Links = [new() { SubjectId = rice.SubjectId, Contract = "Vùng của hợp tác xã", StartedOn = new DateOnly(2023, 5, 1) }],
        });
        db.Rewards.Add(new Reward
        {
            SubjectId = rice.SubjectId,
            ProductId = rice.Id,
            Title = "Bằng khen của Chủ tịch UBND tỉnh (demo)",
            Level = RewardLevel.Province,
            Issuer = "UBND tỉnh Vĩnh Long",
            Decision = "Quyết định 1234/QĐ-UBND (demo)",
            On = today.AddMonths(-5),
        });
        await db.SaveChangesAsync(ct);
        var site = db.TourismPoints.Add(new TourismPoint
        {
            Name = "Cồn Chim (demo)",
            Kind = TourismPointKind.CommunitySite,
            SubjectId = conChim.Id,
            CommuneId = conChim.CommuneId,
            Latitude = 9.8761m,
            Longitude = 106.3893m,
            Description = "Điểm du lịch cộng đồng sinh thái (demo).",
        }).Entity;
        var shop = db.TourismPoints.Add(new TourismPoint
        {
            Name = "Điểm bán OCOP Châu Thành (demo)",
            Kind = TourismPointKind.SalesPoint,
            SalesPointId = point.Id,
            CommuneId = point.CommuneId,
            Latitude = point.Latitude,
            Longitude = point.Longitude,
        }).Entity;
        await db.SaveChangesAsync(ct);
        db.TourismRoutes.Add(new TourismRoute
        {
            Name = "Tuyến Cồn Chim – điểm bán OCOP Châu Thành (demo)",
            UnitId = province.Id,
            OfficeId = offices["VH&TT"].Id,
            Stops = [new() { PointId = site.Id, Position = 1 }, new() { PointId = shop.Id, Position = 2 }],
        });
        await db.SaveChangesAsync(ct);
    }
}
