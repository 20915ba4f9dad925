using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Planning;

/// <summary>
/// Plan tasks through the real pages: the owning unit reports with figures and a file checked by content, another unit
/// is refused, problems raised reach the program office's inbox and are answered, overdue tasks are listed for the
/// program office and leaders, edits with a stale version are turned back.
/// </summary>
public class TaskTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    [Fact]
    public async Task A_commune_officer_reports_on_their_communes_task_with_figures_and_a_file()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var task = await CommuneTaskAsync(Demo.DaLoc, "Thông tin, tuyên truyền");
        var period = await OpenPeriodAsync(officer, task);

        // A file that only claims to be a PDF is refused by its content, and nothing is stored.
        var before = await ReportCountAsync();
        using (var fake = await ReportAsync(officer, task, period, "Đã tuyên truyền tại 5 ấp.", "bao-cao.pdf", Encoding.ASCII.GetBytes("MZ not a pdf at all")))
        {
            Assert.Equal(HttpStatusCode.OK, fake.StatusCode);
            Assert.Contains("Nội dung tệp không phải PDF", Html.FieldErrors(await fake.Content.ReadAsStringAsync())["file"], StringComparison.Ordinal);
        }

        Assert.Equal(before, await ReportCountAsync());

        using (var ok = await ReportAsync(officer, task, period, "Đã tuyên truyền tại 5 ấp.", "bao-cao.pdf", Pdf,
                   ("Input.FigureLabel[0]", "Số buổi tuyên truyền"), ("Input.FigureValue[0]", "5"),
                   ("Input.FigureLabel[1]", "Số người tham dự"), ("Input.FigureValue[1]", "312,5"), ("Input.Done", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var report = await app.QueryAsync(db => db.TaskReports.AsNoTracking().Include(r => r.Figures).Include(r => r.Attachments)
            .Where(r => r.TaskId == task).OrderByDescending(r => r.Id).FirstAsync());
        var officerName = await app.QueryAsync(db => db.Users.Where(u => u.UserName == Demo.ChauThanhOfficer).Select(u => u.FullName).SingleAsync());
        Assert.Equal((officerName, true, period), (report.UserName, report.IsDone, report.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal([("Số buổi tuyên truyền", 5m), ("Số người tham dự", 312.5m)], report.Figures.OrderBy(f => f.Id).Select(f => (f.Label, f.Value)));
        var file = Assert.Single(report.Attachments);
        Assert.Equal("application/pdf", file.ContentType);

        var page = Html.Text(await officer.GetPageAsync($"/Tasks/Details/{task}"));
        Assert.Contains("Số người tham dự: <strong>312,5</strong>", page, StringComparison.Ordinal);
        using (var download = await officer.GetAsync($"/Tasks/File/{file.Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        }

        // Another commune's officer reaches neither the task nor its file.
        var other = await app.As(Demo.HoaMinhOfficer);
        using (var hiddenFile = await other.GetAsync($"/Tasks/File/{file.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hiddenFile.StatusCode);
        }
    }

    [Fact]
    public async Task Another_units_user_cannot_report_on_a_task()
    {
        var daLocTask = await CommuneTaskAsync(Demo.DaLoc, "Rà soát sản phẩm tiềm năng");
        var officeTask = await app.QueryAsync(db => db.PlanTasks.Where(t => t.Office!.ShortName == "NN&PTNT").Select(t => t.Id).FirstAsync());
        var before = await ReportCountAsync();

        // Out of reach: another commune's officer, a department for another office's task.
        foreach (var (user, task) in new[] { (Demo.HoaMinhOfficer, daLocTask), (Demo.Department, officeTask), (Demo.Department, daLocTask) })
        {
            using var response = await ReportAsync(await app.As(user), task, "2026-01-01", "Báo cáo hộ", null, null);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{user} on task {task}: {(int)response.StatusCode}");
        }

        // Within sight but not theirs: the program office and the leader read the commune's task but do not report for it.
        foreach (var user in new[] { Demo.ProgramOffice, Demo.Leader, Demo.Admin })
        {
            var client = await app.As(user);
            Assert.DoesNotContain("Gửi báo cáo", await client.GetPageAsync($"/Tasks/Details/{daLocTask}"), StringComparison.Ordinal);
            using var response = await ReportAsync(client, daLocTask, "2026-01-01", "Báo cáo hộ", null, null);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        // Producers and council members have no plan tasks at all.
        foreach (var user in new[] { Demo.Producer, Demo.Council })
        {
            using var list = await (await app.As(user)).GetAsync("/Tasks");
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        }

        Assert.Equal(before, await ReportCountAsync());

        // The office's own people report on the office's task.
        var office = await app.As(Demo.ProgramOffice);
        using var own = await ReportAsync(office, officeTask, await OpenPeriodAsync(office, officeTask), "Đã tổng hợp báo cáo quý.", null, null);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
    }

    [Fact]
    public async Task A_problem_raised_reaches_the_program_office_and_its_answer_reaches_the_commune()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var task = await CommuneTaskAsync(Demo.DaLoc, "Báo cáo kết quả");
        using (var raised = await ReportAsync(officer, task, await OpenPeriodAsync(officer, task), "Tình hình quý này.", null, null,
                   ("Input.Problem", "Đề nghị hỗ trợ kinh phí tập huấn cho 3 tổ hợp tác.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        }

        var report = await app.QueryAsync(db => db.TaskReports.AsNoTracking().Where(r => r.TaskId == task).OrderByDescending(r => r.Id).FirstAsync());
        Assert.Equal(ProblemState.Open, report.ProblemState);

        using (var notInbox = await officer.GetAsync("/Tasks/Problems"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notInbox.StatusCode);
        }

        var office = await app.As(Demo.ProgramOffice);
        var inbox = Html.Text(await office.GetPageAsync("/Tasks/Problems"));
        Assert.Contains("Đề nghị hỗ trợ kinh phí tập huấn cho 3 tổ hợp tác.", inbox, StringComparison.Ordinal);
        Assert.Contains("Đề nghị Phòng NN&PTNT hỗ trợ kinh phí in ấn bao bì", inbox, StringComparison.Ordinal); // the demo's problem from Hòa Minh

        var version = report.Version.ToString(CultureInfo.InvariantCulture);
        var id = report.Id.ToString(CultureInfo.InvariantCulture);
        using (var empty = await office.PostWithTokenAsync("/Tasks/Problems?handler=Answer", ("reportId", id), ("version", version), ("state", "Answered"), ("reply", "")))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("Nhập nội dung trả lời.", Html.FieldErrors(await empty.Content.ReadAsStringAsync())[$"reply-{id}"], StringComparison.Ordinal);
        }

        using (var answered = await office.PostWithTokenAsync("/Tasks/Problems?handler=Answer", ("reportId", id), ("version", version), ("state", "Answered"),
                   ("reply", "Phòng sẽ bố trí lớp tập huấn trong tháng tới.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }

        var handled = await app.QueryAsync(db => db.TaskReports.AsNoTracking().SingleAsync(r => r.Id == report.Id));
        var officeName = await app.QueryAsync(db => db.Users.Where(u => u.UserName == Demo.ProgramOffice).Select(u => u.FullName).SingleAsync());
        Assert.Equal((ProblemState.Answered, officeName), (handled.ProblemState, handled.ProblemHandledBy));
        Assert.Contains("Phòng sẽ bố trí lớp tập huấn trong tháng tới.", Html.Text(await officer.GetPageAsync($"/Tasks/Details/{task}")), StringComparison.Ordinal);
        Assert.DoesNotContain("Đề nghị hỗ trợ kinh phí tập huấn cho 3 tổ hợp tác.", Html.Text(await office.GetPageAsync("/Tasks/Problems")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overdue_tasks_are_listed_for_the_program_office_and_leaders()
    {
        foreach (var user in new[] { Demo.ProgramOffice, Demo.Leader })
        {
            var page = Html.Text(await (await app.As(user)).GetPageAsync("/Tasks/Overdue"));
            Assert.Contains("Lập danh mục sản phẩm tiềm năng gửi Phòng NN&PTNT", page, StringComparison.Ordinal);
            Assert.Contains("20 ngày", page, StringComparison.Ordinal);
        }

        foreach (var user in new[] { Demo.Department, Demo.ChauThanhOfficer })
        {
            using var refused = await (await app.As(user)).GetAsync("/Tasks/Overdue");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // The list's filter shows the same, and the unit summary for the report agrees.
        var filtered = Html.Text(await (await app.As(Demo.ProgramOffice)).GetPageAsync("/Tasks?overdue=true"));
        Assert.Contains("Lập danh mục sản phẩm tiềm năng gửi Phòng NN&PTNT", filtered, StringComparison.Ordinal);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var summary = await app.QueryAsync(db => Web.Features.Tasks.TaskSummary.ForUnitAsync(
            db, today.AddDays(-30), today, db.Units.Single(u => u.Code == "847" && u.ValidTo != null).Id));
        Assert.Contains(summary.Overdue, r => r.Title == "Lập danh mục sản phẩm tiềm năng gửi Phòng NN&PTNT");
        Assert.Equal(summary.Overdue.Count, summary.ByStatus[PlanTaskStatus.Overdue]);
        Assert.Contains(summary.Problems, p => p.Problem.StartsWith("Đề nghị Phòng NN&PTNT hỗ trợ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_program_office_edits_a_task_and_a_stale_edit_is_turned_back()
    {
        var office = await app.As(Demo.ProgramOffice);
        var task = await CommuneTaskAsync(Demo.MyChanh, "Lồng ghép");
        var form = await office.GetFormAsync($"/Tasks/Edit/{task}");
        var stale = await office.GetFormAsync($"/Tasks/Edit/{task}");
        form.Set("Input.Recurrence", "Quarterly").Set("Input.DaysAfterQuarter", "20");
        using (var saved = await office.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var edited = await app.QueryAsync(db => db.PlanTasks.AsNoTracking().SingleAsync(t => t.Id == task));
        Assert.Equal((Recurrence.Quarterly, 20), (edited.Recurrence, edited.DaysAfterQuarter));

        stale.Set("Input.Title", "Sửa đè");
        using (var refused = await office.PostFormAsync(stale))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("vừa được người khác sửa", string.Join(" ", Html.SummaryErrors(await refused.Content.ReadAsStringAsync())), StringComparison.Ordinal);
        }

        Assert.NotEqual("Sửa đè", (await app.QueryAsync(db => db.PlanTasks.AsNoTracking().SingleAsync(t => t.Id == task))).Title);

        using var officerEdit = await (await app.As(Demo.ChauThanhOfficer)).GetAsync($"/Tasks/Edit/{task}");
        Assert.Equal(HttpStatusCode.Forbidden, officerEdit.StatusCode);
    }

    private Task<int> CommuneTaskAsync(string communeCode, string titleStart) => app.QueryAsync(db => db.PlanTasks
        .Where(t => t.Commune!.Code == communeCode && t.Commune.ValidTo != null && t.Title.StartsWith(titleStart))
        .Select(t => t.Id).SingleAsync());

    private Task<int> ReportCountAsync() => app.QueryAsync(db => db.TaskReports.CountAsync());

    /// <summary>The period the report form suggests (the oldest one not done).</summary>
    private static async Task<string> OpenPeriodAsync(HttpClient client, int task)
    {
        var form = await client.GetFormAsync($"/Tasks/Details/{task}", "Report");
        return form["Input.Period"] ?? throw new Xunit.Sdk.XunitException("No period offered.");
    }

    private static async Task<HttpResponseMessage> ReportAsync(HttpClient client, int task, string period, string text, string? fileName, byte[]? bytes,
        params (string Name, string Value)[] more)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new(HtmlForm.TokenField, await client.TokenAsync()), new("Input.Period", period), new("Input.Text", text),
        };
        fields.AddRange(more.Select(m => new KeyValuePair<string, string>(m.Name, m.Value)));
        var url = $"/Tasks/Details/{task}?handler=Report";
        if (fileName is null)
        {
            using var content = new FormUrlEncodedContent(fields);
            return await client.PostAsync(url, content);
        }

        return await client.PostFileAsync(url, fields, "file", fileName, bytes!, "application/pdf");
    }
}
