using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Rounds;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Evaluation;

/// <summary>
/// An evaluation round through its pages, as the office, the council members and the chair use them: council,
/// conflicts, products, scoring, results, closing and the minutes.
/// </summary>
public class RoundsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static int counter;

    [Fact]
    public async Task A_full_round_scores_averages_without_the_recused_member_closes_and_writes_the_minutes()
    {
        var round = await NewRoundAsync("26/2026");
        var chair = await round.AddMemberAsync("Chair");
        var secretary = await round.AddMemberAsync("Secretary");
        var member = await round.AddMemberAsync("Member");
        var banhTet = await round.AddProductAsync(Demo.BanhTetMyChanh);
        var rice = await round.AddProductAsync(Demo.GaoLongHoa);
        await round.DeclareConflictAsync(member, Demo.TienThanh, "Thành viên hợp tác xã");

        // Each member's own choices: the best option everywhere, or the lowest on part B.
        var best = await round.AnswersAsync(banhTet, _ => true);
        var lowB = await round.AnswersAsync(banhTet, c => c.Part.Code != "B");
        Assert.Equal(HttpStatusCode.Redirect, (await round.ScoreAsync(chair, banhTet, best, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await round.ScoreAsync(secretary, banhTet, best, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await round.ScoreAsync(member, banhTet, lowB, "submit")).StatusCode);
        var riceLow = await round.AnswersAsync(rice, c => c.Part.Code == "C");
        Assert.Equal(HttpStatusCode.Redirect, (await round.ScoreAsync(chair, rice, riceLow, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await round.ScoreAsync(secretary, rice, riceLow, "submit")).StatusCode);

        // The recused member cannot even open the sheet.
        using (var refused = await member.Client.GetAsync($"/Rounds/{round.Id}/Score/{rice}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var sheet = await round.SheetAsync(banhTet);
        var bestTotal = SheetScoring.Score(sheet, best).Total;
        var lowTotal = SheetScoring.Score(sheet, lowB).Total;
        var mean = MeanScore.Of([bestTotal, bestTotal, lowTotal]);
        var riceTotal = SheetScoring.Score(await round.SheetAsync(rice), riceLow).Total;

        // Before closing the chair sees who has submitted, not the scores.
        var results = Html.Text(await chair.Client.GetPageAsync($"/Rounds/{round.Id}/Results"));
        Assert.DoesNotContain(mean.ToVietnamese(), results, StringComparison.Ordinal);
        Assert.Contains("Không chấm (xung đột lợi ích)", results, StringComparison.Ordinal);

        using var closed = await chair.Client.PostFormAsync(await chair.Client.GetFormAsync($"/Rounds/{round.Id}/Results", "Close"));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains(mean.ToVietnamese(), Html.Text(await chair.Client.GetPageAsync($"/Rounds/{round.Id}/Results")), StringComparison.Ordinal);

        var stored = await app.QueryAsync(db => db.RoundProducts.AsNoTracking().Where(p => p.RoundId == round.Id).ToDictionaryAsync(p => p.Id));
        var basis = LegalBases.Decision26Of2026;
        Assert.Equal(mean.ToHundredths(), stored[banhTet].ScoreHundredths);
        Assert.Equal(basis.StarForScore(mean), stored[banhTet].StarByScore);
        Assert.NotNull(stored[banhTet].Outcome);
        Assert.NotNull(stored[banhTet].Flags);
        // The recused member's sheet is not in the rice average: two identical sheets average to themselves.
        Assert.Equal(MeanScore.OfOne(riceTotal).ToHundredths(), stored[rice].ScoreHundredths);
        var state = await app.QueryAsync(db => db.EvaluationRounds.Where(r => r.Id == round.Id).Select(r => r.State).SingleAsync());
        Assert.Equal(RoundState.Closed, state);

        using var minutes = await chair.Client.GetAsync($"/Rounds/{round.Id}/Minutes");
        Assert.Equal(HttpStatusCode.OK, minutes.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await minutes.Content.ReadAsByteArrayAsync()), false);
        var text = string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        Assert.Contains("BIÊN BẢN", text, StringComparison.Ordinal);
        Assert.Contains(Demo.BanhTetMyChanh, text, StringComparison.Ordinal);
        Assert.Contains(chair.FullName, text, StringComparison.Ordinal);
        Assert.Contains(bestTotal.ToVietnamese(), text, StringComparison.Ordinal);
        Assert.Contains(lowTotal.ToVietnamese(), text, StringComparison.Ordinal);
        Assert.Contains(mean.ToVietnamese(), text, StringComparison.Ordinal);
        Assert.Contains("Điểm trung bình", text, StringComparison.Ordinal);

        // Closed means read-only: no more saving.
        using var late = await round.ScoreAsync(member, banhTet, best, "save");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task A_recused_member_is_refused_the_sheet_of_the_subjects_products()
    {
        var round = await NewRoundAsync("26/2026");
        await round.AddMemberAsync("Chair");
        var member = await round.AddMemberAsync("Member");
        var product = await round.AddProductAsync(Demo.BanhTetLaCam);
        await round.DeclareConflictAsync(member, Demo.BaNam, "Con của chủ hộ kinh doanh");

        using var get = await member.Client.GetAsync($"/Rounds/{round.Id}/Score/{product}");
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        using var post = await member.Client.PostWithTokenAsync($"/Rounds/{round.Id}/Score/{product}", ("Version", "0"), ("command", "save"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var sheetState = await app.QueryAsync(db => db.MemberScoresheets.Where(s => s.RoundProductId == product && s.CouncilMemberId == member.MemberId).Select(s => s.State).SingleAsync());
        Assert.Equal(MemberSheetState.Recused, sheetState);
    }

    [Fact]
    public async Task A_submitted_sheet_cannot_be_changed()
    {
        var round = await NewRoundAsync("26/2026");
        var chair = await round.AddMemberAsync("Chair");
        var product = await round.AddProductAsync(Demo.BanhTetNhanChuoi);
        var best = await round.AnswersAsync(product, _ => true);
        Assert.Equal(HttpStatusCode.Redirect, (await round.ScoreAsync(chair, product, best, "submit")).StatusCode);
        var before = await app.QueryAsync(db => db.MemberScoresheets.AsNoTracking().SingleAsync(s => s.RoundProductId == product && s.CouncilMemberId == chair.MemberId));

        var low = await round.AnswersAsync(product, _ => false);
        using var again = await round.ScoreAsync(chair, product, low, "save", useLoadedForm: false, version: before.Version);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Phiếu đã nộp nên không thể thay đổi.", Html.Text(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var after = await app.QueryAsync(db => db.MemberScoresheets.AsNoTracking().SingleAsync(s => s.Id == before.Id));
        Assert.Equal((MemberSheetState.Submitted, before.Answers, before.TotalTenths, before.Version), (after.State, after.Answers, after.TotalTenths, after.Version));
    }

    [Fact]
    public async Task Two_saves_from_the_same_loaded_version_the_second_is_refused_and_keeps_its_choices()
    {
        var round = await NewRoundAsync("26/2026");
        var chair = await round.AddMemberAsync("Chair");
        var product = await round.AddProductAsync(Demo.BanhTetMyChanh);
        var url = $"/Rounds/{round.Id}/Score/{product}";
        var sheet = await round.SheetAsync(product);
        var first = sheet.ScoredCriteria.First().Leaf;

        // Two windows load the same version of the sheet.
        var windowA = await chair.Client.GetFormAsync(url);
        var windowB = await chair.Client.GetFormAsync(url);
        windowA.Set($"Answers[{first.Code}]", first.Options[0].Number.ToString(CultureInfo.InvariantCulture)).Set("command", "save");
        var otherOption = first.Options[^1].Number.ToString(CultureInfo.InvariantCulture);
        windowB.Set($"Answers[{first.Code}]", otherOption).Set("command", "save");

        using var saved = await chair.Client.PostFormAsync(windowA);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var stale = await chair.Client.PostFormAsync(windowB);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains(ScoreModel.StaleMessage, Html.Text(html), StringComparison.Ordinal);
        // The refused window still shows its own choice, ready to compare and save again.
        var kept = HtmlForm.Read(html, url);
        Assert.Equal(otherOption, kept[$"Answers[{first.Code}]"]);

        var stored = await app.QueryAsync(db => db.MemberScoresheets.AsNoTracking().SingleAsync(s => s.RoundProductId == product && s.CouncilMemberId == chair.MemberId));
        Assert.Equal(first.Options[0].Number, SheetJson.Answers(stored.Answers)[first.Code]);
    }

    [Fact]
    public async Task Only_the_chair_closes_and_only_when_every_sheet_is_submitted()
    {
        var round = await NewRoundAsync("26/2026");
        var chair = await round.AddMemberAsync("Chair");
        var secretary = await round.AddMemberAsync("Secretary");
        var product = await round.AddProductAsync(Demo.BanhTetLaCam);
        var best = await round.AnswersAsync(product, _ => true);
        Assert.Equal(HttpStatusCode.Redirect, (await round.ScoreAsync(chair, product, best, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await round.ScoreAsync(secretary, product, best, "save")).StatusCode);

        // The secretary's draft is still pending: the chair is refused, and nothing is written.
        using (var pending = await chair.Client.PostWithTokenAsync($"/Rounds/{round.Id}/Results?handler=Close"))
        {
            Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
            Assert.Contains("còn 1 phiếu chưa nộp", Html.Text(await pending.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await round.ScoreAsync(secretary, product, best, "submit")).StatusCode);

        // Neither another member nor the office may close on the chair's behalf.
        using (var bySecretary = await secretary.Client.PostWithTokenAsync($"/Rounds/{round.Id}/Results?handler=Close"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, bySecretary.StatusCode);
        }

        using (var byOffice = await (await app.As(Demo.ProgramOffice)).PostWithTokenAsync($"/Rounds/{round.Id}/Results?handler=Close"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byOffice.StatusCode);
        }

        var stillOpen = await app.QueryAsync(db => db.EvaluationRounds.Where(r => r.Id == round.Id).Select(r => new { r.State, Score = r.Products.Select(p => p.ScoreHundredths).Single() }).SingleAsync());
        Assert.Equal((RoundState.Open, (int?)null), (stillOpen.State, stillOpen.Score));

        using var byChair = await chair.Client.PostWithTokenAsync($"/Rounds/{round.Id}/Results?handler=Close");
        Assert.Equal(HttpStatusCode.Redirect, byChair.StatusCode);
    }

    [Fact]
    public async Task Submitting_an_incomplete_sheet_is_refused_in_Vietnamese_and_saves_nothing()
    {
        var round = await NewRoundAsync("26/2026");
        var chair = await round.AddMemberAsync("Chair");
        var product = await round.AddProductAsync(Demo.BanhTetMyChanh);
        var partial = await round.AnswersAsync(product, _ => true);
        partial.Remove(partial.Keys.First());

        using var response = await round.ScoreAsync(chair, product, partial, "submit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Chưa thể nộp", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var state = await app.QueryAsync(db => db.MemberScoresheets.Where(s => s.RoundProductId == product && s.CouncilMemberId == chair.MemberId).Select(s => s.State).SingleAsync());
        Assert.Equal(MemberSheetState.NotStarted, state);
    }

    [Fact]
    public async Task The_product_picker_finds_products_by_search_without_diacritics_caps_its_rows_and_leaves_out_those_in_the_round()
    {
        var round = await NewRoundAsync("26/2026");
        var office = await app.As(Demo.ProgramOffice);
        var url = $"/Rounds/Details/{round.Id}";
        var banhTet = await app.ProductIdAsync(Demo.BanhTetLaCam);

        // Typed without diacritics or with them, the same product is offered.
        foreach (var q in new[] { "banh tet la cam", "Bánh tét lá cẩm", "BANH TET LA CAM" })
        {
            var html = await office.GetPageAsync(url + "?q=" + Uri.EscapeDataString(q));
            Assert.Contains($"name=\"AddProduct.ProductId\" value=\"{banhTet}\"", html, StringComparison.Ordinal);
        }

        // A search matching most of the registry shows at most the cap, and says there is more.
        var letter = "n"; // in nearly every name; shorter than a trigram, so a plain substring test on both sides
        var broad = await office.GetPageAsync(url + "?q=" + letter);
        var offered = System.Text.RegularExpressions.Regex.Count(broad, "name=\"AddProduct.ProductId\"");
        var matching = await app.QueryAsync(db => db.Products.CountAsync(p => p.Status != Ocop.Core.Registry.ProductStatus.Archived
            && (p.SearchText.Contains(letter) || p.Subject!.SearchText.Contains(letter))));
        Assert.Equal(Math.Min(matching, DetailsModel.PickerLimit), offered);
        Assert.Equal(matching > DetailsModel.PickerLimit, broad.Contains("hãy gõ thêm để thu hẹp kết quả", StringComparison.Ordinal));

        // Once in the round, the product is no longer offered; a search matching nothing says so.
        await round.AddProductAsync(Demo.BanhTetLaCam);
        var after = await office.GetPageAsync(url + "?q=banh+tet+la+cam");
        Assert.DoesNotContain($"name=\"AddProduct.ProductId\" value=\"{banhTet}\"", after, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy sản phẩm phù hợp", Html.Text(await office.GetPageAsync(url + "?q=zzqxw")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_round_under_a_process_no_longer_in_force_is_created_with_a_visible_warning()
    {
        var round = await NewRoundAsync("148/2023", EvaluationLevel.District);
        var page = Html.Text(await (await app.As(Demo.ProgramOffice)).GetPageAsync($"/Rounds/Details/{round.Id}"));
        Assert.Contains("Cảnh báo", page, StringComparison.Ordinal);
        Assert.Contains("hết hiệu lực", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_outside_the_office_and_the_council_cannot_see_or_set_up_rounds()
    {
        var round = await NewRoundAsync("26/2026");
        foreach (var user in new[] { Demo.Producer, Demo.ChauThanhOfficer })
        {
            using var list = await (await app.As(user)).GetAsync("/Rounds");
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            using var details = await (await app.As(user)).GetAsync($"/Rounds/Details/{round.Id}");
            Assert.Equal(HttpStatusCode.Forbidden, details.StatusCode);
        }

        using var council = await (await app.As(Demo.Council)).GetAsync($"/Rounds/Details/{round.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, council.StatusCode);
        using var create = await (await app.As(Demo.Leader)).GetAsync("/Rounds/Edit");
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task A_choose_one_group_counts_only_the_case_the_member_chose()
    {
        var round = await NewRoundAsync("26/2026");
        var chair = await round.AddMemberAsync("Chair");
        var tour = await round.AddProductAsync(Demo.ConChimTour);
        var sheet = await round.SheetAsync(tour);
        var group = sheet.Parts.SelectMany(p => p.Groups).First(g => g.ChooseOne);
        var (first, second) = (group.Criteria[0], group.Criteria[1]);

        // Answers given under both cases, but the second case chosen: only the second case's answers are kept.
        var answers = await round.AnswersAsync(tour, _ => true);
        foreach (var leaf in second.Leaves())
        {
            answers[leaf.Code] = leaf.Options.Where(o => o.Points is not null).MaxBy(o => o.Points!.Value)!.Number;
        }

        var url = $"/Rounds/{round.Id}/Score/{tour}";
        var form = await chair.Client.GetFormAsync(url);
        foreach (var (code, number) in answers)
        {
            form.Set($"Answers[{code}]", number.ToString(CultureInfo.InvariantCulture));
        }

        form.Set($"Case[{group.Code}]", second.Code).Set("command", "submit");
        using var response = await chair.Client.PostFormAsync(form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Html.Text(await response.Content.ReadAsStringAsync()));

        var stored = SheetJson.Answers(await app.QueryAsync(db => db.MemberScoresheets.Where(s => s.RoundProductId == tour && s.CouncilMemberId == chair.MemberId).Select(s => s.Answers).SingleAsync()));
        Assert.All(first.Leaves(), leaf => Assert.False(stored.ContainsKey(leaf.Code)));
        Assert.All(second.Leaves(), leaf => Assert.True(stored.ContainsKey(leaf.Code)));
        Assert.True(SheetScoring.Score(sheet, stored).IsComplete);
    }

    // ---- builders ----

    private async Task<RoundUnderTest> NewRoundAsync(string process, EvaluationLevel level = EvaluationLevel.Province)
    {
        var office = await app.As(Demo.ProgramOffice);
        var unitLevel = level == EvaluationLevel.District ? Core.Units.UnitLevel.District : Core.Units.UnitLevel.Province;
        var unit = await app.QueryAsync(db => db.Units.Where(u => u.Level == unitLevel).OrderBy(u => u.ValidTo == null ? 0 : 1).ThenBy(u => u.Id).Select(u => u.Id).FirstAsync());
        var form = await office.GetFormAsync("/Rounds/Edit");
        form.Set("Input.Name", $"Đợt đánh giá thử {Interlocked.Increment(ref counter)}")
            .Set("Input.Level", level.ToString())
            .Set("Input.ProcessCode", process)
            .Set("Input.UnitId", unit.ToString(CultureInfo.InvariantCulture))
            .Set("Input.OpensOn", "2026-11-02")
            .Set("Input.ClosesOn", "2026-12-20")
            .Set("Input.ConfirmWarnings", "true"); // a 148 district round today is warned about before saving
        using var response = await office.PostFormAsync(form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return new RoundUnderTest(app, office, Html.IdFromLocation(response, "/Rounds/Details/"));
    }

    public sealed record Member(HttpClient Client, string UserId, int MemberId, string FullName);

    private sealed class RoundUnderTest(AppFixture app, HttpClient office, int id)
    {
        public int Id => id;

        public async Task<Member> AddMemberAsync(string position)
        {
            var n = Interlocked.Increment(ref counter);
            var userName = $"hoidong.{position.ToLowerInvariant()}.{n}";
            var fullName = $"Thành viên {position} số {n}";
            var userId = await app.WithUsersAsync(async users =>
            {
                var user = new AppUser { UserName = userName, FullName = fullName, Role = Role.CouncilMember, Organisation = "Sở Nông nghiệp và Môi trường" };
                var created = await users.CreateAsync(user, DemoData.Password);
                Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
                return user.Id;
            });
            var form = await office.GetFormAsync($"/Rounds/Details/{id}", "AddMember");
            form.Set("Member.UserId", userId).Set("Member.Position", position);
            using var response = await office.PostFormAsync(form);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            var memberId = await app.QueryAsync(db => db.CouncilMembers.Where(m => m.RoundId == id && m.UserId == userId).Select(m => m.Id).SingleAsync());
            return new Member(await app.SignInAsync(userName, DemoData.Password), userId, memberId, fullName);
        }

        public async Task<int> AddProductAsync(string productName)
        {
            var productId = await app.ProductIdAsync(productName);
            // Found through the picker's search, typed without diacritics.
            var q = Uri.EscapeDataString(Ocop.Core.Text.VietnameseText.Fold(productName));
            var html = await office.GetPageAsync($"/Rounds/Details/{id}?q={q}");
            Assert.Contains($"name=\"AddProduct.ProductId\" value=\"{productId.ToString(CultureInfo.InvariantCulture)}\"", html, StringComparison.Ordinal);
            var form = HtmlForm.Read(html, $"/Rounds/Details/{id}", "AddProduct");
            form.Set("AddProduct.ProductId", productId.ToString(CultureInfo.InvariantCulture));
            using var response = await office.PostFormAsync(form);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            return await app.QueryAsync(db => db.RoundProducts.Where(p => p.RoundId == id && p.ProductId == productId).Select(p => p.Id).SingleAsync());
        }

        /// <summary>The member declares their own conflict on the round's page.</summary>
        public async Task DeclareConflictAsync(Member member, string subjectName, string relation)
        {
            var subjectId = await app.SubjectIdAsync(subjectName);
            var form = await member.Client.GetFormAsync($"/Rounds/Details/{id}", "Conflict");
            form.Set("Conflict.MemberId", member.MemberId.ToString(CultureInfo.InvariantCulture))
                .Set("Conflict.SubjectId", subjectId.ToString(CultureInfo.InvariantCulture))
                .Set("Conflict.Relation", relation);
            using var response = await member.Client.PostFormAsync(form);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }

        public Task<Scoresheet> SheetAsync(int roundProductId) =>
            app.QueryAsync(async db => (await db.RoundProducts.Where(p => p.Id == roundProductId).Select(p => p.Scoresheet!).SingleAsync()).ToModel());

        /// <summary>A complete set of answers: the best option where <paramref name="best"/> holds, the lowest elsewhere; the first case of a choose-one group.</summary>
        public async Task<Dictionary<string, int>> AnswersAsync(int roundProductId, Func<ScoredCriterion, bool> best)
        {
            var sheet = await SheetAsync(roundProductId);
            var answers = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var scored in sheet.ScoredCriteria)
            {
                if (scored.Group.ChooseOne && !ReferenceEquals(scored.Criterion, scored.Group.Criteria[0]))
                {
                    continue;
                }

                var usable = scored.Leaf.Options.Where(o => o.Points is not null).ToList();
                var option = best(scored) ? usable.MaxBy(o => o.Points!.Value) : usable.MinBy(o => o.Points!.Value);
                answers[scored.Leaf.Code] = option?.Number ?? ScoreOption.NoneApplies;
            }

            return answers;
        }

        /// <summary>Posts the member's sheet as the page's form would, with every answer set.</summary>
        public async Task<HttpResponseMessage> ScoreAsync(Member member, int roundProductId, Dictionary<string, int> answers, string command,
            bool useLoadedForm = true, int? version = null)
        {
            var url = $"/Rounds/{id}/Score/{roundProductId}";
            if (!useLoadedForm)
            {
                var fields = answers.Select(a => ($"Answers[{a.Key}]", a.Value.ToString(CultureInfo.InvariantCulture)))
                    .Append(("Version", (version ?? 0).ToString(CultureInfo.InvariantCulture))).Append(("command", command)).ToArray();
                return await member.Client.PostWithTokenAsync(url, fields);
            }

            using var page = await member.Client.GetAsync(url);
            var html = await page.Content.ReadAsStringAsync();
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)page.StatusCode}");
            var form = HtmlForm.Read(html, url);
            foreach (var (code, number) in answers)
            {
                form.Set($"Answers[{code}]", number.ToString(CultureInfo.InvariantCulture));
            }

            form.Set("command", command);
            return await member.Client.PostFormAsync(form);
        }
    }
}
