namespace Ocop.E2E.Pages;

/// <summary>One task: /Tasks/Details/{id}, its reports and the form to report progress.</summary>
public sealed class TaskDetailsPage(IPage page) : AppPage(page)
{
    public ILocator Text => Page.GetByLabel("Nội dung đã thực hiện");
    public ILocator FirstFigureLabel => Page.GetByLabel("Tên số liệu 1");
    public ILocator FirstFigureValue => Page.GetByLabel("Giá trị 1");
    public ILocator File => Page.GetByLabel("Tệp đính kèm");
    public ILocator Done => Page.GetByLabel("Đã hoàn thành nhiệm vụ của kỳ này");
    public ILocator Problem => Page.GetByLabel("Khó khăn, vướng mắc, kiến nghị");
    public ILocator SendButton => Page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" });

    /// <summary>The reports shown on the page, newest first.</summary>
    public ILocator Reports => Page.GetByRole(AriaRole.Article);

    public async Task<TaskDetailsPage> AttachAsync(string fileName, string mimeType, byte[] content)
    {
        await File.SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = content });
        return this;
    }
}
