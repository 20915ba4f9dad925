using System.Globalization;
using Ocop.E2E.Infrastructure;
using Ocop.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ocop.E2E;

/// <summary>An evaluation round from its creation to the product's certificate, in a real browser with JavaScript off.</summary>
public sealed class EvaluationRoundTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Office = "vanphong";   // the province round's chair in the demo council
    private const string Member = "hoidong";
    private const string ProductName = "Bánh tét nhân chuối Đa Lộc";

    [Fact]
    public Task Two_members_score_the_chair_closes_and_the_product_shows_its_star_and_certificate() =>
        InBrowserAsync(async browser =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
            var office = await browser.NewPageAsync(Office);

            // The office sets up a province round under 26/2026: itself as chair, one member, one product found by
            // a search typed without diacritics.
            var form = await RoundFormPage.OpenAsync(office);
            var roundName = "Đợt thử nghiệm trình duyệt " + Guid.NewGuid().ToString("N")[..6];
            await form.Name.FillAsync(roundName);
            await form.ChooseLevelAsync("Cấp tỉnh");
            await form.ChooseProcessAsync("26/2026");
            await form.ChooseUnitAsync("Vĩnh Long");
            await form.OpensOn.FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await form.ClosesOn.FillAsync(today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            var round = await form.SaveAsync();
            await Expect(office).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Rounds/Details/\d+"));
            var roundId = round.Id;
            await round.AddMemberAsync(Office, "Chủ tịch hội đồng");
            await round.AddMemberAsync(Member, "Thành viên");
            await round.AddProductAsync("banh tet nhan chuoi", ProductName);
            await Expect(round.Flash).ToContainTextAsync("Đã thêm sản phẩm " + ProductName);

            // Each member scores and submits their own sheet.
            foreach (var (page, share) in new[] { (office, 0.8), (await browser.NewPageAsync(Member), 0.75) })
            {
                var details = await RoundDetailsPage.OpenAsync(page, roundId);
                var sheet = await details.OpenMySheetAsync();
                await sheet.AnswerEveryCriterionAsync(share);
                await sheet.SubmitAsync();
                // The sheet's running totals are status outputs too, so the message is found by its text.
                await Expect(sheet.Page.GetByText("Đã nộp phiếu.")).ToBeVisibleAsync();
            }

            // The chair closes the round.
            var results = await RoundResultsPage.OpenAsync(office, roundId);
            await results.CloseRoundAsync();
            await Expect(office.GetByText("Đã kết thúc đợt đánh giá. Kết quả đã được ghi nhận")).ToBeVisibleAsync();

            // The province's decision is recorded, which issues the certificate.
            var recognition = await RecognitionFormPage.OpenForRoundAsync(office, roundId);
            var decision = "E2E-" + Guid.NewGuid().ToString("N")[..6] + "/QĐ-UBND";
            await recognition.DecisionNumber.FillAsync(decision);
            await recognition.SignedOn.FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            // The issuer follows from the round's unit and the date; the signer is typed as printed.
            await recognition.Signatory.SelectOptionAsync("");
            await recognition.Signer.FillAsync("Nguyễn Văn A");
            await recognition.SignerTitle.FillAsync("Chủ tịch");
            await recognition.Product(ProductName).CheckAsync();
            await recognition.SaveAsync();
            await Expect(office).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Recognitions/Details/\d+"));

            // The product's ranking history shows the round's star and the certificate under the decision.
            var list = await recognition.GoToProductsAsync();
            await list.SearchAsync("banh tet nhan chuoi");
            var product = await list.OpenProductAsync(ProductName);
            var roundRow = product.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = roundName });
            await Expect(roundRow).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"[345] sao"));
            var certificateRow = product.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = decision });
            await Expect(certificateRow).ToContainTextAsync("Cấp tỉnh");
            await Expect(certificateRow.GetByRole(AriaRole.Link).First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"/OCOP-"));
        });

    [Fact]
    public Task Two_members_score_neither_sees_the_others_score_before_the_chair_closes_and_then_the_results_show_both() =>
        InBrowserAsync(async browser =>
        {
            const string product = "Thạch dừa Giồng Trôm";   // I.3.c, a coconut product of the former Bến Tre, on the corrected sheet
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
            var chair = await browser.NewPageAsync(Office);
            var form = await RoundFormPage.OpenAsync(chair);
            await form.Name.FillAsync("Đợt kín điểm " + Guid.NewGuid().ToString("N")[..6]);
            await form.ChooseLevelAsync("Cấp tỉnh");
            await form.ChooseProcessAsync("26/2026");
            await form.ChooseUnitAsync("Vĩnh Long");
            await form.OpensOn.FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await form.ClosesOn.FillAsync(today.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            var round = await form.SaveAsync();
            await Expect(chair).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Rounds/Details/\d+"));
            var roundId = round.Id;
            await round.AddMemberAsync(Office, "Chủ tịch hội đồng");
            await round.AddMemberAsync(Member, "Thành viên");
            await round.AddProductAsync("thach dua giong trom", product);

            // Each scores and submits; each reads their own total off their sheet.
            var member = await browser.NewPageAsync(Member);
            var totals = new Dictionary<IPage, string>();
            foreach (var (page, share) in new[] { (chair, 0.9), (member, 0.5) })
            {
                var sheet = await (await RoundDetailsPage.OpenAsync(page, roundId)).OpenMySheetAsync();
                await sheet.AnswerEveryCriterionAsync(share);
                await sheet.SubmitAsync();
                await Expect(sheet.Page.GetByText("Đã nộp phiếu.")).ToBeVisibleAsync();
                totals[page] = await sheet.TotalAsync();
            }

            Assert.NotEqual(totals[chair], totals[member]);

            // Before closing: each sees their own total and how many sheets are in, never the other's.
            foreach (var (page, other) in new[] { (chair, member), (member, chair) })
            {
                var results = await RoundResultsPage.OpenAsync(page, roundId);
                var section = results.Product(product);
                await Expect(section).ToContainTextAsync("Đã nộp 2/2 phiếu");
                await Expect(section).ToContainTextAsync("tổng điểm " + totals[page]);
                await Expect(section).Not.ToContainTextAsync(totals[other]);
            }

            // The chair closes; the results show both members' totals to both.
            var closing = await RoundResultsPage.OpenAsync(chair, roundId);
            await closing.CloseRoundAsync();
            await Expect(chair.GetByText("Đã kết thúc đợt đánh giá. Kết quả đã được ghi nhận")).ToBeVisibleAsync();
            foreach (var page in new[] { chair, member })
            {
                var results = await RoundResultsPage.OpenAsync(page, roundId);
                await Expect(results.MemberRow(product, "Trần Thị Mai")).ToContainTextAsync(totals[chair]);
                await Expect(results.MemberRow(product, "Phạm Minh Tâm")).ToContainTextAsync(totals[member]);
            }
        });
}
