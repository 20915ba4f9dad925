using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Tasks;
using Ocop.Web.Shared;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Planning;

/// <summary>
/// <see cref="SaveTask"/>, <see cref="ReportTask"/> and <see cref="AnswerProblem"/> from their pages and called directly
/// (<see cref="DirectCall"/>): the same records, the same refusals with the same words on the same fields.
/// </summary>
public class TaskUseCaseSameResultTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<int> DaLocTaskAsync() => app.QueryAsync(db => db.PlanTasks
        .Where(t => t.Commune!.Code == Demo.DaLoc && t.Commune.ValidTo != null && !t.IsArchived).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());

    [Fact]
    public async Task SaveTask_from_the_form_and_called_directly_saves_alike_and_refuses_alike()
    {
        var office = await app.As(Demo.ProgramOffice);
        var owner = SaveTask.OfficeOwner(await app.QueryAsync(db => db.Offices.Where(o => o.ShortName == "KT&HT").Select(o => o.Id).SingleAsync()));
        SaveTask.Command Command(string title, Recurrence recurrence, DateOnly? dueOn = null) => new()
        {
            PlanNumber = DemoCycleData.PlanNumber,
            Section = "IV.9",
            Owner = owner,
            Title = title,
            Description = "Hỗ trợ xây dựng nhãn hiệu.",
            Recurrence = recurrence,
            StartsOn = new DateOnly(2026, 1, 1),
            DueOn = dueOn,
            DueMonth = 11,
            DueDay = 30,
            DaysAfterQuarter = 10,
        };
        HtmlForm Fill(HtmlForm form, SaveTask.Command c) =>
            form.Set("Input.PlanNumber", c.PlanNumber).Set("Input.Section", c.Section).Set("Input.Owner", c.Owner).Set("Input.Title", c.Title)
                .Set("Input.Description", c.Description).Set("Input.Recurrence", c.Recurrence.ToString()).Set("Input.StartsOn", Iso(c.StartsOn!.Value))
                .Set("Input.DueOn", c.DueOn is { } due ? Iso(due) : "").Set("Input.DueMonth", "11").Set("Input.DueDay", "30").Set("Input.DaysAfterQuarter", "10");

        var (pageTitle, directTitle) = ("Nhiệm vụ trang " + Tag(), "Nhiệm vụ gọi thẳng " + Tag());
        int pageId;
        using (var saved = await office.PostFormAsync(Fill(await office.GetFormAsync("/Tasks/Edit"), Command(pageTitle, Recurrence.Yearly))))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            pageId = Html.IdFromLocation(saved, "/Tasks/Details/");
        }

        var direct = await DirectCall.RunAsync<SaveTask, WriteResult<SaveTask.Saved>>(app, Demo.ProgramOffice, (use, scope) => use.RunAsync(scope, Command(directTitle, Recurrence.Yearly)));
        Assert.Equal(WriteOutcome.Done, direct.Outcome);
        var (fromPage, fromDirect) = await app.QueryAsync(async db => (
            await db.PlanTasks.AsNoTracking().SingleAsync(t => t.Id == pageId), await db.PlanTasks.AsNoTracking().SingleAsync(t => t.Id == direct.Value!.Id)));
        Assert.Equal(directTitle, fromDirect.Title);
        Assert.Equal((fromPage.OfficeId, fromPage.CommuneId, fromPage.PlanNumber, fromPage.Section, fromPage.Description, fromPage.Recurrence, fromPage.StartsOn, fromPage.DueOn, fromPage.DueMonth, fromPage.DueDay),
            (fromDirect.OfficeId, fromDirect.CommuneId, fromDirect.PlanNumber, fromDirect.Section, fromDirect.Description, fromDirect.Recurrence, fromDirect.StartsOn, fromDirect.DueOn, fromDirect.DueMonth, fromDirect.DueDay));
        var (pageAudit, directAudit) = ((await app.AuditAsync(nameof(PlanTask), fromPage.Id))[0], (await app.AuditAsync(nameof(PlanTask), fromDirect.Id))[0]);
        Assert.Equal((pageAudit.Action, pageAudit.UserName), (directAudit.Action, directAudit.UserName));

        // A one-off task due before it starts, and an owner that is no office or commune: the same words on the same field.
        var early = Command("Sai hạn " + Tag(), Recurrence.Once, new DateOnly(2025, 6, 1));
        var nowhere = Command("Không đơn vị " + Tag(), Recurrence.Yearly);
        nowhere.Owner = "o999999";
        var before = await app.QueryAsync(db => db.PlanTasks.CountAsync());
        foreach (var (refused, field) in new[] { (early, "DueOn"), (nowhere, "Owner") })
        {
            var errors = Html.FieldErrors(await (await office.PostFormAsync(Fill(await office.GetFormAsync("/Tasks/Edit"), refused))).Content.ReadAsStringAsync());
            var result = await DirectCall.RunAsync<SaveTask, WriteResult<SaveTask.Saved>>(app, Demo.ProgramOffice, (use, scope) => use.RunAsync(scope, refused));
            Assert.Equal(WriteOutcome.Invalid, result.Outcome);
            Assert.Equal(errors["Input." + field], Assert.Single(result.Errors[field]));
        }

        Assert.Equal(before, await app.QueryAsync(db => db.PlanTasks.CountAsync()));

        // An edit from an older version is turned back with the words the form shows.
        var stale = Command(directTitle + " (sửa)", Recurrence.Yearly);
        stale.Id = fromDirect.Id;
        stale.Version = fromDirect.Version - 1;
        var staleResult = await DirectCall.RunAsync<SaveTask, WriteResult<SaveTask.Saved>>(app, Demo.ProgramOffice, (use, scope) => use.RunAsync(scope, stale));
        Assert.Equal((WriteOutcome.Stale, SaveTask.StaleMessage), (staleResult.Outcome, staleResult.Message));

        // A commune officer manages no tasks.
        var officer = await DirectCall.RunAsync<SaveTask, WriteResult<SaveTask.Saved>>(app, Demo.ChauThanhOfficer, (use, scope) => use.RunAsync(scope, Command("Xã " + Tag(), Recurrence.Yearly)));
        Assert.Equal(WriteOutcome.Refused, officer.Outcome);
    }

    [Fact]
    public async Task ReportTask_from_the_form_and_called_directly_reports_alike_and_refuses_alike()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var task = await DaLocTaskAsync();
        var period = (await officer.GetFormAsync($"/Tasks/Details/{task}", "Report"))["Input.Period"]!;
        ReportTask.Command Command(string text) => new()
        {
            TaskId = task,
            Period = period,
            Text = text,
            FigureLabel = ["Số buổi tuyên truyền", null, null],
            FigureValue = ["12,5", null, null],
            Done = true,
            Problem = "Đề nghị bố trí kinh phí in tờ rơi.",
        };
        async Task<HttpResponseMessage> PostAsync(ReportTask.Command c) => await officer.PostWithTokenAsync($"/Tasks/Details/{task}?handler=Report",
            ("Input.Period", c.Period ?? ""), ("Input.Text", c.Text ?? ""), ("Input.FigureLabel[0]", c.FigureLabel[0] ?? ""), ("Input.FigureValue[0]", c.FigureValue[0] ?? ""),
            ("Input.Done", c.Done ? "true" : "false"), ("Input.Problem", c.Problem ?? ""));

        var (pageText, directText) = ("Báo cáo từ trang " + Tag(), "Báo cáo gọi thẳng " + Tag());
        using (var sent = await PostAsync(Command(pageText)))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var direct = await DirectCall.RunAsync<ReportTask, WriteResult<ReportTask.Reported>>(app, Demo.ChauThanhOfficer, (use, scope) => use.RunAsync(scope, Command(directText)));
        Assert.Equal(WriteOutcome.Done, direct.Outcome);
        var (fromPage, fromDirect) = await app.QueryAsync(async db => (
            await db.TaskReports.AsNoTracking().Include(r => r.Figures).SingleAsync(r => r.Text == pageText),
            await db.TaskReports.AsNoTracking().Include(r => r.Figures).SingleAsync(r => r.Text == directText)));
        Assert.Equal(direct.Value!.ReportId, fromDirect.Id);
        Assert.Equal((fromPage.TaskId, fromPage.PeriodStart, fromPage.PeriodLabel, fromPage.UserId, fromPage.IsDone, fromPage.Problem, fromPage.ProblemState),
            (fromDirect.TaskId, fromDirect.PeriodStart, fromDirect.PeriodLabel, fromDirect.UserId, fromDirect.IsDone, fromDirect.Problem, fromDirect.ProblemState));
        Assert.Equal(fromPage.Figures.Select(f => (f.Label, f.Value)), fromDirect.Figures.Select(f => (f.Label, f.Value)));

        // No text, and a figure that is no number: the same words on the same fields, nothing written.
        var before = await app.QueryAsync(db => db.TaskReports.CountAsync());
        var empty = Command("");
        var notANumber = Command("Có số liệu sai " + Tag());
        notANumber.FigureValue = ["mười hai", null, null];
        foreach (var (refused, field) in new[] { (empty, "Text"), (notANumber, "FigureValue[0]") })
        {
            var errors = Html.FieldErrors(await (await PostAsync(refused)).Content.ReadAsStringAsync());
            var result = await DirectCall.RunAsync<ReportTask, WriteResult<ReportTask.Reported>>(app, Demo.ChauThanhOfficer, (use, scope) => use.RunAsync(scope, refused));
            Assert.Equal(WriteOutcome.Invalid, result.Outcome);
            Assert.Equal(errors["Input." + field], Assert.Single(result.Errors[field]));
        }

        // Another commune's officer does not find the task; the program office sees it but does not report for the commune.
        using (var hidden = await (await app.As(Demo.HoaMinhOfficer)).PostWithTokenAsync($"/Tasks/Details/{task}?handler=Report", ("Input.Period", period), ("Input.Text", "x")))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        var other = await DirectCall.RunAsync<ReportTask, WriteResult<ReportTask.Reported>>(app, Demo.HoaMinhOfficer, (use, scope) => use.RunAsync(scope, Command("Hộ " + Tag())));
        var office = await DirectCall.RunAsync<ReportTask, WriteResult<ReportTask.Reported>>(app, Demo.ProgramOffice, (use, scope) => use.RunAsync(scope, Command("Hộ " + Tag())));
        Assert.Equal((WriteOutcome.NotFound, WriteOutcome.Refused), (other.Outcome, office.Outcome));
        Assert.Equal(before, await app.QueryAsync(db => db.TaskReports.CountAsync()));
    }

    [Fact]
    public async Task AnswerProblem_from_the_inbox_and_called_directly_answers_alike_and_refuses_alike()
    {
        var task = await DaLocTaskAsync();
        async Task<TaskReport> RaiseAsync(string problem)
        {
            var officer = await app.As(Demo.ChauThanhOfficer);
            var period = (await officer.GetFormAsync($"/Tasks/Details/{task}", "Report"))["Input.Period"]!;
            var raised = await DirectCall.RunAsync<ReportTask, WriteResult<ReportTask.Reported>>(app, Demo.ChauThanhOfficer,
                (use, scope) => use.RunAsync(scope, new ReportTask.Command { TaskId = task, Period = period, Text = "Tình hình quý.", Problem = problem }));
            return await app.QueryAsync(db => db.TaskReports.AsNoTracking().SingleAsync(r => r.Id == raised.Value!.ReportId));
        }

        static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);
        var office = await app.As(Demo.ProgramOffice);
        var (viaPage, viaDirect) = (await RaiseAsync("Kiến nghị A " + Tag()), await RaiseAsync("Kiến nghị B " + Tag()));
        const string Reply = "Phòng sẽ bố trí kinh phí trong quý tới.";

        // Answered with no reply: the same words under the reply.
        var emptyPage = Html.FieldErrors(await (await office.PostWithTokenAsync("/Tasks/Problems?handler=Answer",
            ("reportId", Id(viaPage.Id)), ("version", Id(viaPage.Version)), ("state", "Answered"), ("reply", ""))).Content.ReadAsStringAsync());
        var emptyDirect = await DirectCall.RunAsync<AnswerProblem, WriteResult<AnswerProblem.Answered>>(app, Demo.ProgramOffice,
            (use, scope) => use.RunAsync(scope, new AnswerProblem.Command { ReportId = viaPage.Id, Version = viaPage.Version, State = ProblemState.Answered, Reply = "" }));
        Assert.Equal(emptyPage[$"reply-{viaPage.Id}"], Assert.Single(emptyDirect.Errors["Reply"]));

        using (var answered = await office.PostWithTokenAsync("/Tasks/Problems?handler=Answer",
                   ("reportId", Id(viaPage.Id)), ("version", Id(viaPage.Version)), ("state", "Answered"), ("reply", Reply)))
        {
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }

        var direct = await DirectCall.RunAsync<AnswerProblem, WriteResult<AnswerProblem.Answered>>(app, Demo.ProgramOffice,
            (use, scope) => use.RunAsync(scope, new AnswerProblem.Command { ReportId = viaDirect.Id, Version = viaDirect.Version, State = ProblemState.Answered, Reply = Reply }));
        Assert.Equal(WriteOutcome.Done, direct.Outcome);
        var (fromPage, fromDirect) = await app.QueryAsync(async db => (
            await db.TaskReports.AsNoTracking().SingleAsync(r => r.Id == viaPage.Id), await db.TaskReports.AsNoTracking().SingleAsync(r => r.Id == viaDirect.Id)));
        Assert.Equal((ProblemState.Answered, Reply), (fromPage.ProblemState, fromPage.ProblemReply));
        Assert.Equal((fromPage.ProblemState, fromPage.ProblemReply), (fromDirect.ProblemState, fromDirect.ProblemReply));
        Assert.NotNull(fromDirect.ProblemHandledAt);

        // An answer made from the version before another's acknowledgement: the inbox and the use case say the same.
        var later = await RaiseAsync("Kiến nghị C " + Tag());
        var acknowledged = await DirectCall.RunAsync<AnswerProblem, WriteResult<AnswerProblem.Answered>>(app, Demo.ProgramOffice,
            (use, scope) => use.RunAsync(scope, new AnswerProblem.Command { ReportId = later.Id, Version = later.Version, State = ProblemState.Acknowledged }));
        Assert.Equal(WriteOutcome.Done, acknowledged.Outcome);
        var stalePage = Html.FieldErrors(await (await office.PostWithTokenAsync("/Tasks/Problems?handler=Answer",
            ("reportId", Id(later.Id)), ("version", Id(later.Version)), ("state", "Answered"), ("reply", Reply))).Content.ReadAsStringAsync());
        var staleDirect = await DirectCall.RunAsync<AnswerProblem, WriteResult<AnswerProblem.Answered>>(app, Demo.ProgramOffice,
            (use, scope) => use.RunAsync(scope, new AnswerProblem.Command { ReportId = later.Id, Version = later.Version, State = ProblemState.Answered, Reply = Reply }));
        Assert.Equal(WriteOutcome.Stale, staleDirect.Outcome);
        Assert.Equal(stalePage[$"reply-{later.Id}"], staleDirect.Message);

        // A department answers no problems.
        var department = await DirectCall.RunAsync<AnswerProblem, WriteResult<AnswerProblem.Answered>>(app, Demo.Department,
            (use, scope) => use.RunAsync(scope, new AnswerProblem.Command { ReportId = viaDirect.Id, Version = fromDirect.Version, State = ProblemState.Acknowledged }));
        Assert.Equal(WriteOutcome.Refused, department.Outcome);
    }
}
