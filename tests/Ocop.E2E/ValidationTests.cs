using System.Text.RegularExpressions;
using Ocop.E2E.Infrastructure;
using Ocop.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ocop.E2E;

/// <summary>Refused input: Vietnamese messages beside the fields they concern, and nothing saved.</summary>
public sealed class ValidationTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Officer = "canbo.chauthanh";

    [Fact]
    public Task An_empty_subject_form_is_refused_with_Vietnamese_messages_beside_its_fields_and_saves_nothing() =>
        InBrowserAsync(async browser =>
        {
            var form = await SubjectFormPage.OpenNewAsync(await browser.NewPageAsync(Officer));
            var before = await Fixture.Server.CountRowsAsync();

            await form.SaveExpectingErrorsAsync();

            await Expect(form.Heading).ToHaveTextAsync("Thêm chủ thể");
            await ExpectRefusedAsync(form.Page, form.Name, "Nhập tên chủ thể.");
            await ExpectRefusedAsync(form.Page, form.LegalForm, "Chọn loại hình.");
            await ExpectRefusedAsync(form.Page, form.Commune, "Chọn xã.");
            await ExpectRefusedAsync(form.Page, form.Address, "Nhập địa chỉ.");
            await ExpectRefusedAsync(form.Page, form.Representative, "Nhập người đại diện.");
            await ExpectAcceptedAsync(form.Phone);
            await ExpectAcceptedAsync(form.TaxCode);
            await ExpectNoEnglishAsync(form.Page);
            Assert.Equal(before, await Fixture.Server.CountRowsAsync());
        });

    [Fact]
    public Task An_empty_product_form_is_refused_with_Vietnamese_messages_beside_its_fields_and_saves_nothing() =>
        InBrowserAsync(async browser =>
        {
            var form = await ProductFormPage.OpenNewAsync(await browser.NewPageAsync(Officer));
            var before = await Fixture.Server.CountRowsAsync();

            await form.SaveExpectingErrorsAsync();

            await Expect(form.Heading).ToHaveTextAsync("Thêm sản phẩm");
            await ExpectRefusedAsync(form.Page, form.Name, "Nhập tên sản phẩm.");
            await ExpectRefusedAsync(form.Page, form.Subject, "Chọn chủ thể.");
            await ExpectRefusedAsync(form.Page, form.Commune, "Chọn xã sản xuất.");
            await ExpectRefusedAsync(form.Page, form.Category, "Chọn nhóm sản phẩm.");
            await ExpectAcceptedAsync(form.Gtin);
            await ExpectNoEnglishAsync(form.Page);
            Assert.Equal(before, await Fixture.Server.CountRowsAsync());
        });

    [Fact]
    public Task A_barcode_with_a_wrong_check_digit_is_refused_beside_it_and_what_was_typed_is_kept() =>
        InBrowserAsync(async browser =>
        {
            var form = await ProductFormPage.OpenNewAsync(await browser.NewPageAsync(Officer));
            await form.Name.FillAsync("Bánh tét thử mã vạch");
            await form.Gtin.FillAsync("8936012345675");
            var before = await Fixture.Server.CountRowsAsync();

            await form.SaveExpectingErrorsAsync();

            await ExpectRefusedAsync(form.Page, form.Gtin, "Mã vạch GTIN không hợp lệ: cần 8, 12, 13 hoặc 14 chữ số với số kiểm tra đúng.");
            await Expect(form.Gtin).ToHaveValueAsync("8936012345675");
            await Expect(form.Name).ToHaveValueAsync("Bánh tét thử mã vạch");
            await ExpectAcceptedAsync(form.Name);
            Assert.Equal(before, await Fixture.Server.CountRowsAsync());
        });

    /// <summary>The message is shown, and the field is marked invalid and described by it, so it is read out with the field.</summary>
    private static async Task ExpectRefusedAsync(IPage page, ILocator field, string message)
    {
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(field).ToHaveAccessibleDescriptionAsync(message);
        await Expect(page.GetByText(message, new() { Exact = true })).ToBeVisibleAsync();
    }

    private static async Task ExpectAcceptedAsync(ILocator field)
    {
        await Expect(field).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(field).ToHaveAccessibleDescriptionAsync("");
    }

    private static Task ExpectNoEnglishAsync(IPage page) =>
        Expect(page.GetByText(new Regex("field is required|is not valid|is invalid"))).ToHaveCountAsync(0);
}
