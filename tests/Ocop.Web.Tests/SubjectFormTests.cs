using System.Globalization;
using System.Net;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>Subjects are created, changed and archived only through the real forms, and every step is in the audit trail.</summary>
public class SubjectFormTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Creating_a_subject_through_the_form_saves_it_and_audits_who_and_every_field()
    {
        var client = await app.As(Demo.ChauThanhOfficer);
        var daLoc = await app.CurrentCommuneIdAsync(Demo.ChauThanhCommune);
        var name = Unique("Hợp tác xã Bánh phồng Đa Lộc");

        using var response = await client.PostFormAsync(await FilledNewSubjectFormAsync(client, name));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Html.IdFromLocation(response, "/Subjects/Details/");
        var saved = await app.SubjectAsync(id);
        Assert.Equal(name, saved.Name);
        Assert.Equal(LegalForm.Cooperative, saved.LegalForm);
        Assert.Equal(daLoc, saved.CommuneId);
        Assert.Equal("2100123456", saved.TaxCode);
        Assert.True(saved.WomenLed);
        Assert.False(saved.EthnicMinorityLed);
        Assert.Equal((12, 10, 4), (saved.WorkersTotal, saved.WorkersLocal, saved.WorkersTrained));
        Assert.Equal(SalesChannels.Supermarket | SalesChannels.ECommerce, saved.SalesChannels);
        Assert.True(saved.GreenValueChain);
        Assert.False(saved.IsArchived);

        var audit = Assert.Single(await app.AuditAsync(nameof(Subject), id));
        Assert.Equal(AuditAction.Created, audit.Action);
        Assert.Equal(Demo.ChauThanhOfficer, audit.UserName);
        Assert.Equal(await app.UserIdAsync(Demo.ChauThanhOfficer), audit.UserId);
        Assert.Equal(new FieldChange("Name", null, name), audit.Change("Name"));
        Assert.Equal(new FieldChange("CommuneId", null, daLoc.ToString(CultureInfo.InvariantCulture)), audit.Change("CommuneId"));
        Assert.Equal(new FieldChange("LegalForm", null, "Cooperative"), audit.Change("LegalForm"));
        Assert.Equal(new FieldChange("TaxCode", null, "2100123456"), audit.Change("TaxCode"));
        Assert.Equal(new FieldChange("WorkersTotal", null, "12"), audit.Change("WorkersTotal"));
        Assert.Equal(new FieldChange("SalesChannels", null, "Supermarket, ECommerce"), audit.Change("SalesChannels"));
        Assert.Equal(new FieldChange("RawMaterialEvidence", null, "Hợp đồng liên kết 5 ha nếp cẩm với 20 hộ."), audit.Change("RawMaterialEvidence"));
        // Search keys and versions are bookkeeping, not changes a person made.
        Assert.DoesNotContain(audit.Changes, c => c.Field is "SearchText" or "Version" or "UpdatedAt");

        var details = Html.Text(await client.GetPageAsync($"/Subjects/Details/{id}"));
        Assert.Contains(name, details, StringComparison.Ordinal);
        Assert.Contains("Đã thêm chủ thể.", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_subject_audits_exactly_the_changed_fields_with_old_and_new_values()
    {
        var client = await app.As(Demo.ChauThanhOfficer);
        var id = await CreateSubjectAsync(client, Unique("Tổ hợp tác Bánh tét lá cẩm"));

        var form = await client.GetFormAsync($"/Subjects/Edit/{id}");
        Assert.Equal("0", form["Input.Version"]);
        form.Set("Input.Phone", "0911 222 333").Set("Input.Representative", "Lê Thị Cẩm").Set("Input.WorkersTotal", "15");
        using var response = await client.PostFormAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Subjects/Details/{id}", response.Location());
        var saved = await app.SubjectAsync(id);
        Assert.Equal(("0911 222 333", "Lê Thị Cẩm", 15, 1), (saved.Phone, saved.Representative, saved.WorkersTotal, saved.Version));

        var audit = await app.AuditAsync(nameof(Subject), id);
        Assert.Equal([AuditAction.Created, AuditAction.Updated], audit.Select(a => a.Action));
        var update = audit[1];
        Assert.Equal(Demo.ChauThanhOfficer, update.UserName);
        Assert.Equal(
            [new("Phone", "0294 3 123 456", "0911 222 333"), new("Representative", "Trần Thị Hoa", "Lê Thị Cẩm"), new("WorkersTotal", "12", "15")],
            update.Changes.OrderBy(c => c.Field, StringComparer.Ordinal));

        // The history page shows the same trail to a person.
        var history = Html.Text(await client.GetPageAsync($"/History/Subject/{id}"));
        Assert.Contains("Sửa", history, StringComparison.Ordinal);
        Assert.Contains("Tạo mới", history, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Hoa", history, StringComparison.Ordinal);
        Assert.Contains("Lê Thị Cẩm", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archiving_a_subject_keeps_the_record_audits_it_and_restoring_brings_it_back()
    {
        var client = await app.As(Demo.ProgramOffice);
        var name = Unique("Hộ kinh doanh Mứt gừng");
        var id = await CreateSubjectAsync(client, name);

        var archive = await client.GetFormAsync($"/Subjects/Details/{id}", handler: "Archive");
        using (var response = await client.PostFormAsync(archive))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.True((await app.SubjectAsync(id)).IsArchived);
        var archived = (await app.AuditAsync(nameof(Subject), id))[^1];
        Assert.Equal(AuditAction.Archived, archived.Action);
        Assert.Equal(Demo.ProgramOffice, archived.UserName);
        Assert.Equal([new FieldChange("IsArchived", "False", "True")], archived.Changes);

        // Archived: out of the working list, still found among the archived, no longer editable.
        Assert.DoesNotContain(id, Html.LinkedIds(await client.GetPageAsync("/Subjects?q=" + Uri.EscapeDataString(name)), "/Subjects/Details/"));
        Assert.Equal([id], Html.LinkedIds(await client.GetPageAsync("/Subjects?archived=true&q=" + Uri.EscapeDataString(name)), "/Subjects/Details/"));
        using (var edit = await client.GetAsync($"/Subjects/Edit/{id}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        }

        var restore = (await client.GetFormAsync($"/Subjects/Details/{id}", handler: "Archive")).Set("restore", "true");
        using (var response = await client.PostFormAsync(restore))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.False((await app.SubjectAsync(id)).IsArchived);
        Assert.Equal(
            [AuditAction.Created, AuditAction.Archived, AuditAction.Restored],
            (await app.AuditAsync(nameof(Subject), id)).Select(a => a.Action));
    }

    public static TheoryData<string, string, string> InvalidFields() => new()
    {
        { "Input.Name", "", "Nhập tên chủ thể." },
        { "Input.LegalForm", "", "Chọn loại hình." },
        { "Input.Address", "", "Nhập địa chỉ." },
        { "Input.Representative", "  ", "Nhập người đại diện." },
        { "Input.TaxCode", "21001234", "Mã số thuế gồm 10 chữ số (hoặc 10 chữ số, gạch ngang và 3 chữ số)." },
        { "Input.Phone", "gọi tôi", "Số điện thoại không hợp lệ." },
        { "Input.Email", "khong-phai-thu", "Địa chỉ thư điện tử không hợp lệ." },
        { "Input.WorkersTotal", "-1", "Số lao động từ 0 đến 100.000." },
        { "Input.WorkersTotal", "mười", "Giá trị 'mười' không hợp lệ." },
        { "Input.WorkersLocal", "13", "Lao động địa phương không được nhiều hơn tổng số lao động." },
        { "Input.WorkersTrained", "13", "Lao động qua đào tạo không được nhiều hơn tổng số lao động." },
        { "Input.RawMaterialEvidence", "", "Nêu minh chứng vùng nguyên liệu ổn định cho chuỗi giá trị xanh." },
        { "Input.CommuneId", "{HoaMinh}", "Bạn không phụ trách xã này." },
        { "Input.CommuneId", "", "Chọn xã." },
        { "Input.CraftVillageId", "999999", "Làng nghề không tồn tại." },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task An_invalid_new_subject_saves_nothing_and_the_form_says_why_beside_the_field(string field, string value, string message)
    {
        var client = await app.As(Demo.ChauThanhOfficer);
        var name = Unique("Chủ thể không hợp lệ");
        var form = await FilledNewSubjectFormAsync(client, name);
        form.Set(field, value == "{HoaMinh}" ? (await app.CommuneIdAsync(Demo.HoaMinh)).ToString(CultureInfo.InvariantCulture) : value);
        var before = await app.CountsAsync();

        using var response = await client.PostFormAsync(form);

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, Html.FieldErrors(page).GetValueOrDefault(field));
        Assert.Equal(before, await app.CountsAsync());
        // What the person typed is still there to correct.
        if (field != "Input.Name")
        {
            Assert.Equal(name, HtmlForm.Read(page, "/Subjects/Edit")["Input.Name"]);
        }
    }

    [Fact]
    public async Task An_invalid_edit_leaves_the_subject_and_its_audit_trail_unchanged()
    {
        var client = await app.As(Demo.ChauThanhOfficer);
        var id = await CreateSubjectAsync(client, Unique("Hộ kinh doanh Bánh ít"));
        var before = await app.SubjectAsync(id);
        var counts = await app.CountsAsync();

        var form = (await client.GetFormAsync($"/Subjects/Edit/{id}"))
            .Set("Input.Name", "Tên mới hợp lệ")
            .Set("Input.WorkersLocal", "99");
        using var response = await client.PostFormAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Lao động địa phương không được nhiều hơn tổng số lao động.",
            Html.FieldErrors(await response.Content.ReadAsStringAsync())["Input.WorkersLocal"]);
        var after = await app.SubjectAsync(id);
        Assert.Equal((before.Name, before.WorkersLocal, before.Version), (after.Name, after.WorkersLocal, after.Version));
        Assert.Equal(counts, await app.CountsAsync());
    }

    [Fact]
    public async Task A_stale_form_cannot_overwrite_a_newer_change_of_the_subject()
    {
        var office = await app.As(Demo.ProgramOffice);
        var officer = await app.As(Demo.ChauThanhOfficer);
        var id = await CreateSubjectAsync(officer, Unique("Hợp tác xã Nếp cẩm"));
        var first = await officer.GetFormAsync($"/Subjects/Edit/{id}");
        var second = await office.GetFormAsync($"/Subjects/Edit/{id}");

        using (var saved = await officer.PostFormAsync(first.Set("Input.Phone", "0900 000 001")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var counts = await app.CountsAsync();
        using var refused = await office.PostFormAsync(second.Set("Input.Phone", "0900 000 002"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Chủ thể vừa được người khác thay đổi. Tải lại trang để xem bản mới rồi sửa lại.",
            Html.SummaryErrors(await refused.Content.ReadAsStringAsync()));
        Assert.Equal("0900 000 001", (await app.SubjectAsync(id)).Phone);
        Assert.Equal(counts, await app.CountsAsync());
    }

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>The new-subject form filled in as a commune officer of Đa Lộc would, valid in every field.</summary>
    private async Task<HtmlForm> FilledNewSubjectFormAsync(HttpClient client, string name)
    {
        var daLoc = await app.CurrentCommuneIdAsync(Demo.ChauThanhCommune);
        var form = await client.GetFormAsync("/Subjects/Edit");
        return form
            .Set("Input.Name", name)
            .Set("Input.LegalForm", nameof(LegalForm.Cooperative))
            .Set("Input.RegistrationNumber", "2107001234")
            .Set("Input.TaxCode", "2100123456")
            .Set("Input.CommuneId", daLoc.ToString(CultureInfo.InvariantCulture))
            .Set("Input.Address", "Ấp Phú Hòa, xã Đa Lộc, huyện Châu Thành")
            .Set("Input.Representative", "Trần Thị Hoa")
            .Set("Input.Phone", "0294 3 123 456")
            .Set("Input.Email", "banhphong@example.vn")
            .SetAll("Input.WomenLed", "true", "false")
            .Set("Input.WorkersTotal", "12")
            .Set("Input.WorkersLocal", "10")
            .Set("Input.WorkersTrained", "4")
            .SetAll("Input.GreenValueChain", "true", "false")
            .Set("Input.RawMaterialEvidence", "Hợp đồng liên kết 5 ha nếp cẩm với 20 hộ.")
            .SetAll("Input.SalesChannels", nameof(SalesChannels.Supermarket), nameof(SalesChannels.ECommerce));
    }

    private async Task<int> CreateSubjectAsync(HttpClient client, string name)
    {
        using var response = await client.PostFormAsync(await FilledNewSubjectFormAsync(client, name));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Html.IdFromLocation(response, "/Subjects/Details/");
    }
}
