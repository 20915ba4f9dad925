using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>
/// Reach is enforced on the server, whatever the request: a commune officer's reach ends at their communes, a producer's
/// at their own subject, and the read-only roles change nothing even when they post a form that is valid in every field.
/// </summary>
public class AccessScopeTests(AppFixture app) : IClassFixture<AppFixture>
{
    // Requests against Hòa Minh's records made by Đa Lộc's officer; {product} and {subject} are Cồn Chim's.
    public static TheoryData<string> ReachesIntoAnotherCommune() =>
    [
        "GET /Products/Details/{product}",
        "GET /Products/Edit/{product}",
        "POST /Products/Edit/{product}",
        "POST /Products/Details/{product}?handler=Archive",
        "POST /Products/Details/{product}?handler=Upload",
        "GET /History/Product/{product}",
        "GET /api/v1/products/{product}",
        "GET /Subjects/Details/{subject}",
        "GET /Subjects/Edit/{subject}",
        "POST /Subjects/Edit/{subject}",
        "POST /Subjects/Details/{subject}?handler=Archive",
        "GET /History/Subject/{subject}",
        "GET /Products/Edit?subject={subject}",
    ];

    [Theory]
    [MemberData(nameof(ReachesIntoAnotherCommune))]
    public async Task A_commune_officer_reaching_for_another_communes_record_by_id_finds_nothing_and_changes_nothing(string request)
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var product = await app.ProductIdAsync(Demo.ConChimTour);
        var subject = await app.SubjectIdAsync(Demo.ConChim);
        var (productBefore, subjectBefore, counts) = (await app.ProductAsync(product), await app.SubjectAsync(subject), await app.CountsAsync());

        using var response = await SendAsync(officer, request, product, subject);

        if (request.StartsWith("GET /Products/Edit?", StringComparison.Ordinal))
        {
            // The new-product form opens, but does not offer or fill in the other commune's subject.
            var form = HtmlForm.Read(await response.Content.ReadAsStringAsync(), "/Products/Edit");
            Assert.Equal("", form["Input.CommuneId"]);
            Assert.DoesNotContain(Demo.ConChim, Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        else
        {
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{request} answered {(int)response.StatusCode}");
        }

        var (productAfter, subjectAfter) = (await app.ProductAsync(product), await app.SubjectAsync(subject));
        Assert.Equal((productBefore.Name, productBefore.Status, productBefore.Version, productBefore.Photos.Count), (productAfter.Name, productAfter.Status, productAfter.Version, productAfter.Photos.Count));
        Assert.Equal((subjectBefore.Name, subjectBefore.IsArchived, subjectBefore.Version), (subjectAfter.Name, subjectAfter.IsArchived, subjectAfter.Version));
        Assert.Equal(counts, await app.CountsAsync());
    }

    [Fact]
    public async Task A_commune_officers_lists_and_api_hold_only_their_own_communes()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        // The commune Châu Thành of today and the four former units merged into it in 2025 (Đa Lộc, Mỹ Chánh, Thanh Mỹ, the township).
        var mine = new[]
        {
            await app.CurrentCommuneIdAsync(Demo.ChauThanhCommune), await app.CommuneIdAsync(Demo.DaLoc), await app.CommuneIdAsync(Demo.MyChanh),
            await app.CommuneIdAsync(Demo.ThanhMy), await app.CommuneIdAsync(Demo.ChauThanhCommune),
        };
        var hoaMinh = await app.CommuneIdAsync(Demo.HoaMinh);

        var products = await ApiItemsAsync(officer, "/api/v1/products?pageSize=100");
        Assert.NotEmpty(products);
        Assert.All(products, p => Assert.Contains(p.GetProperty("communeId").GetInt32(), mine));
        var subjects = await ApiItemsAsync(officer, "/api/v1/subjects?pageSize=100");
        Assert.Equal(
            (await app.QueryAsync(db => db.Subjects.Where(s => mine.Contains(s.CommuneId) && !s.IsArchived).Select(s => s.Name).ToListAsync())).Order(StringComparer.Ordinal),
            subjects.Select(s => s.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));

        // Asking for the other commune by filter gives an empty list, not its records.
        Assert.Empty(await ApiItemsAsync(officer, $"/api/v1/products?commune={hoaMinh}"));
        Assert.Empty(await ApiItemsAsync(officer, $"/api/v1/subjects?commune={hoaMinh}"));
        Assert.Empty(Html.LinkedIds(await officer.GetPageAsync($"/Products?commune={hoaMinh}"), "/Products/Details/"));
        Assert.DoesNotContain(Demo.ConChim, Html.Text(await officer.GetPageAsync("/Subjects?q=con+chim")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_producer_sees_only_their_own_subject_and_its_products()
    {
        var producer = await app.As(Demo.Producer);
        var own = await app.SubjectIdAsync(Demo.TienThanh);

        var subjects = await ApiItemsAsync(producer, "/api/v1/subjects?pageSize=100");
        Assert.Equal([own], subjects.Select(s => s.GetProperty("id").GetInt32()));
        var products = await ApiItemsAsync(producer, "/api/v1/products?pageSize=100");
        var ownProducts = await app.QueryAsync(db => db.Products.Where(p => p.SubjectId == own && p.Status != ProductStatus.Archived).Select(p => p.Id).ToListAsync());
        Assert.Equal(ownProducts.Order(), products.Select(p => p.GetProperty("id").GetInt32()).Order());

        Assert.Equal([own], Html.LinkedIds(await producer.GetPageAsync("/Subjects"), "/Subjects/Details/").Distinct());
        Assert.Equal(ownProducts.Order(), Html.LinkedIds(await producer.GetPageAsync("/Products"), "/Products/Details/").Order());
        using var other = await producer.GetAsync($"/Subjects/Details/{await app.SubjectIdAsync(Demo.BaNam)}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task A_producer_keeps_their_own_subject_current_but_neither_archives_it_nor_moves_it()
    {
        var producer = await app.As(Demo.Producer);
        var own = await app.SubjectIdAsync(Demo.TienThanh);

        using (var saved = await producer.PostFormAsync((await producer.GetFormAsync($"/Subjects/Edit/{own}")).Set("Input.Phone", "0294 3 999 888")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var update = (await app.AuditAsync(nameof(Subject), own))[^1];
        Assert.Equal((AuditAction.Updated, Demo.Producer), (update.Action, update.UserName));
        Assert.Equal("0294 3 999 888", update.Change("Phone").New);

        var counts = await app.CountsAsync();
        var moved = (await producer.GetFormAsync($"/Subjects/Edit/{own}")).Set("Input.CommuneId", (await app.CommuneIdAsync(Demo.HoaMinh)).ToString(CultureInfo.InvariantCulture));
        using (var response = await producer.PostFormAsync(moved))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Bạn không phụ trách xã này.", Html.FieldErrors(await response.Content.ReadAsStringAsync())["Input.CommuneId"]);
        }

        var version = (await app.SubjectAsync(own)).Version.ToString(CultureInfo.InvariantCulture);
        using (var archive = await producer.PostWithTokenAsync($"/Subjects/Details/{own}?handler=Archive", ("version", version)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, archive.StatusCode);
        }

        Assert.False((await app.SubjectAsync(own)).IsArchived);
        Assert.Equal(counts, await app.CountsAsync());
    }

    [Fact]
    public async Task A_producer_adds_products_to_their_own_subject_only()
    {
        var producer = await app.As(Demo.Producer);
        var own = await app.SubjectIdAsync(Demo.TienThanh);
        var form = await producer.GetFormAsync("/Products/Edit");
        Assert.Equal(own.ToString(CultureInfo.InvariantCulture), form["Input.SubjectId"]);
        form.Set("Input.Name", "Gạo lứt đỏ Tiến Thành " + Guid.NewGuid().ToString("N")[..6])
            .Set("Input.CommuneId", (await app.CurrentCommuneIdAsync(Demo.LongHoa)).ToString(CultureInfo.InvariantCulture))
            .Set("Input.CategoryId", (await app.CategoryIdAsync("I.2.a")).ToString(CultureInfo.InvariantCulture));

        var counts = await app.CountsAsync();
        using (var foreign = await producer.PostFormAsync(form.Set("Input.SubjectId", (await app.SubjectIdAsync(Demo.BaNam)).ToString(CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
            Assert.Equal("Chủ thể không tồn tại hoặc bạn không được thêm sản phẩm cho chủ thể này.",
                Html.FieldErrors(await foreign.Content.ReadAsStringAsync())["Input.SubjectId"]);
        }

        Assert.Equal(counts, await app.CountsAsync());
        using var created = await producer.PostFormAsync(form.Set("Input.SubjectId", own.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var product = await app.ProductAsync(Html.IdFromLocation(created, "/Products/Details/"));
        Assert.Equal(own, product.SubjectId);
        Assert.Equal(Demo.Producer, (await app.AuditAsync(nameof(Product), product.Id)).Single().UserName);
    }

    // Writes that a read-only role might try with a form valid in every field (taken from an administrator's page).
    public static TheoryData<string, string> ReadOnlyWrites()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[] { Demo.Leader, Demo.Department, Demo.Council })
        {
            foreach (var request in new[]
            {
                "POST /Subjects/Edit", "POST /Subjects/Edit/{subject}", "POST /Subjects/Details/{subject}?handler=Archive",
                "POST /Products/Edit", "POST /Products/Edit/{product}", "POST /Products/Details/{product}?handler=Archive",
                "POST /Products/Details/{product}?handler=Upload", "POST /CraftVillages/Edit", "POST /CraftVillages/Edit/{village}",
                "POST /Taxonomy/Edit/{category}", "POST /Admin/Users/Edit",
            })
            {
                data.Add(user, request);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReadOnlyWrites))]
    public async Task Read_only_roles_change_nothing_even_with_a_valid_form(string user, string request)
    {
        var client = await app.As(user);
        var (product, subject) = (await app.ProductIdAsync(Demo.BanhTetLaCam), await app.SubjectIdAsync(Demo.BaNam));
        var counts = await app.CountsAsync();

        using var response = await SendAsync(client, request, product, subject);

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} {request} answered {(int)response.StatusCode} {response.Location()}");
        Assert.Equal(counts, await app.CountsAsync());
    }

    [Theory]
    [InlineData("POST /Subjects/Edit")]
    [InlineData("POST /Products/Edit")]
    [InlineData("POST /Products/Edit/{product}")]
    [InlineData("POST /CraftVillages/Edit")]
    public async Task The_forms_refused_to_read_only_roles_are_accepted_from_an_administrator(string request)
    {
        // The control for the refusals above: the very same form succeeds when the right person sends it.
        var admin = await app.As(Demo.Admin);
        using var response = await SendAsync(admin, request, await app.ProductIdAsync(Demo.BanhTetNhanChuoi), await app.SubjectIdAsync(Demo.UtHien));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{request} answered {(int)response.StatusCode}: {HttpClientExtensions.Shorten(await response.Content.ReadAsStringAsync())}");
    }

    /// <summary>
    /// Sends a request as the given client. A POST carries a form valid in every field, read from the same page as an
    /// administrator sees it, and the client's own antiforgery token: only the client's reach can make it fail.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(HttpClient client, string request, int product, int subject)
    {
        var village = await app.IdAsync("village", () => app.QueryAsync(db => db.CraftVillages.Where(v => v.Name == "Làng nghề bánh tét Đa Lộc").Select(v => v.Id).SingleAsync()));
        var category = await app.CategoryIdAsync(Demo.RiceProductsCategory);
        var parts = request.Split(' ', 2);
        var url = parts[1]
            .Replace("{product}", product.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{subject}", subject.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{village}", village.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{category}", category.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (parts[0] == "GET")
        {
            return await client.GetAsync(url);
        }

        var admin = await app.As(Demo.Admin);
        var path = url.Split('?')[0];
        var handler = url.Contains("handler=", StringComparison.Ordinal) ? url[(url.IndexOf("handler=", StringComparison.Ordinal) + 8)..] : null;
        var form = await admin.GetFormAsync(path, handler);
        await FillNewRecordAsync(form, path);
        form.Set(HtmlForm.TokenField, await client.TokenAsync());
        if (handler == "Upload")
        {
            var png = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "TestFiles", "photo.png"));
            return await client.PostFileAsync(form, "photo", "anh.png", png, "image/png");
        }

        return await client.PostFormAsync(form);
    }

    /// <summary>Blank "new" forms get valid values (a record in Châu Thành, the commune that took over Đa Lộc), so that a refusal can only come from who is asking.</summary>
    private async Task FillNewRecordAsync(HtmlForm form, string path)
    {
        var daLoc = (await app.CurrentCommuneIdAsync(Demo.ChauThanhCommune)).ToString(CultureInfo.InvariantCulture);
        switch (path)
        {
            case "/Subjects/Edit":
                form.Set("Input.Name", "Chủ thể thử quyền").Set("Input.LegalForm", "Cooperative").Set("Input.Address", "Ấp 1")
                    .Set("Input.Representative", "Người thử").Set("Input.CommuneId", daLoc);
                break;
            case "/Products/Edit":
                form.Set("Input.Name", "Sản phẩm thử quyền").Set("Input.CommuneId", daLoc)
                    .Set("Input.SubjectId", (await app.SubjectIdAsync(Demo.BaNam)).ToString(CultureInfo.InvariantCulture))
                    .Set("Input.CategoryId", (await app.CategoryIdAsync(Demo.RiceProductsCategory)).ToString(CultureInfo.InvariantCulture));
                break;
            case "/CraftVillages/Edit":
                form.Set("Input.Name", "Làng nghề thử quyền").Set("Input.CommuneId", daLoc);
                break;
            case "/Admin/Users/Edit":
                form.Set("Input.UserName", "thu.quyen").Set("Input.FullName", "Người thử quyền").Set("Input.Role", "Leader").Set("Input.Password", "Thu@quyen2025");
                break;
        }
    }

    private static async Task<List<JsonElement>> ApiItemsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
