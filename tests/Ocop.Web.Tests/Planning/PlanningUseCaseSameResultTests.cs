using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Planning;
using Ocop.Web.Shared;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Planning;

/// <summary>
/// A use case called as the API or the importer calls it: in its own service scope, for a user's scope built as a request
/// builds it, with the audit trail under that user (<see cref="CurrentActor.ActAs"/>).
/// </summary>
internal static class DirectCall
{
    public static async Task<TResult> RunAsync<TUseCase, TResult>(AppFixture app, string userName, Func<TUseCase, UserScope, Task<TResult>> run)
        where TUseCase : notnull
    {
        using var scope = app.Factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<OcopDbContext>();
        var user = await db.Users.AsNoTracking().Where(u => u.UserName == userName)
            .Select(u => new { u.Id, u.Role, u.SubjectId, Units = u.Units.Select(x => x.UnitId).ToList() }).SingleAsync();
        var units = await services.GetRequiredService<UnitDirectory>().GetAsync(db, CancellationToken.None);
        var communes = RegistryAccess.ReachesEveryUnit(user.Role) ? new HashSet<int>() : units.Covered(user.Units);
        services.GetRequiredService<CurrentActor>().ActAs(user.Id, userName);
        var userScope = new UserScope
        {
            UserId = user.Id,
            Role = user.Role,
            SubjectId = user.SubjectId,
            CommuneIds = communes,
            CoversEveryCommune = user.Role != Role.Producer && units.Communes.IsSubsetOf(communes),
        };
        return await run(services.GetRequiredService<TUseCase>(), userScope);
    }
}

/// <summary>
/// <see cref="AddIndicator"/>, <see cref="SaveTarget"/> and <see cref="CloseYearFigures"/> from their pages and called
/// directly: the same records under the same user, the same refusals with the same words on the same fields.
/// </summary>
public class PlanningUseCaseSameResultTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<int> PlanAsync() => app.QueryAsync(db => db.Plans.Where(p => p.Number == "46/KH-UBND").Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task AddIndicator_from_the_form_and_called_directly_adds_alike_and_refuses_alike()
    {
        var office = await app.As(Demo.ProgramOffice);
        AddIndicator.Command Command(string code) => new()
        {
            Code = code,
            Name = "Tỷ lệ hợp tác xã " + code,
            Kind = MeasureKind.SubjectsByLegalForm,
            Output = MeasureOutput.Percent,
            LegalForms = [Core.Registry.LegalForm.Cooperative],
        };
        HtmlForm Fill(HtmlForm form, AddIndicator.Command c) =>
            form.Set("Input.Code", c.Code).Set("Input.Name", c.Name).Set("Input.Kind", c.Kind?.ToString()).Set("Input.Output", c.Output.ToString())
                .Set("Input.LegalForms", c.LegalForms.Count == 0 ? null : c.LegalForms[0].ToString());

        var (pageCode, directCode) = ("P" + Tag(), "D" + Tag());
        using (var added = await office.PostFormAsync(Fill(await office.GetFormAsync("/Planning/Indicators"), Command(pageCode))))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
            Assert.Equal("/Planning/Indicators", added.Location());
        }

        var direct = await DirectCall.RunAsync<AddIndicator, WriteResult<AddIndicator.Added>>(app, Demo.ProgramOffice, (use, scope) => use.RunAsync(scope, Command(directCode)));
        Assert.Equal(WriteOutcome.Done, direct.Outcome);
        var (fromPage, fromDirect) = await app.QueryAsync(async db => (
            await db.Indicators.AsNoTracking().SingleAsync(i => i.Code == pageCode), await db.Indicators.AsNoTracking().SingleAsync(i => i.Code == directCode)));
        Assert.Equal(direct.Value!.IndicatorId, fromDirect.Id);
        Assert.Equal((fromPage.Kind, fromPage.Output, fromPage.LegalForms, fromPage.Channels, fromPage.SupportKind),
            (fromDirect.Kind, fromDirect.Output, fromDirect.LegalForms, fromDirect.Channels, fromDirect.SupportKind));
        var (pageAudit, directAudit) = ((await app.AuditAsync(nameof(Indicator), fromPage.Id))[0], (await app.AuditAsync(nameof(Indicator), fromDirect.Id))[0]);
        Assert.Equal((pageAudit.Action, pageAudit.UserName), (directAudit.Action, directAudit.UserName));

        // A code taken, and a share by legal form with no legal form: the same words on the same fields.
        var noLegalForm = Command("E" + Tag());
        noLegalForm.LegalForms = [];
        foreach (var (refused, field) in new[] { (Command(pageCode), "Code"), (noLegalForm, "Kind") })
        {
            var errors = Html.FieldErrors(await (await office.PostFormAsync(Fill(await office.GetFormAsync("/Planning/Indicators"), refused))).Content.ReadAsStringAsync());
            var result = await DirectCall.RunAsync<AddIndicator, WriteResult<AddIndicator.Added>>(app, Demo.ProgramOffice, (use, scope) => use.RunAsync(scope, refused));
            Assert.Equal(WriteOutcome.Invalid, result.Outcome);
            Assert.Equal(errors["Input." + field], Assert.Single(result.Errors[field]));
        }

        // A leader reads indicators but adds none, on the page or directly.
        using (var forbidden = await (await app.As(Demo.Leader)).PostWithTokenAsync("/Planning/Indicators", ("Input.Code", "L" + Tag()), ("Input.Name", "x"), ("Input.Kind", "ValidRecognitions")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        var leader = await DirectCall.RunAsync<AddIndicator, WriteResult<AddIndicator.Added>>(app, Demo.Leader, (use, scope) => use.RunAsync(scope, Command("L" + Tag())));
        Assert.Equal(WriteOutcome.Refused, leader.Outcome);
    }

    [Fact]
    public async Task SaveTarget_from_the_form_and_called_directly_saves_alike_and_refuses_alike()
    {
        var office = await app.As(Demo.ProgramOffice);
        var plan = await PlanAsync();
        var (periodTo, indicator) = await app.QueryAsync(async db => (
            await db.Plans.Where(p => p.Id == plan).Select(p => p.PeriodTo).SingleAsync(),
            await db.Indicators.Where(i => i.Output == MeasureOutput.Count).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync()));
        SaveTarget.Command Command(string code, DateOnly deadline) => new()
        {
            PlanId = plan,
            Code = code,
            Wording = "Thêm sản phẩm OCOP " + code,
            IndicatorId = indicator,
            TargetValue = 12.5m,
            Direction = TargetDirection.AtLeast,
            Deadline = deadline,
            SortOrder = 90,
        };
        HtmlForm Fill(HtmlForm form, SaveTarget.Command c) =>
            form.Set("Input.Code", c.Code).Set("Input.Wording", c.Wording).Set("Input.IndicatorId", Id(c.IndicatorId!.Value))
                .Set("Input.TargetValue", "12,5").Set("Input.Direction", c.Direction.ToString())
                .Set("Input.Deadline", c.Deadline!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Set("Input.SortOrder", Id(c.SortOrder));

        var (pageCode, directCode) = ("P" + Tag(), "D" + Tag());
        using (var saved = await office.PostFormAsync(Fill(await office.GetFormAsync($"/Planning/Target?plan={plan}"), Command(pageCode, periodTo))))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal($"/Planning/Details/{plan}", saved.Location());
        }

        var direct = await DirectCall.RunAsync<SaveTarget, WriteResult<SaveTarget.Saved>>(app, Demo.ProgramOffice, (use, scope) => use.RunAsync(scope, Command(directCode, periodTo)));
        Assert.Equal(WriteOutcome.Done, direct.Outcome);
        var (fromPage, fromDirect) = await app.QueryAsync(async db => (
            await db.PlanTargets.AsNoTracking().SingleAsync(t => t.PlanId == plan && t.Code == pageCode),
            await db.PlanTargets.AsNoTracking().SingleAsync(t => t.PlanId == plan && t.Code == directCode)));
        Assert.Equal(direct.Value!.TargetId, fromDirect.Id);
        Assert.Equal((fromPage.IndicatorId, fromPage.TargetValue, fromPage.Direction, fromPage.Deadline, fromPage.SortOrder),
            (fromDirect.IndicatorId, fromDirect.TargetValue, fromDirect.Direction, fromDirect.Deadline, fromDirect.SortOrder));
        var (pageAudit, directAudit) = ((await app.AuditAsync(nameof(PlanTarget), fromPage.Id))[0], (await app.AuditAsync(nameof(PlanTarget), fromDirect.Id))[0]);
        Assert.Equal((pageAudit.Action, pageAudit.UserName), (directAudit.Action, directAudit.UserName));

        // A deadline after the plan's period, and a code the plan already has: refused alike.
        foreach (var (refused, field) in new[] { (Command("X" + Tag(), periodTo.AddDays(1)), "Deadline"), (Command(pageCode, periodTo), "Code") })
        {
            var errors = Html.FieldErrors(await (await office.PostFormAsync(Fill(await office.GetFormAsync($"/Planning/Target?plan={plan}"), refused))).Content.ReadAsStringAsync());
            var result = await DirectCall.RunAsync<SaveTarget, WriteResult<SaveTarget.Saved>>(app, Demo.ProgramOffice, (use, scope) => use.RunAsync(scope, refused));
            Assert.Equal(WriteOutcome.Invalid, result.Outcome);
            Assert.Equal(errors["Input." + field], Assert.Single(result.Errors[field]));
        }

        // A change made from an older version is turned back.
        var stale = Command(directCode, periodTo);
        stale.Id = fromDirect.Id;
        stale.Version = fromDirect.Version - 1;
        var staleResult = await DirectCall.RunAsync<SaveTarget, WriteResult<SaveTarget.Saved>>(app, Demo.ProgramOffice, (use, scope) => use.RunAsync(scope, stale));
        Assert.Equal((WriteOutcome.Stale, SaveTarget.StaleMessage), (staleResult.Outcome, staleResult.Message));

        // A department sets no targets, on the page or directly.
        using (var forbidden = await (await app.As(Demo.Department)).GetAsync($"/Planning/Target?plan={plan}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        var department = await DirectCall.RunAsync<SaveTarget, WriteResult<SaveTarget.Saved>>(app, Demo.Department, (use, scope) => use.RunAsync(scope, Command("Y" + Tag(), periodTo)));
        Assert.Equal(WriteOutcome.Refused, department.Outcome);
    }

    [Fact]
    public async Task CloseYearFigures_from_the_dashboard_and_called_directly_keeps_alike_and_refuses_a_second_close_alike()
    {
        var office = await app.As(Demo.ProgramOffice);
        var plan = await PlanAsync();
        var district = await app.UnitIdAsync(Demo.ChauThanhDistrict);
        var targets = await app.QueryAsync(db => db.PlanTargets.CountAsync(t => t.PlanId == plan));
        Task<int> KeptAsync(int year) => app.QueryAsync(db => db.IndicatorSnapshots.CountAsync(s => s.UnitId == district && s.AsOf == new DateOnly(year, 12, 31)));

        var form = await office.GetFormAsync($"/Planning/Dashboard?plan={plan}&unit={district}&at=2024-12-31", "Snapshot");
        using (var closed = await office.PostFormAsync(form.Set("year", "2024")))
        {
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
            Assert.Equal($"/Planning/Dashboard?plan={plan}&unit={district}&at=2024-12-31", closed.Location());
        }

        CloseYearFigures.Command Command(int year) => new() { PlanId = plan, UnitId = district, Year = year };
        var direct = await DirectCall.RunAsync<CloseYearFigures, WriteResult<CloseYearFigures.Closed>>(app, Demo.ProgramOffice, (use, scope) => use.RunAsync(scope, Command(2023)));
        Assert.Equal(WriteOutcome.Done, direct.Outcome);
        Assert.Equal((targets, targets, targets), (await KeptAsync(2024), await KeptAsync(2023), direct.Value!.Targets));
        var takenBy = await app.QueryAsync(db => db.IndicatorSnapshots.Where(s => s.UnitId == district && (s.AsOf == new DateOnly(2024, 12, 31) || s.AsOf == new DateOnly(2023, 12, 31)))
            .Select(s => s.TakenBy).Distinct().ToListAsync());
        Assert.Equal(Demo.ProgramOffice, Assert.Single(takenBy));

        // Closing 2024 again: the dashboard says why, in the words the use case gives; nothing more is kept.
        using var again = await office.PostFormAsync((await office.GetFormAsync($"/Planning/Dashboard?plan={plan}&unit={district}&at=2024-12-31", "Snapshot")).Set("year", "2024"));
        var page = Html.Text(await office.GetPageAsync(again.Location()));
        var refused = await DirectCall.RunAsync<CloseYearFigures, WriteResult<CloseYearFigures.Closed>>(app, Demo.ProgramOffice, (use, scope) => use.RunAsync(scope, Command(2024)));
        Assert.Equal(WriteOutcome.Invalid, refused.Outcome);
        Assert.Contains(Assert.Single(refused.Errors["Year"]), page, StringComparison.Ordinal);
        Assert.Equal(targets, await KeptAsync(2024));

        // A leader closes nothing.
        var leader = await DirectCall.RunAsync<CloseYearFigures, WriteResult<CloseYearFigures.Closed>>(app, Demo.Leader, (use, scope) => use.RunAsync(scope, Command(2022)));
        Assert.Equal(WriteOutcome.Refused, leader.Outcome);
        Assert.Equal(0, await KeptAsync(2022));
    }
}
