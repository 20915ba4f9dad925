using Ocop.E2E.Infrastructure;
using Ocop.E2E.Pages;
using Ocop.Web.Data;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ocop.E2E;

/// <summary>A commune officer reports on a task of the plan, in a real browser with JavaScript off.</summary>
public sealed class TaskReportTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Task = "Thông tin, tuyên truyền về Chương trình OCOP";

    [Fact]
    public Task Commune_officer_reports_progress_with_a_figure_a_file_and_a_problem_for_the_district() =>
        InBrowserAsync(async browser =>
        {
            var page = await browser.NewPageAsync();
            var home = await (await LoginPage.OpenAsync(page)).SignInAsync("canbo.chauthanh", DemoData.Password);

            // The officer holds two communes; each has the same job, so the list is narrowed to Đa Lộc first.
            var tasks = await (await home.GoToTasksAsync()).ShowOwnerAsync("Đa Lộc");
            var task = await tasks.OpenTaskAsync(Task);
            await Expect(task.Heading).ToContainTextAsync(Task);

            await task.Text.FillAsync("Đã tuyên truyền trên loa truyền thanh xã và tại 6 ấp.");
            await task.FirstFigureLabel.FillAsync("Số buổi tuyên truyền");
            await task.FirstFigureValue.FillAsync("6");
            await task.AttachAsync("hinh-anh-tuyen-truyen.png", "image/png", TestImages.Png(40, 30));
            await task.Done.CheckAsync();
            await task.Problem.FillAsync("Đề nghị cấp thêm tờ rơi về chính sách hỗ trợ OCOP.");
            await task.SendButton.ClickAsync();

            await Expect(task.Flash).ToContainTextAsync("Đã gửi báo cáo");
            await Expect(task.Flash).ToContainTextAsync("kiến nghị đã chuyển Phòng Nông nghiệp và PTNT");
            var report = task.Reports.First;
            await Expect(report).ToContainTextAsync("Đã tuyên truyền trên loa truyền thanh xã và tại 6 ấp.");
            await Expect(report).ToContainTextAsync("Số buổi tuyên truyền: 6");
            await Expect(report).ToContainTextAsync("Hoàn thành");
            await Expect(report).ToContainTextAsync("Chờ xử lý");
            await Expect(report.GetByRole(AriaRole.Link, new() { Name = "hinh-anh-tuyen-truyen.png" })).ToBeVisibleAsync();
        });
}
