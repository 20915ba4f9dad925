using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Import;
using Ocop.Web.Tests.Infrastructure;
using P = Ocop.Web.Features.Import.ProductRows;

namespace Ocop.Web.Tests.Import;

/// <summary>
/// The province office imports the real OCOP products of the former Trà Vinh (shared/domain/products-tra-vinh.md) from
/// an XLSX with deliberate faults: exactly those rows are refused, with their reasons; the rest is committed; the same
/// file again creates nothing; a commit stopped part-way leaves nothing written.
/// </summary>
public class ProductImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string FutureDate = DateTime.UtcNow.AddHours(7).AddDays(30).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    // Product, subject, legal form, representative, subject address, registration date, commune, former district, group, GTIN.
    private static readonly string[][] RealProducts =
    [
        ["Gạo hữu cơ Long Hòa – Hòa Minh", "Hợp tác xã Tiến Thành", "HTX", "", "", "", "Long Hòa", "Châu Thành", "I.2.a", ""],
        ["Điểm du lịch cộng đồng Cồn Chim", "Hợp tác xã Du lịch cộng đồng Cồn Chim", "HTX", "", "", "", "Hòa Minh", "Châu Thành", "VI.1", ""],
        ["Giấm mật hoa dừa", "Công ty TNHH Trà Vinh Farm", "Công ty TNHH", "Giám đốc", "Ấp Cây Hẹ", "15/03/2018", "Phú Cần", "Tiểu Cần", "I.4.a", "8936012345674"],
        ["Mật hoa dừa lên men", "Công ty TNHH Trà Vinh Farm", "", "", "", "", "Phú Cần", "Tiểu Cần", "I.2.b", ""],
        ["Đường hoa dừa", "Công ty TNHH Trà Vinh Farm", "", "", "", "", "Phú Cần", "Tiểu Cần", "I.2.b", ""],
        ["Mật hoa dừa", "Công ty TNHH Trà Vinh Farm", "", "", "", "", "Phú Cần", "Tiểu Cần", "I.2.b", ""],
        ["Nước uống mật hoa dừa", "Công ty TNHH Trà Vinh Farm", "", "", "", "", "Phú Cần", "Tiểu Cần", "II.2.b", ""],
        ["Dừa sáp Hòa Tân", "Hợp tác xã Dừa sáp Hòa Tân", "HTX", "Giám đốc", "Ấp Châu Hưng", "10/01/2019", "Hoà Tân", "Cầu Kè", "I.1.a", ""],
        ["Dừa sáp sợi VICOSAP", "Công ty TNHH Chế biến dừa sáp Cầu Kè", "Công ty TNHH", "Giám đốc", "Ấp Phú Thọ", "20/05/2017", "Thạnh Phú", "Cầu Kè", "I.3.c", ""],
        ["Dừa sáp Bảo Châu", "Công ty TNHH Chế biến dừa sáp Cầu Kè", "", "", "", "", "Thạnh Phú", "Cầu Kè", "I.1.a", "8936012345672"],   // bad GTIN check digit
        ["Bánh tét 3 màu", "Hộ kinh doanh Mai Hoàng Lý", "HKD", "Mai Hoàng Lý", "Ấp Trà Cuôn", "02/02/2016", "Kim Hòa", "Cầu Ngang", "I.3.b", ""],
        ["Bánh tét bồ ngót", "Hộ kinh doanh Mai Hoàng Lý", "", "", "", "", "Kim Hòa", "Cầu Ngang", "I.3.b", ""],
        ["Đàn guitar phím lõm", "Hộ kinh doanh Võ Văn Nam", "HKD", "Võ Văn Nam", "Ấp Thượng", "12/06/2015", "Đại Phước", "Càng Long", "IV.1", ""],
        ["Tinh dầu gấc", "Công ty TNHH Đồng Phát Dophaco", "Công ty TNHH", "Giám đốc", "Ấp Mỹ Cẩm", "01/09/2016", "Mỹ Cẩm", "Càng Long", "III.3", ""],
        ["Viên uống đẹp da DOPHA BEAUTY", "Công ty TNHH Đồng Phát Dophaco", "", "", "", "", "Mỹ Cẩm", "Càng Long", "III.1", ""],
        ["Cốm gạo", "Hộ kinh doanh Đặng Văn Sơn", "HKD", "Đặng Văn Sơn", "Ấp Mỹ Cẩm", "05/07/2019", "Mỹ Cẩm", "Càng Long", "I.3.b", ""],
        ["Gạo sạch thượng hạng", "HTX Dịch vụ Nông nghiệp Huyền Hội", "HTX", "Giám đốc", "Ấp Huyền Hội", "14/04/2018", "Huyền Hội", "Càng Long", "I.2.a", ""],
        ["Gạo tím Huyền Hội", "HTX Dịch vụ Nông nghiệp Huyền Hội", "", "", "", "", "Huyền Hội", "Càng Long", "I.2.a", ""],
        ["Quýt đường", "HTX Quýt đường Thuận Phú", "HTX", "Giám đốc", "Ấp Thuận Phú", "11/11/2019", "Bình Phú", "Càng Long", "I.1.a", ""],
        ["Chả hoa", "Hộ kinh doanh Nguyễn Thị Trúc Loan", "HKD", "Nguyễn Thị Trúc Loan", "Ấp Long Bình B", "03/03/2014", "Phường 4", "Thành phố Trà Vinh", "I.3.d", ""],
        ["Lạp xưởng Vạn Thành", "Hộ kinh doanh Thái Phúc Thành", "HKD", "Thái Phúc Thành", "Khóm 3", "08/08/2012", "Phường 6", "Thành phố Trà Vinh", "I.3.d", ""],   // no Phường 6 in the registry
        ["Trà Sâm Đinh Lăng", "Công ty TNHH MTV Thương mại – Sản xuất Phú Quới", "Công ty TNHH MTV", "Giám đốc", "Khóm 1", "22/02/2017", "Phường 7", "Thành phố Trà Vinh", "I.5.b", ""],
        ["Trà Hoa đậu biếc", "Công ty TNHH MTV Thương mại – Sản xuất Phú Quới", "", "", "", "", "Phường 7", "Thành phố Trà Vinh", "I.5.b", ""],
        ["Gạo Quê tôi", "Doanh nghiệp tư nhân Thuận Thiên Trà Vinh", "DNTN", "Nguyễn Thị Ngọc Diệu", "Ấp Ngọc Biên", "09/09/2018", "Ngọc Biên", "Trà Cú", "I.2.a", ""],
        ["Bưởi da xanh", "HTX nông nghiệp Ninh Thới", "HTX", "Giám đốc", "Ấp Ninh Thới", "16/10/2017", "Ninh Thới", "Cầu Kè", "I.1.a", ""],
        ["Yến sào", "Cơ sở Yến sào Phú Hòa – Trà Vinh", "", "Chủ cơ sở", "Khóm 2", "01/01/2018", "Phường 1", "Thành phố Trà Vinh", "I.2.b", ""],   // missing legal form
        ["Khô cá lưỡi trâu nguyên con một nắng", "Công ty TNHH MTV Hồng Liên TV", "Công ty TNHH MTV", "Giám đốc", "Khóm 1", FutureDate, "Phường 1", "Thị xã Duyên Hải", "I.3.d", ""],   // a date in the future
        ["Giấm mật hoa dừa", "Công ty TNHH Trà Vinh Farm", "Công ty TNHH", "Giám đốc", "Ấp Cây Hẹ", "15/03/2018", "Phú Cần", "Tiểu Cần", "I.4.a", "8936012345674"],   // the third row again
    ];

    /// <summary>Row numbers in the sheet (the header is row 1) of the faults, with a word of the reason each must give.</summary>
    private static readonly Dictionary<int, string> Faults = new()
    {
        [11] = "GTIN",
        [22] = "Phường 6",
        [27] = "loại hình",
        [28] = "sau hôm nay",
        [29] = "Trùng với dòng 4",
    };

    public static IEnumerable<IReadOnlyDictionary<string, string>> Rows(IEnumerable<string[]> products) => products.Select(p => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
    {
        [P.Name] = p[0],
        [P.Subject] = p[1],
        [P.Form] = p[2],
        [P.Representative] = p[3],
        [P.Address] = p[4],
        [P.RegisteredOn] = p[5],
        [P.Commune] = p[6],
        [P.District] = p[7],
        [P.Group] = p[8],
        [P.Gtin] = p[9],
        [P.Status] = "Đã xếp hạng",
    });

    [Fact]
    public async Task The_real_list_with_faults_refuses_exactly_those_rows_commits_the_rest_and_a_second_import_creates_nothing()
    {
        var office = await app.As(Demo.ProgramOffice);
        var file = ImportFiles.Xlsx(Rows(RealProducts));
        var before = await app.CountsAsync();

        var dryRun = await ImportFiles.DryRunAsync(office, nameof(ImportKind.Products), file);
        var outcomes = await ImportFiles.OutcomesAsync(office, dryRun);
        Assert.Equal(before, await app.CountsAsync());   // a dry run writes nothing
        Assert.Equal(RealProducts.Length, outcomes.Count);
        var refused = outcomes.Select((o, i) => (Row: i + 2, o)).Where(x => x.o["Kết quả"] == "Từ chối").ToDictionary(x => x.Row, x => x.o["Lý do"]);
        Assert.True(Faults.Keys.Order().SequenceEqual(refused.Keys.Order()), string.Join(" | ", refused.Select(r => $"{r.Key}: {r.Value}")));
        foreach (var (row, word) in Faults)
        {
            Assert.Contains(word, refused[row], StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("Mã vạch GTIN", refused[11], StringComparison.Ordinal);
        Assert.Contains("Chủ thể mới: Loại hình chủ thể: Chọn loại hình.", refused[27], StringComparison.Ordinal);
        // The two records of the demo are found, not doubled; the others are new.
        Assert.Equal(RealProducts.Length - Faults.Count - 2, outcomes.Count(o => o["Kết quả"] == "Thêm mới"));

        var commit = await ImportFiles.CommitAsync(office, dryRun);
        var committed = await ImportFiles.OutcomesAsync(office, commit);
        Assert.Equal(outcomes.Select(o => o["Kết quả"]), committed.Select(o => o["Kết quả"]));
        var after = await app.CountsAsync();
        Assert.Equal(before.Products + RealProducts.Length - Faults.Count - 2, after.Products);
        // New subjects: Trà Vinh Farm, VICOSAP, Hòa Tân, Mai Hoàng Lý, Võ Văn Nam, Dophaco, Đặng Văn Sơn, Huyền Hội, Thuận Phú,
        // Trúc Loan, Phú Quới, Thuận Thiên, Ninh Thới; none for the refused rows (the subject of a refused product is taken back).
        Assert.Equal(before.Subjects + 13, after.Subjects);

        // Old names on old dates: the records stay in the former communes, which today's units cover.
        var chaHoa = await app.QueryAsync(db => db.Products.Where(p => p.Name == "Chả hoa").Select(p => new { p.Commune!.Code, p.Commune.ValidTo, p.Status }).SingleAsync());
        Assert.Equal("29236", chaHoa.Code);
        Assert.NotNull(chaHoa.ValidTo);
        var farm = await app.QueryAsync(db => db.Subjects.Where(s => s.Name == "Công ty TNHH Trà Vinh Farm").Select(s => new { s.LegalForm, s.RegisteredOn, s.Commune!.Code }).SingleAsync());
        Assert.Equal((Core.Registry.LegalForm.Company, new DateOnly(2018, 3, 15), "29347"), (farm.LegalForm, farm.RegisteredOn, farm.Code));
        var created = await app.QueryAsync(db => db.Products.Where(p => p.Name == "Bánh tét bồ ngót").Select(p => p.Id).SingleAsync());
        var audit = Assert.Single(await app.AuditAsync(nameof(Product), created));
        Assert.Equal((AuditAction.Created, Demo.ProgramOffice), (audit.Action, audit.UserName));

        // The same file again: every good row finds what it made; nothing is created or changed.
        var again = await ImportFiles.DryRunAsync(office, nameof(ImportKind.Products), file);
        var second = await ImportFiles.OutcomesAsync(office, again);
        Assert.Equal(0, second.Count(o => o["Kết quả"] is "Thêm mới" or "Cập nhật"));
        Assert.Equal(Faults.Count, second.Count(o => o["Kết quả"] == "Từ chối"));
        await ImportFiles.CommitAsync(office, again);
        Assert.Equal(after, await app.CountsAsync());
    }

    [Fact]
    public async Task A_commune_officer_imports_only_into_their_own_commune()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var file = ImportFiles.Xlsx(Rows(
        [
            ["Bánh phồng nếp Đa Lộc", "Hộ kinh doanh Bánh phồng Tư Lộc", "HKD", "Nguyễn Văn Lộc", "Ấp Phú Hòa", "05/05/2024", "Đa Lộc", "", "I.3.b", ""],
            ["Dừa sáp Cầu Kè", "Hộ kinh doanh Dừa sáp Út", "HKD", "Trần Văn Út", "Ấp Châu Hưng", "05/05/2024", "Hoà Tân", "Cầu Kè", "I.1.a", ""],
        ]));
        var outcomes = await ImportFiles.OutcomesAsync(officer, await ImportFiles.DryRunAsync(officer, nameof(ImportKind.Products), file));
        Assert.True(outcomes.Select(o => o["Kết quả"]).SequenceEqual(["Thêm mới", "Từ chối"]), string.Join(" | ", outcomes.Select(o => o["Lý do"])));
        Assert.Contains("Không tìm thấy xã", outcomes[1]["Lý do"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_stopped_part_way_through_5000_rows_leaves_nothing_written_and_a_full_commit_writes_them_all()
    {
        var rows = Enumerable.Range(0, 5000).Select(i => new[]
        {
            $"Sản phẩm thử {i:D4}", $"Hộ kinh doanh Thử nghiệm {i / 10:D3}", "HKD", "Người đại diện", "Ấp Một", "01/06/2023",
            (i % 3) switch { 0 => "Đa Lộc", 1 => "Mỹ Chánh", _ => "Thanh Mỹ" }, "Châu Thành", "I.3.b", "",
        }).ToList();
        var sheet = ImportSheet.Read(new MemoryStream(ImportFiles.Xlsx(Rows(rows)))).Sheet!;
        var before = await app.CountsAsync();
        using var stop = new CancellationTokenSource();
        var stopAt = new Stopper(stop, ImportRun.Batch * 4);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsAdminAsync(sheet, commit: true, stopAt, stop.Token));
        Assert.True(stopAt.Seen >= ImportRun.Batch * 4, "The commit was stopped after it had saved batches.");
        Assert.Equal(before, await app.CountsAsync());

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var report = await RunAsAdminAsync(sheet, commit: true, null, CancellationToken.None);
        watch.Stop();
        Assert.True(report.Count(RowStatus.Created) == 5000, string.Join(" | ", report.Rows.Where(r => r.Status == RowStatus.Refused).Take(3).SelectMany(r => r.Reasons)));
        var after = await app.CountsAsync();
        Assert.Equal((before.Products + 5000, before.Subjects + 500), (after.Products, after.Subjects));
        // The benchmark (bench/import.sh) measures on a quiet machine; here only a bound that a busy one keeps.
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(3), $"5,000 rows took {watch.Elapsed}.");
    }

    private async Task<ImportReport> RunAsAdminAsync(ImportSheet sheet, bool commit, IProgress<int>? progress, CancellationToken ct)
    {
        using var scope = app.Factory.Services.CreateScope();
        var admin = await app.UserIdAsync(Demo.Admin);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(admin, Demo.Admin);
        var user = new UserScope { UserId = admin, Role = Role.Administrator, CommuneIds = new HashSet<int>(), CoversEveryCommune = true };
        return await scope.ServiceProvider.GetRequiredService<ImportRun>().RunAsync(ImportKind.Products, "thu.xlsx", sheet, user, commit, progress, ct);
    }

    /// <summary>Stops the run once it has told this many rows done: as if the process were killed in the middle of its commit.</summary>
    private sealed class Stopper(CancellationTokenSource stop, int after) : IProgress<int>
    {
        public int Seen { get; private set; }

        public void Report(int value)
        {
            Seen = value;
            if (value >= after)
            {
                stop.Cancel();
            }
        }
    }
}
