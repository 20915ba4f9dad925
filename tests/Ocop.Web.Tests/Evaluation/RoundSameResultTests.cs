using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Rounds;
using Ocop.Web.Shared;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Evaluation;

/// <summary>
/// The round's use cases from their pages and called directly (as an API or an importer would): the same records, the
/// same refusals, the same messages. The pages only translate.
/// </summary>
public class RoundSameResultTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task SaveMemberSheet_from_the_sheet_page_and_a_direct_call_stores_the_same_sheet_and_refuses_alike()
    {
        var round = await TestRound.CreateAsync(app);
        var chair = await round.AddMemberAsync(CouncilPosition.Chair);
        var member = await round.AddMemberAsync(CouncilPosition.Member);
        var product = await round.AddProductAsync(Demo.BanhTetMyChanh);
        var answers = await round.AnswersAsync(product, 0.5);

        // A draft from the page (the chair) and from a direct call (the member): the same answers, total and state.
        using (var page = await round.ScoreAsync(chair, product, answers, "save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        }

        var direct = await UseCase.AsAsync(app, member.UserId, (services, scope) => services.GetRequiredService<SaveMemberSheet>().RunAsync(scope,
            new SaveMemberSheet.Command { RoundId = round.Id, RoundProductId = product, Answers = new(answers), Version = 0 }));
        Assert.Equal(WriteOutcome.Done, direct.Outcome);
        var stored = await app.QueryAsync(db => db.MemberScoresheets.AsNoTracking().Where(s => s.RoundProductId == product && s.State == MemberSheetState.Draft)
            .OrderBy(s => s.CouncilMemberId).Select(s => new { s.Answers, s.TotalTenths, s.Version }).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Equal((stored[0].Answers, stored[0].TotalTenths), (stored[1].Answers, stored[1].TotalTenths));

        // A save from the version both started from is stale, with the same message.
        using (var stale = await PostSheetAsync(chair, round.Id, product, answers, "save", 0))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Contains(SaveMemberSheet.StaleMessage, Html.Text(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var directStale = await UseCase.AsAsync(app, member.UserId, (services, scope) => services.GetRequiredService<SaveMemberSheet>().RunAsync(scope,
            new SaveMemberSheet.Command { RoundId = round.Id, RoundProductId = product, Answers = new(answers), Version = 0 }));
        Assert.Equal((WriteOutcome.Stale, SaveMemberSheet.StaleMessage), (directStale.Outcome, directStale.Message));

        // Submitting an incomplete sheet: the same refusal, nothing written.
        var partial = new Dictionary<string, int>(answers);
        partial.Remove(partial.Keys.First());
        using (var refused = await PostSheetAsync(chair, round.Id, product, partial, "submit", stored[0].Version))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var directRefused = await UseCase.AsAsync(app, member.UserId, (services, scope) => services.GetRequiredService<SaveMemberSheet>().RunAsync(scope,
                new SaveMemberSheet.Command { RoundId = round.Id, RoundProductId = product, Answers = partial, Version = stored[1].Version, Submit = true }));
            Assert.Equal(WriteOutcome.Invalid, directRefused.Outcome);
            Assert.Contains(Assert.Single(directRefused.AllMessages()), Html.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // Someone without a seat is refused by both.
        var office = await app.As(Demo.ProgramOffice);
        using (var outsider = await office.GetAsync($"/Rounds/{round.Id}/Score/{product}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
        }

        var directOutsider = await UseCase.AsAsync(app, await app.UserIdAsync(Demo.ProgramOffice), (services, scope) => services.GetRequiredService<SaveMemberSheet>()
            .RunAsync(scope, new SaveMemberSheet.Command { RoundId = round.Id, RoundProductId = product, Answers = new(answers) }));
        Assert.Equal(WriteOutcome.Refused, directOutsider.Outcome);
    }

    [Fact]
    public async Task The_choose_one_case_rule_drops_the_other_case_from_the_page_and_from_a_direct_call_alike()
    {
        var round = await TestRound.CreateAsync(app);
        var chair = await round.AddMemberAsync(CouncilPosition.Chair);
        var member = await round.AddMemberAsync(CouncilPosition.Member);
        var tour = await round.AddProductAsync(Demo.ConChimTour);
        var sheet = await round.SheetAsync(tour);
        var group = sheet.Parts.SelectMany(p => p.Groups).First(g => g.ChooseOne);
        var second = group.Criteria[1];
        var answers = await round.AnswersAsync(tour, 1);
        foreach (var leaf in second.Leaves())
        {
            answers[leaf.Code] = leaf.Options[0].Number;
        }

        var form = await chair.Client.GetFormAsync($"/Rounds/{round.Id}/Score/{tour}");
        foreach (var (code, number) in answers)
        {
            form.Set($"Answers[{code}]", Id(number));
        }

        using (var page = await chair.Client.PostFormAsync(form.Set($"Case[{group.Code}]", second.Code).Set("command", "save")))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        }

        var direct = await UseCase.AsAsync(app, member.UserId, (services, scope) => services.GetRequiredService<SaveMemberSheet>().RunAsync(scope,
            new SaveMemberSheet.Command { RoundId = round.Id, RoundProductId = tour, Answers = answers, Cases = new() { [group.Code] = second.Code } }));
        Assert.Equal(WriteOutcome.Done, direct.Outcome);

        var stored = await app.QueryAsync(db => db.MemberScoresheets.AsNoTracking().Where(s => s.RoundProductId == tour && s.State == MemberSheetState.Draft)
            .Select(s => s.Answers).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Equal(stored[0], stored[1]);
        var kept = SheetJson.Answers(stored[0]);
        Assert.All(group.Criteria[0].Leaves(), leaf => Assert.False(kept.ContainsKey(leaf.Code)));
        Assert.All(second.Leaves(), leaf => Assert.True(kept.ContainsKey(leaf.Code)));
    }

    [Fact]
    public async Task Setting_up_the_council_and_products_from_the_round_page_and_directly_checks_alike()
    {
        var round = await TestRound.CreateAsync(app);
        var chair = await round.AddMemberAsync(CouncilPosition.Chair);
        var product = await round.AddProductAsync(Demo.BanhTetLaCam);
        var office = await app.As(Demo.ProgramOffice);
        var officeId = await app.UserIdAsync(Demo.ProgramOffice);

        // A second chair.
        var form = (await office.GetFormAsync($"/Rounds/Details/{round.Id}", "AddMember"))
            .Set("Member.UserId", "").Set("Member.FullName", "Chuyên gia bên ngoài").Set("Member.Organisation", "Trường Đại học Trà Vinh").Set("Member.Position", "Chair");
        var pageErrors = Html.FieldErrors(await (await office.PostFormAsync(form)).Content.ReadAsStringAsync());
        var direct = await UseCase.AsAsync(app, officeId, (services, scope) => services.GetRequiredService<AddCouncilMember>().RunAsync(scope,
            new AddCouncilMember.Command { RoundId = round.Id, FullName = "Chuyên gia bên ngoài", Organisation = "Trường Đại học Trà Vinh", Position = CouncilPosition.Chair }));
        Assert.Equal(WriteOutcome.Invalid, direct.Outcome);
        Assert.Equal(pageErrors["Member.Position"], Assert.Single(direct.Errors["Position"]));

        // The same product twice.
        var productId = await app.ProductIdAsync(Demo.BanhTetLaCam);
        var again = await UseCase.AsAsync(app, officeId, (services, scope) => services.GetRequiredService<AddRoundProduct>().RunAsync(scope,
            new AddRoundProduct.Command { RoundId = round.Id, ProductId = productId }));
        using (var pagePost = await office.PostWithTokenAsync($"/Rounds/Details/{round.Id}?handler=AddProduct", ("AddProduct.ProductId", Id(productId))))
        {
            Assert.Equal(Html.FieldErrors(await pagePost.Content.ReadAsStringAsync())["AddProduct.ProductId"], Assert.Single(again.Errors["ProductId"]));
        }

        // A conflict without its relation, then a member added directly: their sheets are made as the page makes them.
        var subject = await app.SubjectIdAsync(Demo.BaNam);
        var noRelation = await UseCase.AsAsync(app, chair.UserId, (services, scope) => services.GetRequiredService<DeclareConflict>().RunAsync(scope,
            new DeclareConflict.Command { RoundId = round.Id, MemberId = chair.MemberId, SubjectId = subject }));
        using (var pagePost = await chair.Client.PostWithTokenAsync($"/Rounds/Details/{round.Id}?handler=Conflict",
                   ("Conflict.MemberId", Id(chair.MemberId)), ("Conflict.SubjectId", Id(await app.SubjectIdAsync(Demo.BaNam)))))
        {
            Assert.Equal(Html.FieldErrors(await pagePost.Content.ReadAsStringAsync())["Conflict.Relation"], Assert.Single(noRelation.Errors["Relation"]));
        }

        var added = await UseCase.AsAsync(app, officeId, (services, scope) => services.GetRequiredService<AddCouncilMember>().RunAsync(scope,
            new AddCouncilMember.Command { RoundId = round.Id, UserId = officeId, Position = CouncilPosition.Secretary }));
        Assert.Equal(WriteOutcome.Done, added.Outcome);
        var sheets = await app.QueryAsync(db => db.MemberScoresheets.Where(s => s.RoundProductId == product).Select(s => new { s.CouncilMemberId, s.State }).ToListAsync());
        Assert.Contains(sheets, s => s.CouncilMemberId == added.Value!.MemberId && s.State == MemberSheetState.NotStarted);
        Assert.Contains(sheets, s => s.CouncilMemberId == chair.MemberId);

        // A council member cannot set the round up, from the page or directly.
        using (var refused = await chair.Client.PostWithTokenAsync($"/Rounds/Details/{round.Id}?handler=AddProduct", ("AddProduct.ProductId", Id(productId))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var directRefused = await UseCase.AsAsync(app, chair.UserId, (services, scope) => services.GetRequiredService<AddRoundProduct>().RunAsync(scope,
            new AddRoundProduct.Command { RoundId = round.Id, ProductId = productId }));
        Assert.Equal(WriteOutcome.Refused, directRefused.Outcome);
    }

    [Fact]
    public async Task CloseRound_from_the_results_page_and_directly_refuses_alike_and_closes_once()
    {
        var round = await TestRound.CreateAsync(app);
        var chair = await round.AddMemberAsync(CouncilPosition.Chair);
        var member = await round.AddMemberAsync(CouncilPosition.Member);
        var product = await round.AddProductAsync(Demo.BanhTetNhanChuoi);
        var answers = await round.AnswersAsync(product, 1);
        await round.ScoreOkAsync(chair, product, answers);

        // Only the chair: a member is refused by both.
        using (var page = await member.Client.PostWithTokenAsync($"/Rounds/{round.Id}/Results?handler=Close"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        }

        var refused = await Close(member.UserId, round.Id);
        Assert.Equal(WriteOutcome.Refused, refused.Outcome);

        // A sheet still pending: the same reason from both.
        using (var page = await chair.Client.PostWithTokenAsync($"/Rounds/{round.Id}/Results?handler=Close"))
        {
            Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
            var blocked = await Close(chair.UserId, round.Id);
            Assert.Equal(WriteOutcome.Invalid, blocked.Outcome);
            Assert.Contains(Assert.Single(blocked.AllMessages()), Html.Text(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        await round.ScoreOkAsync(member, product, answers);
        Assert.Equal(WriteOutcome.Done, (await Close(chair.UserId, round.Id)).Outcome);
        using (var page = await chair.Client.PostWithTokenAsync($"/Rounds/{round.Id}/Results?handler=Close"))
        {
            Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
            var twice = await Close(chair.UserId, round.Id);
            Assert.Equal(WriteOutcome.Stale, twice.Outcome);
            Assert.Contains(twice.Message!, Html.Text(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var closed = await app.QueryAsync(db => db.EvaluationRounds.Where(r => r.Id == round.Id).Select(r => new { r.State, r.ClosedAt }).SingleAsync());
        Assert.Equal(RoundState.Closed, closed.State);
        Assert.Equal(1, await app.QueryAsync(db => db.IssuedDocuments.CountAsync(d => d.RoundId == round.Id && d.Kind == IssuedDocumentKind.Minutes)));
    }

    [Fact]
    public async Task SaveRound_from_the_round_form_and_directly_warns_alike_and_saves_nothing_until_confirmed()
    {
        var office = await app.As(Demo.ProgramOffice);
        var officeId = await app.UserIdAsync(Demo.ProgramOffice);
        // A ceased province (Trà Vinh, before the 2025 merger) organising a round of 2026.
        var ceased = await app.QueryAsync(db => db.Units.Where(u => u.Level == Core.Units.UnitLevel.Province && u.ValidTo != null).Select(u => u.Id).FirstAsync());
        var name = "Đợt thử cảnh báo " + Guid.NewGuid().ToString("N")[..6];
        var before = await app.QueryAsync(db => db.EvaluationRounds.CountAsync());
        var form = (await office.GetFormAsync("/Rounds/Edit")).Set("Input.Name", name).Set("Input.Level", nameof(EvaluationLevel.Province))
            .Set("Input.ProcessCode", "26/2026").Set("Input.UnitId", Id(ceased)).Set("Input.OpensOn", "2026-11-02").Set("Input.ClosesOn", "2026-12-20");
        using var page = await office.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = Html.Text(await page.Content.ReadAsStringAsync());

        var command = new SaveRound.Command
        {
            Name = name,
            Level = EvaluationLevel.Province,
            ProcessCode = "26/2026",
            UnitId = ceased,
            OpensOn = new DateOnly(2026, 11, 2),
            ClosesOn = new DateOnly(2026, 12, 20),
        };
        var direct = await UseCase.AsAsync(app, officeId, (services, scope) => services.GetRequiredService<SaveRound>().RunAsync(scope, command));
        Assert.Equal(WriteOutcome.Invalid, direct.Outcome);
        Assert.NotEmpty(direct.Errors[SaveRound.WarningsField]);
        Assert.All(direct.Errors[SaveRound.WarningsField], warning => Assert.Contains(warning, html, StringComparison.Ordinal));
        Assert.Equal(before, await app.QueryAsync(db => db.EvaluationRounds.CountAsync()));

        command.ConfirmWarnings = true;
        var saved = await UseCase.AsAsync(app, officeId, (services, scope) => services.GetRequiredService<SaveRound>().RunAsync(scope, command));
        Assert.Equal(WriteOutcome.Done, saved.Outcome);
        var audit = await app.AuditAsync(nameof(EvaluationRound), saved.Value!.Id);
        Assert.Equal(Demo.ProgramOffice, Assert.Single(audit).UserName);
    }

    /// <summary>A post of the sheet's form made from a given version (as a stale window would send it).</summary>
    private static Task<HttpResponseMessage> PostSheetAsync(TestMember member, int roundId, int product, Dictionary<string, int> answers, string command, int version) =>
        member.Client.PostWithTokenAsync($"/Rounds/{roundId}/Score/{product}",
            [.. answers.Select(a => ($"Answers[{a.Key}]", Id(a.Value))), ("Version", Id(version)), ("command", command)]);

    private Task<WriteResult<CloseRound.Closed>> Close(string userId, int roundId) =>
        UseCase.AsAsync(app, userId, (services, scope) => services.GetRequiredService<CloseRound>().RunAsync(scope, new CloseRound.Command { RoundId = roundId }));
}

/// <summary>Runs a use case outside a page, as the given user: their scope as a request would load it, their name in the audit.</summary>
internal static class UseCase
{
    public static async Task<T> AsAsync<T>(AppFixture app, string userId, Func<IServiceProvider, UserScope, Task<T>> run)
    {
        var userName = await app.QueryAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.UserName!).SingleAsync());
        using var services = app.Factory.Services.CreateScope();
        var accessor = services.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        var previous = accessor.HttpContext;
        accessor.HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, userName)], "use-case")),
            RequestServices = services.ServiceProvider,
        };
        try
        {
            var scope = await services.ServiceProvider.GetRequiredService<UserScopeLoader>().GetAsync();
            return await run(services.ServiceProvider, scope);
        }
        finally
        {
            accessor.HttpContext = previous;
        }
    }
}
