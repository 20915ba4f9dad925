using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Planning;
using Ocop.Web.Shared;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Planning;

/// <summary>
/// <see cref="SavePlan"/> and <see cref="CopyPlan"/> from their pages and called directly (<see cref="DirectCall"/>):
/// the same plans under the same user, the same refusals with the same words on the same fields, the same answer to
/// a stale change, a plan that is not there and a user who makes no plans.
/// </summary>
public class PlanSameResultTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static T Fields<T>(T command, string number, int unitId)
        where T : PlanFieldsCommand
    {
        command.Number = number;
        command.Title = "Kế hoạch OCOP phường Hòa Thuận " + number;
        command.Issuer = "UBND phường Hòa Thuận";
        command.IssuedOn = new DateOnly(Today.Year, 1, 15);
        command.PeriodFrom = new DateOnly(Today.Year, 1, 1);
        command.PeriodTo = new DateOnly(Today.Year, 12, 31);
        command.UnitId = unitId;
        command.Note = "Ghi chú " + number;
        return command;
    }

    private static HtmlForm Fill(HtmlForm form, PlanFieldsCommand c) =>
        form.Set("Input.Number", c.Number).Set("Input.Title", c.Title).Set("Input.Issuer", c.Issuer)
            .Set("Input.IssuedOn", Iso(c.IssuedOn!.Value)).Set("Input.PeriodFrom", Iso(c.PeriodFrom!.Value)).Set("Input.PeriodTo", Iso(c.PeriodTo!.Value))
            .Set("Input.UnitId", Id(c.UnitId!.Value)).Set("Input.ParentId", c.ParentId is int p ? Id(p) : "").Set("Input.Note", c.Note);

    /// <summary>Posts a form read from one page (its token and fields) to another address.</summary>
    private static async Task<HttpResponseMessage> PostToAsync(HttpClient client, HtmlForm form, string url)
    {
        using var content = new FormUrlEncodedContent(form.Fields);
        return await client.PostAsync(url, content);
    }

    // Everything but the number, title and note, which each test gives its own.
    private static object Shape(Plan p) => (p.Issuer, p.IssuedOn, p.PeriodFrom, p.PeriodTo, p.UnitId, p.ParentId);

    private Task<Plan> PlanAsync(string number, int? unitId) =>
        app.QueryAsync(db => db.Plans.AsNoTracking().Include(p => p.Targets).SingleAsync(p => p.Number == number && p.UnitId == unitId));

    [Fact]
    public async Task SavePlan_from_the_form_and_called_directly_creates_alike_refuses_alike_and_turns_back_a_stale_change()
    {
        var office = await app.As(Demo.ProgramOffice);
        var commune = await app.CurrentCommuneIdAsync("29398");
        var (pageNumber, directNumber) = ("P" + Tag() + "/KH", "D" + Tag() + "/KH");

        using (var created = await office.PostFormAsync(Fill(await office.GetFormAsync("/Planning/Edit"), Fields(new SavePlan.Command(), pageNumber, commune))))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var direct = await DirectCall.RunAsync<SavePlan, WriteResult<SavePlan.Saved>>(app, Demo.ProgramOffice,
            (use, scope) => use.RunAsync(scope, Fields(new SavePlan.Command(), directNumber, commune)));
        Assert.Equal(WriteOutcome.Done, direct.Outcome);
        Assert.True(direct.Value!.Created);
        var (fromPage, fromDirect) = (await PlanAsync(pageNumber, commune), await PlanAsync(directNumber, commune));
        Assert.Equal(direct.Value.PlanId, fromDirect.Id);
        Assert.Equal(Shape(fromPage), Shape(fromDirect));
        Assert.Equal(("Ghi chú " + pageNumber, "Ghi chú " + directNumber), (fromPage.Note, fromDirect.Note));
        var (pageAudit, directAudit) = ((await app.AuditAsync(nameof(Plan), fromPage.Id))[0], (await app.AuditAsync(nameof(Plan), fromDirect.Id))[0]);
        Assert.Equal((pageAudit.Action, pageAudit.UserName), (directAudit.Action, directAudit.UserName));

        // A number the unit already has, a period ending before it starts, a national program from an office, a parent
        // that is not there: refused alike, nothing written.
        var reversed = Fields(new SavePlan.Command(), "R" + Tag(), commune);
        (reversed.PeriodFrom, reversed.PeriodTo) = (reversed.PeriodTo, reversed.PeriodFrom);
        var national = Fields(new SavePlan.Command(), "N" + Tag(), commune);
        national.UnitId = PlanReach.National;
        var orphan = Fields(new SavePlan.Command(), "O" + Tag(), commune);
        orphan.ParentId = 987654;
        var plans = await app.QueryAsync(db => db.Plans.CountAsync());
        foreach (var (refused, field) in new[]
        {
            (Fields(new SavePlan.Command(), pageNumber, commune), "Number"), (reversed, "PeriodTo"), (national, "UnitId"), (orphan, "ParentId"),
        })
        {
            var form = Fill(await office.GetFormAsync("/Planning/Edit"), refused);
            using var page = await office.PostFormAsync(form);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var errors = Html.FieldErrors(await page.Content.ReadAsStringAsync());
            var result = await DirectCall.RunAsync<SavePlan, WriteResult<SavePlan.Saved>>(app, Demo.ProgramOffice, (use, scope) => use.RunAsync(scope, refused));
            Assert.Equal(WriteOutcome.Invalid, result.Outcome);
            Assert.Equal(errors["Input." + field], Assert.Single(result.Errors[field]));
        }

        Assert.Equal(plans, await app.QueryAsync(db => db.Plans.CountAsync()));

        // A change made from an older version: the page says it above the form, the direct call is stale, in the same words.
        var editForm = await office.GetFormAsync($"/Planning/Edit/{fromDirect.Id}");
        var renamed = SavePlan.Command.From(fromDirect);
        renamed.Title = "Kế hoạch OCOP phường Hòa Thuận (đã sửa)";
        var done = await DirectCall.RunAsync<SavePlan, WriteResult<SavePlan.Saved>>(app, Demo.ProgramOffice, (use, scope) => use.RunAsync(scope, renamed));
        Assert.Equal((WriteOutcome.Done, false), (done.Outcome, done.Value!.Created));
        using (var stalePage = await office.PostFormAsync(editForm.Set("Input.Title", "Tên khác")))
        {
            Assert.Equal(HttpStatusCode.OK, stalePage.StatusCode);
            Assert.Contains(SavePlan.StaleMessage, Html.SummaryErrors(await stalePage.Content.ReadAsStringAsync()));
        }

        var stale = SavePlan.Command.From(fromDirect);
        stale.Title = "Tên khác";
        var staleResult = await DirectCall.RunAsync<SavePlan, WriteResult<SavePlan.Saved>>(app, Demo.ProgramOffice, (use, scope) => use.RunAsync(scope, stale));
        Assert.Equal((WriteOutcome.Stale, SavePlan.StaleMessage), (staleResult.Outcome, staleResult.Message));
        Assert.Equal(renamed.Title, (await PlanAsync(directNumber, commune)).Title);
        var audit = await app.AuditAsync(nameof(Plan), fromDirect.Id);
        Assert.Equal((2, Demo.ProgramOffice), (audit.Count, audit[^1].UserName));

        // A plan that is not there, and a leader who makes no plans: the page answers 404 and 403, the direct call alike.
        var missing = Fields(new SavePlan.Command(), "M" + Tag(), commune);
        missing.Id = 987654;
        using (var notFound = await PostToAsync(office, Fill(editForm, missing), "/Planning/Edit/987654"))
        {
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        }

        Assert.Equal(WriteOutcome.NotFound,
            (await DirectCall.RunAsync<SavePlan, WriteResult<SavePlan.Saved>>(app, Demo.ProgramOffice, (use, scope) => use.RunAsync(scope, missing))).Outcome);

        var leaderCommand = Fields(new SavePlan.Command(), "L" + Tag(), commune);
        using (var forbidden = await (await app.As(Demo.Leader)).PostWithTokenAsync("/Planning/Edit", ("Input.Number", leaderCommand.Number), ("Input.Title", leaderCommand.Title),
            ("Input.Issuer", leaderCommand.Issuer), ("Input.IssuedOn", Iso(leaderCommand.IssuedOn!.Value)), ("Input.PeriodFrom", Iso(leaderCommand.PeriodFrom!.Value)),
            ("Input.PeriodTo", Iso(leaderCommand.PeriodTo!.Value)), ("Input.UnitId", Id(commune))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        var leader = await DirectCall.RunAsync<SavePlan, WriteResult<SavePlan.Saved>>(app, Demo.Leader, (use, scope) => use.RunAsync(scope, leaderCommand));
        Assert.Equal(WriteOutcome.Refused, leader.Outcome);
        Assert.Equal(plans, await app.QueryAsync(db => db.Plans.CountAsync()));
    }

    [Fact]
    public async Task CopyPlan_from_the_form_and_called_directly_copies_alike_and_refuses_alike()
    {
        var admin = await app.As(Demo.Admin);
        var source = await app.QueryAsync(db => db.Plans.AsNoTracking().Include(p => p.Targets).SingleAsync(p => p.Number == DemoPlans2026.ProvincePlanNumber));
        Assert.NotEmpty(source.Targets);
        var (pageNumber, directNumber) = ("P" + Tag() + "/KH", "D" + Tag() + "/KH");
        CopyPlan.Command Command(string number) => new()
        {
            SourceId = source.Id,
            Number = number,
            Title = "Kế hoạch OCOP giai đoạn 2031–2035 " + number,
            Issuer = source.Issuer,
            IssuedOn = new DateOnly(Today.Year, 2, 1),
            PeriodFrom = new DateOnly(2031, 1, 1),
            PeriodTo = new DateOnly(2035, 12, 31),
            UnitId = source.UnitId,
        };

        using (var copied = await admin.PostFormAsync(Fill(await admin.GetFormAsync($"/Planning/Copy/{source.Id}"), Command(pageNumber))))
        {
            Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        }

        var direct = await DirectCall.RunAsync<CopyPlan, WriteResult<CopyPlan.Copied>>(app, Demo.Admin, (use, scope) => use.RunAsync(scope, Command(directNumber)));
        Assert.Equal(WriteOutcome.Done, direct.Outcome);
        Assert.Equal((source.Number, source.Targets.Count), (direct.Value!.SourceNumber, direct.Value.Targets));
        var (fromPage, fromDirect) = (await PlanAsync(pageNumber, source.UnitId), await PlanAsync(directNumber, source.UnitId));
        Assert.Equal(direct.Value.PlanId, fromDirect.Id);
        Assert.Equal(Shape(fromPage), Shape(fromDirect));
        static IEnumerable<object> Targets(Plan p) => p.Targets.OrderBy(t => t.Code, StringComparer.Ordinal)
            .Select(t => (object)(t.Code, t.Wording, t.IndicatorId, t.TargetValue, t.Direction, t.Deadline, t.SortOrder));
        Assert.Equal(Targets(fromPage), Targets(fromDirect));
        Assert.All(fromDirect.Targets, t => Assert.Equal(new DateOnly(2035, 12, 31), t.Deadline));
        var (pageAudit, directAudit) = ((await app.AuditAsync(nameof(Plan), fromPage.Id))[0], (await app.AuditAsync(nameof(Plan), fromDirect.Id))[0]);
        Assert.Equal((pageAudit.Action, pageAudit.UserName), (directAudit.Action, directAudit.UserName));

        // A number the unit already has: refused alike, on the number, and no plan or target written.
        var counts = await app.QueryAsync(async db => (await db.Plans.CountAsync(), await db.PlanTargets.CountAsync()));
        var taken = Command(pageNumber);
        using (var page = await admin.PostFormAsync(Fill(await admin.GetFormAsync($"/Planning/Copy/{source.Id}"), taken)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var errors = Html.FieldErrors(await page.Content.ReadAsStringAsync());
            var result = await DirectCall.RunAsync<CopyPlan, WriteResult<CopyPlan.Copied>>(app, Demo.Admin, (use, scope) => use.RunAsync(scope, taken));
            Assert.Equal(WriteOutcome.Invalid, result.Outcome);
            Assert.Equal(errors["Input.Number"], Assert.Single(result.Errors["Number"]));
        }

        // A source that is not there, and a department that makes no plans.
        var missing = Command("M" + Tag());
        missing.SourceId = 987654;
        using (var notFound = await PostToAsync(admin, Fill(await admin.GetFormAsync($"/Planning/Copy/{source.Id}"), missing), "/Planning/Copy/987654"))
        {
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        }

        Assert.Equal(WriteOutcome.NotFound,
            (await DirectCall.RunAsync<CopyPlan, WriteResult<CopyPlan.Copied>>(app, Demo.Admin, (use, scope) => use.RunAsync(scope, missing))).Outcome);

        using (var forbidden = await (await app.As(Demo.Department)).PostWithTokenAsync($"/Planning/Copy/{source.Id}", ("Input.Number", "B" + Tag()),
            ("Input.Title", "x"), ("Input.Issuer", "x"), ("Input.IssuedOn", "2031-01-01"), ("Input.PeriodFrom", "2031-01-01"), ("Input.PeriodTo", "2035-12-31"),
            ("Input.UnitId", Id(source.UnitId!.Value))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        var department = await DirectCall.RunAsync<CopyPlan, WriteResult<CopyPlan.Copied>>(app, Demo.Department, (use, scope) => use.RunAsync(scope, Command("B" + Tag())));
        Assert.Equal(WriteOutcome.Refused, department.Outcome);
        Assert.Equal(counts, await app.QueryAsync(async db => (await db.Plans.CountAsync(), await db.PlanTargets.CountAsync())));
    }
}
