using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Cycle;
using Ocop.Web.Shared;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Api;

/// <summary>
/// The cycle's pages and the same use cases called directly (as the API or an importer calls them: own service scope,
/// acting as the user): the same entry and history, the same refusal on the same field — one test per use case.
/// </summary>
public class CycleUseCaseSameResultTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<WriteResult<T>> DirectAsync<TUseCase, T>(Func<TUseCase, UserScope, Task<WriteResult<T>>> run, string userName = Demo.ProgramOffice,
        Role role = Role.ProgramOffice)
        where TUseCase : notnull
    {
        using var scope = app.Factory.Services.CreateScope();
        var userId = await app.UserIdAsync(userName);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(userId, userName);
        // The office covers every commune of the demo (its province and the units before it), as its sign-in scope does.
        var communes = await app.QueryAsync(db => db.Units.Select(u => u.Id).ToListAsync());
        var user = new UserScope { UserId = userId, Role = role, CommuneIds = communes.ToHashSet(), CoversEveryCommune = true };
        return await run(scope.ServiceProvider.GetRequiredService<TUseCase>(), user);
    }

    private Task<CycleEntry> EntryAsync(int id) => app.QueryAsync(db => db.CycleEntries.AsNoTracking().Include(e => e.Events).SingleAsync(e => e.Id == id));

    private async Task<RecordCycleEntry.Command> IdeaAsync(CycleStep step = CycleStep.Communication) => new()
    {
        Year = DateTime.UtcNow.AddHours(7).Year,
        CommuneId = await app.CommuneIdAsync(Demo.DaLoc),
        ProposerName = "Bà Sáu",
        IdeaName = "Bánh ít lá gai " + Tag(),
        Step = step,
    };

    private static HtmlForm Fill(HtmlForm form, RecordCycleEntry.Command c) =>
        form.Set("Input.Year", Id(c.Year!.Value)).Set("Input.CommuneId", Id(c.CommuneId!.Value)).Set("Input.ProposerName", c.ProposerName)
            .Set("Input.IdeaName", c.IdeaName).Set("Input.Step", c.Step.ToString());

    private async Task<int> RecordedAsync(CycleStep step = CycleStep.Communication)
    {
        var command = await IdeaAsync(step);
        var result = await DirectAsync<RecordCycleEntry, RecordCycleEntry.Recorded>((u, s) => u.RunAsync(s, command));
        Assert.Equal(WriteOutcome.Done, result.Outcome);
        return result.Value!.EntryId;
    }

    [Fact]
    public async Task RecordCycleEntry_from_the_form_and_called_directly_records_alike_and_refuses_alike()
    {
        var office = await app.As(Demo.ProgramOffice);
        var viaPageCommand = await IdeaAsync(CycleStep.IdeaRegistration);
        using var response = await office.PostFormAsync(Fill(await office.GetFormAsync("/Cycle/Create"), viaPageCommand));
        var fromPage = await EntryAsync(Html.IdFromLocation(response, "/Cycle/Details/"));
        var directCommand = await IdeaAsync(CycleStep.IdeaRegistration);
        var result = await DirectAsync<RecordCycleEntry, RecordCycleEntry.Recorded>((u, s) => u.RunAsync(s, directCommand));
        var fromDirect = await EntryAsync(result.Value!.EntryId);
        Assert.Equal((viaPageCommand.IdeaName, CycleStep.IdeaRegistration), (fromPage.IdeaName, fromPage.Step));
        Assert.Equal((fromPage.Year, fromPage.CommuneId, fromPage.ProposerName, fromPage.Step, fromPage.State),
            (fromDirect.Year, fromDirect.CommuneId, fromDirect.ProposerName, fromDirect.Step, fromDirect.State));
        var (pageEvent, directEvent) = (Assert.Single(fromPage.Events), Assert.Single(fromDirect.Events));
        Assert.Equal((pageEvent.ToStep, pageEvent.Note, pageEvent.UserId), (directEvent.ToStep, directEvent.Note, directEvent.UserId));

        // An idea cannot start at the business plan: the same message on the same field, nothing written.
        var count = await app.QueryAsync(db => db.CycleEntries.CountAsync());
        var late = await IdeaAsync(CycleStep.BusinessPlan);
        using var refused = await office.PostFormAsync(Fill(await office.GetFormAsync("/Cycle/Create"), late));
        var pageError = Html.FieldErrors(await refused.Content.ReadAsStringAsync())["Input.Step"];
        var directRefusal = await DirectAsync<RecordCycleEntry, RecordCycleEntry.Recorded>((u, s) => u.RunAsync(s, late));
        Assert.Equal(pageError, Assert.Single(directRefusal.Errors["Step"]));
        Assert.Equal(count, await app.QueryAsync(db => db.CycleEntries.CountAsync()));

        // The leader records nothing: forbidden on the page, refused directly.
        var leader = await DirectAsync<RecordCycleEntry, RecordCycleEntry.Recorded>((u, s) => u.RunAsync(s, late), Demo.Leader, Role.Leader);
        Assert.Equal(WriteOutcome.Refused, leader.Outcome);
    }

    [Fact]
    public async Task MoveCycleEntry_from_the_page_and_called_directly_moves_alike_and_refuses_alike()
    {
        var (viaPage, direct) = (await RecordedAsync(), await RecordedAsync());
        var office = await app.As(Demo.ProgramOffice);
        using (var response = await office.PostWithTokenAsync($"/Cycle/Details/{viaPage}?handler=Advance", ("version", Id((await EntryAsync(viaPage)).Version)), ("note", "Đã tuyên truyền")))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var result = await DirectAsync<MoveCycleEntry, MoveCycleEntry.Moved>((u, s) =>
            u.RunAsync(s, new MoveCycleEntry.Command(direct, -1, CycleAction.Advance, "Đã tuyên truyền")));
        Assert.Equal(WriteOutcome.Stale, result.Outcome); // the version the command was made from matters
        result = await DirectAsync<MoveCycleEntry, MoveCycleEntry.Moved>(async (u, s) =>
            await u.RunAsync(s, new MoveCycleEntry.Command(direct, (await EntryAsync(direct)).Version, CycleAction.Advance, "Đã tuyên truyền")));
        Assert.Equal(WriteOutcome.Done, result.Outcome);
        var (fromPage, fromDirect) = (await EntryAsync(viaPage), await EntryAsync(direct));
        Assert.Equal((CycleStep.IdeaRegistration, CycleState.Active), (fromPage.Step, fromPage.State));
        Assert.Equal((fromPage.Step, fromPage.State), (fromDirect.Step, fromDirect.State));
        var (pageEvent, directEvent) = (fromPage.Events.MaxBy(e => e.Id)!, fromDirect.Events.MaxBy(e => e.Id)!);
        Assert.Equal((pageEvent.Action, pageEvent.FromStep, pageEvent.ToStep, pageEvent.Note, pageEvent.UserId),
            (directEvent.Action, directEvent.FromStep, directEvent.ToStep, directEvent.Note, directEvent.UserId));

        // A return without reasons (from the review): the page's "reason" field and the command's note say the same.
        foreach (var id in new[] { viaPage, direct })
        {
            var moved = await DirectAsync<MoveCycleEntry, MoveCycleEntry.Moved>(async (u, s) =>
                await u.RunAsync(s, new MoveCycleEntry.Command(id, (await EntryAsync(id)).Version, CycleAction.Advance, null)));
            Assert.Equal(WriteOutcome.Done, moved.Outcome);
        }

        using var refused = await office.PostWithTokenAsync($"/Cycle/Details/{viaPage}?handler=Return", ("version", Id((await EntryAsync(viaPage)).Version)), ("reason", " "));
        var pageError = Html.FieldErrors(await refused.Content.ReadAsStringAsync())["reason"];
        var directRefusal = await DirectAsync<MoveCycleEntry, MoveCycleEntry.Moved>(async (u, s) =>
            await u.RunAsync(s, new MoveCycleEntry.Command(direct, (await EntryAsync(direct)).Version, CycleAction.Return, " ")));
        Assert.Equal(pageError, Assert.Single(directRefusal.Errors["Note"]));
        Assert.Equal(CycleState.Active, (await EntryAsync(direct)).State);

        // The review's decision is not a commune officer's: forbidden on the page, refused directly.
        var officer = await DirectAsync<MoveCycleEntry, MoveCycleEntry.Moved>(async (u, s) =>
            await u.RunAsync(new UserScope { UserId = s.UserId, Role = Role.CommuneOfficer, CommuneIds = new HashSet<int> { (await EntryAsync(direct)).CommuneId } },
                new MoveCycleEntry.Command(direct, (await EntryAsync(direct)).Version, CycleAction.Return, "Thiếu giấy tờ")), Demo.ChauThanhOfficer, Role.CommuneOfficer);
        Assert.Equal(WriteOutcome.Refused, officer.Outcome);
        using var forbidden = await (await app.As(Demo.ChauThanhOfficer)).PostWithTokenAsync($"/Cycle/Details/{viaPage}?handler=Return",
            ("version", Id((await EntryAsync(viaPage)).Version)), ("reason", "Thiếu giấy tờ"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task LinkCycleEntry_from_the_page_and_called_directly_links_alike_and_refuses_alike()
    {
        var product = await app.ProductIdAsync(Demo.BanhTetLaCam);
        var roundProduct = await app.QueryAsync(db => db.RoundProducts.Where(r => r.ProductId == product).Select(r => r.Id).FirstAsync());
        var commune = await app.QueryAsync(db => db.Products.Where(p => p.Id == product).Select(p => p.CommuneId).SingleAsync());
        var (viaPage, direct) = (await AtEvaluationAsync(commune), await AtEvaluationAsync(commune));
        var office = await app.As(Demo.ProgramOffice);

        // No round product chosen: the same message, on the page's field and the command's.
        using (var refused = await office.PostWithTokenAsync($"/Cycle/Details/{viaPage}?handler=Link", ("version", Id((await EntryAsync(viaPage)).Version))))
        {
            var pageError = Html.FieldErrors(await refused.Content.ReadAsStringAsync())["roundProductId"];
            var directRefusal = await DirectAsync<LinkCycleEntry, LinkCycleEntry.Linked>(async (u, s) =>
                await u.RunAsync(s, new LinkCycleEntry.Command(direct, (await EntryAsync(direct)).Version, null)));
            Assert.Equal(pageError, Assert.Single(directRefusal.Errors["RoundProductId"]));
        }

        using (var response = await office.PostWithTokenAsync($"/Cycle/Details/{viaPage}?handler=Link",
                   ("version", Id((await EntryAsync(viaPage)).Version)), ("roundProductId", Id(roundProduct))))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var result = await DirectAsync<LinkCycleEntry, LinkCycleEntry.Linked>(async (u, s) =>
            await u.RunAsync(s, new LinkCycleEntry.Command(direct, (await EntryAsync(direct)).Version, roundProduct)));
        Assert.Equal(WriteOutcome.Done, result.Outcome);
        var (fromPage, fromDirect) = (await EntryAsync(viaPage), await EntryAsync(direct));
        Assert.Equal((roundProduct, product), (fromPage.RoundProductId!.Value, fromPage.ProductId!.Value));
        Assert.Equal((fromPage.RoundProductId, fromPage.ProductId, fromPage.SubjectId, fromPage.Events.Count),
            (fromDirect.RoundProductId, fromDirect.ProductId, fromDirect.SubjectId, fromDirect.Events.Count));

        // A producer does not link: refused directly as the page offers them no form.
        var producer = await DirectAsync<LinkCycleEntry, LinkCycleEntry.Linked>(async (u, s) =>
            await u.RunAsync(s, new LinkCycleEntry.Command(direct, (await EntryAsync(direct)).Version, roundProduct)), Demo.Producer, Role.Producer);
        Assert.NotEqual(WriteOutcome.Done, producer.Outcome);
    }

    /// <summary>An idea of the commune already at the evaluation step, as moving it five times would leave it.</summary>
    private Task<int> AtEvaluationAsync(int communeId) => app.QueryAsync(async db =>
    {
        var entry = new CycleEntry
        {
            Year = DateTime.UtcNow.AddHours(7).Year,
            CommuneId = communeId,
            ProposerName = "Bà Năm",
            IdeaName = "Bánh tét lá cẩm " + Tag(),
            Step = CycleStep.Evaluation,
            State = CycleState.Active,
            StepEnteredAt = DateTime.UtcNow,
        };
        db.CycleEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    });
}
