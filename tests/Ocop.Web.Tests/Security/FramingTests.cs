using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Tests.Evaluation;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Security;

/// <summary>
/// Issue 17.4, the dossier beside the criteria: the document endpoint alone may be framed, and only by our own pages
/// (the viewer on the council member's sheet); PDFs and images are sent to be shown there, every other page stays
/// unframable.
/// </summary>
public class FramingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_dossier_document_endpoint_may_be_framed_by_our_own_pages_only_and_shows_a_pdf_inline()
    {
        var office = await app.As(Demo.ProgramOffice);
        var productId = await app.ProductIdAsync(Demo.BanhTetMyChanh);
        var dossier = await EvaluationData.CompleteDossierAsync(app, office, productId, DossierVariant.FirstEvaluation);
        var document = await app.QueryAsync(db => db.DossierDocuments.Where(f => f.DossierId == dossier).Select(f => f.Id).FirstAsync());

        using var file = await office.GetAsync($"/Dossiers/File/{document}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var csp = string.Join(";", file.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        // The rest of the policy is unchanged: no inline script in whatever the frame shows.
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("SAMEORIGIN", file.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("giay-to.pdf", file.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Products")]
    [InlineData("/Rounds")]
    [InlineData("/Dossiers")]
    [InlineData("/Account/Login")]
    [InlineData("/No/Such/Page")]
    public async Task Every_other_page_still_refuses_to_be_framed(string url)
    {
        using var response = await (await app.As(Demo.Admin)).GetAsync(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task A_dossiers_own_page_and_a_document_that_is_not_found_stay_unframable()
    {
        var office = await app.As(Demo.ProgramOffice);
        var productId = await app.ProductIdAsync(Demo.BanhTetMyChanh);
        var dossier = await EvaluationData.CompleteDossierAsync(app, office, productId, DossierVariant.FirstEvaluation);
        foreach (var url in new[] { $"/Dossiers/Details/{dossier}", "/Dossiers/File/999999999" })
        {
            using var response = await office.GetAsync(url);
            Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
    }

    [Theory]
    [InlineData("application/pdf", true)]
    [InlineData("image/jpeg", true)]
    [InlineData("image/png", true)]
    [InlineData("image/webp", true)]
    [InlineData("image/svg+xml", false)]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false)]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false)]
    public void Pdfs_and_raster_images_are_shown_other_files_are_downloaded(string contentType, bool inline) =>
        Assert.Equal(inline, Ocop.Web.Features.Dossiers.FileModel.ShownInline(contentType));

    [Fact]
    public async Task The_members_sheet_has_a_viewer_frame_beside_the_criteria_that_its_document_links_target()
    {
        var round = await TestRound.CreateAsync(app);
        var chair = await round.AddMemberAsync(CouncilPosition.Chair);
        var product = await round.AddProductAsync(Demo.BanhTetMyChanh);
        var office = await app.As(Demo.ProgramOffice);
        var dossier = await EvaluationData.CompleteDossierAsync(app, office, await app.ProductIdAsync(Demo.BanhTetMyChanh), DossierVariant.FirstEvaluation);
        await app.QueryAsync(async db =>
        {
            var row = await db.RoundProducts.SingleAsync(p => p.Id == product);
            row.DossierId = dossier;
            return await db.SaveChangesAsync();
        });
        var documents = await app.QueryAsync(db => db.DossierDocuments.Where(f => f.DossierId == dossier).Select(f => f.Id).ToListAsync());

        var html = await chair.Client.GetPageAsync($"/Rounds/{round.Id}/Score/{product}");
        Assert.Matches("<iframe name=\"ho-so-tai-lieu\"[^>]*title=\"[^\"]+\"", html);
        // The frame and the links come before the criteria's form, in the column beside them.
        Assert.True(html.IndexOf("<iframe", StringComparison.Ordinal) < html.IndexOf("id=\"scoresheet\"", StringComparison.Ordinal));
        foreach (var document in documents)
        {
            var id = document.ToString(CultureInfo.InvariantCulture);
            var targets = Regex.Matches(html, "<a [^>]*>").Select(m => m.Value)
                .Where(a => a.Contains($"href=\"/Dossiers/File/{id}\"", StringComparison.Ordinal))
                .Select(a => Regex.Match(a, "target=\"([^\"]*)\"").Groups[1].Value).ToList();
            Assert.Contains("ho-so-tai-lieu", targets);
            // The phone's link of the same document opens one separate window, never the hidden frame.
            Assert.Contains("ho-so-cua-so", targets);
        }

        // The sheet itself stays unframable.
        using var page = await chair.Client.GetAsync($"/Rounds/{round.Id}/Score/{product}");
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
    }
}
