using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Planning;

namespace Ocop.Web.Data;

/// <summary>
/// The plan at work in the demo: the district offices of plan 46/KH-UBND section IV with their tasks, the commune
/// tasks of IV.8 for every commune of Châu Thành, this year's OCOP cycle across communes and steps (some returned with
/// reasons, some stuck for months, one linked to the open evaluation round), and reports dated relative to today —
/// most past periods reported done, Hòa Minh and Phòng Y tế behind, one problem raised and waiting for the office.
/// </summary>
public static class DemoCycleData
{
    public const string PlanNumber = "46/KH-UBND";
    public const string ProgramOfficeName = "Phòng Nông nghiệp và Phát triển nông thôn";

    private static readonly (string Name, string Short, bool Program)[] Offices =
    [
        (ProgramOfficeName, "NN&PTNT", true),
        ("Phòng Tài chính – Kế hoạch", "TC-KH", false),
        ("Phòng Kinh tế và Hạ tầng", "KT&HT", false),
        ("Phòng Tài nguyên và Môi trường", "TN&MT", false),
        ("Phòng Văn hóa và Thông tin", "VH&TT", false),
        ("Phòng Y tế", "Y tế", false),
    ];

    private sealed record TaskSeed(string Section, string Title, string Description, Recurrence Kind, int Month = 12, int Day = 15, int AfterQuarter = 10);

    private const string Evaluate = "Hằng năm, phối hợp với Phòng Nông nghiệp và PTNT và các ngành có liên quan tham gia các kỳ đánh giá và phân hạng sản phẩm OCOP.";

    private static readonly Dictionary<string, TaskSeed[]> OfficeTasks = new(StringComparer.Ordinal)
    {
        ["NN&PTNT"] =
        [
            new("IV.1", "Chủ trì triển khai kế hoạch, quản lý chất lượng sản phẩm OCOP, giám sát thực hiện ở các xã, thị trấn",
                "Chủ trì, phối hợp với các ngành có liên quan và Ủy ban nhân dân các xã, thị trấn tổ chức triển khai thực hiện kế hoạch và quản lý chất lượng, hoạt động của sản phẩm OCOP; giám sát quá trình thực hiện Chương trình OCOP ở các xã, thị trấn.", Recurrence.Yearly),
            new("IV.1", "Tổ chức họp Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp huyện",
                "Tổ chức họp Hội đồng đánh giá, phân hạng sản phẩm OCOP của huyện.", Recurrence.Yearly, 10, 31),
            new("IV.1", "Phối hợp thực hiện chính sách hỗ trợ; đào tạo, tập huấn Chương trình OCOP",
                "Chủ động phối hợp với Sở, ngành tỉnh thực hiện chính sách hỗ trợ của Nhà nước, nhất là Điều 6 Nghị quyết 03/2021/NQ-HĐND ngày 19/3/2021 của HĐND tỉnh; đào tạo, tập huấn Chương trình OCOP, tổ chức quản lý và giới thiệu sản phẩm.", Recurrence.Yearly, 11, 30),
            new("IV.1", "Tổng hợp báo cáo tình hình thực hiện Chương trình OCOP",
                "Thường xuyên theo dõi, kiểm tra, đánh giá tình hình thực hiện Chương trình OCOP, tổng hợp báo cáo Ủy ban nhân dân huyện; BCĐ các Chương trình MTQG và PT TĐĐKXDĐSVH huyện theo định kỳ hoặc đột xuất.", Recurrence.Quarterly, AfterQuarter: 15),
        ],
        ["TC-KH"] =
        [
            new("IV.2", "Tham mưu phân bổ kinh phí thực hiện Chương trình OCOP",
                "Chủ trì, phối hợp với các ngành có liên quan và Ủy ban nhân dân các xã, thị trấn tham mưu Ủy ban nhân dân huyện phân bổ kinh phí thực hiện các nội dung hoạt động của Chương trình theo quy định hiện hành.", Recurrence.Yearly, 3, 31),
        ],
        ["KT&HT"] =
        [
            new("IV.3", "Xúc tiến thương mại, kết nối tiêu thụ sản phẩm OCOP; quản lý điểm giới thiệu và bán sản phẩm OCOP",
                "Phối hợp với các ngành có liên quan cung cấp thông tin, xúc tiến thương mại kết nối tiêu thụ sản phẩm OCOP; thực hiện quản lý nhà nước về hoạt động sản xuất, kinh doanh đối với điểm giới thiệu và bán sản phẩm OCOP trên địa bàn huyện.", Recurrence.Yearly),
            new("IV.3", "Hỗ trợ đăng ký nhãn hiệu, sở hữu trí tuệ; ứng dụng khoa học, công nghệ, chuyển đổi số",
                "Hỗ trợ các xã, thị trấn và các tổ chức, cá nhân đăng ký xây dựng thương hiệu, nhãn hiệu sản phẩm OCOP và đăng ký sở hữu trí tuệ; đẩy mạnh ứng dụng khoa học, công nghệ, chuyển đổi số trong phát triển sản xuất sản phẩm OCOP.", Recurrence.Yearly),
            new("IV.3", "Tham gia các kỳ đánh giá, phân hạng sản phẩm OCOP", Evaluate, Recurrence.Yearly, 10, 31),
        ],
        ["TN&MT"] =
        [
            new("IV.4", "Tuyên truyền, hướng dẫn và kiểm tra việc chấp hành quy định bảo vệ môi trường của chủ thể OCOP",
                "Phối hợp với các ngành có liên quan và Ủy ban nhân dân các xã, thị trấn tổ chức tuyên truyền nâng cao nhận thức về bảo vệ môi trường; hướng dẫn cơ sở pháp lý về môi trường được phân cấp; tổ chức kiểm tra việc chấp hành các quy định pháp luật về bảo vệ môi trường đối với các tổ chức, cá nhân tham gia sản xuất sản phẩm OCOP.", Recurrence.Yearly),
            new("IV.4", "Tham gia các kỳ đánh giá, phân hạng sản phẩm OCOP", Evaluate, Recurrence.Yearly, 10, 31),
        ],
        ["VH&TT"] =
        [
            new("IV.5", "Phát triển du lịch cộng đồng gắn với sản phẩm OCOP",
                "Chủ trì, phối hợp đẩy mạnh phát triển các mô hình du lịch cộng đồng ở nông thôn gắn với xây dựng nông thôn mới; xúc tiến mở rộng các tuyến du lịch kết nối với các cơ sở sản xuất và điểm bán sản phẩm OCOP của huyện.", Recurrence.Yearly),
            new("IV.5", "Tuyên truyền Chương trình OCOP trên các phương tiện thông tin đại chúng",
                "Đẩy mạnh công tác tuyên truyền trên các phương tiện thông tin đại chúng về nội dung, mục đích, ý nghĩa và tầm quan trọng của Chương trình OCOP, đặc biệt các mô hình, điển hình các sản phẩm OCOP tiêu biểu.", Recurrence.Quarterly),
            new("IV.5", "Hướng dẫn xây dựng điểm du lịch; tham gia các kỳ đánh giá, phân hạng sản phẩm OCOP",
                "Hằng năm, phối hợp với Phòng Nông nghiệp và Phát triển nông thôn và các ngành có liên quan hướng dẫn xây dựng điểm du lịch và tham gia các kỳ đánh giá và phân hạng sản phẩm OCOP.", Recurrence.Yearly, 10, 31),
        ],
        ["Y tế"] =
        [
            new("IV.6", "Hướng dẫn an toàn thực phẩm; hoàn thiện hồ sơ, thủ tục sản phẩm thuộc ngành y tế quản lý",
                "Chủ trì, phối hợp với các ngành và Ủy ban nhân dân các xã, thị trấn hướng dẫn, hỗ trợ cơ sở sản xuất, kinh doanh thực hiện đầy đủ các quy định liên quan đến an toàn thực phẩm; hoàn thiện hồ sơ, thủ tục sản phẩm liên quan đến ngành y tế quản lý trước khi lưu thông trên thị trường.", Recurrence.Yearly, 6, 30),
            new("IV.6", "Tham gia các kỳ đánh giá, phân hạng sản phẩm OCOP", Evaluate, Recurrence.Yearly, 10, 31),
        ],
    };

    private static readonly TaskSeed[] CommuneTasks =
    [
        new("IV.8", "Xây dựng kế hoạch thực hiện Chương trình OCOP của xã",
            "Xây dựng kế hoạch và tổ chức triển khai thực hiện Chương trình OCOP; tư vấn, hướng dẫn, hỗ trợ và tạo điều kiện thuận lợi cho các cơ sở sản xuất tham gia Chương trình OCOP.", Recurrence.Yearly, 3, 31),
        new("IV.8", "Thông tin, tuyên truyền về Chương trình OCOP",
            "Đẩy mạnh công tác thông tin, tuyên truyền cho các tổ chức kinh tế và quần chúng nhân dân trên địa bàn xã về ý nghĩa, các chính sách hỗ trợ của Chương trình OCOP.", Recurrence.Quarterly),
        new("IV.8", "Rà soát sản phẩm tiềm năng trên địa bàn",
            "Chủ động rà soát các sản phẩm tiềm năng trên địa bàn và hướng dẫn các tổ chức, cá nhân tham gia Chương trình; có phương án khuyến khích sản xuất các sản phẩm chủ lực, làng nghề và đặc sản của địa phương.", Recurrence.Yearly, 6, 30),
        new("IV.8", "Hướng dẫn, hỗ trợ cơ sở sản xuất tham gia Chương trình OCOP",
            "Tư vấn, hướng dẫn, hỗ trợ và tạo điều kiện thuận lợi cho các cơ sở sản xuất tham gia Chương trình OCOP.", Recurrence.Yearly),
        new("IV.8", "Lồng ghép Chương trình OCOP vào nghị quyết, kế hoạch của địa phương",
            "Lồng ghép các nguồn lực để thực hiện Chương trình OCOP gắn với xây dựng nông thôn mới, nông thôn mới nâng cao và kiểu mẫu; lồng ghép nội dung Chương trình OCOP vào các nghị quyết, kế hoạch, chương trình để thực hiện thường xuyên.", Recurrence.Yearly, 12, 31),
        new("IV.8", "Báo cáo kết quả, khó khăn, vướng mắc về UBND huyện (qua Phòng NN&PTNT)",
            "Trong triển khai thực hiện, nếu khó khăn, vướng mắc, báo cáo, đề xuất Ủy ban nhân dân huyện (qua Phòng Nông nghiệp và Phát triển nông thôn) để xem xét xử lý.", Recurrence.Quarterly, AfterQuarter: 5),
    ];

    /// <summary>Units whose past periods stay unreported in the demo, so the overdue list has something true to show.</summary>
    private const string BehindCommune = "29410"; // Hòa Minh
    private const string BehindOffice = "Y tế";

    private sealed record EntrySeed(string Commune, string Idea, string Proposer, string? Subject, string? Product, string? Category,
        CycleStep Step, CycleState State, int DaysInStep, string? Reason = null);

    private static readonly EntrySeed[] Entries =
    [
        new("29377", "Bánh tét nhân đậu xanh lá dứa", "Hộ kinh doanh Bánh tét Bà Năm", "Hộ kinh doanh Bánh tét Bà Năm", null, "I.3.b", CycleStep.BusinessPlan, CycleState.Active, 35),
        new("29377", "Thịt bò vàng Đa Lộc", "Tổ hợp tác Bò vàng Đa Lộc", "Tổ hợp tác Bò vàng Đa Lộc", "Thịt bò vàng Đa Lộc", "I.1.b", CycleStep.FeasibilityReview, CycleState.Active, 160),
        new("29377", "Dưa kiệu Đa Lộc", "Bà Thạch Thị Sen, ấp Đa Hòa", null, null, "I.3.d", CycleStep.Communication, CycleState.Active, 12),
        new("29380", "Bánh tét Mỹ Chánh", "Hộ kinh doanh Bánh tét Út Hiền", "Hộ kinh doanh Bánh tét Út Hiền", "Bánh tét Mỹ Chánh", "I.3.b", CycleStep.IdeaRegistration, CycleState.Returned, 48,
            "Chưa có giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm; bổ sung trước khi đánh giá khả thi."),
        new("29380", "Mắm tép Mỹ Chánh", "Ông Nguyễn Văn Lợi, ấp Bích Trì", null, null, "I.4.a", CycleStep.IdeaRegistration, CycleState.Active, 20),
        new("29410", "Sản phẩm xơ dừa trang trí", "Công ty TNHH Xơ dừa Hòa Minh", "Công ty TNHH Xơ dừa Hòa Minh", null, "IV.1", CycleStep.Implementation, CycleState.Active, 140),
        new("29410", "Tour trải nghiệm Cồn Chim mùa nước nổi", "Hợp tác xã Du lịch cộng đồng Cồn Chim", "Hợp tác xã Du lịch cộng đồng Cồn Chim", null, "VI.1", CycleStep.IdeaRegistration, CycleState.Returned, 95,
            "Phương án chưa rõ sức chứa và an toàn đường thủy; đề nghị bổ sung ý kiến của UBND xã và đơn vị quản lý đường thủy."),
        new("29413", "Gạo thơm hữu cơ Tiến Thành", "Hợp tác xã Tiến Thành", "Hợp tác xã Tiến Thành", "Gạo thơm hữu cơ Tiến Thành", "I.2.a", CycleStep.BusinessPlan, CycleState.Active, 60),
        new("29413", "Khô cá kèo Long Hòa", "Hộ kinh doanh Khô cá Long Hòa", "Hộ kinh doanh Khô cá Long Hòa", "Khô cá kèo Long Hòa", "I.3.d", CycleStep.TradePromotion, CycleState.Active, 25),
        new("29392", "Mật ong hoa dừa Song Lộc", "Tổ hợp tác Mật ong Song Lộc", "Tổ hợp tác Mật ong Song Lộc", "Mật ong hoa dừa Song Lộc", "I.2.b", CycleStep.TradePromotion, CycleState.Completed, 10),
        new("29392", "Cam sành Song Lộc", "Hợp tác xã Cây ăn trái Song Lộc", "Hợp tác xã Cây ăn trái Song Lộc", "Cam sành Song Lộc", "I.1.a", CycleStep.FeasibilityReview, CycleState.Active, 8),
        new("29398", "Trà mãng cầu xiêm túi lọc", "Công ty TNHH Trà mãng cầu Hòa Thuận", "Công ty TNHH Trà mãng cầu Hòa Thuận", null, "I.5.b", CycleStep.Implementation, CycleState.Active, 45),
        new("29398", "Rượu nếp than Xuân Thạnh", "Ông Lâm Văn Tài, ấp Vĩnh Trường", null, null, "II.1.a", CycleStep.IdeaRegistration, CycleState.Dropped, 70,
            "Cơ sở chưa đủ điều kiện sản xuất rượu thủ công, tạm dừng năm nay."),
        new("29401", "Bánh gừng Khmer Hòa Lợi", "Hộ kinh doanh Bánh gừng Khmer Chị Ba", "Hộ kinh doanh Bánh gừng Khmer Chị Ba", "Bánh gừng Khmer Hòa Lợi", "I.3.b", CycleStep.BusinessPlan, CycleState.Active, 120),
        new("29404", "Tinh dầu sả chanh Phước Hảo", "Hộ kinh doanh Tinh dầu sả Phước Hảo", "Hộ kinh doanh Tinh dầu sả Phước Hảo", "Tinh dầu sả chanh Phước Hảo", "III.3", CycleStep.Communication, CycleState.Active, 5),
        new("29407", "Chuối sấy dẻo Hưng Mỹ", "Doanh nghiệp tư nhân Chuối sấy Hưng Mỹ", "Doanh nghiệp tư nhân Chuối sấy Hưng Mỹ", "Chuối sấy dẻo Hưng Mỹ", "I.3.c", CycleStep.FeasibilityReview, CycleState.Active, 30),
        new("29386", "Dưa lưới Lương Hòa A", "Hợp tác xã Rau an toàn Lương Hòa A", "Hợp tác xã Rau an toàn Lương Hòa A", "Dưa lưới Lương Hòa A", "I.1.a", CycleStep.Implementation, CycleState.Active, 15),
        new("29395", "Nấm rơm sạch Nguyệt Hóa", "Tổ hợp tác Nấm rơm Nguyệt Hóa", "Tổ hợp tác Nấm rơm Nguyệt Hóa", "Nấm rơm sạch Nguyệt Hóa", "I.1.a", CycleStep.IdeaRegistration, CycleState.Active, 3),
    ];

    public static async Task SeedAsync(OcopDbContext db, DateOnly today, CancellationToken ct = default)
    {
        if (await db.Offices.AnyAsync(ct))
        {
            return;
        }

        var district = await db.Units.SingleAsync(u => u.Code == "847" && u.ValidTo != null, ct);
        var communes = await db.Units.Where(u => u.ParentId == district.Id).OrderBy(u => u.Code).ToListAsync(ct);
        var users = await db.Users.ToDictionaryAsync(u => u.UserName!, ct);
        var startOfYear = new DateOnly(today.Year, 1, 1);
        DateTime At(DateOnly day, int hour = 9) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc).AddHours(-7);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var offices = Offices.Select((o, i) => new Office { Name = o.Name, ShortName = o.Short, UnitId = district.Id, IsProgramOffice = o.Program, SortOrder = i + 1 })
            .ToDictionary(o => o.ShortName, StringComparer.Ordinal);
        db.Offices.AddRange(offices.Values);
        await db.SaveChangesAsync(ct);

        // Office staff belong to their office; the council members who come from offices keep their council role only.
        db.OfficeMembers.AddRange(
            new OfficeMember { UserId = users["vanphong"].Id, OfficeId = offices["NN&PTNT"].Id },
            new OfficeMember { UserId = users["phongban"].Id, OfficeId = offices["KT&HT"].Id });

        PlanTask Task(TaskSeed seed) => new()
        {
            PlanNumber = PlanNumber,
            Section = seed.Section,
            Title = seed.Title,
            Description = seed.Description,
            Recurrence = seed.Kind,
            StartsOn = startOfYear,
            DueMonth = seed.Month,
            DueDay = seed.Day,
            DaysAfterQuarter = seed.AfterQuarter,
        };
        var tasks = new List<PlanTask>();
        foreach (var (shortName, seeds) in OfficeTasks)
        {
            tasks.AddRange(seeds.Select(s => { var t = Task(s); t.OfficeId = offices[shortName].Id; return t; }));
        }

        foreach (var commune in communes)
        {
            tasks.AddRange(CommuneTasks.Select(s => { var t = Task(s); t.CommuneId = commune.Id; return t; }));
        }

        // A one-off job the office handed Hòa Minh this year, now late.
        var hoaMinh = communes.Single(c => c.Code == BehindCommune);
        tasks.Add(new PlanTask
        {
            PlanNumber = PlanNumber,
            Section = "IV.8",
            CommuneId = hoaMinh.Id,
            Recurrence = Recurrence.Once,
            StartsOn = startOfYear,
            DueOn = today.AddDays(-20),
            Title = "Lập danh mục sản phẩm tiềm năng gửi Phòng NN&PTNT",
            Description = "Tổng hợp danh mục sản phẩm tiềm năng đã rà soát trên địa bàn xã, kèm đề xuất chủ thể tham gia chu trình năm nay.",
        });
        db.PlanTasks.AddRange(tasks);
        await db.SaveChangesAsync(ct);

        // Past periods reported done a few days before they fell due, except where the demo keeps a unit behind.
        var reporters = new Dictionary<int, AppUser> { [offices["NN&PTNT"].Id] = users["vanphong"], [offices["KT&HT"].Id] = users["phongban"] };
        var daLoc = communes.Single(c => c.Code == "29377");
        var myChanh = communes.Single(c => c.Code == "29380");
        foreach (var task in tasks.Where(t => t.Recurrence != Recurrence.Once))
        {
            if (task.CommuneId == hoaMinh.Id || task.OfficeId == offices[BehindOffice].Id)
            {
                continue;
            }

            var by = task.OfficeId is { } o ? reporters.GetValueOrDefault(o)
                : task.CommuneId == daLoc.Id || task.CommuneId == myChanh.Id ? users["canbo.chauthanh"]
                : null;
            foreach (var period in TaskSchedules.PeriodsUntil(task.Schedule, today).Where(p => p.Due < today.AddDays(-10)))
            {
                var reportedOn = period.Due.AddDays(-3);
                db.TaskReports.Add(new TaskReport
                {
                    TaskId = task.Id,
                    PeriodStart = period.Start,
                    PeriodLabel = period.Label,
                    ReportedAt = At(reportedOn),
                    UserId = by?.Id,
                    UserName = by?.FullName ?? OwnerName(task, offices.Values, communes),
                    Text = $"Đã thực hiện nội dung «{task.Title}» {period.Label.ToLowerInvariant()} (dữ liệu minh họa).",
                    IsDone = true,
                });
            }
        }

        // Đa Lộc's survey of this year in progress, with figures, and a problem for the office to answer.
        var survey = tasks.Single(t => t.CommuneId == daLoc.Id && t.Title.StartsWith("Rà soát", StringComparison.Ordinal));
        var surveyPeriod = TaskSchedules.PeriodOf(survey.Schedule, today);
        if (surveyPeriod.Due >= today.AddDays(-10))
        {
            db.TaskReports.Add(new TaskReport
            {
                TaskId = survey.Id,
                PeriodStart = surveyPeriod.Start,
                PeriodLabel = surveyPeriod.Label,
                ReportedAt = At(today.AddDays(-6)),
                UserId = users["canbo.chauthanh"].Id,
                UserName = users["canbo.chauthanh"].FullName,
                Text = "Đã khảo sát 7/9 ấp; ghi nhận các sản phẩm tiềm năng và hướng dẫn hai hộ đăng ký ý tưởng.",
                Figures = [new TaskReportFigure { Label = "Số sản phẩm tiềm năng khảo sát", Value = 12 }, new TaskReportFigure { Label = "Số hộ được hướng dẫn", Value = 5 }],
            });
        }

        var hoaMinhReport = tasks.Single(t => t.CommuneId == hoaMinh.Id && t.Title.StartsWith("Báo cáo kết quả", StringComparison.Ordinal));
        var lastQuarter = TaskSchedules.PeriodOf(hoaMinhReport.Schedule, today.AddMonths(-3));
        db.TaskReports.Add(new TaskReport
        {
            TaskId = hoaMinhReport.Id,
            PeriodStart = lastQuarter.Start,
            PeriodLabel = lastQuarter.Label,
            ReportedAt = At(today.AddDays(-4)),
            UserId = users["canbo.hoaminh"].Id,
            UserName = users["canbo.hoaminh"].FullName,
            Text = "Xã đã tuyên truyền tại 4 ấp và hướng dẫn HTX Du lịch cộng đồng Cồn Chim hoàn thiện phương án; báo cáo chưa đầy đủ số liệu.",
            Problem = "Đề nghị Phòng NN&PTNT hỗ trợ kinh phí in ấn bao bì, tem nhãn cho 2 sản phẩm tiềm năng của xã và cử cán bộ hướng dẫn lập phương án kinh doanh.",
            ProblemState = ProblemState.Open,
            Figures = [new TaskReportFigure { Label = "Số buổi tuyên truyền", Value = 4 }],
        });
        await db.SaveChangesAsync(ct);

        // This year's cycle.
        var subjects = await db.Subjects.ToDictionaryAsync(s => s.Name, s => s.Id, ct);
        var products = await db.Products.ToDictionaryAsync(p => p.Name, p => p.Id, ct);
        var categories = await db.ProductCategories.Where(c => c.ProductSet != null).ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        var byCode = communes.ToDictionary(c => c.Code);
        var office = users["vanphong"];
        foreach (var seed in Entries)
        {
            var entry = new CycleEntry
            {
                Year = today.Year,
                CommuneId = byCode[seed.Commune].Id,
                IdeaName = seed.Idea,
                ProposerName = seed.Proposer,
                SubjectId = seed.Subject is null ? null : subjects[seed.Subject],
                ProductId = seed.Product is null ? null : products[seed.Product],
                CategoryId = seed.Category is not null && categories.TryGetValue(seed.Category, out var category) ? category : null,
                Step = seed.Step,
                State = seed.State,
                ReturnReason = seed.State == CycleState.Returned ? seed.Reason : null,
                StepEnteredAt = At(today.AddDays(-seed.DaysInStep)),
                Description = "Dữ liệu minh họa.",
            };
            entry.Events.AddRange(History(seed, today, At, office));
            db.CycleEntries.Add(entry);
        }

        // One idea at the evaluation step, linked to its product in the open round.
        var inRound = await db.RoundProducts.Where(p => p.Round!.State == RoundState.Open)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.ProductId, p.Product!.Name, p.Product.SubjectId, p.Product.CommuneId, SubjectName = p.Product.Subject!.Name, p.Product.CategoryId })
            .FirstOrDefaultAsync(ct);
        if (inRound is not null)
        {
            var seed = new EntrySeed("", inRound.Name, inRound.SubjectName, null, null, null, CycleStep.Evaluation, CycleState.Active, 10);
            var entry = new CycleEntry
            {
                Year = today.Year,
                CommuneId = inRound.CommuneId,
                IdeaName = inRound.Name,
                ProposerName = inRound.SubjectName,
                SubjectId = inRound.SubjectId,
                ProductId = inRound.ProductId,
                CategoryId = inRound.CategoryId,
                RoundProductId = inRound.Id,
                Step = CycleStep.Evaluation,
                State = CycleState.Active,
                StepEnteredAt = At(today.AddDays(-10)),
                Description = "Dữ liệu minh họa.",
            };
            entry.Events.AddRange(History(seed, today, At, office));
            db.CycleEntries.Add(entry);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static string OwnerName(PlanTask task, IEnumerable<Office> offices, List<AdministrativeUnit> communes) =>
        task.OfficeId is { } id ? offices.Single(o => o.Id == id).Name : "UBND " + communes.Single(c => c.Id == task.CommuneId).Name;

    /// <summary>The moves that brought a demo entry where it is: a step every three weeks before its current one.</summary>
    private static List<CycleStepEvent> History(EntrySeed seed, DateOnly today, Func<DateOnly, int, DateTime> at, AppUser office)
    {
        var start = seed.State == CycleState.Returned ? CycleStep.FeasibilityReview : seed.Step;
        var steps = (int)start - (int)CycleStep.Communication + (seed.State is CycleState.Returned or CycleState.Completed or CycleState.Dropped ? 1 : 0);
        var day = today.AddDays(-seed.DaysInStep - (21 * steps));
        var events = new List<CycleStepEvent>
        {
            new() { ToStep = CycleStep.Communication, ToState = CycleState.Active, At = at(day, 9), UserName = office.FullName, UserId = office.Id, Note = "Ghi nhận qua khảo sát của xã." },
        };
        var position = new CyclePosition(CycleStep.Communication, CycleState.Active);
        while (position.Step < start)
        {
            day = day.AddDays(21);
            var next = CycleRules.Apply(position, CycleAction.Advance, linkedToRoundProduct: true)!.Value;
            events.Add(new() { Action = CycleAction.Advance, FromStep = position.Step, FromState = position.State, ToStep = next.Step, ToState = next.State, At = at(day, 9), UserName = office.FullName, UserId = office.Id });
            position = next;
        }

        if (seed.State != CycleState.Active)
        {
            var action = seed.State switch { CycleState.Returned => CycleAction.Return, CycleState.Completed => CycleAction.Advance, _ => CycleAction.Drop };
            var next = CycleRules.Apply(position, action, linkedToRoundProduct: true)!.Value;
            events.Add(new() { Action = action, FromStep = position.Step, FromState = position.State, ToStep = next.Step, ToState = next.State, At = at(today.AddDays(-seed.DaysInStep), 9), UserName = office.FullName, UserId = office.Id, Note = seed.Reason });
        }

        return events;
    }
}
