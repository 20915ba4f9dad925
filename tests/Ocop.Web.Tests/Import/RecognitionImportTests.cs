using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Import;
using Ocop.Web.Tests.Infrastructure;
using R = Ocop.Web.Features.Import.RecognitionRows;

namespace Ocop.Web.Tests.Import;

/// <summary>
/// The office imports its past recognition decisions with their certificates: each row goes through the decision form's
/// use case as a decision transcribed from paper, rows of one decision make one decision, printed numbers are kept, the
/// decision and certificates are frozen as issued and show where certificates show; exactly the faulty rows are
/// refused, and the same file again creates nothing.
/// </summary>
public class RecognitionImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static Dictionary<string, string> Row(string certificate, string decision, string signedOn, string level, string product, string subject, string stars, string commune = "", string issuer = "", string score = "", string expiresOn = "") => new()
    {
        [R.CertificateNumber] = certificate,
        [R.DecisionNumber] = decision,
        [R.SignedOn] = signedOn,
        [R.LevelColumn] = level,
        [R.Issuer] = issuer,
        [R.Product] = product,
        [R.Subject] = subject,
        [R.Commune] = commune,
        [R.Stars] = stars,
        [R.Score] = score,
        [R.ExpiresOn] = expiresOn,
    };

    [Fact]
    public async Task A_list_of_past_decisions_refuses_exactly_the_faulty_rows_keeps_printed_numbers_and_a_second_import_creates_nothing()
    {
        var office = await app.As(Demo.ProgramOffice);
        using (var template = await office.GetAsync($"/Import?handler=Template&kind={nameof(ImportKind.Recognitions)}"))
        {
            Assert.Equal(HttpStatusCode.OK, template.StatusCode);
            var headers = ImportFiles.Read(await template.Content.ReadAsByteArrayAsync());
            Assert.NotNull(headers);
        }

        var tag = Guid.NewGuid().ToString("N")[..5];
        var decision = $"2150/QĐ-UBND-{tag}";
        var (first, second) = ($"GCN-847-{tag}-01", $"GCN-847-{tag}-02");
        var recordedNumber = await app.QueryAsync(db => db.Certificates.OrderBy(c => c.Id).Select(c => c.Number).FirstAsync());
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var file = ImportFiles.Xlsx(
        [
            Row(first, decision, "10/05/2024", "Cấp huyện", Demo.BanhTetNhanChuoi, Demo.BaNam, "3", score: "62,5"),
            Row(second, decision, "10/05/2024", "Cấp huyện", Demo.BanhTetMyChanh, Demo.UtHien, "3", commune: Demo.MyChanh, issuer: "UBND huyện Châu Thành", expiresOn: "10/05/2027"),
            Row($"GCN-{tag}-03", decision, "10/05/2024", "Cấp huyện", "Bánh tét không có trong sổ", Demo.BaNam, "3"),            // unknown product
            Row(second, $"77/QĐ-{tag}", "12/06/2024", "Cấp huyện", Demo.BanhTetLaCam, Demo.BaNam, "3"),                           // row 3's number again
            Row($"GCN-{tag}-05", $"78/QĐ-{tag}", tomorrow, "Cấp huyện", Demo.BanhTetLaCam, Demo.BaNam, "3"),                       // a date in the future
            Row($"GCN-{tag}-06", $"79/QĐ-{tag}", "12/06/2024", "Cấp huyện", Demo.BanhTetLaCam, Demo.BaNam, "7"),                   // no such star
            Row(recordedNumber, $"80/QĐ-{tag}", "12/06/2024", "Cấp huyện", Demo.BanhTetLaCam, Demo.BaNam, "3"),                    // number already recorded
            Row($"GCN-{tag}-08", $"81/QĐ-{tag}", "12/06/2024", "Cấp huyện", Demo.BanhTetLaCam, Demo.BaNam, "3", issuer: "UBND tỉnh Bến Tre"), // not its issuer
        ]);
        var before = await app.QueryAsync(async db => (await db.Recognitions.CountAsync(), await db.Certificates.CountAsync(), await db.IssuedDocuments.CountAsync()));
        var dryRun = await ImportFiles.DryRunAsync(office, nameof(ImportKind.Recognitions), file);
        var outcomes = await ImportFiles.OutcomesAsync(office, dryRun);
        Assert.True(outcomes.Take(2).All(o => o["Kết quả"] == "Thêm mới"), string.Join(" | ", outcomes.Select(o => o["Lý do"])));
        Assert.Equal(["Thêm mới", "Thêm mới", "Từ chối", "Từ chối", "Từ chối", "Từ chối", "Từ chối", "Từ chối"], outcomes.Select(o => o["Kết quả"]));
        Assert.Contains("không phải sản phẩm của", outcomes[2]["Lý do"], StringComparison.Ordinal);
        Assert.Contains("Trùng với dòng 3", outcomes[3]["Lý do"], StringComparison.Ordinal);
        Assert.Contains("Ngày ký không được sau ngày hôm nay", outcomes[4]["Lý do"], StringComparison.Ordinal);
        Assert.Contains(R.Stars + ": Hạng sao 7 không có", outcomes[5]["Lý do"], StringComparison.Ordinal);
        Assert.Contains("Số giấy chứng nhận này đã có", outcomes[6]["Lý do"], StringComparison.Ordinal);
        Assert.Contains(R.Issuer + ": \"UBND tỉnh Bến Tre\" không phải cơ quan ban hành", outcomes[7]["Lý do"], StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryAsync(async db => (await db.Recognitions.CountAsync(), await db.Certificates.CountAsync(), await db.IssuedDocuments.CountAsync())));

        await ImportFiles.CommitAsync(office, dryRun);
        var recognition = await app.QueryAsync(db => db.Recognitions.AsNoTracking().Include(r => r.Certificates).SingleAsync(r => r.DecisionNumber == decision));
        Assert.True(recognition.Transcribed);
        Assert.Equal((new DateOnly(2024, 5, 10), EvaluationLevel.District), (recognition.SignedOn, recognition.Level));
        Assert.Equal([first, second], recognition.Certificates.OrderBy(c => c.Number).Select(c => c.Number));
        var certificate = recognition.Certificates.Single(c => c.Number == first);
        Assert.Equal((3, 6250, new DateOnly(2024, 5, 10)), (certificate.Stars, certificate.ScoreHundredths!.Value, certificate.IssuedOn));
        Assert.Equal(new DateOnly(2027, 5, 10), recognition.Certificates.Single(c => c.Number == second).ExpiresOn);
        Assert.Equal((before.Item1 + 1, before.Item2 + 2, before.Item3 + 3),
            await app.QueryAsync(async db => (await db.Recognitions.CountAsync(), await db.Certificates.CountAsync(), await db.IssuedDocuments.CountAsync())));
        Assert.Equal(Demo.ProgramOffice, (await app.AuditAsync(nameof(Recognition), recognition.Id))[0].UserName);

        // Frozen as issued with both certificates, and shown where certificates show: the decision, the certificate, the public product page.
        var decisionPage = Html.Text(await office.GetPageAsync($"/Recognitions/Details/{recognition.Id}"));
        Assert.Contains(first, decisionPage, StringComparison.Ordinal);
        Assert.Contains(second, decisionPage, StringComparison.Ordinal);
        Assert.Contains("Chép từ quyết định giấy đã ban hành", decisionPage, StringComparison.Ordinal);
        Assert.Contains(first, Html.Text(await office.GetPageAsync($"/Certificates/Details/{certificate.Id}")), StringComparison.Ordinal);
        var visitor = app.NewClient();
        using (var moved = await visitor.GetAsync($"/san-pham/{await app.ProductIdAsync(Demo.BanhTetMyChanh)}"))
        {
            Assert.Contains(second, Html.Text(await visitor.GetPageAsync(moved.Location())), StringComparison.Ordinal);
        }

        var again = await ImportFiles.OutcomesAsync(office, await ImportFiles.CommitAsync(office, await ImportFiles.DryRunAsync(office, nameof(ImportKind.Recognitions), file)));
        Assert.Equal(["Không đổi", "Không đổi"], again.Take(2).Select(o => o["Kết quả"]));
        Assert.Equal(0, again.Count(o => o["Kết quả"] is "Thêm mới" or "Cập nhật"));
        Assert.Equal((before.Item1 + 1, before.Item2 + 2, before.Item3 + 3),
            await app.QueryAsync(async db => (await db.Recognitions.CountAsync(), await db.Certificates.CountAsync(), await db.IssuedDocuments.CountAsync())));
    }

    [Fact]
    public void The_import_command_knows_the_recognitions_kind() =>
        Assert.Equal(ImportKind.Recognitions, ImportCommand.Kinds["recognitions"]);
}
