using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Core.Evaluation;
using Ocop.E2E.Infrastructure;
using Ocop.E2E.Pages;
using Ocop.Web.Data;
using Ocop.Web.Features.Dossiers;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ocop.E2E;

/// <summary>
/// A council member's sheet beside the dossier: without any script, a document chosen in the list shows in the viewer
/// next to the criteria (the criteria stay where they were), on a phone it opens in a window of its own; and on a
/// 390 × 844 phone every link and button of the panel is a 44 px target and the sheet never scrolls sideways.
/// </summary>
public sealed class ScoresheetViewerTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Office = "vanphong";
    private const string Member = "hoidong";
    private const string ProductName = "Bánh tét lá cẩm Đa Lộc";
    private const string ImageName = "nhan-san-pham.png";
    private const string PdfName = "phieu-kiem-nghiem.pdf";

    [Fact]
    public Task A_member_reads_a_dossier_document_in_the_viewer_beside_the_criteria_without_script() =>
        InBrowserAsync(async browser =>
        {
            var roundId = await RoundWithMemberAsync(browser, "Đợt xem hồ sơ cạnh phiếu ");
            await AttachDossierAsync(roundId, ProductName);

            var page = await browser.NewPageAsync(Member);
            await page.SetViewportSizeAsync(1366, 768);
            var sheet = await (await RoundDetailsPage.OpenAsync(page, roundId)).OpenMySheetAsync();
            var sheetUrl = page.Url;
            var documents = page.GetByRole(AriaRole.Region, new() { Name = "Hồ sơ của sản phẩm" });
            var viewer = page.GetByTitle("Khung xem tài liệu hồ sơ");
            await Expect(viewer).ToBeVisibleAsync();

            // The member reads the label's photo: it shows in the frame, the sheet stays at its criterion.
            var criterion = sheet.Criterion("1.1.");
            await criterion.ScrollIntoViewIfNeededAsync();
            var scrolled = await page.EvaluateAsync<double>("() => window.scrollY");
            var shown = await page.RunAndWaitForResponseAsync(
                () => documents.GetByRole(AriaRole.Link, new() { Name = ImageName, Exact = true }).ClickAsync(),
                r => r.Url.Contains("/Dossiers/File/", StringComparison.Ordinal));
            Assert.Equal(200, shown.Status);
            var image = viewer.ContentFrame.Locator("img");
            await Expect(image).ToBeVisibleAsync();
            Assert.True(await image.EvaluateAsync<int>("i => i.naturalWidth") > 0, "the photo did not display in the viewer");

            Assert.Equal(sheetUrl, page.Url);
            Assert.Single(page.Context.Pages);
            Assert.Equal(scrolled, await page.EvaluateAsync<double>("() => window.scrollY"));
            await Expect(criterion).ToBeInViewportAsync();
            await Expect(viewer).ToBeInViewportAsync();
            var criterionBox = (await criterion.BoundingBoxAsync())!;
            var viewerBox = (await viewer.BoundingBoxAsync())!;
            Assert.True(viewerBox.X >= criterionBox.X + criterionBox.Width, $"the viewer ({viewerBox.X}) covers the criteria (to {criterionBox.X + criterionBox.Width})");
            Assert.True(viewerBox.Width >= 340 && viewerBox.Height >= 260, $"the viewer is {viewerBox.Width}×{viewerBox.Height}");

            // A PDF goes to the same frame, sent to be shown (not downloaded) and allowed in our own frame.
            var pdf = await page.RunAndWaitForResponseAsync(
                () => documents.GetByRole(AriaRole.Link, new() { Name = PdfName, Exact = true }).ClickAsync(),
                r => r.Url.Contains("/Dossiers/File/", StringComparison.Ordinal));
            Assert.Equal(200, pdf.Status);
            var headers = await pdf.AllHeadersAsync();
            Assert.Equal("application/pdf", headers["content-type"]);
            Assert.StartsWith("inline", headers["content-disposition"], StringComparison.Ordinal);
            Assert.Equal("SAMEORIGIN", headers["x-frame-options"]);
            await Expect(page.Locator("iframe[name=ho-so-tai-lieu]")).ToHaveCountAsync(1);
            Assert.Contains(page.Frames, f => f.Name == "ho-so-tai-lieu" && f.Url == pdf.Url);
            Assert.Equal(sheetUrl, page.Url);
            Assert.Single(page.Context.Pages);
            await Expect(criterion).ToBeInViewportAsync();

            // Down to the last criteria, the totals and the viewer stay on the screen beside them.
            foreach (var share in new[] { 0.5, 1.0 })
            {
                await page.EvaluateAsync("s => window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) * s)", share);
                foreach (var (what, box) in new[] { ("panel", await sheet.Panel.BoundingBoxAsync()), ("viewer", await viewer.BoundingBoxAsync()) })
                {
                    Assert.NotNull(box);
                    Assert.True(box.Y >= -1 && box.Y + box.Height <= 768 + 1, $"at {share}: the {what} at {box.Y}+{box.Height}");
                }
            }

            // On a phone there is no room beside the criteria: the frame is hidden and the document opens in its own window.
            await page.SetViewportSizeAsync(390, 844);
            await Expect(viewer).ToBeHiddenAsync();
            var popup = await page.RunAndWaitForPopupAsync(
                () => documents.GetByRole(AriaRole.Link, new() { Name = ImageName, Exact = true }).ClickAsync());
            await popup.WaitForLoadStateAsync();
            Assert.Contains("/Dossiers/File/", popup.Url, StringComparison.Ordinal);
            Assert.Equal(sheetUrl, page.Url);
        });

    [Fact]
    public Task On_a_phone_the_panels_links_and_buttons_are_44_px_targets_and_the_sheet_never_scrolls_sideways() =>
        InBrowserAsync(async browser =>
        {
            var roundId = await RoundWithMemberAsync(browser, "Đợt chấm trên điện thoại ");
            await AttachDossierAsync(roundId, ProductName);

            // The page's script on, so that the panel's own draft save is shown and measured too.
            var page = await browser.NewPageAsync(Member, o =>
            {
                o.JavaScriptEnabled = true;
                o.ViewportSize = new() { Width = 390, Height = 844 };
                o.IsMobile = true;
                o.HasTouch = true;
            });
            var sheet = await (await RoundDetailsPage.OpenAsync(page, roundId)).OpenMySheetAsync();
            await Expect(sheet.PanelSave).ToBeVisibleAsync();
            await Expect(sheet.FirstUnanswered).ToBeVisibleAsync();

            var targets = new List<ILocator>();
            targets.AddRange(await sheet.Panel.GetByRole(AriaRole.Link).AllAsync());
            targets.AddRange(await sheet.Panel.GetByRole(AriaRole.Button).AllAsync());
            // An empty sheet misses star minimums: their links are in the panel as well as the first unanswered one.
            Assert.True(targets.Count >= 3, $"only {targets.Count} links and buttons in the panel");
            var small = new List<string>();
            foreach (var target in targets)
            {
                var box = await target.BoundingBoxAsync();
                Assert.NotNull(box);
                if (box.Height < 44 || box.Width < 44)
                {
                    small.Add($"“{await target.InnerTextAsync()}” {box.Width:0.#}×{box.Height:0.#}");
                }
            }

            Assert.True(small.Count == 0, "targets under 44 px: " + string.Join("; ", small));

            // The documents open in a window of their own here; their links are targets of the same size.
            var documents = page.GetByRole(AriaRole.Region, new() { Name = "Hồ sơ của sản phẩm" });
            foreach (var link in await documents.GetByRole(AriaRole.Link).AllAsync())
            {
                Assert.True((await link.BoundingBoxAsync())!.Height >= 44, $"document link “{await link.InnerTextAsync()}” under 44 px");
            }

            // The panel stays a short bar, and neither the sheet nor the panel scrolls the page sideways.
            var panelHeight = (await sheet.Panel.BoundingBoxAsync())!.Height;
            Assert.True(panelHeight < 844 * 0.3, $"the phone's panel takes {panelHeight} of 844 px");
            foreach (var share in new[] { 0.0, 0.5, 1.0 })
            {
                await page.EvaluateAsync("s => window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) * s)", share);
                var sideways = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                Assert.True(sideways <= 0, $"the sheet scrolls {sideways} px sideways at {share}");
            }
        });

    /// <summary>A round of the province office with the demo member seated and the product added, made through the office's pages.</summary>
    private static async Task<int> RoundWithMemberAsync(BrowserSession browser, string name)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var office = await browser.NewPageAsync(Office);
        var form = await RoundFormPage.OpenAsync(office);
        await form.Name.FillAsync(name + Guid.NewGuid().ToString("N")[..6]);
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
        return roundId;
    }

    /// <summary>
    /// Gives the round's product an electronic dossier with a photo and a PDF, stored as an upload stores them: the
    /// producer's upload is not what these tests are about, what the member does with the files is.
    /// </summary>
    private async Task AttachDossierAsync(int roundId, string productName)
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OcopDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<DocumentStore>();
        var roundProduct = await db.RoundProducts.Include(p => p.Product).SingleAsync(p => p.RoundId == roundId && p.Product!.Name == productName);
        var dossier = new Dossier
        {
            ProductId = roundProduct.ProductId,
            // Next year's, so that no other test's round of this year links it when adding the same product.
            Year = DateTime.UtcNow.Year + 1,
            Variant = DossierVariant.FirstEvaluation,
            State = DossierState.Accepted,
            AcceptedAt = DateTime.UtcNow,
        };
        foreach (var (name, type, bytes) in new[] { (ImageName, "image/png", TestImages.Png(240, 160)), (PdfName, "application/pdf", OnePagePdf()) })
        {
            var stored = Guid.NewGuid().ToString("N") + Path.GetExtension(name);
            await File.WriteAllBytesAsync(store.PathOf(stored), bytes);
            dossier.Documents.Add(new DossierDocument { StoredName = stored, OriginalName = name, ContentType = type, SizeBytes = bytes.Length, UploadedAt = DateTime.UtcNow });
        }

        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync();
        roundProduct.DossierId = dossier.Id;
        await db.SaveChangesAsync();
    }

    /// <summary>A valid one-page PDF with a line of text, its cross-reference table counted byte by byte.</summary>
    private static byte[] OnePagePdf()
    {
        const string text = "BT /F1 24 Tf 40 100 Td (Phieu kiem nghiem) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {text.Length} >>\nstream\n{text}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
