using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Promotion;
using Ocop.Web.Features.Protection;
using Ocop.Web.Features.Support;
using Ocop.Web.Shared;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Support;

/// <summary>
/// <see cref="SaveRegisterEntry{TEntity, TInput}"/> from a register's form and called directly (as the API or the importer
/// calls it: its own service scope, acting as the user): the same record, audited under the same user; the same refusal
/// on the same field; the same answer to a user who may not write the register and to a stale form. Through e-commerce
/// listings, IP titles, support policies and budget allocations (registers with rules of access of their own).
/// </summary>
public class RegisterUseCaseSameResultTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The use case called as the importer calls it: in its own service scope, acting as the user.</summary>
    private async Task<WriteResult<SaveRegisterEntry<TEntity, TInput>.Saved>> DirectAsync<TEntity, TInput>(string userName, Role role, int? id, TInput input)
        where TEntity : class, IVersioned where TInput : class, IVersionedInput, new()
    {
        using var scope = app.Factory.Services.CreateScope();
        var user = await UserAsync(userName, role);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(user.UserId, userName);
        return await scope.ServiceProvider.GetRequiredService<SaveRegisterEntry<TEntity, TInput>>().RunAsync(user, new(id, input));
    }

    /// <summary>The demo's offices are the province's and cover every commune there is: the scope holds them all, as the app's does.</summary>
    private async Task<UserScope> UserAsync(string userName, Role role)
    {
        var communes = role == Role.Producer ? [] : await app.QueryAsync(db => db.Units.Where(u => u.Level == Core.Units.UnitLevel.Commune).Select(u => u.Id).ToListAsync());
        return new UserScope { UserId = await app.UserIdAsync(userName), Role = role, CommuneIds = communes.ToHashSet(), CoversEveryCommune = role != Role.Producer };
    }

    private static HtmlForm Fill(HtmlForm form, ListingRules.ListingInput l) =>
        form.Set("Input.ProductId", Id(l.ProductId!.Value)).Set("Input.Platform", l.Platform).Set("Input.Url", l.Url).Set("Input.StartedOn", Iso(l.StartedOn!.Value));

    [Fact]
    public async Task A_listing_from_the_form_and_called_directly_is_recorded_alike_and_refused_alike()
    {
        var page = await app.As(Demo.ProgramOffice);
        var product = await app.ProductIdAsync(Demo.BanhTetLaCam);
        var viaPage = new ListingRules.ListingInput { ProductId = product, Platform = "Shopee", Url = "https://shopee.vn/p-" + Tag(), StartedOn = new DateOnly(2025, 3, 1) };
        var direct = new ListingRules.ListingInput { ProductId = product, Platform = "Shopee", Url = "https://shopee.vn/d-" + Tag(), StartedOn = new DateOnly(2025, 3, 1) };

        using (var saved = await page.PostFormAsync(Fill(await page.GetFormAsync("/Promotion/ListingEdit"), viaPage)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal("/Promotion/Listings", saved.Location());
        }

        var result = await DirectAsync<EcommerceListing, ListingRules.ListingInput>(Demo.ProgramOffice, Role.ProgramOffice, null, direct);
        Assert.True(result.IsDone, string.Join(" ", result.AllMessages()));
        Assert.True(result.Value!.Created);
        var (fromPage, fromDirect) = await app.QueryAsync(async db => (
            await db.EcommerceListings.AsNoTracking().SingleAsync(l => l.Url == viaPage.Url),
            await db.EcommerceListings.AsNoTracking().SingleAsync(l => l.Url == direct.Url)));
        Assert.Equal(result.Value.Id, fromDirect.Id);
        Assert.Equal((fromPage.ProductId, fromPage.Platform, fromPage.StartedOn, fromPage.EndedOn, fromPage.IsArchived),
            (fromDirect.ProductId, fromDirect.Platform, fromDirect.StartedOn, fromDirect.EndedOn, fromDirect.IsArchived));
        var (pageAudit, directAudit) = ((await app.AuditAsync(nameof(EcommerceListing), fromPage.Id))[0], (await app.AuditAsync(nameof(EcommerceListing), fromDirect.Id))[0]);
        Assert.Equal((pageAudit.Action, pageAudit.UserName), (directAudit.Action, directAudit.UserName));
        Assert.Equal(Demo.ProgramOffice, directAudit.UserName);

        // An address that is no web address: the same message on the same field, nothing written.
        var before = await app.QueryAsync(db => db.EcommerceListings.CountAsync());
        var script = new ListingRules.ListingInput { ProductId = product, Platform = "Voso", Url = "javascript:alert(1)", StartedOn = new DateOnly(2025, 3, 1) };
        var pageErrors = Html.FieldErrors(await (await page.PostFormAsync(Fill(await page.GetFormAsync("/Promotion/ListingEdit"), script))).Content.ReadAsStringAsync());
        var refused = await DirectAsync<EcommerceListing, ListingRules.ListingInput>(Demo.ProgramOffice, Role.ProgramOffice, null, script);
        Assert.Equal(WriteOutcome.Invalid, refused.Outcome);
        Assert.Equal(pageErrors["Input.Url"], Assert.Single(refused.Errors["Url"]));
        Assert.Equal(before, await app.QueryAsync(db => db.EcommerceListings.CountAsync()));

        // A council member keeps no listings: the form is forbidden, the use case refuses.
        var council = await app.As(Demo.Council);
        using (var form = await council.GetAsync("/Promotion/ListingEdit"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        }

        var notTheirs = await DirectAsync<EcommerceListing, ListingRules.ListingInput>(Demo.Council, Role.CouncilMember, null, direct);
        Assert.Equal(WriteOutcome.Refused, notTheirs.Outcome);
        Assert.Equal(before, await app.QueryAsync(db => db.EcommerceListings.CountAsync()));
    }

    private static TitleRules.TitleInput Title(string name, int subject, int? product) => new()
    {
        Kind = IpKind.Trademark,
        Name = name,
        SubjectId = subject,
        ProductId = product,
        Owner = "Hộ kinh doanh Bà Năm",
        ApplicationNumber = "4-2025-" + Tag(),
        AppliedOn = new DateOnly(2025, 1, 10),
        Status = IpStatus.Applied,
    };

    private static HtmlForm Fill(HtmlForm form, TitleRules.TitleInput t) =>
        form.Set("Input.Kind", t.Kind.ToString()).Set("Input.Name", t.Name).Set("Input.SubjectId", Id(t.SubjectId!.Value))
            .Set("Input.ProductId", t.ProductId is int p ? Id(p) : "").Set("Input.Owner", t.Owner).Set("Input.ApplicationNumber", t.ApplicationNumber)
            .Set("Input.AppliedOn", Iso(t.AppliedOn!.Value)).Set("Input.Status", t.Status.ToString());

    [Fact]
    public async Task An_ip_title_from_the_form_and_called_directly_is_recorded_alike_refused_alike_and_stale_alike()
    {
        var page = await app.As(Demo.ProgramOffice);
        var (subject, product) = (await app.SubjectIdAsync(Demo.BaNam), await app.ProductIdAsync(Demo.BanhTetLaCam));
        var viaPage = Title("Lá Cẩm Bà Năm " + Tag(), subject, product);
        var direct = Title("Lá Cẩm Bà Năm " + Tag(), subject, product);

        using (var saved = await page.PostFormAsync(Fill(await page.GetFormAsync("/Protection/TitleEdit"), viaPage)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal("/Protection/Titles", saved.Location());
        }

        var result = await DirectAsync<IpTitle, TitleRules.TitleInput>(Demo.ProgramOffice, Role.ProgramOffice, null, direct);
        Assert.True(result.IsDone, string.Join(" ", result.AllMessages()));
        var (fromPage, fromDirect) = await app.QueryAsync(async db => (
            await db.IpTitles.AsNoTracking().SingleAsync(t => t.Name == viaPage.Name),
            await db.IpTitles.AsNoTracking().SingleAsync(t => t.Name == direct.Name)));
        Assert.Equal((fromPage.Kind, fromPage.SubjectId, fromPage.ProductId, fromPage.Owner, fromPage.AppliedOn, fromPage.Status, fromPage.EndedOn),
            (fromDirect.Kind, fromDirect.SubjectId, fromDirect.ProductId, fromDirect.Owner, fromDirect.AppliedOn, fromDirect.Status, fromDirect.EndedOn));
        var (pageAudit, directAudit) = ((await app.AuditAsync(nameof(IpTitle), fromPage.Id))[0], (await app.AuditAsync(nameof(IpTitle), fromDirect.Id))[0]);
        Assert.Equal((pageAudit.Action, pageAudit.UserName), (directAudit.Action, directAudit.UserName));

        // A trademark is of a product (target T7 counts products): refused alike on the product's field.
        var before = await app.QueryAsync(db => db.IpTitles.CountAsync());
        var noProduct = Title("Không sản phẩm " + Tag(), subject, null);
        var pageErrors = Html.FieldErrors(await (await page.PostFormAsync(Fill(await page.GetFormAsync("/Protection/TitleEdit"), noProduct))).Content.ReadAsStringAsync());
        var refused = await DirectAsync<IpTitle, TitleRules.TitleInput>(Demo.ProgramOffice, Role.ProgramOffice, null, noProduct);
        Assert.Equal(WriteOutcome.Invalid, refused.Outcome);
        Assert.Equal(pageErrors["Input.ProductId"], Assert.Single(refused.Errors["ProductId"]));
        Assert.Equal(before, await app.QueryAsync(db => db.IpTitles.CountAsync()));

        // Someone changes the title while the form is open: the form and a direct call from the old version are both stale.
        var open = await page.GetFormAsync($"/Protection/TitleEdit/{fromPage.Id}");
        var changed = Title(viaPage.Name, subject, product);
        changed.Version = fromPage.Version;
        changed.Note = "Đổi khi biểu mẫu đang mở";
        Assert.Equal(WriteOutcome.Done, (await DirectAsync<IpTitle, TitleRules.TitleInput>(Demo.ProgramOffice, Role.ProgramOffice, fromPage.Id, changed)).Outcome);
        open.Set("Input.Owner", "Chủ khác");
        using var stalePage = await page.PostFormAsync(open);
        Assert.Equal(HttpStatusCode.OK, stalePage.StatusCode);
        Assert.Contains(SectionForms.Stale, Html.SummaryErrors(await stalePage.Content.ReadAsStringAsync()));
        changed.Owner = "Chủ khác";
        var staleDirect = await DirectAsync<IpTitle, TitleRules.TitleInput>(Demo.ProgramOffice, Role.ProgramOffice, fromPage.Id, changed);
        Assert.Equal(WriteOutcome.Stale, staleDirect.Outcome);
        Assert.Equal(SectionForms.Stale, staleDirect.Message);
        Assert.Equal("Hộ kinh doanh Bà Năm", await app.QueryAsync(db => db.IpTitles.Where(t => t.Id == fromPage.Id).Select(t => t.Owner).SingleAsync()));
    }

    [Fact]
    public async Task A_policy_without_rates_is_refused_alike_and_a_department_is_refused_alike()
    {
        var page = await app.As(Demo.ProgramOffice);
        var input = new PolicyRules.PolicyInput { Name = "Chính sách " + Tag(), LegalBasis = "NQ kiểm thử", Kind = SupportKind.Training, ValidFrom = new DateOnly(2026, 1, 1) };
        var form = await page.GetFormAsync("/Support/PolicyEdit");
        form.Set("Input.Name", input.Name).Set("Input.LegalBasis", input.LegalBasis).Set("Input.Kind", nameof(SupportKind.Training)).Set("Input.ValidFrom", "2026-01-01");
        var before = await app.QueryAsync(db => db.SupportPolicies.CountAsync());
        var pageErrors = Html.FieldErrors(await (await page.PostFormAsync(form)).Content.ReadAsStringAsync());
        var refused = await DirectAsync<SupportPolicy, PolicyRules.PolicyInput>(Demo.ProgramOffice, Role.ProgramOffice, null, input);
        Assert.Equal(WriteOutcome.Invalid, refused.Outcome);
        Assert.Equal(pageErrors["Input.Rates"], string.Join(" ", refused.Errors["Rates"]));

        // With a rate for three stars both record it alike.
        form.Set("Input.Rates[0].MaxAmountVnd", "20000000");
        using (var saved = await page.PostFormAsync(form))
        {
            Assert.Equal("/Support/Policies", saved.Location());
        }

        input.Name += " (trực tiếp)";
        input.Rates[0].MaxAmountVnd = 20_000_000;
        var done = await DirectAsync<SupportPolicy, PolicyRules.PolicyInput>(Demo.ProgramOffice, Role.ProgramOffice, null, input);
        Assert.Equal(WriteOutcome.Done, done.Outcome);
        var prefix = form["Input.Name"]!;
        var policies = await app.QueryAsync(db => db.SupportPolicies.AsNoTracking().Include(p => p.Rates).Where(p => p.Name.StartsWith(prefix)).ToListAsync());
        Assert.Equal(2, policies.Count);
        var rates = policies.Select(p => Assert.Single(p.Rates)).Select(r => (r.Stars, r.MaxAmountVnd, r.RatePercent)).ToList();
        Assert.Equal(rates[0], rates[1]);
        Assert.Equal(before + 2, await app.QueryAsync(db => db.SupportPolicies.CountAsync()));

        // A department reads policies but does not write them.
        using (var departmentForm = await (await app.As(Demo.Department)).GetAsync("/Support/PolicyEdit"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, departmentForm.StatusCode);
        }

        Assert.Equal(WriteOutcome.Refused, (await DirectAsync<SupportPolicy, PolicyRules.PolicyInput>(Demo.Department, Role.Department, null, input)).Outcome);
    }

    [Fact]
    public async Task An_allocation_below_what_is_charged_to_it_is_refused_alike_from_the_form_and_called_directly()
    {
        var province = await app.QueryAsync(db => db.Units.Where(u => u.Code == Demo.VinhLong && u.ValidTo == null && u.Level == Core.Units.UnitLevel.Province).Select(u => u.Id).SingleAsync());
        var agriculture = await app.QueryAsync(db => db.Offices.Where(o => o.ShortName == "NN&PTNT").Select(o => o.Id).SingleAsync());
        var year = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).Year;
        var allocation = new BudgetRules.AllocationInput
        {
            Year = year,
            Source = FundingSource.IndustrialExtension,
            UnitId = province,
            OfficeId = agriculture,
            AmountVnd = 30_000_000,
            Decision = "QĐ " + Tag(),
        };
        var created = await DirectAsync<BudgetAllocation, BudgetRules.AllocationInput>(DemoSupportData.FinanceUser, Role.Department, null, allocation);
        Assert.True(created.IsDone, string.Join(" ", created.AllMessages()));
        // The finance office allocated it (its member's office), as the form does.
        Assert.Equal("TC-KH", await app.QueryAsync(db => db.BudgetAllocations.Where(a => a.Id == created.Value!.Id).Select(a => a.AllocatedByOffice!.ShortName).SingleAsync()));

        // The program office charges 20,000,000 đồng of support to it.
        using (var scope = app.Factory.Services.CreateScope())
        {
            var office = await UserAsync(Demo.ProgramOffice, Role.ProgramOffice);
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(office.UserId, Demo.ProgramOffice);
            var charged = await scope.ServiceProvider.GetRequiredService<Features.Planning.Support.SaveSupportRecord>().RunAsync(office,
                new Features.Planning.Support.SaveSupportRecord.Command
                {
                    SubjectId = await app.SubjectIdAsync(Demo.BaNam),
                    Kind = SupportKind.PackagingAndLabels,
                    Description = "Máy đóng gói " + Tag(),
                    On = new DateOnly(year, 1, 2),
                    AmountVnd = 20_000_000,
                    Source = FundingSource.IndustrialExtension,
                    BudgetAllocationId = created.Value!.Id,
                });
            Assert.True(charged.IsDone, string.Join(" ", charged.AllMessages()));
        }

        // Below what is charged: the same message on the amount, from the form and from a direct call; nothing written.
        var finance = await app.As(DemoSupportData.FinanceUser);
        var form = await finance.GetFormAsync($"/Support/BudgetEdit/{created.Value.Id}");
        form.Set("Input.AmountVnd", "10000000");
        var pageErrors = Html.FieldErrors(await (await finance.PostFormAsync(form)).Content.ReadAsStringAsync());
        allocation.AmountVnd = 10_000_000;
        allocation.Version = created.Value.Version;
        var refused = await DirectAsync<BudgetAllocation, BudgetRules.AllocationInput>(DemoSupportData.FinanceUser, Role.Department, created.Value.Id, allocation);
        Assert.Equal(WriteOutcome.Invalid, refused.Outcome);
        Assert.Contains("không nhỏ hơn", pageErrors["Input.AmountVnd"], StringComparison.Ordinal);
        Assert.Equal(pageErrors["Input.AmountVnd"], Assert.Single(refused.Errors["AmountVnd"]));
        Assert.Equal(30_000_000, await app.QueryAsync(db => db.BudgetAllocations.Where(a => a.Id == created.Value.Id).Select(a => a.AmountVnd).SingleAsync()));
    }
}
