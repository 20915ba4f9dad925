using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Core.Access;
using Ocop.Core.Evaluation;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Certificates;
using Ocop.Web.Shared;
using Ocop.Web.Tests.Evaluation;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Api;

/// <summary>
/// The certificate page's actions and the same use cases called directly (as the API or an importer calls them: own
/// service scope, acting as the user): the same record, the same refusal on the same field — one test per use case.
/// </summary>
public class CertificateUseCaseSameResultTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static DateOnly Today => EvaluationData.Today;

    private static string Url(Certificate c) => "/Certificates/Details/" + c.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Two fresh products (no certificate of the demo data), one for the page, one for the direct call.</summary>
    private async Task<(int Page, int Direct)> ProductsAsync()
    {
        var ids = await app.QueryAsync(db => db.Products
            .Where(p => p.Status != ProductStatus.Archived && !db.Certificates.Any(c => c.ProductId == p.Id))
            .OrderByDescending(p => p.Id).Select(p => p.Id).Take(2).ToListAsync());
        return (ids[0], ids[1]);
    }

    /// <summary>Two certificates alike, on two products (a product's other certificates change what a revocation does).</summary>
    private async Task<(Certificate Page, Certificate Direct)> PairAsync(int expiresInDays, int? filedDaysBeforeExpiry = null)
    {
        var (page, direct) = await ProductsAsync();
        return (await EvaluationData.CertificateAsync(app, page, expiresInDays, filedDaysBeforeExpiry: filedDaysBeforeExpiry),
            await EvaluationData.CertificateAsync(app, direct, expiresInDays, filedDaysBeforeExpiry: filedDaysBeforeExpiry));
    }

    /// <summary>A use case called as the API or an importer calls it: its own service scope, acting as the user.</summary>
    private async Task<WriteResult<T>> DirectAsync<TUseCase, T>(string userName, Role role, Func<TUseCase, UserScope, Task<WriteResult<T>>> run)
        where TUseCase : notnull
    {
        using var scope = app.Factory.Services.CreateScope();
        var userId = await app.UserIdAsync(userName);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(userId, userName);
        var user = new UserScope { UserId = userId, Role = role, CommuneIds = new HashSet<int>(), CoversEveryCommune = true };
        return await run(scope.ServiceProvider.GetRequiredService<TUseCase>(), user);
    }

    private Task<Certificate> SavedAsync(int id) => app.QueryAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task RevokeCertificate_from_the_page_and_called_directly_revokes_alike_and_refuses_alike()
    {
        var (viaPage, direct) = await PairAsync(expiresInDays: 500);
        var office = await app.As(Demo.ProgramOffice);
        var form = (await office.GetFormAsync(Url(viaPage), "Revoke")).Set("Revoke.Ground", nameof(RevocationGround.MarkMisuse)).Set("Revoke.Decision", "31/QĐ-UBND");
        using (var response = await office.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var result = await DirectAsync<RevokeCertificate, RevokeCertificate.Revoked>(Demo.ProgramOffice, Role.ProgramOffice, (u, s) => u.RunAsync(s,
            new RevokeCertificate.Command { CertificateId = direct.Id, Ground = RevocationGround.MarkMisuse, Decision = " 31/QĐ-UBND ", On = Today, Version = direct.Version }));
        Assert.Equal(WriteOutcome.Done, result.Outcome);
        var (fromPage, fromDirect) = (await SavedAsync(viaPage.Id), await SavedAsync(direct.Id));
        Assert.Equal((Today, RevocationGround.MarkMisuse, "31/QĐ-UBND"), (fromPage.RevokedOn!.Value, fromPage.RevocationGround!.Value, fromPage.RevocationDecision));
        Assert.Equal((fromPage.RevokedOn, fromPage.RevocationGround, fromPage.RevocationDecision), (fromDirect.RevokedOn, fromDirect.RevocationGround, fromDirect.RevocationDecision));
        var (pageAudit, directAudit) = ((await app.AuditAsync(nameof(Certificate), viaPage.Id))[^1], (await app.AuditAsync(nameof(Certificate), direct.Id))[^1]);
        Assert.Equal((pageAudit.Action, Demo.ProgramOffice), (directAudit.Action, directAudit.UserName));
        Assert.Equal(pageAudit.UserName, directAudit.UserName);

        // A revocation dated tomorrow: the same message on the same field, nothing written.
        var (again, againDirect) = await PairAsync(expiresInDays: 400);
        form = (await office.GetFormAsync(Url(again), "Revoke")).Set("Revoke.Ground", nameof(RevocationGround.MarkMisuse))
            .Set("Revoke.Decision", "32/QĐ-UBND").Set("Revoke.On", EvaluationData.Iso(Today.AddDays(1)));
        using var refused = await office.PostFormAsync(form);
        var pageError = Html.FieldErrors(await refused.Content.ReadAsStringAsync())["Revoke.On"];
        var directRefusal = await DirectAsync<RevokeCertificate, RevokeCertificate.Revoked>(Demo.ProgramOffice, Role.ProgramOffice, (u, s) => u.RunAsync(s,
            new RevokeCertificate.Command { CertificateId = againDirect.Id, Ground = RevocationGround.MarkMisuse, Decision = "32/QĐ-UBND", On = Today.AddDays(1), Version = againDirect.Version }));
        Assert.Equal(WriteOutcome.Invalid, directRefusal.Outcome);
        Assert.Equal(pageError, Assert.Single(directRefusal.Errors["On"]));
        Assert.Null((await SavedAsync(again.Id)).RevokedOn);
        Assert.Null((await SavedAsync(againDirect.Id)).RevokedOn);

        // A department sees the certificate but does not revoke: forbidden on the page, refused directly.
        using var forbidden = await (await app.As(Demo.Department)).PostWithTokenAsync(Url(again) + "?handler=Revoke",
            ("Revoke.Ground", nameof(RevocationGround.MarkMisuse)), ("Revoke.Decision", "33/QĐ"), ("Revoke.On", EvaluationData.Iso(Today)), ("Revoke.Version", "0"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var notTheirs = await DirectAsync<RevokeCertificate, RevokeCertificate.Revoked>(Demo.Department, Role.Department, (u, s) => u.RunAsync(s,
            new RevokeCertificate.Command { CertificateId = againDirect.Id, Ground = RevocationGround.MarkMisuse, Decision = "33/QĐ", On = Today, Version = againDirect.Version }));
        Assert.Equal(WriteOutcome.Refused, notTheirs.Outcome);
    }

    [Fact]
    public async Task OpenReevaluation_from_the_page_and_called_directly_opens_alike_and_refuses_a_stale_click_alike()
    {
        var (viaPage, direct) = await PairAsync(expiresInDays: 150);
        var office = await app.As(Demo.ProgramOffice);
        using var response = await office.PostFormAsync(await office.GetFormAsync(Url(viaPage), "Reevaluate"));
        var pageDossier = Html.IdFromLocation(response, "/Dossiers/Details/");
        var result = await DirectAsync<OpenReevaluation, OpenReevaluation.Opened>(Demo.ProgramOffice, Role.ProgramOffice,
            (u, s) => u.RunAsync(s, new OpenReevaluation.Command { CertificateId = direct.Id, Version = direct.Version }));
        Assert.Equal(WriteOutcome.Done, result.Outcome);
        Assert.False(result.Value!.AlreadyOpen);

        var (fromPage, fromDirect) = await app.QueryAsync(async db => (
            await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == pageDossier),
            await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == result.Value.DossierId)));
        Assert.Equal((DossierVariant.Reevaluation, DossierState.Draft, Today.Year, viaPage.Id, viaPage.ProductId),
            (fromPage.Variant, fromPage.State, fromPage.Year, fromPage.CertificateId!.Value, fromPage.ProductId));
        Assert.Equal((fromPage.Variant, fromPage.State, fromPage.Year, direct.Id, direct.ProductId),
            (fromDirect.Variant, fromDirect.State, fromDirect.Year, fromDirect.CertificateId!.Value, fromDirect.ProductId));
        Assert.Equal(fromPage.Notes!.Replace(viaPage.Number, "", StringComparison.Ordinal), fromDirect.Notes!.Replace(direct.Number, "", StringComparison.Ordinal));
        // Called again, both answer with the dossier already open.
        var second = await DirectAsync<OpenReevaluation, OpenReevaluation.Opened>(Demo.ProgramOffice, Role.ProgramOffice,
            (u, s) => u.RunAsync(s, new OpenReevaluation.Command { CertificateId = viaPage.Id, Version = viaPage.Version }));
        Assert.Equal((true, pageDossier), (second.Value!.AlreadyOpen, second.Value.DossierId));

        // A click from a page grown stale: the page says so, the use case answers stale with the same words; nothing opened.
        var (stale, staleDirect) = await PairAsync(expiresInDays: 150);
        using var refused = await office.PostWithTokenAsync(Url(stale) + "?handler=Reevaluate", ("version", (stale.Version + 3).ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(Url(stale), refused.Location());
        Assert.Contains(OpenReevaluation.StaleMessage, Html.Text(await office.GetPageAsync(Url(stale))), StringComparison.Ordinal);
        var directRefusal = await DirectAsync<OpenReevaluation, OpenReevaluation.Opened>(Demo.ProgramOffice, Role.ProgramOffice,
            (u, s) => u.RunAsync(s, new OpenReevaluation.Command { CertificateId = staleDirect.Id, Version = staleDirect.Version + 3 }));
        Assert.Equal((WriteOutcome.Stale, OpenReevaluation.StaleMessage), (directRefusal.Outcome, directRefusal.Message));
        Assert.Equal(0, await app.QueryAsync(db => db.Dossiers.CountAsync(d => d.CertificateId == stale.Id || d.CertificateId == staleDirect.Id)));
    }

    [Fact]
    public async Task RecordReevaluationOutcome_from_the_page_and_called_directly_records_alike_and_refuses_alike()
    {
        var (viaPage, direct) = await PairAsync(expiresInDays: 20, filedDaysBeforeExpiry: 130);
        var office = await app.As(Demo.ProgramOffice);
        var form = (await office.GetFormAsync(Url(viaPage), "ReevaluationOutcome")).Set("Outcome.Note", "Biên bản họp hội đồng ngày 02/12");
        using (var response = await office.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var result = await DirectAsync<RecordReevaluationOutcome, RecordReevaluationOutcome.Recorded>(Demo.ProgramOffice, Role.ProgramOffice, (u, s) => u.RunAsync(s,
            new RecordReevaluationOutcome.Command { CertificateId = direct.Id, On = Today, Note = "Biên bản họp hội đồng ngày 02/12", Version = direct.Version }));
        Assert.Equal(WriteOutcome.Done, result.Outcome);
        var (fromPage, fromDirect) = (await SavedAsync(viaPage.Id), await SavedAsync(direct.Id));
        Assert.Equal((Today, ReevaluationOutcome.NotRenewed), (fromPage.ReevaluationDecidedOn!.Value, fromPage.ReevaluationOutcome!.Value));
        Assert.Equal((fromPage.ReevaluationDecidedOn, fromPage.ReevaluationOutcome, fromPage.ReevaluationNote),
            (fromDirect.ReevaluationDecidedOn, fromDirect.ReevaluationOutcome, fromDirect.ReevaluationNote));

        // An outcome dated before the filing: the same message on the same field.
        var (early, earlyDirect) = await PairAsync(expiresInDays: 20, filedDaysBeforeExpiry: 130);
        form = (await office.GetFormAsync(Url(early), "ReevaluationOutcome")).Set("Outcome.Note", "Rút hồ sơ").Set("Outcome.On", EvaluationData.Iso(Today.AddDays(-200)));
        using var refused = await office.PostFormAsync(form);
        var pageError = Html.FieldErrors(await refused.Content.ReadAsStringAsync())["Outcome.On"];
        var directRefusal = await DirectAsync<RecordReevaluationOutcome, RecordReevaluationOutcome.Recorded>(Demo.ProgramOffice, Role.ProgramOffice, (u, s) => u.RunAsync(s,
            new RecordReevaluationOutcome.Command { CertificateId = earlyDirect.Id, On = Today.AddDays(-200), Note = "Rút hồ sơ", Version = earlyDirect.Version }));
        Assert.Equal(pageError, Assert.Single(directRefusal.Errors["On"]));
        Assert.Null((await SavedAsync(early.Id)).ReevaluationDecidedOn);
        Assert.Null((await SavedAsync(earlyDirect.Id)).ReevaluationDecidedOn);
    }

    private static RecordCheck.Command Check(int certificateId, DateOnly? due = null) => new()
    {
        CertificateId = certificateId,
        Kind = CheckKind.Periodic,
        CheckedOn = Today,
        CheckedBy = "Đoàn kiểm tra liên ngành",
        Quality = AspectResult.Met,
        Labels = AspectResult.NotMet,
        Findings = "Nhãn sai mẫu biểu trưng OCOP.",
        FollowUp = "In lại nhãn",
        FollowUpDueOn = due ?? Today.AddDays(30),
    };

    private static HtmlForm Fill(HtmlForm form, RecordCheck.Command c) =>
        form.Set("Check.Kind", c.Kind.ToString()).Set("Check.CheckedOn", EvaluationData.Iso(c.CheckedOn!.Value)).Set("Check.CheckedBy", c.CheckedBy)
            .Set("Check.Quality", c.Quality.ToString()).Set("Check.Labels", c.Labels.ToString()).Set("Check.Findings", c.Findings)
            .Set("Check.FollowUp", c.FollowUp).Set("Check.FollowUpDueOn", EvaluationData.Iso(c.FollowUpDueOn!.Value));

    private Task<ProductCheck> CheckOfAsync(int certificateId) =>
        app.QueryAsync(db => db.ProductChecks().AsNoTracking().SingleAsync(c => c.CertificateId == certificateId));

    [Fact]
    public async Task RecordCheck_from_the_page_and_called_directly_judges_alike_and_refuses_alike()
    {
        var (viaPage, direct) = await PairAsync(expiresInDays: 600);
        var office = await app.As(Demo.ProgramOffice);
        using (var response = await office.PostFormAsync(Fill(await office.GetFormAsync(Url(viaPage), "Check"), Check(viaPage.Id))))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var result = await DirectAsync<RecordCheck, RecordCheck.Recorded>(Demo.ProgramOffice, Role.ProgramOffice, (u, s) => u.RunAsync(s, Check(direct.Id)));
        Assert.Equal((WriteOutcome.Done, false), (result.Outcome, result.Value!.Passed));
        var (fromPage, fromDirect) = (await CheckOfAsync(viaPage.Id), await CheckOfAsync(direct.Id));
        Assert.Equal((false, (RevocationGround?)RevocationGround.LawBreach), (fromPage.Passed, fromPage.Ground));
        Assert.Equal((fromPage.Passed, fromPage.Ground, fromPage.Kind, fromPage.CheckedOn, fromPage.CheckedBy, fromPage.Findings, fromPage.FollowUp, fromPage.FollowUpDueOn),
            (fromDirect.Passed, fromDirect.Ground, fromDirect.Kind, fromDirect.CheckedOn, fromDirect.CheckedBy, fromDirect.Findings, fromDirect.FollowUp, fromDirect.FollowUpDueOn));

        // A follow-up due before the check: the same message on the same field, nothing recorded.
        var (bad, badDirect) = await PairAsync(expiresInDays: 600);
        using var refused = await office.PostFormAsync(Fill(await office.GetFormAsync(Url(bad), "Check"), Check(bad.Id, Today.AddDays(-1))));
        var pageError = Html.FieldErrors(await refused.Content.ReadAsStringAsync())["Check.FollowUpDueOn"];
        var directRefusal = await DirectAsync<RecordCheck, RecordCheck.Recorded>(Demo.ProgramOffice, Role.ProgramOffice, (u, s) => u.RunAsync(s, Check(badDirect.Id, Today.AddDays(-1))));
        Assert.Equal(pageError, Assert.Single(directRefusal.Errors["FollowUpDueOn"]));
        Assert.Equal(0, await app.QueryAsync(db => db.ProductChecks().CountAsync(c => c.CertificateId == bad.Id || c.CertificateId == badDirect.Id)));

        // A producer records no check: forbidden on the page, refused directly.
        var producer = await DirectAsync<RecordCheck, RecordCheck.Recorded>(Demo.Producer, Role.Producer, (u, s) => u.RunAsync(s, Check(badDirect.Id)));
        Assert.Equal(WriteOutcome.Refused, producer.Outcome);
    }

    [Fact]
    public async Task CloseFollowUp_from_the_page_and_called_directly_closes_alike_and_refuses_alike()
    {
        var (viaPage, direct) = await PairAsync(expiresInDays: 600);
        foreach (var certificate in new[] { viaPage, direct })
        {
            var recorded = await DirectAsync<RecordCheck, RecordCheck.Recorded>(Demo.ProgramOffice, Role.ProgramOffice, (u, s) => u.RunAsync(s, Check(certificate.Id)));
            Assert.Equal(WriteOutcome.Done, recorded.Outcome);
        }

        var (pageCheck, directCheck) = (await CheckOfAsync(viaPage.Id), await CheckOfAsync(direct.Id));
        var office = await app.As(Demo.ProgramOffice);

        // Done tomorrow: refused alike, nothing written.
        using (var refused = await office.PostWithTokenAsync($"{Url(viaPage)}?handler=FollowUpDone&checkId={pageCheck.Id}", ("doneOn", EvaluationData.Iso(Today.AddDays(1)))))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(CloseFollowUp.DateMessage, Html.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var directRefusal = await DirectAsync<CloseFollowUp, CloseFollowUp.Closed>(Demo.ProgramOffice, Role.ProgramOffice, (u, s) => u.RunAsync(s,
            new CloseFollowUp.Command { CertificateId = direct.Id, CheckId = directCheck.Id, DoneOn = Today.AddDays(1) }));
        Assert.Equal(CloseFollowUp.DateMessage, Assert.Single(directRefusal.Errors["DoneOn"]));
        Assert.Null((await CheckOfAsync(viaPage.Id)).FollowUpDoneOn);

        using (var response = await office.PostWithTokenAsync($"{Url(viaPage)}?handler=FollowUpDone&checkId={pageCheck.Id}", ("doneOn", EvaluationData.Iso(Today))))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var result = await DirectAsync<CloseFollowUp, CloseFollowUp.Closed>(Demo.ProgramOffice, Role.ProgramOffice, (u, s) => u.RunAsync(s,
            new CloseFollowUp.Command { CertificateId = direct.Id, CheckId = directCheck.Id, DoneOn = Today }));
        Assert.Equal(WriteOutcome.Done, result.Outcome);
        Assert.Equal(Today, (await CheckOfAsync(viaPage.Id)).FollowUpDoneOn);
        Assert.Equal(Today, (await CheckOfAsync(direct.Id)).FollowUpDoneOn);

        // A check of another certificate is not found through this one, on the page and directly.
        using var other = await office.PostWithTokenAsync($"{Url(viaPage)}?handler=FollowUpDone&checkId={directCheck.Id}", ("doneOn", EvaluationData.Iso(Today)));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var otherDirect = await DirectAsync<CloseFollowUp, CloseFollowUp.Closed>(Demo.ProgramOffice, Role.ProgramOffice, (u, s) => u.RunAsync(s,
            new CloseFollowUp.Command { CertificateId = viaPage.Id, CheckId = directCheck.Id, DoneOn = Today }));
        Assert.Equal(WriteOutcome.NotFound, otherDirect.Outcome);
    }

    [Fact]
    public async Task IssueNotice_from_the_page_and_called_directly_issues_alike_and_refuses_alike()
    {
        var (viaPage, direct) = await PairAsync(expiresInDays: 20);
        var office = await app.As(Demo.ProgramOffice);
        using (var response = await office.GetAsync(Url(viaPage) + "?handler=Notice"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var result = await DirectAsync<IssueNotice, IssueNotice.Issued>(Demo.ProgramOffice, Role.ProgramOffice, (u, s) => u.RunAsync(s, new IssueNotice.Command(direct.Id, Demo.ProgramOffice)));
        Assert.Equal((WriteOutcome.Done, true, false), (result.Outcome, result.Value!.IssuedNow, result.Value.WindowOpen));
        var (fromPage, fromDirect) = await app.QueryAsync(async db => (
            await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.CertificateId == viaPage.Id && d.Kind == IssuedDocumentKind.ExpiryNotice),
            await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.CertificateId == direct.Id && d.Kind == IssuedDocumentKind.ExpiryNotice)));
        Assert.Equal((fromPage.IssuedOn, fromPage.Issuer, fromPage.CreatedBy), (fromDirect.IssuedOn, fromDirect.Issuer, fromDirect.CreatedBy));
        // Asked again, the notice sent is handed out, not issued anew.
        var again = await DirectAsync<IssueNotice, IssueNotice.Issued>(Demo.ProgramOffice, Role.ProgramOffice, (u, s) => u.RunAsync(s, new IssueNotice.Command(viaPage.Id, Demo.ProgramOffice)));
        Assert.Equal((false, fromPage.Id), (again.Value!.IssuedNow, again.Value.Notice.Id));

        // Not yet due: the page says why, the use case refuses with the same words.
        var (early, earlyDirect) = await PairAsync(expiresInDays: 700);
        using var refused = await office.GetAsync(Url(early) + "?handler=Notice");
        Assert.Equal(Url(early), refused.Location());
        Assert.Contains(IssueNotice.NotDueMessage, Html.Text(await office.GetPageAsync(Url(early))), StringComparison.Ordinal);
        var directRefusal = await DirectAsync<IssueNotice, IssueNotice.Issued>(Demo.ProgramOffice, Role.ProgramOffice, (u, s) => u.RunAsync(s, new IssueNotice.Command(earlyDirect.Id, Demo.ProgramOffice)));
        Assert.Equal((WriteOutcome.Refused, IssueNotice.NotDueMessage), (directRefusal.Outcome, directRefusal.Message));
    }
}
