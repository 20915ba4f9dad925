using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.Core.Access;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Recognitions;
using Ocop.Web.Shared;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Api;

/// <summary>
/// <see cref="IssueRecognition"/> from the decision form and called directly (as the importer calls it): the same
/// decision and certificates, frozen alike, audited under the same user; the same refusal, on the same field, for a
/// decision dated in the future and for a printed certificate number already recorded.
/// </summary>
public class RecognitionSameResultTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static IssueRecognition.Command Command(string number, DateOnly signedOn, int productId, string printed) => new()
    {
        DecisionNumber = number,
        SignedOn = signedOn,
        Level = EvaluationLevel.District,
        Signer = "Huỳnh Văn Lộc",
        SignerTitle = "Chủ tịch",
        Transcribed = true,
        Rows = [new IssueRecognition.Row { ProductId = productId, Stars = 3, Score = "62,5", CertificateNumber = printed }],
    };

    private static HtmlForm Fill(HtmlForm form, IssueRecognition.Command c) =>
        form.Set("Input.DecisionNumber", c.DecisionNumber).Set("Input.SignedOn", c.SignedOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Set("Input.Level", c.Level.ToString()).Set("Input.Signer", c.Signer).Set("Input.SignerTitle", c.SignerTitle)
            .Set("Input.Transcribed", c.Transcribed ? "true" : null)
            .Set("Input.Rows[0].ProductId", Id(c.Rows[0].ProductId!.Value)).Set("Input.Rows[0].Stars", Id(c.Rows[0].Stars!.Value))
            .Set("Input.Rows[0].Score", c.Rows[0].Score).Set("Input.Rows[0].CertificateNumber", c.Rows[0].CertificateNumber);

    /// <summary>The use case called as the importer calls it: in its own service scope, acting as the office.</summary>
    private async Task<WriteResult<IssueRecognition.Issued>> DirectAsync(IssueRecognition.Command command)
    {
        using var scope = app.Factory.Services.CreateScope();
        var office = await app.UserIdAsync(Demo.ProgramOffice);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(office, Demo.ProgramOffice);
        var user = new UserScope { UserId = office, Role = Role.ProgramOffice, CommuneIds = new HashSet<int>(), CoversEveryCommune = true };
        return await scope.ServiceProvider.GetRequiredService<IssueRecognition>().RunAsync(user, command);
    }

    [Fact]
    public async Task IssueRecognition_from_the_form_and_called_directly_records_alike_and_refuses_alike()
    {
        var page = await app.As(Demo.ProgramOffice);
        var signedOn = new DateOnly(2024, 5, 10);
        var viaPageCommand = Command("2150/QĐ-UBND-" + Tag(), signedOn, await app.ProductIdAsync(Demo.BanhTetNhanChuoi), "GCN-P-" + Tag());
        var directCommand = Command("2151/QĐ-UBND-" + Tag(), signedOn, await app.ProductIdAsync(Demo.BanhTetMyChanh), "GCN-D-" + Tag());

        using var viaPage = await page.PostFormAsync(Fill(await page.GetFormAsync("/Recognitions/Create"), viaPageCommand));
        Assert.Equal(HttpStatusCode.Redirect, viaPage.StatusCode);
        var pageId = Html.IdFromLocation(viaPage, "/Recognitions/Details/");
        var direct = await DirectAsync(directCommand);
        Assert.Equal(WriteOutcome.Done, direct.Outcome);
        var directId = direct.Value!.RecognitionId;

        var (fromPage, fromDirect) = await app.QueryAsync(async db => (
            await db.Recognitions.AsNoTracking().Include(r => r.Certificates).SingleAsync(r => r.Id == pageId),
            await db.Recognitions.AsNoTracking().Include(r => r.Certificates).SingleAsync(r => r.Id == directId)));
        Assert.Equal(
            (fromPage.SignedOn, fromPage.Level, fromPage.Transcribed, fromPage.Issuer, fromPage.Signer, fromPage.SignerTitle),
            (fromDirect.SignedOn, fromDirect.Level, fromDirect.Transcribed, fromDirect.Issuer, fromDirect.Signer, fromDirect.SignerTitle));
        var (pageCertificate, directCertificate) = (Assert.Single(fromPage.Certificates), Assert.Single(fromDirect.Certificates));
        Assert.Equal(viaPageCommand.Rows[0].CertificateNumber, pageCertificate.Number);
        Assert.Equal(directCommand.Rows[0].CertificateNumber, directCertificate.Number);
        Assert.Equal(Assert.Single(direct.Value.CertificateIds), directCertificate.Id);
        Assert.Equal(
            (pageCertificate.Stars, pageCertificate.ScoreHundredths, pageCertificate.IssuedOn, pageCertificate.ExpiresOn),
            (directCertificate.Stars, directCertificate.ScoreHundredths, directCertificate.IssuedOn, directCertificate.ExpiresOn));
        // Both frozen as issued at once: the decision and its certificate.
        var frozen = await app.QueryAsync(db => db.IssuedDocuments.AsNoTracking()
            .Where(d => d.RecognitionId == pageId || d.RecognitionId == directId || d.CertificateId == pageCertificate.Id || d.CertificateId == directCertificate.Id)
            .Select(d => new { d.Kind, d.RecognitionId, d.CertificateId }).ToListAsync());
        Assert.Equal(4, frozen.Count);
        var (pageAudit, directAudit) = ((await app.AuditAsync(nameof(Recognition), pageId))[0], (await app.AuditAsync(nameof(Recognition), directId))[0]);
        Assert.Equal((pageAudit.Action, pageAudit.UserName), (directAudit.Action, directAudit.UserName));
        Assert.Equal(Demo.ProgramOffice, directAudit.UserName);

        // A date in the future: the same message on the same field, nothing written.
        var before = await app.QueryAsync(async db => (await db.Recognitions.CountAsync(), await db.Certificates.CountAsync()));
        var future = Command("2152/QĐ-UBND-" + Tag(), DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(2), await app.ProductIdAsync(Demo.BanhTetLaCam), "GCN-F-" + Tag());
        var pageErrors = Html.FieldErrors(await (await page.PostFormAsync(Fill(await page.GetFormAsync("/Recognitions/Create"), future))).Content.ReadAsStringAsync());
        var directRefusal = await DirectAsync(future);
        Assert.Equal(WriteOutcome.Invalid, directRefusal.Outcome);
        Assert.Equal(pageErrors["Input.SignedOn"], Assert.Single(directRefusal.Errors["SignedOn"]));

        // A printed number already recorded: refused alike on the row's field.
        var taken = Command("2153/QĐ-UBND-" + Tag(), signedOn, await app.ProductIdAsync(Demo.BanhTetLaCam), pageCertificate.Number);
        pageErrors = Html.FieldErrors(await (await page.PostFormAsync(Fill(await page.GetFormAsync("/Recognitions/Create"), taken))).Content.ReadAsStringAsync());
        directRefusal = await DirectAsync(taken);
        Assert.Equal(IssueRecognition.CertificateTakenMessage, pageErrors["Input.Rows[0].CertificateNumber"]);
        Assert.Equal(pageErrors["Input.Rows[0].CertificateNumber"], Assert.Single(directRefusal.Errors["Rows[0].CertificateNumber"]));
        Assert.Equal(before, await app.QueryAsync(async db => (await db.Recognitions.CountAsync(), await db.Certificates.CountAsync())));
    }

    [Fact]
    public async Task A_producer_is_refused_by_the_use_case_as_the_form_forbids_them()
    {
        var producer = await app.As(Demo.Producer);
        using var page = await producer.GetAsync("/Recognitions/Create");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        using var scope = app.Factory.Services.CreateScope();
        var user = new UserScope { UserId = await app.UserIdAsync(Demo.Producer), Role = Role.Producer, CommuneIds = new HashSet<int>() };
        var result = await scope.ServiceProvider.GetRequiredService<IssueRecognition>()
            .RunAsync(user, Command("9/QĐ-" + Tag(), new DateOnly(2024, 5, 10), await app.ProductIdAsync(Demo.BanhTetLaCam), "GCN-X-" + Tag()));
        Assert.Equal(WriteOutcome.Refused, result.Outcome);
    }
}
