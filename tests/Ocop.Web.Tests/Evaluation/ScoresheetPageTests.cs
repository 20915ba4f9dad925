using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Evaluation;

/// <summary>
/// The council member's sheet as a member works on it: each printed number once, an anchor per criterion, a draft save
/// that keeps the place (with the page's script: JSON and no reload; without it: back to the group's anchor), the
/// running standing with the star minimums still missing, and the dossier's documents beside the criteria.
/// </summary>
public partial class ScoresheetPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string Url(TestRound round, int product) => $"/Rounds/{round.Id}/Score/{product}";

    [Fact]
    public async Task The_sheet_prints_each_number_once_and_anchors_every_criterion_and_group()
    {
        var round = await TestRound.CreateAsync(app);
        var chair = await round.AddMemberAsync(CouncilPosition.Chair);
        var product = await round.AddProductAsync(Demo.BanhTetMyChanh);
        var sheet = await round.SheetAsync(product);
        var html = await chair.Client.GetPageAsync(Url(round, product));
        var text = Html.Text(html);

        Assert.Contains("1.1. Nguồn nguyên liệu", Tagless(text), StringComparison.Ordinal);
        Assert.DoesNotContain("A1.1 1.1.", Tagless(text), StringComparison.Ordinal);
        // Internal codes (A1, A1.1) anchor the page but are never printed in the sheet's headings.
        Assert.DoesNotMatch(@"<(h3|legend)[^>]*>[^<]*\b[ABC]\d+(\.\d+)*\b", html);
        foreach (var scored in sheet.ScoredCriteria)
        {
            Assert.Contains($"id=\"tc-{scored.Leaf.Code}\"", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"tc-{scored.Group.Code}\"", html, StringComparison.Ordinal);
        }

        // A group's only criterion that repeats its heading prints it once: "9. CÔNG BỐ CHẤT LƯỢNG SẢN PHẨM" appears one time.
        var repeated = sheet.Parts.SelectMany(p => p.Groups).First(g => g.Criteria.Count == 1 && SheetNumbering.RepeatsGroup(g, g.Criteria[0]));
        var heading = SheetNumbering.OfGroup(repeated).ToString();
        Assert.Single(Regex.Matches(Tagless(text), Regex.Escape(heading.Split(" / ")[0])));
    }

    [Fact]
    public async Task A_draft_saved_without_script_returns_to_the_group_it_was_saved_from_with_the_message_in_the_panel()
    {
        var round = await TestRound.CreateAsync(app);
        var chair = await round.AddMemberAsync(CouncilPosition.Chair);
        var product = await round.AddProductAsync(Demo.BanhTetMyChanh);
        var answers = (await round.AnswersAsync(product, 1.0)).Where(a => a.Key.StartsWith('A')).ToDictionary();

        using var saved = await round.ScoreAsync(chair, product, answers, "save:A2");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Url(round, product) + "#tc-A2", saved.Location());

        var page = await chair.Client.GetPageAsync(Url(round, product));
        Assert.Matches("data-save-status>Đã lưu nháp lúc [^<]+Tổng điểm hiện tại: [0-9,]+\\.<", Html.Text(page));
        Assert.Contains("id=\"tc-A2\"", page, StringComparison.Ordinal);

        // A code the sheet does not have, and the plain "save", come back to the sheet itself.
        using var unknown = await round.ScoreAsync(chair, product, answers, "save:Z9");
        Assert.Equal(Url(round, product), unknown.Location());
    }

    [Fact]
    public async Task A_draft_saved_by_the_script_answers_json_and_the_next_save_uses_the_new_version()
    {
        var round = await TestRound.CreateAsync(app);
        var chair = await round.AddMemberAsync(CouncilPosition.Chair);
        var product = await round.AddProductAsync(Demo.BanhTetMyChanh);
        var answers = await round.AnswersAsync(product, 0.5);
        var form = await chair.Client.GetFormAsync(Url(round, product));
        foreach (var (code, number) in answers)
        {
            form.Set($"Answers[{code}]", number.ToString(CultureInfo.InvariantCulture));
        }

        form.Set("command", "save");
        using var first = await PostJsonAsync(chair.Client, form);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var body = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var version = body.RootElement.GetProperty("version").GetInt32();
        Assert.StartsWith("Đã lưu nháp", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Đang chấm (nháp)", body.RootElement.GetProperty("state").GetString());
        var stored = await app.QueryAsync(db => db.MemberScoresheets.AsNoTracking().SingleAsync(s => s.RoundProductId == product && s.CouncilMemberId == chair.MemberId));
        Assert.Equal(version, stored.Version);

        // The script puts the new version into the form: the next save is accepted, an old copy is refused as stale.
        var changed = answers.First();
        form.Set("Version", version.ToString(CultureInfo.InvariantCulture)).Set($"Answers[{changed.Key}]", ScoreOption.NoneApplies.ToString(CultureInfo.InvariantCulture));
        using var second = await PostJsonAsync(chair.Client, form);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        using var stale = await PostJsonAsync(chair.Client, form);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Phiếu vừa được lưu ở nơi khác", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_panel_shows_the_star_of_the_running_total_and_the_minimums_still_missing()
    {
        var round = await TestRound.CreateAsync(app);
        var chair = await round.AddMemberAsync(CouncilPosition.Chair);
        var product = await round.AddProductAsync(Demo.BanhTetMyChanh);
        var sheet = await round.SheetAsync(product);
        var minimums = StarMinimums.Of(sheet);
        Assert.NotEmpty(minimums);

        // The best option everywhere meets every minimum; the worst misses them.
        var best = await round.AnswersAsync(product, 1.0);
        await round.ScoreOkAsync(chair, product, best, "save");
        var page = Html.Text(await chair.Client.GetPageAsync(Url(round, product)));
        var expected = MemberStarStanding.Of(LegalBases.Decision26Of2026, minimums, SheetScoring.Score(sheet, best));
        Assert.Contains($"data-star-by-total>{expected.StarByTotal} sao<", page, StringComparison.Ordinal);
        Assert.Equal(expected.Missing.Count, Regex.Matches(page, @"<span data-minimum[^>]*>").Count(m => !m.Value.Contains("hidden", StringComparison.Ordinal)));

        var worst = await round.AnswersAsync(product, 0.0);
        await round.ScoreOkAsync(chair, product, worst, "save");
        page = Html.Text(await chair.Client.GetPageAsync(Url(round, product)));
        var low = MemberStarStanding.Of(LegalBases.Decision26Of2026, minimums, SheetScoring.Score(sheet, worst));
        Assert.NotEmpty(low.Missing);
        var shown = Regex.Matches(page, @"<span data-minimum[^>]*><a href=""#tc-(?<code>[^""]+)""").Where(m => !m.Value.Contains("hidden", StringComparison.Ordinal))
            .Select(m => m.Groups["code"].Value).ToList();
        Assert.Equal(low.Missing.Select(m => m.CriterionCode), shown);
        Assert.Contains($"data-star-after>{low.StarAfterMinimums} sao<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dossiers_documents_are_linked_beside_the_criteria_and_open_for_the_member_only_while_seated()
    {
        var round = await TestRound.CreateAsync(app);
        var chair = await round.AddMemberAsync(CouncilPosition.Chair);
        var product = await round.AddProductAsync(Demo.BanhTetMyChanh);

        // Without a dossier the sheet says to use the paper one.
        await LinkDossierAsync(product, null);
        Assert.Contains("chưa gắn hồ sơ điện tử", Html.Text(await chair.Client.GetPageAsync(Url(round, product))), StringComparison.Ordinal);

        var office = await app.As(Demo.ProgramOffice);
        var productId = await app.ProductIdAsync(Demo.BanhTetMyChanh);
        var dossier = await EvaluationData.CompleteDossierAsync(app, office, productId, DossierVariant.FirstEvaluation);
        await LinkDossierAsync(product, dossier);
        var documents = await app.QueryAsync(db => db.DossierDocuments.Where(f => f.DossierId == dossier).Select(f => f.Id).ToListAsync());
        Assert.NotEmpty(documents);

        var html = await chair.Client.GetPageAsync(Url(round, product));
        // Each document is linked to the viewer beside the criteria and, for phones, to one separate window.
        var linked = Html.LinkedIds(html, "/Dossiers/File/");
        Assert.Equal(documents.Order(), linked.Distinct().Order());
        Assert.Contains("target=\"ho-so-tai-lieu\"", html, StringComparison.Ordinal);
        // Beside the criteria: in the panel before the sheet's form, not at the end of the page.
        Assert.True(html.IndexOf("/Dossiers/File/", StringComparison.Ordinal) < html.IndexOf("id=\"scoresheet\"", StringComparison.Ordinal));

        using (var file = await chair.Client.GetAsync($"/Dossiers/File/{documents[0]}"))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        }

        // A council member of another round, whose own scope does not reach the product, does not read it.
        var other = await TestRound.CreateAsync(app);
        var outsider = await other.AddMemberAsync(CouncilPosition.Chair);
        using (var refused = await outsider.Client.GetAsync($"/Dossiers/File/{documents[0]}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
    }

    /// <summary>The round's link to a dossier, set as the office's "add product" sets it from an accepted dossier.</summary>
    private Task<int> LinkDossierAsync(int roundProduct, int? dossier) => app.QueryAsync(async db =>
    {
        var row = await db.RoundProducts.SingleAsync(p => p.Id == roundProduct);
        row.DossierId = dossier;
        return await db.SaveChangesAsync();
    });

    private static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, HtmlForm form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, form.Action) { Content = new FormUrlEncodedContent(form.Fields) };
        request.Headers.Accept.ParseAdd("application/json");
        return await client.SendAsync(request);
    }

    private static string Tagless(string html) => Regex.Replace(TagPattern().Replace(html, " "), @"\s+", " ");

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
