using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Evaluation;

/// <summary>
/// A council like a good program committee, viewer by viewer (member, recused member, chair, secretary, office, leader,
/// producer) while sheets are drafts, once some are submitted, and after the chair closes: on the results page, the score
/// pages, the minutes and the rankings API.
/// </summary>
public partial class CouncilVisibilityTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Scores_stay_secret_to_each_viewer_until_the_chair_closes_the_round()
    {
        var round = await TestRound.CreateAsync(app);
        var chair = await round.AddMemberAsync(CouncilPosition.Chair);
        var secretary = await round.AddMemberAsync(CouncilPosition.Secretary);
        var member = await round.AddMemberAsync(CouncilPosition.Member);
        var recused = await round.AddMemberAsync(CouncilPosition.Member);
        var rice = await round.AddProductAsync(Demo.GaoLongHoa);          // the producer's own product
        var tour = await round.AddProductAsync(Demo.ConChimTour);

        // The member declares the conflict from the sheet, before scoring it.
        using (var declared = await round.DeclareConflictFromSheetAsync(recused, rice, "Thành viên hợp tác xã"))
        {
            Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        }

        // Draft: the member saves a draft of the rice sheet.
        var riceHigh = await round.AnswersAsync(rice, 0.9);
        var riceLow = await round.AnswersAsync(rice, 0.55);
        var tourMid = await round.AnswersAsync(tour, 0.7);
        await round.ScoreOkAsync(member, rice, riceLow, "save");
        await AssertViewsAsync(round.Id, rice, new()
        {
            [member.Client] = (Totals: 1, Recused: false),
            [recused.Client] = (0, true),
            [chair.Client] = (0, false),
            [secretary.Client] = (0, false),
            [await app.As(Demo.ProgramOffice)] = (0, false),
            [await app.As(Demo.Leader)] = (0, false),
        });

        // Submitted: the chair submits both sheets; the member sees only their own and how many are in.
        await round.ScoreOkAsync(chair, rice, riceHigh);
        await round.ScoreOkAsync(chair, tour, tourMid);
        var chairRice = SheetTotal(await round.SheetAsync(rice), riceHigh);
        var memberRice = SheetTotal(await round.SheetAsync(rice), riceLow);
        var memberPage = await ResultsAsync(member.Client, round.Id);
        Assert.Contains("Đã nộp 1/3", Section(memberPage, rice), StringComparison.Ordinal);
        Assert.Contains(memberRice, Section(memberPage, rice), StringComparison.Ordinal);
        Assert.DoesNotContain(chairRice, Section(memberPage, rice), StringComparison.Ordinal);
        var chairPage = await ResultsAsync(chair.Client, round.Id);
        Assert.Contains(member.FullName, Section(chairPage, rice), StringComparison.Ordinal);
        Assert.DoesNotContain(memberRice, Section(chairPage, rice), StringComparison.Ordinal);
        Assert.DoesNotContain("data-score", chairPage, StringComparison.Ordinal);
        foreach (var viewer in new[] { secretary.Client, await app.As(Demo.ProgramOffice), await app.As(Demo.Leader) })
        {
            var page = await ResultsAsync(viewer, round.Id);
            Assert.Contains(chair.FullName, Section(page, rice), StringComparison.Ordinal);   // who has submitted
            Assert.Equal(0, Regex.Count(page, "data-total"));                                  // never a score
            Assert.DoesNotContain("data-outcome", page, StringComparison.Ordinal);
        }

        var recusedPage = await ResultsAsync(recused.Client, round.Id);
        Assert.Contains("data-recused", Section(recusedPage, rice), StringComparison.Ordinal);
        Assert.DoesNotContain("Đã nộp", Section(recusedPage, rice), StringComparison.Ordinal);
        Assert.Contains("Đã nộp 1/4", Section(recusedPage, tour), StringComparison.Ordinal);
        Assert.Contains("—", Html.Text(await recused.Client.GetPageAsync($"/Rounds/Details/{round.Id}")), StringComparison.Ordinal);

        // Score pages: each only their own sheet; the recused member not even that; the producer no round at all.
        using (var refused = await recused.Client.GetAsync($"/Rounds/{round.Id}/Score/{rice}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        foreach (var viewer in new[] { await app.As(Demo.ProgramOffice), await app.As(Demo.Leader), await app.As(Demo.Producer) })
        {
            using var sheet = await viewer.GetAsync($"/Rounds/{round.Id}/Score/{rice}");
            Assert.Equal(HttpStatusCode.Forbidden, sheet.StatusCode);
        }

        using (var producerResults = await (await app.As(Demo.Producer)).GetAsync($"/Rounds/{round.Id}/Results"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, producerResults.StatusCode);
        }

        // Minutes only after closing; the rankings API tells nothing of an open round.
        using (var minutes = await chair.Client.GetAsync($"/Rounds/{round.Id}/Minutes"))
        {
            Assert.Equal(HttpStatusCode.Redirect, minutes.StatusCode);
        }

        var before = await RoundInRankingsAsync(await app.As(Demo.Producer), rice, round.Id);
        Assert.Equal((JsonValueKind.Null, "Pending"), (before.GetProperty("scoreHundredths").ValueKind, before.GetProperty("outcome").GetString()));

        // Everyone submits; the chair closes; then the results are the council's conclusion for everyone who reads the round.
        await round.ScoreOkAsync(member, rice, riceLow);
        await round.ScoreOkAsync(secretary, rice, riceLow);
        foreach (var m in new[] { secretary, member, recused })
        {
            await round.ScoreOkAsync(m, tour, tourMid);
        }

        await round.CloseAsync(chair);
        var mean = MeanScore.Of([Total(await round.SheetAsync(rice), riceHigh), Total(await round.SheetAsync(rice), riceLow), Total(await round.SheetAsync(rice), riceLow)]);
        foreach (var viewer in new[] { member.Client, recused.Client, chair.Client, secretary.Client, await app.As(Demo.ProgramOffice), await app.As(Demo.Leader) })
        {
            var page = await ResultsAsync(viewer, round.Id);
            Assert.Contains(chairRice, Section(page, rice), StringComparison.Ordinal);
            Assert.Contains(memberRice, Section(page, rice), StringComparison.Ordinal);
            Assert.Contains(mean.ToVietnamese(), Section(page, rice), StringComparison.Ordinal);
            Assert.Contains("data-outcome", page, StringComparison.Ordinal);
            using var closedMinutes = await viewer.GetAsync($"/Rounds/{round.Id}/Minutes");
            Assert.Equal(HttpStatusCode.OK, closedMinutes.StatusCode);
        }

        var after = await RoundInRankingsAsync(await app.As(Demo.Producer), rice, round.Id);
        Assert.Equal(mean.ToHundredths(), after.GetProperty("scoreHundredths").GetInt32());
        using (var producerMinutes = await (await app.As(Demo.Producer)).GetAsync($"/Rounds/{round.Id}/Minutes"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, producerMinutes.StatusCode);
        }
    }

    [Fact]
    public async Task A_member_who_already_scored_cannot_declare_a_conflict_afterwards_the_office_still_can()
    {
        var round = await TestRound.CreateAsync(app);
        await round.AddMemberAsync(CouncilPosition.Chair);
        var member = await round.AddMemberAsync(CouncilPosition.Member);
        var product = await round.AddProductAsync(Demo.BanhTetMyChanh);
        await round.ScoreOkAsync(member, product, await round.AnswersAsync(product, 0.6), "save");
        var subject = await app.SubjectIdAsync(Demo.UtHien);

        using var late = await member.Client.PostWithTokenAsync($"/Rounds/Details/{round.Id}?handler=Conflict",
            ("Conflict.MemberId", member.MemberId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Conflict.SubjectId", subject.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Conflict.Relation", "Họ hàng"));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("phải được khai trước khi chấm", Html.FieldErrors(await late.Content.ReadAsStringAsync())["Conflict.SubjectId"], StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.ConflictDeclarations.AnyAsync(c => c.CouncilMemberId == member.MemberId)));

        using var byOffice = await (await app.As(Demo.ProgramOffice)).PostWithTokenAsync($"/Rounds/Details/{round.Id}?handler=Conflict",
            ("Conflict.MemberId", member.MemberId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Conflict.SubjectId", subject.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Conflict.Relation", "Họ hàng"));
        Assert.Equal(HttpStatusCode.Redirect, byOffice.StatusCode);
        Assert.Equal(MemberSheetState.Recused, await app.QueryAsync(db => db.MemberScoresheets.Where(s => s.RoundProductId == product && s.CouncilMemberId == member.MemberId).Select(s => s.State).SingleAsync()));
    }

    private async Task AssertViewsAsync(int roundId, int product, Dictionary<HttpClient, (int Totals, bool Recused)> expected)
    {
        foreach (var (client, (totals, recused)) in expected)
        {
            var section = Section(await ResultsAsync(client, roundId), product);
            Assert.Equal(totals, Regex.Count(section, "data-total"));
            Assert.Equal(recused, section.Contains("data-recused", StringComparison.Ordinal));
            Assert.DoesNotContain("data-score", section, StringComparison.Ordinal);
        }
    }

    private static Task<string> ResultsAsync(HttpClient client, int roundId) => client.GetPageAsync($"/Rounds/{roundId}/Results");

    /// <summary>The results page's section of one product.</summary>
    private static string Section(string html, int roundProductId)
    {
        var start = html.IndexOf($"data-product=\"{roundProductId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no section of the product");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return Html.Text(html[start..end]);
    }

    private static Points Total(Scoresheet sheet, Dictionary<string, int> answers) => SheetScoring.Score(sheet, answers).Total;

    private static string SheetTotal(Scoresheet sheet, Dictionary<string, int> answers) => ">" + Total(sheet, answers).ToVietnamese() + "<";

    private async Task<JsonElement> RoundInRankingsAsync(HttpClient client, int roundProductId, int roundId)
    {
        var product = await app.QueryAsync(db => db.RoundProducts.Where(p => p.Id == roundProductId).Select(p => p.ProductId).SingleAsync());
        using var response = await client.GetAsync($"/api/v1/products/{product}/rankings");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("rounds").EnumerateArray().Single(r => r.GetProperty("roundId").GetInt32() == roundId).Clone();
    }
}
