using System.Globalization;
using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Evaluation;

/// <summary>
/// Every recognition is checked against the process in force on its date, and results are named as the law names them:
/// the decisions the issue found accepted are refused with the reason; a paper decision under old rules is recorded only
/// as transcribed; a province's 90+ is "đề xuất công nhận 5 sao" on the page, in the minutes and in the API.
/// </summary>
public class RecognitionRulesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    [Theory]
    [InlineData("2026-06-01", "District", "3", null, false, "Input.Level", "không thể của cấp huyện")]           // districts no longer exist
    [InlineData("TODAY", "Province", "5", "92", false, "", "sản phẩm 5 sao do cấp trung ương công nhận")]         // 5★ is the ministry's
    [InlineData("2024-05-10", "District", "4", null, true, "", "sản phẩm 4 sao do cấp tỉnh công nhận")]          // under 148 the province's
    [InlineData("TODAY", "Province", "3", "45", false, "", "Hạng 3 sao cần từ 50 điểm; điểm 45 chỉ đạt 2 sao.")]
    public async Task A_decision_entered_by_hand_that_breaks_the_rules_of_its_date_is_refused_with_the_reason(
        string signedOn, string level, string stars, string? score, bool transcribed, string field, string reason)
    {
        var office = await app.As(Demo.ProgramOffice);
        var product = await app.ProductIdAsync(Demo.BanhTetLaCam);
        var before = await app.QueryAsync(async db => (await db.Recognitions.CountAsync(), await db.Certificates.CountAsync()));
        var form = await office.GetFormAsync("/Recognitions/Create");
        form.Set("Input.DecisionNumber", "R-" + Tag() + "/QĐ-UBND").Set("Input.SignedOn", signedOn == "TODAY" ? EvaluationData.Iso(EvaluationData.Today) : signedOn)
            .Set("Input.Level", level).Set("Input.Signer", "Nguyễn Văn A").Set("Input.SignerTitle", "Chủ tịch")
            .Set("Input.Rows[0].ProductId", product.ToString(CultureInfo.InvariantCulture)).Set("Input.Rows[0].Stars", stars).Set("Input.Rows[0].Score", score)
            .Set("Input.Rows[0].CertificateNumber", transcribed ? "GCN-" + Tag() : null).Set("Input.Transcribed", transcribed ? "true" : null);

        using var response = await office.PostFormAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var messages = field.Length == 0 ? Html.SummaryErrors(html) : [Html.FieldErrors(html)[field]];
        Assert.Contains(messages, m => m.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(before, await app.QueryAsync(async db => (await db.Recognitions.CountAsync(), await db.Certificates.CountAsync())));
    }

    [Fact]
    public async Task A_paper_decision_under_old_rules_is_recorded_only_as_transcribed_with_its_printed_numbers_never_issued_anew()
    {
        var office = await app.As(Demo.ProgramOffice);
        var product = await app.ProductIdAsync(Demo.BanhTetNhanChuoi);
        var number = "2150/QĐ-UBND-" + Tag();
        var printed = "GCN-847-" + Tag();
        var form = await office.GetFormAsync("/Recognitions/Create");
        form.Set("Input.DecisionNumber", number).Set("Input.SignedOn", "2024-05-10").Set("Input.Level", "District")
            .Set("Input.Signer", "Huỳnh Văn Lộc").Set("Input.SignerTitle", "Chủ tịch")
            .Set("Input.Rows[0].ProductId", product.ToString(CultureInfo.InvariantCulture)).Set("Input.Rows[0].Stars", "3").Set("Input.Rows[0].Score", "62,5")
            .Set("Input.Rows[0].CertificateNumber", printed);

        // A district's decision breaks today's rules (districts no longer exist): not as a decision issued here.
        using (var refused = await office.PostFormAsync(form))
        {
            Assert.Contains("chỉ ghi nhận như bản chép từ quyết định giấy", Html.FieldErrors(await refused.Content.ReadAsStringAsync())["Input.Transcribed"], StringComparison.Ordinal);
        }

        form.Set("Input.Transcribed", "true");
        using var created = await office.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Html.IdFromLocation(created, "/Recognitions/Details/");
        var recognition = await app.QueryAsync(db => db.Recognitions.AsNoTracking().Include(r => r.Certificates).SingleAsync(r => r.Id == id));
        Assert.True(recognition.Transcribed);
        Assert.Equal((number, EvaluationLevel.District, printed), (recognition.DecisionNumber, recognition.Level, recognition.Certificates.Single().Number));
        Assert.Contains("Chép từ quyết định giấy đã ban hành", Html.Text(await office.GetPageAsync($"/Recognitions/Details/{id}")), StringComparison.Ordinal);
        using var docx = await office.GetAsync($"/Recognitions/Details/{id}?handler=Docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("Bản chép từ quyết định giấy số " + number, document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_province_result_of_90_or_more_is_proposed_for_5_stars_on_the_page_in_the_minutes_and_in_the_api_never_5_sao()
    {
        var round = await TestRound.CreateAsync(app);
        var chair = await round.AddMemberAsync(CouncilPosition.Chair);
        var second = await round.AddMemberAsync(CouncilPosition.Member);
        var third = await round.AddMemberAsync(CouncilPosition.Secretary);
        var product = await round.AddProductAsync(Demo.BanhTetNhanChuoi);
        foreach (var member in new[] { chair, second, third })
        {
            await round.ScoreOkAsync(member, product, await round.AnswersAsync(product, 1.0));
        }

        await round.CloseAsync(chair);
        var stored = await app.QueryAsync(db => db.RoundProducts.AsNoTracking().SingleAsync(p => p.Id == product));
        Assert.Equal((LevelOutcomeKind.ProposedOnward, true), (stored.Outcome!.Value, stored.PotentialFiveStar));

        var office = await app.As(Demo.ProgramOffice);
        var results = Html.Text(await office.GetPageAsync($"/Rounds/{round.Id}/Results"));
        Assert.Contains("Đề xuất công nhận 5 sao", results, StringComparison.Ordinal);
        Assert.DoesNotContain("5 sao (đủ điều kiện công nhận)", results, StringComparison.Ordinal);
        Assert.DoesNotContain("data-star", results, StringComparison.Ordinal);

        using var minutes = await office.GetAsync($"/Rounds/{round.Id}/Minutes");
        using var document = WordprocessingDocument.Open(new MemoryStream(await minutes.Content.ReadAsByteArrayAsync()), false);
        var text = string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        Assert.Contains("kết quả: Đề xuất công nhận 5 sao", text, StringComparison.Ordinal);
        Assert.DoesNotContain("xếp hạng: 5 sao", text, StringComparison.Ordinal);

        var productId = await app.ProductIdAsync(Demo.BanhTetNhanChuoi);
        using var api = await office.GetAsync($"/api/v1/products/{productId}/rankings");
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        var entry = json.RootElement.GetProperty("rounds").EnumerateArray().Single(r => r.GetProperty("roundId").GetInt32() == round.Id);
        Assert.Equal("ProposedFiveStar", entry.GetProperty("outcome").GetString());
        Assert.Equal("Đề xuất công nhận 5 sao", entry.GetProperty("outcomeName").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("star").ValueKind);
        Assert.Equal(5, entry.GetProperty("proposedStar").GetInt32());
        Assert.DoesNotContain("\"star\":5", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Đề xuất công nhận 5 sao", Html.Text(await office.GetPageAsync($"/Products/Details/{productId}")), StringComparison.Ordinal);

        // Nothing to recognise at the province: the 5★ is the ministry's.
        var decision = await office.GetFormAsync($"/Recognitions/Create?round={round.Id}");
        Assert.Empty(decision.Values("Input.Selected"));
    }
}
