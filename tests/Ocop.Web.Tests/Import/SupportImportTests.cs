using System.Net;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Features.Import;
using Ocop.Web.Tests.Infrastructure;
using S = Ocop.Web.Features.Import.SupportRows;

namespace Ocop.Web.Tests.Import;

/// <summary>
/// The office imports its list of support given: rows go through the support form's use case, so they are refused for
/// the same reasons (brand support without a product, paid more than committed), a subject not yet recorded is refused,
/// the same file again changes nothing.
/// </summary>
public class SupportImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static Dictionary<string, string> Row(string subject, string kind, string description, string on, string amount = "", string paid = "", string source = "", string product = "") => new()
    {
        [S.Subject] = subject,
        [S.KindColumn] = kind,
        [S.Description] = description,
        [S.On] = on,
        [S.Amount] = amount,
        [S.Paid] = paid,
        [S.Source] = source,
        [S.Product] = product,
    };

    [Fact]
    public async Task A_list_of_support_refuses_exactly_the_faulty_rows_and_a_second_import_changes_nothing()
    {
        var office = await app.As(Demo.ProgramOffice);
        using (var template = await office.GetAsync($"/Import?handler=Template&kind={nameof(ImportKind.SupportRecords)}"))
        {
            Assert.Equal(HttpStatusCode.OK, template.StatusCode);
            Assert.True((await template.Content.ReadAsByteArrayAsync()).Length > 0);
        }

        var file = ImportFiles.Xlsx(
        [
            Row(Demo.BaNam, "Đào tạo, tập huấn", "Tập huấn an toàn thực phẩm 2024", "15/03/2024", "5.000.000", "5.000.000", "Khuyến nông"),
            Row(Demo.BaNam, "Xây dựng thương hiệu", "Thiết kế logo", "20/04/2024", "3.000.000"),                                 // brand support needs a product
            Row("Hợp tác xã chưa ghi nhận", "Khác", "Hỗ trợ khác", "01/05/2024"),                                                 // subject not recorded
            Row(Demo.BaNam, "Bao bì, nhãn mác", "In bao bì", "02/05/2024", "1.000.000", "2.000.000"),                              // paid more than committed
            Row(Demo.BaNam, "Đào tạo, tập huấn", "Tập huấn an toàn thực phẩm 2024", "15/03/2024", "5.000.000", "5.000.000", "Khuyến nông"),   // row 2 again
            Row(Demo.BaNam, "Bao bì, nhãn mác", "Nhãn mác sản phẩm", "10/06/2024", "2.000.000", "", "Nguồn lạ"),                   // unknown source
        ]);
        var before = await app.QueryAsync(db => db.SupportRecords.CountAsync());
        var dryRun = await ImportFiles.DryRunAsync(office, nameof(ImportKind.SupportRecords), file);
        var outcomes = await ImportFiles.OutcomesAsync(office, dryRun);
        Assert.Equal(["Thêm mới", "Từ chối", "Từ chối", "Từ chối", "Từ chối", "Từ chối"], outcomes.Select(o => o["Kết quả"]));
        Assert.Contains("Sản phẩm", outcomes[1]["Lý do"], StringComparison.Ordinal);
        Assert.Contains("chưa có trong hệ thống", outcomes[2]["Lý do"], StringComparison.Ordinal);
        Assert.Contains("Số đã chi không lớn hơn kinh phí", outcomes[3]["Lý do"], StringComparison.Ordinal);
        Assert.Contains("Trùng với dòng 2", outcomes[4]["Lý do"], StringComparison.Ordinal);
        Assert.Contains(S.Source, outcomes[5]["Lý do"], StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryAsync(db => db.SupportRecords.CountAsync()));

        await ImportFiles.CommitAsync(office, dryRun);
        Assert.Equal(before + 1, await app.QueryAsync(db => db.SupportRecords.CountAsync()));
        var created = await app.QueryAsync(db => db.SupportRecords.Where(r => r.Description == "Tập huấn an toàn thực phẩm 2024")
            .Select(r => new { r.Id, r.AmountVnd, r.PaidVnd, r.Source, r.Subject!.Name }).SingleAsync());
        Assert.Equal((5_000_000L, 5_000_000L, Core.Support.FundingSource.AgriculturalExtension, Demo.BaNam), (created.AmountVnd!.Value, created.PaidVnd!.Value, created.Source!.Value, created.Name));
        Assert.Equal(Demo.ProgramOffice, Assert.Single(await app.AuditAsync("SupportRecord", created.Id)).UserName);

        var again = await ImportFiles.OutcomesAsync(office, await ImportFiles.DryRunAsync(office, nameof(ImportKind.SupportRecords), file));
        Assert.Equal("Không đổi", again[0]["Kết quả"]);
        Assert.Equal(0, again.Count(o => o["Kết quả"] is "Thêm mới" or "Cập nhật"));
    }
}
