using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Evaluation;

/// <summary>
/// Re-evaluation end to end (the producer's dossier tied to its certificate, filing on submission, the window enforced
/// under 26/2026, the outcome closing the grace), revocation only of a valid certificate, checks after recognition as a
/// revocation ground, and certificate states on a date.
/// </summary>
public class ReevaluationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static DateOnly Today => EvaluationData.Today;

    [Fact]
    public async Task A_producers_re_evaluation_dossier_moves_its_certificate_to_filed_on_submission()
    {
        var producer = await app.As(Demo.Producer);
        var rice = await app.ProductIdAsync(Demo.GaoLongHoa);
        var certificate = await EvaluationData.CertificateAsync(app, rice, expiresInDays: 150);   // inside the window (180 → 120 days)
        await ResolveOtherCertificatesAsync(rice, certificate.Id);

        var dossier = await EvaluationData.CompleteDossierAsync(app, producer, rice, DossierVariant.Reevaluation);
        Assert.Equal(certificate.Id, await app.QueryAsync(db => db.Dossiers.Where(d => d.Id == dossier).Select(d => d.CertificateId).SingleAsync()));
        Assert.Null(await FiledOnAsync(certificate.Id));
        Assert.Contains(certificate.Number, Html.Text(await producer.GetPageAsync($"/Dossiers/Details/{dossier}")), StringComparison.Ordinal);

        using var submitted = await producer.PostFormAsync(await producer.GetFormAsync($"/Dossiers/Details/{dossier}", "Submit"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(Today, await FiledOnAsync(certificate.Id));
        var office = await app.As(Demo.ProgramOffice);
        Assert.Contains("Đã nộp hồ sơ đánh giá lại", Html.Text(await office.GetPageAsync($"/Certificates/Details/{certificate.Id}")), StringComparison.Ordinal);
        Assert.Contains(certificate.Number, Html.Text(await office.GetPageAsync("/Certificates?state=ReevaluationFiled")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filing_before_the_window_of_26_2026_opens_is_refused_and_files_nothing()
    {
        var officer = await app.As(Demo.ChauThanhOfficer);
        var product = await app.ProductIdAsync(Demo.BanhTetNhanChuoi);
        var certificate = await EvaluationData.CertificateAsync(app, product, expiresInDays: 300);
        await ResolveOtherCertificatesAsync(product, certificate.Id);
        var dossier = await EvaluationData.CompleteDossierAsync(app, officer, product, DossierVariant.Reevaluation);

        using var refused = await officer.PostFormAsync(await officer.GetFormAsync($"/Dossiers/Details/{dossier}", "Submit"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Hồ sơ đánh giá lại nộp từ ngày " + Today.AddDays(120).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            string.Join(" ", Html.SummaryErrors(await refused.Content.ReadAsStringAsync())), StringComparison.Ordinal);
        Assert.Null(await FiledOnAsync(certificate.Id));
        Assert.Equal(DossierState.Draft, await app.QueryAsync(db => db.Dossiers.Where(d => d.Id == dossier).Select(d => d.State).SingleAsync()));
    }

    [Fact]
    public async Task An_outcome_without_renewal_ends_the_grace_and_a_renewal_supersedes_the_certificate()
    {
        var office = await app.As(Demo.ProgramOffice);
        var kept = await EvaluationData.CertificateAsync(app, await app.ProductIdAsync(Demo.ConChimTour), expiresInDays: -10, filedDaysBeforeExpiry: 130);
        Assert.Contains("Tiếp tục có hiệu lực chờ kết quả đánh giá lại", Html.Text(await office.GetPageAsync($"/Certificates/Details/{kept.Id}")), StringComparison.Ordinal);

        var form = await office.GetFormAsync($"/Certificates/Details/{kept.Id}", "ReevaluationOutcome");
        form.Set("Outcome.Note", "");
        using (var refused = await office.PostFormAsync(form))
        {
            Assert.Equal("Nhập văn bản kết luận (biên bản hội đồng, thông báo).", Html.FieldErrors(await refused.Content.ReadAsStringAsync())["Outcome.Note"]);
        }

        form.Set("Outcome.Note", "Biên bản họp hội đồng tỉnh ngày hôm nay: 2 sao");
        using (var recorded = await office.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        var page = Html.Text(await office.GetPageAsync($"/Certificates/Details/{kept.Id}"));
        Assert.Contains("Hết hạn", page, StringComparison.Ordinal);
        Assert.Contains("Không được công nhận lại", page, StringComparison.Ordinal);

        // A renewal: the province recognises the product again while its re-evaluation is pending.
        var product = await app.ProductIdAsync(Demo.BanhTetMyChanh);
        var pending = await EvaluationData.CertificateAsync(app, product, expiresInDays: 20, filedDaysBeforeExpiry: 150);
        var decision = await office.GetFormAsync("/Recognitions/Create");
        decision.Set("Input.DecisionNumber", "RN-" + Guid.NewGuid().ToString("N")[..6] + "/QĐ-UBND").Set("Input.SignedOn", EvaluationData.Iso(Today))
            .Set("Input.Level", "Province").Set("Input.Signer", "Lê Thị Ngọc Hân").Set("Input.SignerTitle", "Phó Chủ tịch")
            .Set("Input.Rows[0].ProductId", product.ToString(CultureInfo.InvariantCulture)).Set("Input.Rows[0].Stars", "4").Set("Input.Rows[0].Score", "74,2");
        using var renewed = await office.PostFormAsync(decision);
        Assert.True(renewed.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", Html.SummaryErrors(await renewed.Content.ReadAsStringAsync())));
        var old = await app.QueryAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == pending.Id));
        Assert.Equal((ReevaluationOutcome.Renewed, (DateOnly?)Today), (old.ReevaluationOutcome!.Value, old.ReevaluationDecidedOn));
        Assert.NotNull(old.SupersededById);
        using var check = await app.NewClient().GetAsync("/api/v1/certificates/" + pending.Number);
        using var json = JsonDocument.Parse(await check.Content.ReadAsStringAsync());
        Assert.Equal("Superseded", json.RootElement.GetProperty("state").GetString());
        Assert.Equal("Renewed", json.RootElement.GetProperty("reevaluation").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Revoking_an_expired_certificate_is_refused_and_a_bogus_ground_is_a_form_error()
    {
        var office = await app.As(Demo.ProgramOffice);
        var expired = await EvaluationData.CertificateAsync(app, await app.ProductIdAsync(Demo.BanhTetLaCam), expiresInDays: -5);
        Assert.Contains("Chỉ thu hồi giấy chứng nhận còn hiệu lực", Html.Text(await office.GetPageAsync($"/Certificates/Details/{expired.Id}")), StringComparison.Ordinal);

        using var refused = await office.PostWithTokenAsync($"/Certificates/Details/{expired.Id}?handler=Revoke",
            ("Revoke.Ground", nameof(RevocationGround.ProductionStopped)), ("Revoke.Decision", "5/QĐ-UBND"),
            ("Revoke.On", EvaluationData.Iso(Today)), ("Revoke.Version", expired.Version.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Chỉ thu hồi giấy chứng nhận còn hiệu lực", Html.FieldErrors(await refused.Content.ReadAsStringAsync())["Revoke.On"], StringComparison.Ordinal);
        Assert.Null((await app.QueryAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == expired.Id))).RevokedOn);

        var valid = await EvaluationData.CertificateAsync(app, await app.ProductIdAsync(Demo.BanhTetLaCam), expiresInDays: 500);
        using var bogus = await office.PostWithTokenAsync($"/Certificates/Details/{valid.Id}?handler=Revoke",
            ("Revoke.Ground", "99"), ("Revoke.Decision", "6/QĐ-UBND"), ("Revoke.On", EvaluationData.Iso(Today)), ("Revoke.Version", valid.Version.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, bogus.StatusCode);
        Assert.Contains("không hợp lệ", Html.FieldErrors(await bogus.Content.ReadAsStringAsync())["Revoke.Ground"], StringComparison.Ordinal);
        Assert.Null((await app.QueryAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == valid.Id))).RevokedOn);
    }

    [Fact]
    public async Task A_failed_check_after_recognition_becomes_the_ground_of_a_revocation_which_the_api_names_with_its_decision_and_date()
    {
        var office = await app.As(Demo.ProgramOffice);
        var certificate = await EvaluationData.CertificateAsync(app, await app.ProductIdAsync(Demo.BanhTetMyChanh), expiresInDays: 700);
        var url = $"/Certificates/Details/{certificate.Id}";
        var form = await office.GetFormAsync(url, "Check");
        form.Set("Check.CheckedBy", "Đoàn kiểm tra liên ngành").Set("Check.Quality", "Met").Set("Check.Labels", "NotMet")
            .Set("Check.Findings", "Nhãn sai mẫu biểu trưng OCOP.").Set("Check.FollowUp", "In lại nhãn").Set("Check.FollowUpDueOn", EvaluationData.Iso(Today.AddDays(-1)));
        using (var badDue = await office.PostFormAsync(form))
        {
            Assert.Equal("Hạn khắc phục phải sau ngày kiểm tra.", Html.FieldErrors(await badDue.Content.ReadAsStringAsync())["Check.FollowUpDueOn"]);
        }

        form.Set("Check.FollowUpDueOn", EvaluationData.Iso(Today.AddDays(20))).Set("Check.Environment", "42");
        using (var badResult = await office.PostFormAsync(form))
        {
            Assert.Contains("không hợp lệ", Html.FieldErrors(await badResult.Content.ReadAsStringAsync())["Check.Environment"], StringComparison.Ordinal);
        }

        form.Set("Check.Environment", "NotChecked");
        using (var recorded = await office.PostFormAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        var check = await app.QueryAsync(db => db.ProductChecks().AsNoTracking().SingleAsync(c => c.CertificateId == certificate.Id));
        Assert.Equal((false, (RevocationGround?)RevocationGround.LawBreach), (check.Passed, check.Ground));
        Assert.Contains("In lại nhãn", Html.Text(await office.GetPageAsync("/EvaluationCalendar")), StringComparison.Ordinal);

        var revoke = await office.GetFormAsync(url, "Revoke");
        revoke.Set("Revoke.Ground", nameof(RevocationGround.LawBreach)).Set("Revoke.Decision", "77/QĐ-UBND-KT").Set("Revoke.CheckId", check.Id.ToString(CultureInfo.InvariantCulture));
        using (var revoked = await office.PostFormAsync(revoke))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        Assert.Equal(check.Id, (await app.QueryAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == certificate.Id))).RevokingCheckId);
        var anonymous = app.NewClient();
        using (var response = await anonymous.GetAsync("/api/v1/certificates/" + certificate.Number))
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var revocation = json.RootElement.GetProperty("revocation");
            Assert.Equal(("77/QĐ-UBND-KT", EvaluationData.Iso(Today), "LawBreach"),
                (revocation.GetProperty("decision").GetString(), revocation.GetProperty("on").GetString(), revocation.GetProperty("ground").GetString()));
            Assert.Contains("nhãn hàng hóa", revocation.GetProperty("groundName").GetString(), StringComparison.Ordinal);
        }

        // On a day before the revocation the certificate was valid, and the API says so.
        using (var before = await anonymous.GetAsync($"/api/v1/certificates/{certificate.Number}?at={EvaluationData.Iso(Today.AddDays(-1))}"))
        {
            using var json = JsonDocument.Parse(await before.Content.ReadAsStringAsync());
            Assert.Equal(("Valid", JsonValueKind.Null), (json.RootElement.GetProperty("state").GetString(), json.RootElement.GetProperty("revocation").ValueKind));
        }

        using var bad = await anonymous.GetAsync($"/api/v1/certificates/{certificate.Number}?at=30-06-2026");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_certificate_list_shows_states_on_a_date()
    {
        var office = await app.As(Demo.ProgramOffice);
        var certificate = await EvaluationData.CertificateAsync(app, await app.ProductIdAsync(Demo.ConChimTour), expiresInDays: 10);
        Assert.DoesNotContain(certificate.Number, Html.Text(await office.GetPageAsync("/Certificates?state=Expired")), StringComparison.Ordinal);
        var later = Html.Text(await office.GetPageAsync($"/Certificates?state=Expired&at={EvaluationData.Iso(Today.AddDays(20))}"));
        Assert.Contains(certificate.Number, later, StringComparison.Ordinal);
        Assert.Contains(Today.AddDays(20).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), later, StringComparison.Ordinal);
        var bad = Html.Text(await office.GetPageAsync("/Certificates?at=not-a-date"));
        Assert.Contains("Ngày xem tình trạng không hợp lệ", bad, StringComparison.Ordinal);
    }

    /// <summary>Other certificates of the demo product are set aside (revoked long ago) so the dossier ties to the one under test.</summary>
    private Task<int> ResolveOtherCertificatesAsync(int productId, int keep) => app.QueryAsync(async db =>
    {
        foreach (var other in await db.Certificates.Where(c => c.ProductId == productId && c.Id != keep && c.RevokedOn == null).ToListAsync())
        {
            other.RevokedOn = other.IssuedOn;
            other.RevocationGround = RevocationGround.OtherAuthorityConclusion;
            other.RevocationDecision = "Dữ liệu kiểm thử";
        }

        return await db.SaveChangesAsync();
    });

    private Task<DateOnly?> FiledOnAsync(int certificateId) =>
        app.QueryAsync(db => db.Certificates.Where(c => c.Id == certificateId).Select(c => c.ReevaluationFiledOn).SingleAsync());
}
