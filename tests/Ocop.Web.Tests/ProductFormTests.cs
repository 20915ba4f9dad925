using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>Products are created, changed and archived only through the real forms, and every step is in the audit trail.</summary>
public class ProductFormTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>A GTIN-13 with a Vietnamese prefix and a correct check digit, made with the core's own rule.</summary>
    private static readonly string ValidGtin = "893600000123" + Gtin.CheckDigit("893600000123").ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Creating_a_product_through_the_form_saves_it_and_audits_who_and_every_field()
    {
        var client = await app.As(Demo.ChauThanhOfficer);
        var (subject, daLoc, category) = (await app.SubjectIdAsync(Demo.BaNam), await app.CurrentCommuneIdAsync(Demo.ChauThanhCommune), await app.CategoryIdAsync(Demo.RiceProductsCategory));
        var name = Unique("Bánh tét nhân đậu xanh");

        using var response = await client.PostFormAsync(await FilledNewProductFormAsync(client, name));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Html.IdFromLocation(response, "/Products/Details/");
        var saved = await app.ProductAsync(id);
        Assert.Equal((name, subject, daLoc, category), (saved.Name, saved.SubjectId, saved.CommuneId, saved.CategoryId));
        Assert.Equal(ProductStatus.Registered, saved.Status);
        Assert.Equal(ProductStandards.VietGap | ProductStandards.QualityDeclaration, saved.Standards);
        Assert.Equal(ValidGtin, saved.Gtin);
        Assert.Equal("Gói bằng lá chuối, nhân đậu xanh và thịt mỡ.", saved.Description);

        var audit = Assert.Single(await app.AuditAsync(nameof(Product), id));
        Assert.Equal(AuditAction.Created, audit.Action);
        Assert.Equal(Demo.ChauThanhOfficer, audit.UserName);
        Assert.Equal(await app.UserIdAsync(Demo.ChauThanhOfficer), audit.UserId);
        Assert.Equal(new FieldChange("Name", null, name), audit.Change("Name"));
        Assert.Equal(new FieldChange("SubjectId", null, subject.ToString(CultureInfo.InvariantCulture)), audit.Change("SubjectId"));
        Assert.Equal(new FieldChange("CommuneId", null, daLoc.ToString(CultureInfo.InvariantCulture)), audit.Change("CommuneId"));
        Assert.Equal(new FieldChange("CategoryId", null, category.ToString(CultureInfo.InvariantCulture)), audit.Change("CategoryId"));
        Assert.Equal(new FieldChange("Status", null, "Registered"), audit.Change("Status"));
        Assert.Equal(new FieldChange("Standards", null, "VietGap, QualityDeclaration"), audit.Change("Standards"));
        Assert.Equal(new FieldChange("Gtin", null, ValidGtin), audit.Change("Gtin"));
        Assert.DoesNotContain(audit.Changes, c => c.Field is "SearchText" or "Version" or "UpdatedAt");
    }

    [Fact]
    public async Task Editing_a_product_audits_exactly_the_changed_fields_with_old_and_new_values()
    {
        var client = await app.As(Demo.ProgramOffice);
        var id = await CreateProductAsync(client, Unique("Bánh tét chay"));

        var form = await client.GetFormAsync($"/Products/Edit/{id}");
        Assert.Equal(["VietGap", "QualityDeclaration"], form.Values("Input.Standards"));
        form.Set("Input.Status", nameof(ProductStatus.Ranked))
            .SetAll("Input.Standards", nameof(ProductStandards.VietGap), nameof(ProductStandards.Haccp))
            .Set("Input.Description", "Nhân đậu xanh, không thịt.");
        using var response = await client.PostFormAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.ProductAsync(id);
        Assert.Equal((ProductStatus.Ranked, ProductStandards.VietGap | ProductStandards.Haccp, 1), (saved.Status, saved.Standards, saved.Version));
        var update = (await app.AuditAsync(nameof(Product), id))[^1];
        Assert.Equal(AuditAction.Updated, update.Action);
        Assert.Equal(Demo.ProgramOffice, update.UserName);
        Assert.Equal(
            [
                new("Description", "Gói bằng lá chuối, nhân đậu xanh và thịt mỡ.", "Nhân đậu xanh, không thịt."),
                new("Standards", "VietGap, QualityDeclaration", "VietGap, Haccp"),
                new("Status", "Registered", "Ranked"),
            ],
            update.Changes.OrderBy(c => c.Field, StringComparer.Ordinal));

        var history = Html.Text(await client.GetPageAsync($"/History/Product/{id}"));
        Assert.Contains("Nhân đậu xanh, không thịt.", history, StringComparison.Ordinal);
        // The audit keeps the login; the history page names the person (issue 17).
        var officeName = await app.QueryAsync(db => db.Users.Where(u => u.UserName == Demo.ProgramOffice).Select(u => u.FullName).SingleAsync());
        Assert.Contains(officeName, history, StringComparison.Ordinal);
        Assert.DoesNotContain(">" + Demo.ProgramOffice + "<", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archiving_a_product_keeps_the_record_audits_it_and_restoring_brings_it_back()
    {
        var client = await app.As(Demo.ChauThanhOfficer);
        var id = await CreateProductAsync(client, Unique("Bánh tét lá dứa"));

        using (var response = await client.PostFormAsync(await client.GetFormAsync($"/Products/Details/{id}", handler: "Archive")))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(ProductStatus.Archived, (await app.ProductAsync(id)).Status);
        var archived = (await app.AuditAsync(nameof(Product), id))[^1];
        Assert.Equal(AuditAction.Archived, archived.Action);
        Assert.Equal(Demo.ChauThanhOfficer, archived.UserName);
        Assert.Equal([new FieldChange("Status", "Registered", "Archived")], archived.Changes);

        // Archived: out of the working list, found by asking for archived products, no longer editable.
        Assert.DoesNotContain(id, Html.LinkedIds(await client.GetPageAsync("/Products?q=banh+tet+la+dua"), "/Products/Details/"));
        Assert.Contains(id, Html.LinkedIds(await client.GetPageAsync("/Products?q=banh+tet+la+dua&status=Archived"), "/Products/Details/"));
        using (var edit = await client.GetAsync($"/Products/Edit/{id}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        }

        var restore = (await client.GetFormAsync($"/Products/Details/{id}", handler: "Archive")).Set("restore", "true");
        using (var response = await client.PostFormAsync(restore))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(ProductStatus.Registered, (await app.ProductAsync(id)).Status);
        Assert.Equal(
            [AuditAction.Created, AuditAction.Archived, AuditAction.Restored],
            (await app.AuditAsync(nameof(Product), id)).Select(a => a.Action));
    }

    [Fact]
    public async Task A_GTIN_with_a_wrong_check_digit_is_refused_in_the_form_and_nothing_is_saved()
    {
        var client = await app.As(Demo.ChauThanhOfficer);
        var wrong = ValidGtin[..^1] + ((ValidGtin[^1] - '0' + 1) % 10).ToString(CultureInfo.InvariantCulture);
        var counts = await app.CountsAsync();

        using var created = await client.PostFormAsync((await FilledNewProductFormAsync(client, Unique("Bánh tét mã sai"))).Set("Input.Gtin", wrong));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("Mã vạch GTIN không hợp lệ: cần 8, 12, 13 hoặc 14 chữ số với số kiểm tra đúng.",
            Html.FieldErrors(await created.Content.ReadAsStringAsync())["Input.Gtin"]);
        Assert.Equal(counts, await app.CountsAsync());

        // The same rule guards an edit: the product keeps its valid code.
        var id = await app.ProductIdAsync(Demo.BanhTetNhanChuoi);
        var before = await app.ProductAsync(id);
        counts = await app.CountsAsync();
        using var edited = await client.PostFormAsync((await client.GetFormAsync($"/Products/Edit/{id}")).Set("Input.Gtin", "8936012345672"));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Contains("Input.Gtin", Html.FieldErrors(await edited.Content.ReadAsStringAsync()).Keys);
        Assert.Equal((before.Gtin, before.Version), ((await app.ProductAsync(id)).Gtin, (await app.ProductAsync(id)).Version));
        Assert.Equal(counts, await app.CountsAsync());
    }

    public static TheoryData<string, string, string> InvalidFields() => new()
    {
        { "Input.Name", "", "Nhập tên sản phẩm." },
        { "Input.Name", "{251 letters}", "Tên tối đa 250 ký tự." },
        { "Input.SubjectId", "", "Chọn chủ thể." },
        { "Input.SubjectId", "{ConChim}", "Chủ thể không tồn tại hoặc bạn không được thêm sản phẩm cho chủ thể này." },
        { "Input.SubjectId", "999999", "Chủ thể không tồn tại hoặc bạn không được thêm sản phẩm cho chủ thể này." },
        { "Input.CommuneId", "", "Chọn xã sản xuất." },
        { "Input.CommuneId", "{HoaMinh}", "Bạn không phụ trách xã này." },
        { "Input.CategoryId", "", "Chọn nhóm sản phẩm." },
        { "Input.CategoryId", "{ProcessedFoodGroup}", "Chọn một nhóm sản phẩm cụ thể (có bộ tiêu chí)." },
        { "Input.Status", "Archived", "Dùng nút \"Lưu trữ sản phẩm\" để lưu trữ." },
        { "Input.Status", "99", "Giá trị '99' không hợp lệ." },
        { "Input.Status", "Nổi tiếng", "Giá trị 'Nổi tiếng' không hợp lệ." },
        { "Input.Gtin", "12345", "Mã vạch GTIN không hợp lệ: cần 8, 12, 13 hoặc 14 chữ số với số kiểm tra đúng." },
        { "Input.Description", "{4001 letters}", "Mô tả tối đa 4.000 ký tự." },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task An_invalid_new_product_saves_nothing_and_the_form_says_why_beside_the_field(string field, string value, string message)
    {
        var client = await app.As(Demo.ChauThanhOfficer);
        var form = await FilledNewProductFormAsync(client, Unique("Sản phẩm không hợp lệ"));
        form.Set(field, value switch
        {
            "{ConChim}" => (await app.SubjectIdAsync(Demo.ConChim)).ToString(CultureInfo.InvariantCulture),
            "{HoaMinh}" => (await app.CommuneIdAsync(Demo.HoaMinh)).ToString(CultureInfo.InvariantCulture),
            "{ProcessedFoodGroup}" => (await app.CategoryIdAsync(Demo.ProcessedFoodGroup)).ToString(CultureInfo.InvariantCulture),
            "{251 letters}" => new string('x', 251),
            "{4001 letters}" => new string('a', 4001),
            _ => value,
        });
        var before = await app.CountsAsync();

        using var response = await client.PostFormAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, Html.FieldErrors(await response.Content.ReadAsStringAsync()).GetValueOrDefault(field));
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task A_stale_form_cannot_overwrite_a_newer_change_of_the_product()
    {
        var office = await app.As(Demo.ProgramOffice);
        var officer = await app.As(Demo.ChauThanhOfficer);
        var id = await CreateProductAsync(officer, Unique("Bánh tét trứng muối"));
        var first = await officer.GetFormAsync($"/Products/Edit/{id}");
        var second = await office.GetFormAsync($"/Products/Edit/{id}");
        using (var saved = await officer.PostFormAsync(first.Set("Input.Story", "Công thức của bà nội.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var counts = await app.CountsAsync();
        using var refused = await office.PostFormAsync(second.Set("Input.Story", "Câu chuyện khác."));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Sản phẩm vừa được người khác thay đổi. Tải lại trang để xem bản mới rồi sửa lại.",
            Html.SummaryErrors(await refused.Content.ReadAsStringAsync()));
        Assert.Equal("Công thức của bà nội.", (await app.ProductAsync(id)).Story);
        Assert.Equal(counts, await app.CountsAsync());
    }

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>The new-product form filled in as Đa Lộc's commune officer would for Bà Năm's household, valid in every field.</summary>
    private async Task<HtmlForm> FilledNewProductFormAsync(HttpClient client, string name)
    {
        var subject = await app.SubjectIdAsync(Demo.BaNam);
        var form = await client.GetFormAsync($"/Products/Edit?subject={subject}");
        // Opening the form from the subject fills in the subject and its commune as it is today (Đa Lộc merged into Châu Thành).
        Assert.Equal(subject.ToString(CultureInfo.InvariantCulture), form["Input.SubjectId"]);
        Assert.Equal((await app.CurrentCommuneIdAsync(Demo.ChauThanhCommune)).ToString(CultureInfo.InvariantCulture), form["Input.CommuneId"]);
        return form
            .Set("Input.Name", name)
            .Set("Input.CategoryId", (await app.CategoryIdAsync(Demo.RiceProductsCategory)).ToString(CultureInfo.InvariantCulture))
            .Set("Input.Status", nameof(ProductStatus.Registered))
            .SetAll("Input.Standards", nameof(ProductStandards.VietGap), nameof(ProductStandards.QualityDeclaration))
            .Set("Input.Gtin", ValidGtin)
            .Set("Input.Description", "Gói bằng lá chuối, nhân đậu xanh và thịt mỡ.");
    }

    private async Task<int> CreateProductAsync(HttpClient client, string name)
    {
        using var response = await client.PostFormAsync(await FilledNewProductFormAsync(client, name));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Html.IdFromLocation(response, "/Products/Details/");
    }
}
