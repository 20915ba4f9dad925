using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Admin.Office;
using Ocop.Web.Features.CraftVillages;
using Ocop.Web.Features.Documents;
using Ocop.Web.Features.EvaluationCalendar;
using Ocop.Web.Features.Taxonomy;
using Ocop.Web.Features.Units;
using Ocop.Web.Shared;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests;

/// <summary>
/// The reference-data use cases (authorities, signatories, holidays, a split commune's successor, the deploying office,
/// the taxonomy, craft villages) from their pages and called directly, as the API or an importer calls them (their own
/// service scope, the user's scope, the audit under that user): the same records, audited alike, and the same refusals
/// with the same messages on the same fields.
/// </summary>
public class ReferenceUseCaseSameResultTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A use case run outside any request, acting as <paramref name="userName"/> with the scope the pages give that user.</summary>
    private async Task<WriteResult<T>> DirectAsync<TCase, T>(string userName, Func<TCase, UserScope, Task<WriteResult<T>>> run)
        where TCase : notnull
    {
        using var scope = app.Factory.Services.CreateScope();
        var userId = await app.UserIdAsync(userName);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(userId, userName);
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "direct")) };
        var user = await scope.ServiceProvider.GetRequiredService<UserScopeLoader>().GetAsync();
        accessor.HttpContext = null;
        return await run(scope.ServiceProvider.GetRequiredService<TCase>(), user);
    }

    private static async Task<Dictionary<string, string>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.FieldErrors(await response.Content.ReadAsStringAsync());
    }

    private static void SameError<T>(Dictionary<string, string> page, WriteResult<T> direct, string field)
    {
        Assert.Equal(WriteOutcome.Invalid, direct.Outcome);
        // A field shows its first message.
        Assert.Equal(page["Input." + field], direct.Errors[field][0]);
    }

    private static void Done<T>(WriteResult<T> result) =>
        Assert.True(result.IsDone, $"{result.Outcome}: " + string.Join(" ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")) + result.Message);

    /// <summary>A date as a form shows it (dd/MM/yyyy) or as a test typed it (yyyy-MM-dd).</summary>
    private static DateOnly? FormDate(string? value) =>
        string.IsNullOrEmpty(value) ? null : DateOnly.ParseExact(value, ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture);

    private static SaveAuthority.Command AuthorityCommand(HtmlForm form) => new()
    {
        Unit = form["Input.Unit"],
        Name = form["Input.Name"] ?? "",
        ShortName = form["Input.ShortName"] ?? "",
        ParentLine = form["Input.ParentLine"],
        Letterhead = form["Input.Letterhead"] ?? "",
        Place = form["Input.Place"] ?? "",
        OnBehalfOf = form["Input.OnBehalfOf"],
        HeadTitle = form["Input.HeadTitle"] ?? "",
        ValidFrom = FormDate(form["Input.ValidFrom"]),
        ValidTo = FormDate(form["Input.ValidTo"]),
        Note = form["Input.Note"],
        Version = int.Parse(form["Input.Version"] ?? "0", CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task SaveAuthority_from_the_form_and_called_directly_records_alike_and_refuses_alike()
    {
        var office = await app.As(Demo.ProgramOffice);
        var (hanoi, hoChiMinh) = (await app.UnitIdAsync("01"), await app.UnitIdAsync("79"));
        using (var viaPage = await office.PostFormAsync(await office.GetFormAsync($"/Documents/AuthorityEdit?unit={Id(hanoi)}")))
        {
            Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);
        }

        var direct = await DirectAsync<SaveAuthority, SaveAuthority.Saved>(Demo.ProgramOffice,
            async (save, user) => await save.RunAsync(user, AuthorityCommand(await office.GetFormAsync($"/Documents/AuthorityEdit?unit={Id(hoChiMinh)}"))));
        Done(direct);
        var (fromPage, fromDirect) = await app.QueryAsync(async db => (
            await db.IssuingAuthorities.AsNoTracking().SingleAsync(a => a.UnitId == hanoi),
            await db.IssuingAuthorities.AsNoTracking().SingleAsync(a => a.Id == direct.Value!.Id)));
        Assert.Equal(hoChiMinh, fromDirect.UnitId);
        Assert.Equal((fromPage.HeadTitle, fromPage.OnBehalfOf, fromPage.ValidFrom, fromPage.ValidTo),
            (fromDirect.HeadTitle, fromDirect.OnBehalfOf, fromDirect.ValidFrom, fromDirect.ValidTo));
        var (pageAudit, directAudit) = (Assert.Single(await app.AuditAsync(nameof(IssuingAuthority), fromPage.Id)), Assert.Single(await app.AuditAsync(nameof(IssuingAuthority), fromDirect.Id)));
        Assert.Equal((AuditAction.Created, Demo.ProgramOffice), (pageAudit.Action, pageAudit.UserName));
        Assert.Equal((pageAudit.Action, pageAudit.UserName), (directAudit.Action, directAudit.UserName));

        // A district's committee kept past the district's end, with its kind written twice: the same two messages.
        var district = await app.QueryAsync(db => db.IssuingAuthorities.AsNoTracking().SingleAsync(a => a.ShortName == "UBND huyện Châu Thành"));
        var form = (await office.GetFormAsync($"/Documents/AuthorityEdit/{Id(district.Id)}"))
            .Set("Input.ValidTo", "2026-12-31").Set("Input.Letterhead", "UBND HUYỆN HUYỆN CHÂU THÀNH");
        var pageErrors = await ErrorsAsync(await office.PostFormAsync(form));
        var command = AuthorityCommand(form);
        command.Id = district.Id;
        var refused = await DirectAsync<SaveAuthority, SaveAuthority.Saved>(Demo.ProgramOffice, (save, user) => save.RunAsync(user, command));
        SameError(pageErrors, refused, "Letterhead");
        SameError(pageErrors, refused, "ValidTo");
        Assert.Equal(district.Version, await app.QueryAsync(db => db.IssuingAuthorities.Where(a => a.Id == district.Id).Select(a => a.Version).SingleAsync()));

        // Not the office's to keep: the page forbids, the use case refuses.
        using var producer = await (await app.As(Demo.Producer)).PostWithTokenAsync("/Documents/AuthorityEdit", ("Input.Unit", "national"));
        Assert.Equal(HttpStatusCode.Forbidden, producer.StatusCode);
        Assert.Equal(WriteOutcome.Refused, (await DirectAsync<SaveAuthority, SaveAuthority.Saved>(Demo.Producer, (save, user) => save.RunAsync(user, command))).Outcome);
    }

    [Fact]
    public async Task SaveSignatory_from_the_form_and_called_directly_records_alike_and_refuses_alike()
    {
        var office = await app.As(Demo.ProgramOffice);
        var province = await app.QueryAsync(db => db.IssuingAuthorities.AsNoTracking().SingleAsync(a => a.ShortName == "UBND tỉnh Vĩnh Long"));
        var form = (await office.GetFormAsync($"/Documents/SignatoryEdit?authority={Id(province.Id)}"))
            .Set("Input.FullName", "Trần Văn Trang").Set("Input.Title", "Phó Chủ tịch").Set("Input.IsDeputy", "true").Set("Input.ValidFrom", "2030-01-01");
        using (var viaPage = await office.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);
        }

        SaveSignatory.Command Command(string name, bool deputy, DateOnly from) =>
            new() { AuthorityId = province.Id, FullName = name, Title = "Phó Chủ tịch", IsDeputy = deputy, ValidFrom = from };
        var direct = await DirectAsync<SaveSignatory, SaveSignatory.Saved>(Demo.ProgramOffice,
            (save, user) => save.RunAsync(user, Command("Trần Văn Gọi", true, new DateOnly(2030, 1, 1))));
        Done(direct);
        var (fromPage, fromDirect) = await app.QueryAsync(async db => (
            await db.Signatories.AsNoTracking().SingleAsync(s => s.FullName == "Trần Văn Trang"),
            await db.Signatories.AsNoTracking().SingleAsync(s => s.Id == direct.Value!.Id)));
        Assert.Equal((fromPage.AuthorityId, fromPage.Title, fromPage.IsDeputy, fromPage.ValidFrom, fromPage.ValidTo),
            (fromDirect.AuthorityId, fromDirect.Title, fromDirect.IsDeputy, fromDirect.ValidFrom, fromDirect.ValidTo));
        Assert.Equal(
            (await app.AuditAsync(nameof(Signatory), fromPage.Id)).Select(a => (a.Action, a.UserName)),
            (await app.AuditAsync(nameof(Signatory), fromDirect.Id)).Select(a => (a.Action, a.UserName)));

        // A deputy's title without "KT.", before the authority began: the same messages on the same fields.
        form.Set("Input.FullName", "Trần Văn Sai").Set("Input.IsDeputy", null).Set("Input.ValidFrom", "2024-01-01");
        var pageErrors = await ErrorsAsync(await office.PostFormAsync(form));
        var refused = await DirectAsync<SaveSignatory, SaveSignatory.Saved>(Demo.ProgramOffice,
            (save, user) => save.RunAsync(user, Command("Trần Văn Sai", false, new DateOnly(2024, 1, 1))));
        SameError(pageErrors, refused, "ValidFrom");
        SameError(pageErrors, refused, "IsDeputy");
        Assert.False(await app.QueryAsync(db => db.Signatories.AnyAsync(s => s.FullName == "Trần Văn Sai")));
    }

    [Fact]
    public async Task AddHoliday_and_RemoveHoliday_from_the_page_and_called_directly_act_alike_and_refuse_alike()
    {
        var office = await app.As(Demo.ProgramOffice);
        var form = (await office.GetFormAsync("/EvaluationCalendar/Holidays?year=2028", "Add")).Set("Input.Date", "2028-01-03").Set("Input.Name", "Nghỉ bù Tết Dương lịch");
        using (var viaPage = await office.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);
            Assert.Equal("/EvaluationCalendar/Holidays?year=2028", viaPage.Headers.Location?.OriginalString);
        }

        var direct = await DirectAsync<AddHoliday, AddHoliday.Added>(Demo.ProgramOffice,
            (add, user) => add.RunAsync(user, new AddHoliday.Command { Date = new DateOnly(2028, 1, 4), Name = "Nghỉ bù Tết Dương lịch" }));
        Done(direct);
        var days = await app.QueryAsync(db => db.PublicHolidays().AsNoTracking().Where(h => h.Name == "Nghỉ bù Tết Dương lịch").OrderBy(h => h.Date).ToListAsync());
        Assert.Equal([new DateOnly(2028, 1, 3), new DateOnly(2028, 1, 4)], days.Select(d => d.Date));
        Assert.All(days, d => Assert.False(d.WorkedWeekendDay));
        Assert.Equal(
            (await app.AuditAsync(nameof(PublicHoliday), days[0].Id)).Select(a => (a.Action, a.UserName)),
            (await app.AuditAsync(nameof(PublicHoliday), days[1].Id)).Select(a => (a.Action, a.UserName)));

        // A Saturday entered as a day off, and a day already listed: refused alike.
        foreach (var (date, name) in new[] { ("2028-01-01", "Thứ Bảy"), ("2028-01-03", "Trùng") })
        {
            var pageErrors = await ErrorsAsync(await office.PostFormAsync(form.Set("Input.Date", date).Set("Input.Name", name)));
            var refused = await DirectAsync<AddHoliday, AddHoliday.Added>(Demo.ProgramOffice,
                (add, user) => add.RunAsync(user, new AddHoliday.Command { Date = DateOnly.Parse(date, CultureInfo.InvariantCulture), Name = name }));
            SameError(pageErrors, refused, "Date");
        }

        // Removed from the page and directly; a commune officer is refused by both.
        using var officerPost = await (await app.As(Demo.ChauThanhOfficer)).PostWithTokenAsync($"/EvaluationCalendar/Holidays?handler=Remove&holidayId={Id(days[0].Id)}");
        Assert.Equal(HttpStatusCode.Forbidden, officerPost.StatusCode);
        Assert.Equal(WriteOutcome.Refused, (await DirectAsync<RemoveHoliday, RemoveHoliday.Removed>(Demo.ChauThanhOfficer,
            (remove, user) => remove.RunAsync(user, new RemoveHoliday.Command { HolidayId = days[1].Id }))).Outcome);
        using (var removed = await office.PostWithTokenAsync($"/EvaluationCalendar/Holidays?handler=Remove&holidayId={Id(days[0].Id)}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        var removedDirectly = await DirectAsync<RemoveHoliday, RemoveHoliday.Removed>(Demo.ProgramOffice,
            (remove, user) => remove.RunAsync(user, new RemoveHoliday.Command { HolidayId = days[1].Id }));
        Assert.Equal((WriteOutcome.Done, new DateOnly(2028, 1, 4)), (removedDirectly.Outcome, removedDirectly.Value!.Date));
        Assert.False(await app.QueryAsync(db => db.PublicHolidays().AnyAsync(h => h.Name == "Nghỉ bù Tết Dương lịch")));
        Assert.Equal(
            (await app.AuditAsync(nameof(PublicHoliday), days[0].Id))[^1].Action,
            (await app.AuditAsync(nameof(PublicHoliday), days[1].Id))[^1].Action);

        // Gone: not found alike.
        using var again = await office.PostWithTokenAsync($"/EvaluationCalendar/Holidays?handler=Remove&holidayId={Id(days[0].Id)}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(WriteOutcome.NotFound, (await DirectAsync<RemoveHoliday, RemoveHoliday.Removed>(Demo.ProgramOffice,
            (remove, user) => remove.RunAsync(user, new RemoveHoliday.Command { HolidayId = days[0].Id }))).Outcome);
    }

    [Fact]
    public async Task RecordSuccessor_from_the_units_page_and_called_directly_records_alike_and_refuses_alike()
    {
        var office = await app.As(Demo.ProgramOffice);
        // Phường Cái Vồn (Bình Minh, old Vĩnh Long) was split between Cái Vồn (29770) and Bình Minh (29771).
        var (formerCaiVon, caiVon, binhMinh) = await app.QueryAsync(async db => (
            await db.Units.Where(u => u.Code == "29770" && u.ValidTo != null).Select(u => u.Id).SingleAsync(),
            await db.Units.Where(u => u.Code == "29770" && u.ValidTo == null).Select(u => u.Id).SingleAsync(),
            await db.Units.Where(u => u.Code == "29771" && u.ValidTo == null).Select(u => u.Id).SingleAsync()));
        var form = (await office.GetFormAsync("/Units?q=29770&within=0", "Successor")).Set("unit", Id(formerCaiVon)).Set("successor", Id(binhMinh));
        using (var viaPage = await office.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);
        }

        var afterPage = await app.QueryAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == formerCaiVon));
        var direct = await DirectAsync<RecordSuccessor, RecordSuccessor.Recorded>(Demo.ProgramOffice,
            (record, user) => record.RunAsync(user, new RecordSuccessor.Command { UnitId = formerCaiVon, SuccessorId = caiVon }));
        Done(direct);
        var afterDirect = await app.QueryAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == formerCaiVon));
        Assert.Equal((binhMinh, caiVon), (afterPage.SuccessorId, afterDirect.SuccessorId));
        Assert.Equal(afterPage.SuccessorChosenOn, afterDirect.SuccessorChosenOn);
        var audit = await app.AuditAsync(nameof(AdministrativeUnit), formerCaiVon);
        Assert.Equal((audit[^2].Action, audit[^2].UserName), (audit[^1].Action, audit[^1].UserName));
        Assert.Equal(Demo.ProgramOffice, audit[^1].UserName);
        // The unit directory read by every scope and list sees the direct call's choice at once.
        Assert.Contains($"<option value=\"{Id(caiVon)}\" selected=\"selected\">{direct.Value!.SuccessorName}</option>",
            await office.GetPageAsync("/Units?q=29770&within=0"), StringComparison.Ordinal);

        // A successor the resolution does not name: the page shows the use case's message, nothing changes.
        var hoaMinh = await app.CurrentCommuneIdAsync(Demo.HoaMinh);
        var refused = await DirectAsync<RecordSuccessor, RecordSuccessor.Recorded>(Demo.ProgramOffice,
            (record, user) => record.RunAsync(user, new RecordSuccessor.Command { UnitId = formerCaiVon, SuccessorId = hoaMinh }));
        Assert.Equal(WriteOutcome.Invalid, refused.Outcome);
        using var viaPageRefused = await office.PostFormAsync(form.Set("successor", Id(hoaMinh)));
        Assert.Equal(HttpStatusCode.Redirect, viaPageRefused.StatusCode);
        Assert.Contains(Assert.Single(refused.Errors["SuccessorId"]), Html.Text(await office.GetPageAsync(viaPageRefused.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        Assert.Equal(caiVon, (await app.QueryAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == formerCaiVon))).SuccessorId);
        Assert.Equal(WriteOutcome.Refused, (await DirectAsync<RecordSuccessor, RecordSuccessor.Recorded>(Demo.ChauThanhOfficer,
            (record, user) => record.RunAsync(user, new RecordSuccessor.Command { UnitId = formerCaiVon, SuccessorId = binhMinh }))).Outcome);
    }

    [Fact]
    public async Task SaveDeployingOffice_from_the_page_and_called_directly_saves_alike_and_refuses_alike()
    {
        var admin = await app.As(Demo.Admin);
        var form = await admin.GetFormAsync("/Admin/Office");
        var original = form["Input.Name"]!;
        using (var viaPage = await admin.PostFormAsync(form.Set("Input.Name", original + " (trang)")))
        {
            Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);
        }

        var afterPage = await app.QueryAsync(db => db.DeployingOffices.AsNoTracking().Include(o => o.Served).SingleAsync());
        SaveDeployingOffice.Command Command(string name, int? unit, int version) => new()
        {
            Name = name,
            ShortName = afterPage.ShortName,
            UnitId = unit,
            ServesWholeCountry = afterPage.ServesWholeCountry,
            ServedIds = afterPage.Served.Select(s => s.UnitId).ToList(),
            Version = version,
        };
        var direct = await DirectAsync<SaveDeployingOffice, SaveDeployingOffice.Saved>(Demo.Admin,
            (save, user) => save.RunAsync(user, Command(original, afterPage.UnitId, afterPage.Version)));
        Done(direct);
        var afterDirect = await app.QueryAsync(db => db.DeployingOffices.AsNoTracking().Include(o => o.Served).SingleAsync());
        Assert.Equal(original, afterDirect.Name);
        Assert.Equal(afterPage.Served.Select(s => s.UnitId).Order(), afterDirect.Served.Select(s => s.UnitId).Order());
        var audit = await app.AuditAsync(nameof(DeployingOffice), afterDirect.Id);
        Assert.Equal((audit[^2].Action, audit[^2].UserName), (audit[^1].Action, audit[^1].UserName));
        Assert.Equal(Demo.Admin, audit[^1].UserName);

        // A province that no longer exists (Trà Vinh): the same message; an old version: stale; not an administrator: refused.
        var traVinh = await app.QueryAsync(db => db.Units.Where(u => u.Code == Demo.TraVinh && u.ValidTo != null).Select(u => u.Id).SingleAsync());
        var pageErrors = await ErrorsAsync(await admin.PostFormAsync((await admin.GetFormAsync("/Admin/Office")).Set("Input.UnitId", Id(traVinh))));
        SameError(pageErrors, await DirectAsync<SaveDeployingOffice, SaveDeployingOffice.Saved>(Demo.Admin,
            (save, user) => save.RunAsync(user, Command(original, traVinh, afterDirect.Version))), "UnitId");
        Assert.Equal(WriteOutcome.Stale, (await DirectAsync<SaveDeployingOffice, SaveDeployingOffice.Saved>(Demo.Admin,
            (save, user) => save.RunAsync(user, Command(original, afterPage.UnitId, afterPage.Version)))).Outcome);
        Assert.Equal(WriteOutcome.Refused, (await DirectAsync<SaveDeployingOffice, SaveDeployingOffice.Saved>(Demo.ProgramOffice,
            (save, user) => save.RunAsync(user, Command(original, afterPage.UnitId, afterDirect.Version)))).Outcome);
        Assert.Equal(afterDirect.Version, await app.QueryAsync(db => db.DeployingOffices.Select(o => o.Version).SingleAsync()));
    }

    [Fact]
    public async Task SaveCategory_from_the_form_and_called_directly_saves_alike_and_refuses_alike()
    {
        var office = await app.As(Demo.ProgramOffice);
        var (first, second) = (await app.CategoryIdAsync("V.3"), await app.CategoryIdAsync(Demo.RiceProductsCategory));
        var form = (await office.GetFormAsync($"/Taxonomy/Edit/{Id(first)}")).Set("Input.LegalBasis", "Quyết định 148/QĐ-TTg (đã rà soát)");
        using (var viaPage = await office.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);
            Assert.Equal("/Taxonomy", viaPage.Headers.Location?.OriginalString);
        }

        var before = await app.QueryAsync(db => db.ProductCategories.AsNoTracking().SingleAsync(c => c.Id == second));
        var direct = await DirectAsync<SaveCategory, SaveCategory.Saved>(Demo.ProgramOffice, (save, user) => save.RunAsync(user, new SaveCategory.Command
        {
            Id = second,
            Name = before.Name,
            LegalBasis = "Quyết định 148/QĐ-TTg (đã rà soát)",
            IsArchived = before.IsArchived,
            Version = before.Version,
        }));
        Done(direct);
        var (pageAudit, directAudit) = ((await app.AuditAsync(nameof(ProductCategory), first))[^1], (await app.AuditAsync(nameof(ProductCategory), second))[^1]);
        Assert.Equal((pageAudit.Action, pageAudit.UserName, pageAudit.Change("LegalBasis").New), (directAudit.Action, directAudit.UserName, directAudit.Change("LegalBasis").New));

        // No name: the same message; an old version: stale; a department: refused.
        var pageErrors = await ErrorsAsync(await office.PostFormAsync((await office.GetFormAsync($"/Taxonomy/Edit/{Id(first)}")).Set("Input.Name", "")));
        var current = await app.QueryAsync(db => db.ProductCategories.AsNoTracking().SingleAsync(c => c.Id == second));
        SameError(pageErrors, await DirectAsync<SaveCategory, SaveCategory.Saved>(Demo.ProgramOffice, (save, user) => save.RunAsync(user, new SaveCategory.Command
        {
            Id = second,
            Name = "",
            LegalBasis = current.LegalBasis,
            Version = current.Version,
        })), "Name");
        Assert.Equal(WriteOutcome.Stale, (await DirectAsync<SaveCategory, SaveCategory.Saved>(Demo.ProgramOffice, (save, user) => save.RunAsync(user, new SaveCategory.Command
        {
            Id = second,
            Name = current.Name,
            LegalBasis = current.LegalBasis,
            Version = before.Version,
        }))).Outcome);
        Assert.Equal(WriteOutcome.Refused, (await DirectAsync<SaveCategory, SaveCategory.Saved>(Demo.Department, (save, user) => save.RunAsync(user, new SaveCategory.Command
        {
            Id = second,
            Name = current.Name,
            LegalBasis = current.LegalBasis,
            Version = current.Version,
        }))).Outcome);
        Assert.Equal(WriteOutcome.NotFound, (await DirectAsync<SaveCategory, SaveCategory.Saved>(Demo.ProgramOffice,
            (save, user) => save.RunAsync(user, new SaveCategory.Command { Id = 999999, Name = "x", LegalBasis = "x" }))).Outcome);
    }

    [Fact]
    public async Task SaveCraftVillage_from_the_form_and_called_directly_saves_alike_and_refuses_alike()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var daLoc = await app.CurrentCommuneIdAsync(Demo.ChauThanhCommune);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var form = (await officer.GetFormAsync("/CraftVillages/Edit"))
            .Set("Input.Name", "Làng nghề trang " + tag).Set("Input.CommuneId", Id(daLoc)).SetAll("Input.IsTraditional", "true", "false")
            .Set("Input.RecognisedOn", "2024-03-01").Set("Input.RecognitionDecision", "QĐ 7/QĐ-UBND");
        using (var viaPage = await officer.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);
        }

        SaveCraftVillage.Command Command(string name, int commune, DateOnly? recognised, DateOnly? ended = null) => new()
        {
            Name = name,
            CommuneId = commune,
            IsTraditional = true,
            RecognisedOn = recognised,
            EndedOn = ended,
            RecognitionDecision = "QĐ 7/QĐ-UBND",
        };
        var direct = await DirectAsync<SaveCraftVillage, SaveCraftVillage.Saved>(Demo.ChauThanhOfficer,
            (save, user) => save.RunAsync(user, Command("Làng nghề trực tiếp " + tag, daLoc, new DateOnly(2024, 3, 1))));
        Done(direct);
        var (fromPage, fromDirect) = await app.QueryAsync(async db => (
            await db.CraftVillages.AsNoTracking().SingleAsync(v => v.Name == "Làng nghề trang " + tag),
            await db.CraftVillages.AsNoTracking().SingleAsync(v => v.Id == direct.Value!.Id)));
        Assert.Equal((fromPage.CommuneId, fromPage.IsTraditional, fromPage.RecognisedOn, fromPage.EndedOn, fromPage.RecognitionDecision, fromPage.IsArchived),
            (fromDirect.CommuneId, fromDirect.IsTraditional, fromDirect.RecognisedOn, fromDirect.EndedOn, fromDirect.RecognitionDecision, fromDirect.IsArchived));
        var (pageAudit, directAudit) = (Assert.Single(await app.AuditAsync(nameof(CraftVillage), fromPage.Id)), Assert.Single(await app.AuditAsync(nameof(CraftVillage), fromDirect.Id)));
        Assert.Equal((AuditAction.Created, Demo.ChauThanhOfficer), (pageAudit.Action, pageAudit.UserName));
        Assert.Equal((pageAudit.Action, pageAudit.UserName), (directAudit.Action, directAudit.UserName));

        // Another commune, and an end before the start: the same messages; a department: refused.
        var counts = await app.CountsAsync();
        var hoaMinh = await app.CurrentCommuneIdAsync(Demo.HoaMinh);
        var pageErrors = await ErrorsAsync(await officer.PostFormAsync(form.Set("Input.CommuneId", Id(hoaMinh)).Set("Input.EndedOn", "2024-01-01")));
        var refused = await DirectAsync<SaveCraftVillage, SaveCraftVillage.Saved>(Demo.ChauThanhOfficer,
            (save, user) => save.RunAsync(user, Command("Làng nghề trực tiếp " + tag, hoaMinh, new DateOnly(2024, 3, 1), new DateOnly(2024, 1, 1))));
        SameError(pageErrors, refused, "CommuneId");
        SameError(pageErrors, refused, "EndedOn");
        Assert.Equal(WriteOutcome.Refused, (await DirectAsync<SaveCraftVillage, SaveCraftVillage.Saved>(Demo.Department,
            (save, user) => save.RunAsync(user, Command("Làng nghề phòng ban " + tag, daLoc, null)))).Outcome);
        Assert.Equal(counts, await app.CountsAsync());
    }
}
