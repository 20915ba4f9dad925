using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>Craft villages, the product taxonomy and user accounts: edited through their forms, audited, enforced at once.</summary>
public class ReferenceDataAndUserTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Craft_villages_are_created_edited_and_archived_through_the_form_with_audit()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var daLoc = (await app.CurrentCommuneIdAsync(Demo.ChauThanhCommune)).ToString(CultureInfo.InvariantCulture);
        var name = "Làng nghề bánh phồng " + Guid.NewGuid().ToString("N")[..6];

        var form = (await officer.GetFormAsync("/CraftVillages/Edit"))
            .Set("Input.Name", name).Set("Input.CommuneId", daLoc).SetAll("Input.IsTraditional", "true", "false");
        using (var created = await officer.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var id = await app.QueryAsync(db => db.CraftVillages.Where(v => v.Name == name).Select(v => v.Id).SingleAsync());
        using (var edited = await officer.PostFormAsync((await officer.GetFormAsync($"/CraftVillages/Edit/{id}")).Set("Input.RecognitionDecision", "QĐ 12/QĐ-UBND")))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        using (var archived = await officer.PostFormAsync((await officer.GetFormAsync($"/CraftVillages/Edit/{id}")).SetAll("Input.IsArchived", "true", "false")))
        {
            Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        }

        var audit = await app.AuditAsync(nameof(CraftVillage), id);
        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Archived], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(Demo.ChauThanhOfficer, a.UserName));
        Assert.Equal(new FieldChange("CommuneId", null, daLoc), audit[0].Change("CommuneId"));
        Assert.Equal([new FieldChange("RecognitionDecision", null, "QĐ 12/QĐ-UBND")], audit[1].Changes);
        Assert.Equal([new FieldChange("IsArchived", "False", "True")], audit[2].Changes);

        // An archived village is no longer offered to subjects.
        var subjectForm = await officer.GetPageAsync("/Subjects/Edit");
        Assert.DoesNotContain(name, Html.Text(subjectForm), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commune_officer_cannot_place_a_craft_village_in_another_commune()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var counts = await app.CountsAsync();
        var form = (await officer.GetFormAsync("/CraftVillages/Edit"))
            .Set("Input.Name", "Làng nghề xơ dừa Hòa Minh").Set("Input.CommuneId", (await app.CommuneIdAsync(Demo.HoaMinh)).ToString(CultureInfo.InvariantCulture));

        using var response = await officer.PostFormAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bạn không phụ trách xã này.", Html.FieldErrors(await response.Content.ReadAsStringAsync())["Input.CommuneId"]);
        Assert.Equal(counts, await app.CountsAsync());
    }

    [Fact]
    public async Task A_taxonomy_correction_is_audited_and_a_retired_group_can_no_longer_be_chosen()
    {
        var office = await app.As(Demo.ProgramOffice);
        var category = await app.CategoryIdAsync("V.3");
        var oldName = await app.QueryAsync(db => db.ProductCategories.Where(c => c.Id == category).Select(c => c.Name).SingleAsync());

        var form = (await office.GetFormAsync($"/Taxonomy/Edit/{category}"))
            .Set("Input.Name", "Động vật cảnh (chim, cá cảnh)").SetAll("Input.IsArchived", "true", "false");
        using (var saved = await office.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var audit = (await app.AuditAsync(nameof(ProductCategory), category))[^1];
        Assert.Equal((AuditAction.Archived, Demo.ProgramOffice), (audit.Action, audit.UserName));
        Assert.Equal(new FieldChange("Name", oldName, "Động vật cảnh (chim, cá cảnh)"), audit.Change("Name"));

        var counts = await app.CountsAsync();
        var product = (await office.GetFormAsync($"/Products/Edit?subject={await app.SubjectIdAsync(Demo.BaNam)}"))
            .Set("Input.Name", "Cá bảy màu Đa Lộc").Set("Input.CategoryId", category.ToString(CultureInfo.InvariantCulture));
        using var refused = await office.PostFormAsync(product);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Chọn một nhóm sản phẩm cụ thể (có bộ tiêu chí).", Html.FieldErrors(await refused.Content.ReadAsStringAsync())["Input.CategoryId"]);
        Assert.Equal(counts, await app.CountsAsync());
    }

    [Fact]
    public async Task An_administrator_creates_a_commune_officer_who_then_reaches_only_that_commune()
    {
        var admin = await app.As(Demo.Admin);
        var hoaMinh = await app.CommuneIdAsync(Demo.HoaMinh);
        var userName = "canbo.moi" + Guid.NewGuid().ToString("N")[..4];
        var form = (await admin.GetFormAsync("/Admin/Users/Edit"))
            .Set("Input.UserName", userName).Set("Input.FullName", "Trần Văn Mới").Set("Input.Organisation", "UBND xã Hòa Minh")
            .Set("Input.Role", nameof(Role.CommuneOfficer)).SetAll("Input.UnitIds", hoaMinh.ToString(CultureInfo.InvariantCulture))
            .Set("Input.Password", "Moi@2025ocop");

        using (var created = await admin.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var id = await app.UserIdAsync(userName);
        var audit = Assert.Single(await app.AuditAsync(nameof(AppUser), id));
        Assert.Equal((AuditAction.Created, Demo.Admin), (audit.Action, audit.UserName));
        Assert.Equal("CommuneOfficer", audit.Change("Role").New);
        // Secrets never reach the audit trail.
        Assert.DoesNotContain(audit.Changes, c => c.Field is "PasswordHash" or "SecurityStamp" or "ConcurrencyStamp");
        var assigned = Assert.Single(await app.AuditAsync(nameof(UserUnit), $"{id}/{hoaMinh}"));
        Assert.Equal(new FieldChange("UnitId", null, hoaMinh.ToString(CultureInfo.InvariantCulture)), assigned.Change("UnitId"));

        var newcomer = await app.SignInAsync(userName, "Moi@2025ocop");
        using var document = JsonDocument.Parse(await newcomer.GetStringAsync("/api/v1/products?pageSize=100"));
        var communes = document.RootElement.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("communeId").GetInt32()).Distinct().ToList();
        Assert.Equal([hoaMinh], communes);
    }

    [Theory]
    [InlineData("ngan", "Mật khẩu phải có ít nhất 8 ký tự.")]
    [InlineData("khongcochuso!", "Mật khẩu phải có ít nhất một chữ số.")]
    [InlineData("Khongkytu2025", "Mật khẩu phải có ít nhất một ký tự đặc biệt.")]
    public async Task A_weak_password_is_refused_in_vietnamese_and_no_user_is_created(string password, string message)
    {
        var admin = await app.As(Demo.Admin);
        var users = await app.QueryAsync(db => db.Users.CountAsync());
        var form = (await admin.GetFormAsync("/Admin/Users/Edit"))
            .Set("Input.UserName", "yeu." + Guid.NewGuid().ToString("N")[..4]).Set("Input.FullName", "Mật khẩu yếu")
            .Set("Input.Role", nameof(Role.Leader)).Set("Input.Password", password);

        using var response = await admin.PostFormAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Html.FieldErrors(await response.Content.ReadAsStringAsync())["Input.Password"], StringComparison.Ordinal);
        Assert.Equal(users, await app.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task An_office_is_given_the_level_whose_decisions_it_records_and_others_keep_none()
    {
        var admin = await app.As(Demo.Admin);
        var district = await app.QueryAsync(db => db.Units.Where(u => u.Code == "847").Select(u => u.Id).SingleAsync());
        foreach (var (role, level, expected) in new (Role, string, Ocop.Core.Evaluation.EvaluationLevel?)[]
        {
            (Role.ProgramOffice, "Central", Ocop.Core.Evaluation.EvaluationLevel.Central),
            (Role.Department, "Province", null), // only offices and administrators record decisions
        })
        {
            var userName = "capqd." + Guid.NewGuid().ToString("N")[..6];
            var form = (await admin.GetFormAsync("/Admin/Users/Edit"))
                .Set("Input.UserName", userName).Set("Input.FullName", "Văn phòng điều phối").Set("Input.Role", role.ToString())
                .SetAll("Input.UnitIds", district.ToString(CultureInfo.InvariantCulture)).Set("Input.DecisionLevel", level).Set("Input.Password", "Moi@2025ocop");
            using var created = await admin.PostFormAsync(form);
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Equal(expected, await app.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.DecisionLevel).SingleAsync()));
        }

        var refused = (await admin.GetFormAsync("/Admin/Users/Edit"))
            .Set("Input.UserName", "capqd.xa").Set("Input.FullName", "Xã").Set("Input.Role", nameof(Role.ProgramOffice))
            .SetAll("Input.UnitIds", district.ToString(CultureInfo.InvariantCulture)).Set("Input.DecisionLevel", "CommuneCheck").Set("Input.Password", "Moi@2025ocop");
        using var response = await admin.PostFormAsync(refused);
        Assert.Equal("Cấp ra quyết định không hợp lệ.", Html.FieldErrors(await response.Content.ReadAsStringAsync())["Input.DecisionLevel"]);
    }

    [Fact]
    public async Task Archiving_a_user_ends_their_session_at_once()
    {
        var (userName, session) = await SignedInNewUserAsync(Role.ProgramOffice, [await app.QueryAsync(db => db.Units.Where(u => u.Code == "847").Select(u => u.Id).SingleAsync())]);
        using (var before = await session.GetAsync("/Products"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await SaveUserFormAsync(userName, form => form.SetAll("Input.IsArchived", "true", "false"));

        using var page = await session.GetAsync("/Products");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        using var api = await session.GetAsync("/api/v1/products");
        Assert.NotEqual(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task Taking_the_administrator_role_away_takes_effect_at_once()
    {
        var (userName, session) = await SignedInNewUserAsync(Role.Administrator, []);
        using (var before = await session.GetAsync("/Admin/Users"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await SaveUserFormAsync(userName, form => form.Set("Input.Role", nameof(Role.Leader)));

        using var after = await session.GetAsync("/Admin/Users");
        Assert.NotEqual(HttpStatusCode.OK, after.StatusCode);
    }

    private async Task<(string UserName, HttpClient Session)> SignedInNewUserAsync(Role role, int[] units)
    {
        var userName = "phien." + Guid.NewGuid().ToString("N")[..6];
        const string Password = "Phien@2025ocop";
        var result = await app.WithUsersAsync(users => users.CreateAsync(
            new AppUser { UserName = userName, FullName = "Người thử phiên", Role = role, Units = [] }, Password));
        Assert.True(result.Succeeded);
        if (units.Length > 0)
        {
            var id = await app.UserIdAsync(userName);
            await app.QueryAsync(async db =>
            {
                db.UserUnits.AddRange(units.Select(u => new UserUnit { UserId = id, UnitId = u }));
                return await db.SaveChangesAsync();
            });
        }

        return (userName, await app.SignInAsync(userName, Password));
    }

    private async Task SaveUserFormAsync(string userName, Action<HtmlForm> change)
    {
        var admin = await app.As(Demo.Admin);
        var form = await admin.GetFormAsync($"/Admin/Users/Edit/{await app.UserIdAsync(userName)}");
        change(form);
        using var saved = await admin.PostFormAsync(form);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, HttpClientExtensions.Shorten(await saved.Content.ReadAsStringAsync()));
    }
}
