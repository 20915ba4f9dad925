using System.Globalization;
using System.Text.Json;
using Ocop.Core.Registry;
using Ocop.Core.Units;
using Ocop.Web.Data;

namespace Ocop.Bench.Generator;

/// <summary>
/// A national-scale registry after the 2025 reorganisation: 8,500 subjects and 16,000 products with photo metadata and
/// audit history, spread over the real 3,321 communes of today that the app's reference data loads (the units of
/// Vietnam before and after the reform). Subjects, people and products are invented from Vietnamese name parts. The
/// same seed always gives the same rows.
/// </summary>
internal sealed class NationalData
{
    public const int CommuneCount = 3_321;
    public const int SubjectCount = 8_500;
    public const int ProductCount = 16_000;

    public List<Subject> Subjects { get; } = [];
    // Each subject's facts as one period from its registration (what the subject form records for a new subject).
    public List<SubjectLegalFormPeriod> LegalForms { get; } = [];
    public List<SubjectGreenChainPeriod> GreenChains { get; } = [];
    public List<SubjectChannelPeriod> Channels { get; } = [];
    public List<Product> Products { get; } = [];
    public List<ProductPhoto> Photos { get; } = [];
    public List<AuditEntry> Audit { get; } = [];

    private static readonly string[] Surnames =
    [
        "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
        "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Thạch", "Kim", "Sơn", "Lò", "Hà", "Đinh",
    ];

    private static readonly string[] MiddleNames = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hữu", "Đức", "Thu", "Quốc", "Kim"];

    private static readonly string[] GivenNames =
    [
        "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Linh", "Mai", "Nam", "Ngọc", "Phúc",
        "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Yến", "Khoa", "Lộc", "Nhung", "Oanh", "Sang", "Tiến",
    ];

    private static readonly string[] Brands =
    [
        "Phú Gia", "Hưng Thịnh", "Tâm Việt", "Quê Hương", "Xanh Việt", "Đất Lành", "Sao Mai", "Hồng Phát", "Tân Tiến",
        "Mekong Xanh", "Tây Bắc", "Nông Sản Việt", "Vườn Xưa", "Bếp Quê", "Làng Nghề Việt", "Hoàng Gia", "An Khang",
    ];

    // Product names by leaf of the taxonomy (Quyết định 148/QĐ-TTg).
    private static readonly (string Category, string[] Names)[] ProductNames =
    [
        ("I.1.a", ["Bưởi da xanh", "Cam sành", "Xoài cát Hòa Lộc", "Dưa lưới", "Thanh long ruột đỏ", "Sầu riêng Ri6", "Nhãn lồng", "Vải thiều", "Măng cụt", "Khoai lang tím", "Rau cải xanh VietGAP", "Mít Thái"]),
        ("I.1.b", ["Trứng gà ta", "Thịt heo thảo dược", "Gà đồi", "Thịt bò vàng", "Tôm sú", "Cua biển", "Sữa bò tươi", "Cá lóc đồng"]),
        ("I.2.a", ["Gạo thơm ST25", "Gạo hữu cơ", "Gạo nếp cái hoa vàng", "Gạo lứt đỏ", "Hạt điều rang muối", "Đậu phộng"]),
        ("I.2.b", ["Mật ong hoa cà phê", "Mật ong rừng", "Mật ong hoa nhãn", "Mật hoa dừa", "Đường thốt nốt"]),
        ("I.3.a", ["Chà bông heo", "Chả giò", "Nem chua"]),
        ("I.3.b", ["Bánh tét lá cẩm", "Bánh tét nhân chuối", "Bánh tráng nước dừa", "Bánh pía", "Bún khô", "Phở khô", "Bánh phồng tôm", "Cốm dẹp", "Bánh chưng"]),
        ("I.3.c", ["Kẹo dừa", "Mứt gừng", "Chuối sấy dẻo", "Xoài sấy", "Mít sấy", "Thạch dừa"]),
        ("I.3.d", ["Khô cá lóc", "Khô cá sặc", "Tôm khô", "Chả cá thác lác", "Lạp xưởng", "Yến sào", "Ruốc tôm"]),
        ("I.4.a", ["Nước mắm cá cơm", "Tương ớt", "Nước tương", "Mắm tôm", "Mắm bò hóc"]),
        ("I.4.b", ["Muối tôm", "Tiêu đen", "Hành tím", "Tỏi cô đơn", "Ớt bột"]),
        ("I.5.a", ["Chè Shan tuyết", "Trà xanh", "Chè búp"]),
        ("I.5.b", ["Trà mãng cầu", "Trà atiso", "Trà hoa cúc", "Trà gạo lứt"]),
        ("I.6", ["Cà phê rang xay", "Cà phê hạt", "Ca cao nguyên chất", "Sô-cô-la"]),
        ("II.1.a", ["Rượu đế", "Rượu nếp cái", "Rượu ngô men lá"]),
        ("II.1.b", ["Rượu vang sim", "Rượu chuối hột", "Rượu mơ"]),
        ("II.2.a", ["Nước khoáng thiên nhiên", "Nước uống tinh khiết"]),
        ("II.2.b", ["Nước ép dứa", "Nước yến", "Sữa đậu nành", "Nước cốt dừa"]),
        ("III.1", ["Cao atiso", "Trà túi lọc dược liệu", "Cao đinh lăng"]),
        ("III.2", ["Xà phòng dầu dừa", "Dầu gội bồ kết", "Son dưỡng sáp ong"]),
        ("III.3", ["Tinh dầu sả chanh", "Tinh dầu tràm", "Tinh dầu quế"]),
        ("IV.1", ["Giỏ đan lục bình", "Thảm xơ dừa", "Gốm sứ", "Nón lá", "Mây tre đan", "Chiếu cói"]),
        ("IV.2", ["Khăn thổ cẩm", "Lụa tơ tằm", "Túi thổ cẩm"]),
        ("V.1", ["Hoa lan Mokara", "Hoa mai vàng", "Hoa đào"]),
        ("V.2", ["Mai vàng bonsai", "Cây kiểng lá", "Bonsai sanh"]),
        ("V.3", ["Cá cảnh", "Chim cảnh"]),
        ("VI.1", ["Điểm du lịch cộng đồng", "Homestay sinh thái", "Du lịch miệt vườn"]),
    ];

    private static readonly string[] Qualifiers = ["", "", "", "đặc biệt", "truyền thống", "hảo hạng", "loại 1", "sạch", "hữu cơ", "xuất khẩu"];

    private static readonly DateTime Start = new(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly Random random = new(2025);
    private int nextAuditId;

    /// <summary>Builds the rows over the communes of today (from the reference data, in id order).</summary>
    public static NationalData Build(IReadOnlyList<AdministrativeUnit> communes, IReadOnlyDictionary<string, int> leafCategories, Ids next)
    {
        var data = new NationalData { nextAuditId = next.Audit };
        data.BuildSubjectsAndProducts(communes.ToList(), leafCategories, next);
        return data;
    }

    /// <summary>The first free id of each table.</summary>
    public sealed record Ids(int Subject, int Product, int Photo, int Audit);

    private void AddFacts(Subject subject)
    {
        LegalForms.Add(new SubjectLegalFormPeriod { Id = LegalForms.Count + 1, SubjectId = subject.Id, LegalForm = subject.LegalForm, StartedOn = subject.RegisteredOn });
        if (subject.GreenValueChain)
        {
            GreenChains.Add(new SubjectGreenChainPeriod
            {
                Id = GreenChains.Count + 1,
                SubjectId = subject.Id,
                RawMaterialAreaHa = random.Next(1, 200),
                Evidence = subject.RawMaterialEvidence,
                StartedOn = subject.RegisteredOn,
            });
        }

        foreach (var channel in SubjectTimelines.Flags(subject.SalesChannels))
        {
            Channels.Add(new SubjectChannelPeriod { Id = Channels.Count + 1, SubjectId = subject.Id, Channel = channel, StartedOn = subject.RegisteredOn });
        }
    }

    private void BuildSubjectsAndProducts(List<AdministrativeUnit> communes, IReadOnlyDictionary<string, int> leaves, Ids next)
    {
        var subjectId = next.Subject;
        var productId = next.Product;
        var photoId = next.Photo;
        var catalogue = ProductNames.Where(p => leaves.ContainsKey(p.Category)).ToArray();
        var remainingProducts = ProductCount;
        for (var s = 0; s < SubjectCount; s++)
        {
            var commune = communes[random.Next(communes.Count)];
            var place = commune.Name[(commune.Name.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            var (category, names) = catalogue[random.Next(catalogue.Length)];
            var mainProduct = Pick(names);
            var form = PickForm();
            var representative = PersonName();
            var created = Start.AddMinutes(random.Next(0, 6 * 365 * 24 * 60));
            var subject = new Subject
            {
                Id = subjectId++,
                Name = SubjectName(form, mainProduct, place, representative),
                LegalForm = form,
                RegistrationNumber = $"{(form == LegalForm.HouseholdBusiness ? "HKD" : "DN")}{random.Next(10_000_000, 99_999_999)}",
                TaxCode = form == LegalForm.HouseholdBusiness && random.Next(2) == 0 ? null : $"{random.Next(10, 99)}{random.Next(10_000_000, 99_999_999)}",
                Address = $"Ấp {random.Next(1, 12)}, {commune.Name}",
                CommuneId = commune.Id,
                Representative = representative,
                Phone = $"09{random.Next(10_000_000, 99_999_999)}",
                Email = $"lienhe{subjectId}@example.vn",
                WomenLed = random.Next(3) == 0,
                EthnicMinorityLed = random.Next(8) == 0,
                WorkersTotal = random.Next(3, 120),
                GreenValueChain = random.Next(4) == 0,
                SalesChannels = (SalesChannels)random.Next(0, 32),
                IsArchived = random.Next(50) == 0,
                CreatedAt = created,
                UpdatedAt = created.AddDays(random.Next(0, 400)),
                Version = 1,
            };
            subject.WorkersLocal = random.Next(0, subject.WorkersTotal + 1);
            subject.WorkersTrained = random.Next(0, subject.WorkersTotal + 1);
            subject.RawMaterialEvidence = subject.GreenValueChain ? "Hợp đồng liên kết vùng nguyên liệu (dữ liệu sinh)." : null;
            subject.RegisteredOn = DateOnly.FromDateTime(created.AddHours(7));
            subject.SearchText = subject.BuildSearchText();
            Subjects.Add(subject);
            AddFacts(subject);
            AddAudit(nameof(Subject), subject.Id, AuditAction.Created, created,
                [("Name", null, subject.Name), ("LegalForm", null, form.ToString()), ("CommuneId", null, Invariant(commune.Id)), ("Representative", null, representative)]);

            // 16,000 products over 8,500 subjects: one to four each, the first named after the subject's trade.
            var subjectsLeft = SubjectCount - s;
            var count = subjectsLeft == 1 ? remainingProducts : Math.Clamp(random.Next(1, 4), 1, remainingProducts - (subjectsLeft - 1));
            remainingProducts -= count;
            for (var p = 0; p < count; p++)
            {
                var (productCategory, productNames) = p == 0 ? (category, names) : catalogue[random.Next(catalogue.Length)];
                var baseName = p == 0 ? mainProduct : Pick(productNames);
                var product = NewProduct(productId++, baseName, leaves[productCategory], subject, commune, place);
                Products.Add(product);
                AddProductHistory(product);
                var photos = random.Next(0, 4);
                for (var f = 0; f < photos; f++)
                {
                    var uploaded = product.CreatedAt.AddHours(random.Next(1, 2000));
                    var photo = new ProductPhoto
                    {
                        Id = photoId++,
                        ProductId = product.Id,
                        StoredName = $"{RandomGuid():N}.jpg",
                        OriginalName = $"anh-san-pham-{f + 1}.jpg",
                        ContentType = "image/jpeg",
                        SizeBytes = random.Next(80_000, 2_500_000),
                        Caption = f == 0 ? product.Name : null,
                        UploadedAt = uploaded,
                        IsArchived = random.Next(20) == 0,
                    };
                    Photos.Add(photo);
                    AddAudit(nameof(ProductPhoto), photo.Id, AuditAction.Created, uploaded,
                        [("ProductId", null, Invariant(product.Id)), ("OriginalName", null, photo.OriginalName), ("SizeBytes", null, Invariant(photo.SizeBytes))]);
                }
            }
        }
    }

    private Product NewProduct(int id, string baseName, int categoryId, Subject subject, AdministrativeUnit commune, string place)
    {
        var qualifier = Pick(Qualifiers);
        var name = qualifier.Length == 0 ? $"{baseName} {place}" : $"{baseName} {qualifier} {place}";
        var roll = random.Next(100);
        var status = roll switch
        {
            < 25 => ProductStatus.Potential,
            < 65 => ProductStatus.Registered,
            < 95 => ProductStatus.Ranked,
            _ => ProductStatus.Archived,
        };
        var created = subject.CreatedAt.AddDays(random.Next(0, 500));
        var product = new Product
        {
            Id = id,
            Name = name,
            CategoryId = categoryId,
            SubjectId = subject.Id,
            CommuneId = commune.Id,
            Description = $"{name} do {subject.Name} sản xuất tại {commune.Name}.",
            Story = random.Next(3) == 0 ? "Sản phẩm gắn với vùng nguyên liệu và nghề truyền thống của địa phương (câu chuyện sinh cho phép đo tải)." : null,
            Standards = (ProductStandards)random.Next(0, 512),
            Gtin = random.Next(3) == 0 ? NewGtin() : null,
            Status = status,
            CreatedAt = created,
            UpdatedAt = created,
            Version = 1,
        };
        product.SearchText = product.BuildSearchText();
        return product;
    }

    // Every product was created as potential and went up (or out) from there, one audit row a step.
    private void AddProductHistory(Product product)
    {
        AddAudit(nameof(Product), product.Id, AuditAction.Created, product.CreatedAt,
            [("Name", null, product.Name), ("SubjectId", null, Invariant(product.SubjectId)), ("Status", null, nameof(ProductStatus.Potential))]);
        var at = product.CreatedAt;
        var steps = product.Status switch
        {
            ProductStatus.Registered => new[] { ProductStatus.Registered },
            ProductStatus.Ranked => [ProductStatus.Registered, ProductStatus.Ranked],
            ProductStatus.Archived => [ProductStatus.Archived],
            _ => [],
        };
        var previous = ProductStatus.Potential;
        foreach (var step in steps)
        {
            at = at.AddDays(random.Next(20, 200));
            var action = step == ProductStatus.Archived ? AuditAction.Archived : AuditAction.Updated;
            AddAudit(nameof(Product), product.Id, action, at, [("Status", previous.ToString(), step.ToString())]);
            previous = step;
            product.Version++;
        }

        product.UpdatedAt = at;
    }

    private void AddAudit(string type, int id, AuditAction action, DateTime at, (string Field, string? Old, string? New)[] changes) =>
        Audit.Add(new AuditEntry
        {
            Id = nextAuditId++,
            At = at,
            UserName = "hệ thống",
            EntityType = type,
            EntityId = Invariant(id),
            Action = action,
            Changes = JsonSerializer.Serialize(changes.Select(c => new { c.Field, c.Old, c.New }), AuditJson.Options),
        });

    private string SubjectName(LegalForm form, string product, string place, string representative) => form switch
    {
        LegalForm.Cooperative => $"Hợp tác xã {Pick(["Nông nghiệp", "Dịch vụ nông nghiệp", "Sản xuất kinh doanh", product])} {place}",
        LegalForm.CooperativeGroup => $"Tổ hợp tác {product} {place}",
        LegalForm.Company => $"Công ty TNHH {Pick(Brands)} {place}",
        LegalForm.PrivateEnterprise => $"Doanh nghiệp tư nhân {product} {Pick(Brands)}",
        _ => $"Hộ kinh doanh {product} {representative.Split(' ')[^1]}",
    };

    private LegalForm PickForm() => random.Next(100) switch
    {
        < 30 => LegalForm.Cooperative,
        < 40 => LegalForm.CooperativeGroup,
        < 55 => LegalForm.Company,
        < 60 => LegalForm.PrivateEnterprise,
        _ => LegalForm.HouseholdBusiness,
    };

    private string PersonName()
    {
        var middle = Pick(MiddleNames);
        return $"{Pick(Surnames)} {middle} {Pick(GivenNames)}";
    }

    private string NewGtin()
    {
        var digits = "893" + random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        return digits + Gtin.CheckDigit(digits).ToString(CultureInfo.InvariantCulture);
    }

    private Guid RandomGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
