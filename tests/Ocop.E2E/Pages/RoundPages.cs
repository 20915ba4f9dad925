using System.Globalization;
using System.Text.RegularExpressions;

namespace Ocop.E2E.Pages;

/// <summary>Tạo đợt đánh giá: /Rounds/Edit.</summary>
public sealed class RoundFormPage(IPage page) : AppPage(page)
{
    public ILocator Name => Page.GetByLabel("Tên đợt đánh giá");
    public ILocator Level => Page.GetByLabel("Cấp đánh giá");
    public ILocator Process => Page.GetByLabel("Quy trình");
    public ILocator Unit => Page.GetByLabel("Đơn vị tổ chức");
    public ILocator OpensOn => Page.GetByLabel("Ngày bắt đầu");
    public ILocator ClosesOn => Page.GetByLabel("Ngày kết thúc");

    public static async Task<RoundFormPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/Rounds/Edit");
        return new RoundFormPage(page);
    }

    public Task ChooseLevelAsync(string text) => ChooseAsync(Level, text);

    public Task ChooseProcessAsync(string text) => ChooseAsync(Process, text);

    public Task ChooseUnitAsync(string text) => ChooseAsync(Unit, text);

    public async Task<RoundDetailsPage> SaveAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        return new RoundDetailsPage(Page);
    }
}

/// <summary>Một đợt đánh giá: /Rounds/Details/{id}: hội đồng, sản phẩm, bộ chọn sản phẩm.</summary>
public sealed class RoundDetailsPage(IPage page) : AppPage(page)
{
    public int Id => int.Parse(Regex.Match(Page.Url, @"/Rounds/Details/(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);

    public ILocator MemberUser => Page.GetByLabel("Người dùng trong hệ thống");
    public ILocator MemberPosition => Page.GetByLabel("Chức danh trong hội đồng");
    public ILocator ProductSearch => Page.GetByLabel("Tìm sản phẩm");

    public static async Task<RoundDetailsPage> OpenAsync(IPage page, int id)
    {
        await page.GotoAsync("/Rounds/Details/" + id.ToString(CultureInfo.InvariantCulture));
        return new RoundDetailsPage(page);
    }

    public async Task AddMemberAsync(string userName, string position)
    {
        // Options read "Full name (user name, organisation)": the user name whole, not "hoidong" in "hoidong.yte".
        var option = MemberUser.Locator("option").Filter(new() { HasTextRegex = new Regex(@"\(" + Regex.Escape(userName) + "[,)]") });
        await MemberUser.SelectOptionAsync(await option.GetAttributeAsync("value") ?? throw new InvalidOperationException("No user " + userName));
        await ChooseAsync(MemberPosition, position);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Thêm thành viên" }).ClickAsync();
    }

    /// <summary>Finds the product with the picker's search and adds it with its row's button.</summary>
    public async Task AddProductAsync(string search, string productName)
    {
        await ProductSearch.FillAsync(search);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Thêm " + productName, Exact = true }).ClickAsync();
    }

    public async Task<ScoresheetPage> OpenMySheetAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Chấm điểm" }).First.ClickAsync();
        // The sheet must be the page shown before anyone reads its options: under load the round's page lingers.
        await Page.WaitForURLAsync(new Regex(@"/Rounds/\d+/Score/\d+"));
        await Page.Locator("form#scoresheet").WaitForAsync();
        return new ScoresheetPage(Page);
    }
}

/// <summary>Phiếu chấm của một thành viên: /Rounds/{id}/Score/{roundProductId}.</summary>
public sealed class ScoresheetPage(IPage page) : AppPage(page)
{
    /// <summary>
    /// On every criterion, the option nearest to <paramref name="share"/> of the criterion's best option, by the points
    /// the page prints on each option (as a member reading the sheet would).
    /// </summary>
    public async Task AnswerEveryCriterionAsync(double share)
    {
        var radios = Page.Locator("input[type=radio][name^='Answers[']");
        await radios.First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var options = new List<(string Name, int Points, ILocator Radio)>();
        for (var i = 0; i < await radios.CountAsync(); i++)
        {
            var radio = radios.Nth(i);
            var name = await radio.GetAttributeAsync("name") ?? "";
            var points = int.Parse(await radio.GetAttributeAsync("data-points") ?? "0", CultureInfo.InvariantCulture);
            options.Add((name, points, radio));
        }

        foreach (var criterion in options.GroupBy(o => o.Name))
        {
            var target = share * criterion.Max(o => o.Points);
            await criterion.MinBy(o => Math.Abs(o.Points - target)).Radio.CheckAsync();
        }
    }

    public Task SubmitAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Nộp phiếu" }).ClickAsync();

    /// <summary>The sheet's running total as the page prints it ("80,5").</summary>
    public Task<string> TotalAsync() => Total.InnerTextAsync();

    public ILocator Total => Page.Locator("output[data-total-all]");

    /// <summary>The panel of part totals, star and missing minimums that stays in view while the criteria scroll.</summary>
    public ILocator Panel => Page.GetByRole(AriaRole.Region, new() { Name = "Điểm đang chấm" });

    /// <summary>The panel's draft save (shown by the page's script, which saves without leaving the page).</summary>
    public ILocator PanelSave => Panel.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" });

    /// <summary>What the last save did; the panel's totals are status outputs too, so it is found by its words.</summary>
    public ILocator SaveStatus => Panel.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex("lưu") });

    /// <summary>A criterion's group of options, found by the number printed on the sheet ("1.1.").</summary>
    public ILocator Criterion(string number) =>
        Page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^" + Regex.Escape(number) + " ") });

    /// <summary>The panel's link to the first criterion still to answer.</summary>
    public ILocator FirstUnanswered => Panel.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("tiêu chí chưa chấm") });
}

/// <summary>Kết quả đợt đánh giá: /Rounds/{id}/Results.</summary>
public sealed class RoundResultsPage(IPage page) : AppPage(page)
{
    public static async Task<RoundResultsPage> OpenAsync(IPage page, int id)
    {
        await page.GotoAsync($"/Rounds/{id.ToString(CultureInfo.InvariantCulture)}/Results");
        return new RoundResultsPage(page);
    }

    public Task CloseRoundAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Kết thúc đợt đánh giá" }).ClickAsync();

    /// <summary>One product's part of the results, as a region named after the product.</summary>
    public ILocator Product(string name) => Page.GetByRole(AriaRole.Region, new() { Name = name });

    /// <summary>A council member's row in a product's table of totals (only once the round is closed).</summary>
    public ILocator MemberRow(string product, string member) => Product(product).GetByRole(AriaRole.Row).Filter(new() { HasText = member });
}

/// <summary>Ghi nhận quyết định công nhận của một đợt: /Recognitions/Create?round={id}.</summary>
public sealed class RecognitionFormPage(IPage page) : AppPage(page)
{
    public ILocator DecisionNumber => Page.GetByLabel("Số quyết định");
    public ILocator SignedOn => Page.GetByLabel("Ngày ký");
    /// <summary>A recorded signatory of the issuing authority, or the empty choice to type the signer.</summary>
    public ILocator Signatory => Page.GetByLabel("Người ký", new() { Exact = true });
    public ILocator Signer => Page.GetByLabel("Họ tên người ký");
    public ILocator SignerTitle => Page.GetByLabel("Chức vụ người ký");

    public static async Task<RecognitionFormPage> OpenForRoundAsync(IPage page, int roundId)
    {
        await page.GotoAsync("/Recognitions/Create?round=" + roundId.ToString(CultureInfo.InvariantCulture));
        return new RecognitionFormPage(page);
    }

    public ILocator Product(string name) => Page.GetByLabel(name, new() { Exact = true });

    public Task SaveAsync() =>
        Page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận quyết định và cấp giấy chứng nhận" }).ClickAsync();
}
