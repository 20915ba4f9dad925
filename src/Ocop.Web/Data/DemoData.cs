using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Registry;
using Ocop.Core.Units;

namespace Ocop.Web.Data;

/// <summary>
/// The demo is the Vĩnh Long province OCOP office in 2026: the former Châu Thành district's records (real public product
/// names of the district, invented contact details with example.vn addresses) underneath, the new communes' records on
/// top, and one demo user per role working in today's units. Loaded only where configuration asks for it (Development
/// and tests).
/// </summary>
public static class DemoData
{
    public const string Password = "Ocop@2025";

    /// <summary>The demo office's province since 1 July 2025: Vĩnh Long, merged from Trà Vinh, Bến Tre and Vĩnh Long.</summary>
    public const string ProvinceCode = "86";

    /// <summary>The demo sign-ins, printed at start in Development.</summary>
    public static readonly IReadOnlyList<(string UserName, Role Role, string FullName)> Users =
    [
        ("admin", Role.Administrator, "Quản trị hệ thống"),
        ("vanphong", Role.ProgramOffice, "Trần Thị Mai (Văn phòng Điều phối nông thôn mới tỉnh)"),
        ("phongban", Role.Department, "Lê Văn Hùng (Sở Công Thương)"),
        ("canbo.chauthanh", Role.CommuneOfficer, "Nguyễn Văn Bình (UBND xã Châu Thành)"),
        ("canbo.hoaminh", Role.CommuneOfficer, "Thạch Thị Sa Rinh (UBND xã Hòa Minh)"),
        ("hoidong", Role.CouncilMember, "Phạm Minh Tâm (Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh)"),
        ("hoidong.tnmt", Role.CouncilMember, "Thạch Sô Phal (Sở Nông nghiệp và Môi trường)"),
        ("hoidong.yte", Role.CouncilMember, "Lê Thị Hồng Nhung (Sở Y tế)"),
        ("chuthe", Role.Producer, "Nguyễn Văn Tiến (HTX Tiến Thành)"),
        ("lanhdao", Role.Leader, "Kim Văn Sơn (UBND tỉnh)"),
    ];

    private sealed record DemoProduct(string Name, string Category, ProductStatus Status, ProductStandards Standards = ProductStandards.None, string? Gtin = null);

    private sealed record DemoSubject(
        string Name, LegalForm Form, string Commune, string Representative, bool Women, bool Ethnic, bool Green,
        SalesChannels Channels, string? Village, DemoProduct[] Products);

    private const SalesChannels Modern = SalesChannels.Supermarket | SalesChannels.ECommerce;
    private const SalesChannels Local = SalesChannels.None;

    // Communes of Châu Thành before 1 July 2025, by statistics code.
    private static readonly DemoSubject[] Subjects =
    [
        new("Hợp tác xã Tiến Thành", LegalForm.Cooperative, "29413", "Nguyễn Văn Tiến", false, false, true, Modern | SalesChannels.OcopSalesPoint, null,
        [
            new("Gạo hữu cơ Long Hòa – Hòa Minh", "I.2.a", ProductStatus.Ranked, ProductStandards.Organic | ProductStandards.VietGap | ProductStandards.Traceability, "8936012345674"),
            new("Gạo thơm hữu cơ Tiến Thành", "I.2.a", ProductStatus.Registered, ProductStandards.Organic),
        ]),
        new("Hợp tác xã nông nghiệp Phú Mỹ Châu", LegalForm.Cooperative, "29392", "Lê Văn Phú", false, false, true, Modern, null,
        [
            new("Gạo hạt ngọc Quê Hương", "I.2.a", ProductStatus.Ranked, ProductStandards.VietGap | ProductStandards.QualityDeclaration),
            new("Bột gạo lứt Quê Hương", "I.3.b", ProductStatus.Registered, ProductStandards.QualityDeclaration),
        ]),
        new("Hợp tác xã Du lịch cộng đồng Cồn Chim", LegalForm.Cooperative, "29410", "Nguyễn Thị Bích Vân", true, false, true, SalesChannels.ECommerce, null,
        [
            new("Điểm du lịch cộng đồng Cồn Chim", "VI.1", ProductStatus.Ranked),
        ]),
        new("Công ty TNHH Hai Sang (Tư Nô)", LegalForm.Company, "29398", "Nguyễn Ngọc Khanh", false, false, false, Modern | SalesChannels.ConvenienceStore, "Làng nghề rượu Xuân Thạnh",
        [
            new("Rượu Xuân Thạnh Hai Sang lão tửu", "II.1.a", ProductStatus.Registered, ProductStandards.QualityDeclaration | ProductStandards.FoodSafetyCertificate),
            new("Rượu chuối hột Hai Sang", "II.1.b", ProductStatus.Potential),
            new("Rượu đế Xuân Thạnh", "II.1.a", ProductStatus.Registered, ProductStandards.QualityDeclaration),
        ]),
        new("Hợp tác xã Nông nghiệp thương mại và sản xuất dịch vụ Châu Hưng", LegalForm.Cooperative, "29407", "Trần Văn Hưng", false, false, true, SalesChannels.OcopSalesPoint, null,
        [
            new("Gạo hữu cơ Châu Hưng", "I.2.a", ProductStatus.Registered, ProductStandards.Organic),
        ]),
        new("Tổ hợp tác thủ công mỹ nghệ Hưng Mỹ", LegalForm.CooperativeGroup, "29407", "Thạch Thị Phol", true, true, false, SalesChannels.Export | SalesChannels.ECommerce, "Làng nghề tiểu thủ công nghiệp Hưng Mỹ",
        [
            new("Giỏ xách đan dây nhựa 3D Hưng Mỹ", "IV.1", ProductStatus.Registered),
            new("Thảm lục bình Hưng Mỹ", "IV.1", ProductStatus.Potential),
            new("Túi lác thủ công Hưng Mỹ", "IV.1", ProductStatus.Potential),
        ]),
        new("Hộ kinh doanh Bánh tét Bà Năm", LegalForm.HouseholdBusiness, "29377", "Nguyễn Thị Năm", true, false, false, SalesChannels.OcopSalesPoint, "Làng nghề bánh tét Đa Lộc",
        [
            new("Bánh tét lá cẩm Đa Lộc", "I.3.b", ProductStatus.Ranked, ProductStandards.FoodSafetyCertificate),
            new("Bánh tét nhân chuối Đa Lộc", "I.3.b", ProductStatus.Registered),
        ]),
        new("Hộ kinh doanh Bánh tét Út Hiền", LegalForm.HouseholdBusiness, "29380", "Võ Thị Hiền", true, false, false, SalesChannels.ECommerce, null,
        [
            new("Bánh tét Mỹ Chánh", "I.3.b", ProductStatus.Registered),
        ]),
        new("Công ty TNHH Dừa Xanh Châu Thành", LegalForm.Company, "29383", "Huỳnh Minh Đức", false, false, true, Modern | SalesChannels.Export, null,
        [
            new("Kẹo dừa Thanh Mỹ", "I.3.c", ProductStatus.Registered, ProductStandards.Haccp | ProductStandards.QualityDeclaration, "8938505970011"),
            new("Thạch dừa Châu Thành", "I.3.c", ProductStatus.Potential),
            new("Dầu dừa ép lạnh Dừa Xanh", "I.3.c", ProductStatus.Ranked, ProductStandards.Iso22000),
        ]),
        new("Hợp tác xã Nông nghiệp Thanh Mỹ", LegalForm.Cooperative, "29383", "Đặng Văn Lợi", false, false, true, SalesChannels.OcopSalesPoint, null,
        [
            new("Mứt dừa non Thanh Mỹ", "I.3.c", ProductStatus.Registered),
        ]),
        new("Cơ sở Yến sào Phước Hảo", LegalForm.HouseholdBusiness, "29404", "Lâm Văn Phước", false, false, false, SalesChannels.ConvenienceStore, null,
        [
            new("Yến sào Phước Hảo", "I.3.d", ProductStatus.Registered, ProductStandards.FoodSafetyCertificate),
            new("Nước yến đóng lon Phước Hảo", "II.2.b", ProductStatus.Potential),
        ]),
        new("Hợp tác xã Chăn nuôi Hòa Lợi", LegalForm.Cooperative, "29401", "Sơn Văn Thol", false, true, true, SalesChannels.Supermarket, null,
        [
            new("Trứng gà ta Hòa Lợi", "I.1.b", ProductStatus.Registered, ProductStandards.VietGap),
            new("Thịt heo thảo dược Hòa Lợi", "I.1.b", ProductStatus.Potential),
        ]),
        new("Hộ kinh doanh Khô cá Long Hòa", LegalForm.HouseholdBusiness, "29413", "Trần Thị Lệ", true, false, false, Local, null,
        [
            new("Khô cá lóc Long Hòa", "I.3.d", ProductStatus.Registered),
            new("Khô cá kèo Long Hòa", "I.3.d", ProductStatus.Potential),
        ]),
        new("Tổ hợp tác Mật ong Song Lộc", LegalForm.CooperativeGroup, "29392", "Nguyễn Văn Ong", false, false, true, SalesChannels.ECommerce, null,
        [
            new("Mật ong hoa dừa Song Lộc", "I.2.b", ProductStatus.Registered, ProductStandards.QualityDeclaration),
        ]),
        new("Công ty cổ phần Thực phẩm Nguyệt Hóa", LegalForm.Company, "29395", "Kim Thị Sóc Kha", true, true, false, Modern, null,
        [
            new("Mắm bò hóc Nguyệt Hóa", "I.4.a", ProductStatus.Registered, ProductStandards.FoodSafetyCertificate),
            new("Nước mắm cá linh Nguyệt Hóa", "I.4.a", ProductStatus.Potential),
        ]),
        new("Hộ kinh doanh Bánh tráng Lương Hòa", LegalForm.HouseholdBusiness, "29389", "Phạm Thị Thu", true, false, false, Local, null,
        [
            new("Bánh tráng nước dừa Lương Hòa", "I.3.b", ProductStatus.Registered),
        ]),
        new("Hợp tác xã Rau an toàn Lương Hòa A", LegalForm.Cooperative, "29386", "Thạch Văn Ni", false, true, true, SalesChannels.Supermarket, null,
        [
            new("Rau cải xanh VietGAP Lương Hòa A", "I.1.a", ProductStatus.Registered, ProductStandards.VietGap),
            new("Dưa lưới Lương Hòa A", "I.1.a", ProductStatus.Ranked, ProductStandards.VietGap | ProductStandards.Traceability),
        ]),
        new("Tổ hợp tác Nấm rơm Nguyệt Hóa", LegalForm.CooperativeGroup, "29395", "Lê Văn Nấm", false, false, false, Local, null,
        [
            new("Nấm rơm sạch Nguyệt Hóa", "I.1.a", ProductStatus.Potential),
        ]),
        new("Doanh nghiệp tư nhân Chuối sấy Hưng Mỹ", LegalForm.PrivateEnterprise, "29407", "Trương Văn Sấy", false, false, false, SalesChannels.Supermarket | SalesChannels.ConvenienceStore, null,
        [
            new("Chuối sấy dẻo Hưng Mỹ", "I.3.c", ProductStatus.Registered, ProductStandards.Haccp),
        ]),
        new("Hộ kinh doanh Tinh dầu sả Phước Hảo", LegalForm.HouseholdBusiness, "29404", "Châu Thị Sả", true, false, false, SalesChannels.ECommerce, null,
        [
            new("Tinh dầu sả chanh Phước Hảo", "III.3", ProductStatus.Registered),
        ]),
        new("Công ty TNHH Trà mãng cầu Hòa Thuận", LegalForm.Company, "29398", "Đỗ Thanh Tâm", false, false, true, Modern, null,
        [
            new("Trà mãng cầu xiêm Hòa Thuận", "I.5.b", ProductStatus.Registered, ProductStandards.QualityDeclaration),
        ]),
        new("Hợp tác xã Cây ăn trái Song Lộc", LegalForm.Cooperative, "29392", "Võ Văn Cam", false, false, true, SalesChannels.Supermarket, null,
        [
            new("Cam sành Song Lộc", "I.1.a", ProductStatus.Registered, ProductStandards.VietGap),
            new("Bưởi da xanh Song Lộc", "I.1.a", ProductStatus.Ranked, ProductStandards.VietGap),
        ]),
        new("Tổ hợp tác Bò vàng Đa Lộc", LegalForm.CooperativeGroup, "29377", "Kiên Văn Sang", false, true, false, Local, null,
        [
            new("Thịt bò vàng Đa Lộc", "I.1.b", ProductStatus.Potential),
        ]),
        new("Hộ kinh doanh Bánh gừng Khmer Chị Ba", LegalForm.HouseholdBusiness, "29401", "Thạch Thị Ba", true, true, false, SalesChannels.OcopSalesPoint, null,
        [
            new("Bánh gừng Khmer Hòa Lợi", "I.3.b", ProductStatus.Registered),
            new("Bánh ống lá dứa Hòa Lợi", "I.3.b", ProductStatus.Potential),
        ]),
        new("Công ty TNHH Xơ dừa Hòa Minh", LegalForm.Company, "29410", "Nguyễn Văn Xơ", false, false, true, SalesChannels.Export, null,
        [
            new("Thảm xơ dừa Hòa Minh", "IV.1", ProductStatus.Registered),
            new("Chậu trồng cây xơ dừa", "IV.1", ProductStatus.Archived),
        ]),
        new("Hợp tác xã Tôm sú Long Hòa", LegalForm.Cooperative, "29413", "Lý Văn Tôm", false, false, true, SalesChannels.Supermarket, null,
        [
            new("Tôm khô Long Hòa", "I.3.d", ProductStatus.Registered, ProductStandards.FoodSafetyCertificate),
        ]),
        new("Tổ hợp tác Cây cảnh Hòa Thuận", LegalForm.CooperativeGroup, "29398", "Bùi Văn Kiểng", false, false, false, Local, null,
        [
            new("Mai vàng bonsai Hòa Thuận", "V.2", ProductStatus.Potential),
        ]),
        new("Hợp tác xã Hoa lan Châu Thành", LegalForm.Cooperative, "29374", "Trần Thị Lan", true, false, false, SalesChannels.ECommerce, null,
        [
            new("Hoa lan Mokara Châu Thành", "V.1", ProductStatus.Registered),
        ]),
        new("Doanh nghiệp tư nhân Nước uống Châu Thành", LegalForm.PrivateEnterprise, "29374", "Huỳnh Văn Nước", false, false, false, SalesChannels.ConvenienceStore, null,
        [
            new("Nước uống đóng chai Châu Thành", "II.2.a", ProductStatus.Registered, ProductStandards.QualityDeclaration | ProductStandards.Iso9001),
        ]),
        new("Hộ kinh doanh Ca cao Hòa Lợi", LegalForm.HouseholdBusiness, "29401", "Ngô Văn Cao", false, false, false, Local, null,
        [
            new("Ca cao nguyên chất Hòa Lợi", "I.6", ProductStatus.Potential),
        ]),
        new("Công ty TNHH Thảo mộc Trà Vinh", LegalForm.Company, "29374", "Lâm Thị Thảo", true, false, false, Modern, null,
        [
            new("Xà phòng dầu dừa thảo mộc", "III.2", ProductStatus.Registered, ProductStandards.QualityDeclaration),
        ]),
        new("Hợp tác xã Dệt thổ cẩm Khmer Mỹ Chánh", LegalForm.Cooperative, "29380", "Sơn Thị Sa Vy", true, true, false, SalesChannels.OcopSalesPoint, null,
        [
            new("Khăn rằn thổ cẩm Khmer", "IV.2", ProductStatus.Registered),
            new("Túi thổ cẩm Mỹ Chánh", "IV.2", ProductStatus.Potential),
        ]),
        new("Hộ kinh doanh Chả cá Song Lộc", LegalForm.HouseholdBusiness, "29392", "Trần Văn Chả", false, false, false, Local, null,
        [
            new("Chả cá thác lác Song Lộc", "I.3.d", ProductStatus.Potential),
        ]),
    ];

    // Records of today, registered since 1 July 2025 in communes of the merged province (by their new codes): one in the
    // commune that took over Đa Lộc, and coconut producers of the former Bến Tre.
    private static readonly DemoSubject[] TodaySubjects =
    [
        new("Hộ kinh doanh Nem chua Cô Út", LegalForm.HouseholdBusiness, "29374", "Lê Thị Út", true, false, false, SalesChannels.ECommerce, null,
        [
            new("Nem chua lá ổi Cô Út", "I.3.d", ProductStatus.Registered),
        ]),
        new("Hợp tác xã Dừa hữu cơ Mỏ Cày", LegalForm.Cooperative, "28903", "Võ Văn Dừa", false, false, true, Modern, null,
        [
            new("Kẹo dừa Mỏ Cày", "I.3.c", ProductStatus.Registered, ProductStandards.Organic | ProductStandards.QualityDeclaration),
            new("Dầu dừa nguyên chất Mỏ Cày", "I.3.c", ProductStatus.Potential),
        ]),
        new("Công ty TNHH Thạch dừa Giồng Trôm", LegalForm.Company, "28984", "Phan Thị Thạch", true, false, false, SalesChannels.Supermarket, null,
        [
            new("Thạch dừa Giồng Trôm", "I.3.c", ProductStatus.Potential, ProductStandards.Haccp),
        ]),
    ];

    private static readonly (string Name, string Commune, string? Decision, bool Traditional, string Description)[] Villages =
    [
        ("Làng nghề rượu Xuân Thạnh", "29398", null, true, "Nghề nấu rượu truyền thống ấp Vĩnh Trường."),
        ("Làng nghề tiểu thủ công nghiệp Hưng Mỹ", "29407", "QĐ 1814/QĐ-UBND ngày 29/11/2007", false, "Đan dây nhựa 3D, lục bình, lác, tơ xơ dừa."),
        ("Làng nghề bánh tét Đa Lộc", "29377", null, true, "Dữ liệu minh họa (demo)."),
    ];

    public static async Task SeedAsync(OcopDbContext db, UserManager<AppUser> users, CancellationToken ct = default)
    {
        if (await db.Subjects.AnyAsync(ct))
        {
            return;
        }

        var oldCommunes = await db.Units
            .Where(u => u.Parent != null && u.Parent.Code == "847" && u.ValidTo != null)
            .ToDictionaryAsync(u => u.Code, ct);
        var categories = await db.ProductCategories.Where(c => c.ProductSet != null).ToDictionaryAsync(c => c.Code, ct);

        var villages = Villages.ToDictionary(v => v.Name, v => new CraftVillage
        {
            Name = v.Name,
            Commune = oldCommunes[v.Commune],
            RecognitionDecision = v.Decision,
            IsTraditional = v.Traditional,
            Description = v.Description,
        });
        db.CraftVillages.AddRange(villages.Values);

        var phone = 3_860_100;
        Subject? producersSubject = null;
        // Today's units: the merged province and the communes that took over the old ones.
        var province = await db.Units.SingleAsync(u => u.Code == ProvinceCode && u.Level == UnitLevel.Province && u.ValidTo == null, ct);
        var newCommunes = await db.Units.Where(u => u.ParentId == province.Id).ToDictionaryAsync(u => u.Code, ct);
        foreach (var (s, commune, place) in Subjects.Select(s => (s, oldCommunes[s.Commune], "huyện Châu Thành, tỉnh Trà Vinh"))
                     .Concat(TodaySubjects.Select(s => (s, newCommunes[s.Commune], "tỉnh Vĩnh Long"))))
        {
            phone += 37;
            var subject = new Subject
            {
                Name = s.Name,
                LegalForm = s.Form,
                Commune = commune,
                Representative = s.Representative,
                Address = $"Ấp {(phone % 5) + 1}, {commune.Name}, {place}",
                Phone = $"0294 {phone / 1000 % 1000:000} {phone % 1000:000}",
                Email = $"lienhe{phone % 1000}@example.vn",
                TaxCode = s.Form == LegalForm.HouseholdBusiness ? null : $"21{phone:00000000}",
                RegistrationNumber = $"{(s.Form == LegalForm.HouseholdBusiness ? "58C" : "21")}{phone:0000000}",
                WomenLed = s.Women,
                EthnicMinorityLed = s.Ethnic,
                GreenValueChain = s.Green,
                RawMaterialEvidence = s.Green ? "Hợp đồng liên kết vùng nguyên liệu ổn định với nông hộ trong xã (dữ liệu minh họa)." : null,
                SalesChannels = s.Channels,
                WorkersTotal = 8 + (phone % 40),
                WorkersLocal = 6 + (phone % 30),
                WorkersTrained = 2 + (phone % 10),
                CraftVillage = s.Village is null ? null : villages[s.Village],
            };
            subject.WorkersLocal = Math.Min(subject.WorkersLocal, subject.WorkersTotal);
            subject.WorkersTrained = Math.Min(subject.WorkersTrained, subject.WorkersTotal);
            foreach (var p in s.Products)
            {
                subject.Products.Add(new Product
                {
                    Name = p.Name,
                    Category = categories[p.Category],
                    Commune = commune,
                    Status = p.Status,
                    Standards = p.Standards,
                    Gtin = p.Gtin,
                    Description = $"{p.Name} do {s.Name} sản xuất tại {commune.Name}.",
                    Story = s.Green ? "Sản phẩm gắn với vùng nguyên liệu của địa phương (câu chuyện minh họa)." : null,
                });
            }

            db.Subjects.Add(subject);
            producersSubject ??= subject;
        }

        await db.SaveChangesAsync(ct);

        db.DeployingOffices.Add(new DeployingOffice
        {
            Name = "Văn phòng Điều phối nông thôn mới tỉnh Vĩnh Long",
            ShortName = "OCOP Vĩnh Long",
            UnitId = province.Id,
            Served = [new DeployingOfficeUnit { UnitId = province.Id }],
        });
        await db.SaveChangesAsync(ct);
        foreach (var (userName, role, fullName) in Users)
        {
            var user = new AppUser
            {
                UserName = userName,
                Email = $"{userName}@example.vn",
                EmailConfirmed = true,
                FullName = fullName,
                Role = role,
                SubjectId = role == Role.Producer ? producersSubject!.Id : null,
                // The demo office stands for the province's program office: it chairs the province round and records
                // the province's decisions (3–4★ recognition and revocation).
                DecisionLevel = role == Role.ProgramOffice ? Ocop.Core.Evaluation.EvaluationLevel.Province : null,
            };
            var unitIds = role switch
            {
                Role.ProgramOffice or Role.Department or Role.CouncilMember => [province.Id],
                Role.CommuneOfficer when userName.EndsWith("chauthanh", StringComparison.Ordinal) => [newCommunes["29374"].Id],
                Role.CommuneOfficer => [newCommunes["29410"].Id],
                _ => Array.Empty<int>(),
            };
            user.Units.AddRange(unitIds.Select(id => new UserUnit { UserId = user.Id, UnitId = id }));
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Demo user: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }
    }
}
