using System.Globalization;
using System.Text.RegularExpressions;
using Ocop.E2E.Infrastructure;
using Ocop.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ocop.E2E;

/// <summary>
/// A council member's sheet with the page's own script on: scoring with the keyboard only, a draft save that stays at
/// the same criterion, and the panel of totals that stays in view at 1366 × 768 and on a 390 × 844 phone.
/// </summary>
public sealed class ScoresheetTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Office = "vanphong";
    private const string Member = "hoidong";
    private const string ProductName = "Bánh tét lá cẩm Đa Lộc";

    [Fact]
    public Task A_member_scores_with_the_keyboard_saves_a_draft_in_place_and_keeps_the_totals_in_view() =>
        InBrowserAsync(async browser =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
            var office = await browser.NewPageAsync(Office);
            var form = await RoundFormPage.OpenAsync(office);
            await form.Name.FillAsync("Đợt chấm bằng bàn phím " + Guid.NewGuid().ToString("N")[..6]);
            await form.ChooseLevelAsync("Cấp tỉnh");
            await form.ChooseProcessAsync("26/2026");
            await form.ChooseUnitAsync("Vĩnh Long");
            await form.OpensOn.FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await form.ClosesOn.FillAsync(today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            var round = await form.SaveAsync();
            await Expect(office).ToHaveURLAsync(new Regex(@"/Rounds/Details/\d+"));
            var roundId = round.Id;
            await round.AddMemberAsync(Office, "Chủ tịch hội đồng");
            await round.AddMemberAsync(Member, "Thành viên");
            await round.AddProductAsync("banh tet la cam", ProductName);
            await Expect(round.Flash).ToContainTextAsync("Đã thêm sản phẩm " + ProductName);

            var page = await browser.NewPageAsync(Member, o => o.JavaScriptEnabled = true);
            await page.SetViewportSizeAsync(1366, 768);
            var sheet = await (await RoundDetailsPage.OpenAsync(page, roundId)).OpenMySheetAsync();
            var sheetUrl = page.Url;
            await Expect(sheet.Total).ToHaveTextAsync("0");

            // Keyboard only: the panel's link goes to the first criterion still to answer, Tab enters its options,
            // an arrow key chooses, Tab moves on to the next criterion.
            await sheet.FirstUnanswered.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex("#tc-A1\\.1$"));
            foreach (var number in new[] { "1.1.", "1.2.", "1.3." })
            {
                await page.Keyboard.PressAsync("Tab");
                await Expect(sheet.Criterion(number).Locator("input:focus")).ToHaveCountAsync(1);
                await page.Keyboard.PressAsync("ArrowDown");
                await Expect(sheet.Criterion(number).Locator("input:checked")).ToHaveCountAsync(1);
                // Where the keyboard is shows: an outline on the focused option.
                var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
                Assert.NotEqual("none", outline);
            }

            await Expect(sheet.Total).Not.ToHaveTextAsync("0");
            var totalBeforeSave = await sheet.TotalAsync();

            // Save the draft from the keyboard while at criterion 1.3: no reload, no jump, the place and focus kept.
            await page.EvaluateAsync("() => { window.notReloaded = true; }");
            var criterion = sheet.Criterion("1.3.");
            await criterion.ScrollIntoViewIfNeededAsync();
            var before = await page.EvaluateAsync<double>("() => window.scrollY");
            await sheet.PanelSave.FocusAsync();
            var saved = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
            Assert.Equal(200, saved.Status);
            await Expect(sheet.SaveStatus).ToContainTextAsync("Đã lưu nháp");
            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded by the save");
            Assert.Equal(sheetUrl.Split('#')[0], page.Url.Split('#')[0]);
            Assert.Equal(before, await page.EvaluateAsync<double>("() => window.scrollY"));
            await Expect(criterion).ToBeInViewportAsync();
            await Expect(sheet.PanelSave).ToBeFocusedAsync();
            await Expect(page.Locator("[data-sheet-state]")).ToHaveTextAsync("Đang chấm (nháp)");

            // A second save goes through too (the script took the new version), then a reload shows what was saved.
            var savedAgain = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
            Assert.Equal(200, savedAgain.Status);
            await Expect(sheet.SaveStatus).ToContainTextAsync("Đã lưu nháp");
            await page.ReloadAsync();
            await Expect(sheet.Total).ToHaveTextAsync(totalBeforeSave);
            await Expect(sheet.Criterion("1.3.").Locator("input:checked")).ToHaveCountAsync(1);

            // The totals stay in view while scrolling, on a laptop and on a phone.
            foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
            {
                await page.SetViewportSizeAsync(width, height);
                foreach (var share in new[] { 0.3, 0.6, 1.0 })
                {
                    await page.EvaluateAsync("s => window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) * s)", share);
                    await Expect(sheet.Total).ToBeInViewportAsync();
                    var box = await sheet.Panel.BoundingBoxAsync();
                    Assert.NotNull(box);
                    Assert.True(box.Y >= -1 && box.Y + box.Height <= height + 1, $"{width}×{height} at {share}: panel at {box.Y}+{box.Height}");
                }

                var panelHeight = (await sheet.Panel.BoundingBoxAsync())!.Height;
                if (width < 600)
                {
                    Assert.True(panelHeight < height * 0.3, $"the phone's panel takes {panelHeight} of {height} px");
                }

                var sideways = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                Assert.True(sideways <= 0, $"{width} px: the sheet scrolls {sideways} px sideways");
            }
        });
}
