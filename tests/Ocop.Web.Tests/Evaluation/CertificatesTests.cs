using System.Globalization;
using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Evaluation;

/// <summary>
/// Recognition decisions, certificates and their states, through HTTP. Closed rounds and crafted certificates are
/// written straight into the database (the rounds UI is not needed to test what follows a round); dates are set
/// relative to today's Vietnam date, since the app runs on the system clock.
/// </summary>
public class CertificatesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    [Fact]
    public async Task Recognition_from_a_closed_round_issues_one_certificate_per_recognised_product_valid_36_months()
    {
        var rice = await app.ProductIdAsync(Demo.GaoLongHoa);
        var tour = await app.ProductIdAsync(Demo.ConChimTour);
        var wine = await app.ProductIdAsync(Demo.BanhTetMyChanh);
        var round = await ClosedRoundAsync(
            (rice, 6250, 3, LevelOutcomeKind.RecognisedHere),
            (tour, 6100, 3, LevelOutcomeKind.RecognisedHere),
            (wine, 4500, 2, LevelOutcomeKind.NotRecognised));
        var office = await app.As(Demo.ProgramOffice);

        var form = await office.GetFormAsync($"/Recognitions/Create?round={round}");
        Assert.Equal(2, form.Values("Input.Selected").Count);
        var signed = new DateOnly(2024, 3, 15);
        form.Set("Input.DecisionNumber", "15/QĐ-UBND-T1").Set("Input.SignedOn", "2024-03-15")
            .Set("Input.SignatoryId", "").Set("Input.Signer", "Kim Văn Sơn").Set("Input.SignerTitle", "Phó Chủ tịch");
        using var response = await office.PostFormAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var recognitionId = Html.IdFromLocation(response, "/Recognitions/Details/");
        var certificates = await app.QueryAsync(db => db.Certificates.AsNoTracking().Where(c => c.RecognitionId == recognitionId).OrderBy(c => c.Number).ToListAsync());
        Assert.Equal(2, certificates.Count);
        Assert.All(certificates, c =>
        {
            Assert.Equal(signed, c.IssuedOn);
            Assert.Equal(new DateOnly(2027, 3, 15), c.ExpiresOn);
            Assert.StartsWith("2024/OCOP-847-", c.Number, StringComparison.Ordinal);
        });
        Assert.Equal(2, certificates.Select(c => c.Number).Distinct().Count());
        var riceCertificate = certificates.Single(c => c.ProductId == rice);
        Assert.Equal(3, riceCertificate.Stars);
        Assert.Equal(6250, riceCertificate.ScoreHundredths);
        Assert.Equal(ProductStatus.Ranked, (await app.ProductAsync(tour)).Status);
        Assert.DoesNotContain(certificates, c => c.ProductId == wine);

        // The round has nothing left to recognise: a second decision from it is refused with a message.
        var again = await office.GetFormAsync($"/Recognitions/Create?round={round}");
        again.Set("Input.DecisionNumber", "16/QĐ-UBND-T1").Set("Input.Signer", "Kim Văn Sơn");
        using var second = await office.PostFormAsync(again);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Chọn ít nhất một sản phẩm", Html.Text(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recognition_decision_DOCX_opens_and_lists_its_products_with_stars_and_scores()
    {
        var rice = await app.ProductIdAsync(Demo.GaoLongHoa);
        var round = await ClosedRoundAsync((rice, 6325, 3, LevelOutcomeKind.RecognisedHere));
        var office = await app.As(Demo.ProgramOffice);
        var form = await office.GetFormAsync($"/Recognitions/Create?round={round}");
        form.Set("Input.DecisionNumber", "20/QĐ-UBND-DOCX").Set("Input.SignedOn", "2025-02-05")
            .Set("Input.SignatoryId", "").Set("Input.Signer", "Kim Văn Sơn").Set("Input.SignerTitle", "Phó Chủ tịch");
        using var created = await office.PostFormAsync(form);
        var id = Html.IdFromLocation(created, "/Recognitions/Details/");

        using var response = await office.GetAsync($"/Recognitions/Details/{id}?handler=Docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("QUYẾT ĐỊNH", text, StringComparison.Ordinal);
        Assert.Contains("Về việc công nhận sản phẩm đạt chuẩn OCOP", text, StringComparison.Ordinal);
        Assert.Contains("Số: 20/QĐ-UBND-DOCX", text, StringComparison.Ordinal);
        Assert.Contains(Demo.GaoLongHoa, text, StringComparison.Ordinal);
        Assert.Contains(Demo.TienThanh, text, StringComparison.Ordinal);
        Assert.Contains("3 sao", text, StringComparison.Ordinal);
        Assert.Contains("63,25", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Higher_level_decision_is_recorded_by_hand_and_bad_input_gets_Vietnamese_messages()
    {
        var tour = await app.ProductIdAsync(Demo.ConChimTour);
        var office = await app.As(Demo.ProgramOffice);
        var form = await office.GetFormAsync("/Recognitions/Create");
        form.Set("Input.DecisionNumber", "").Set("Input.Signer", "Nguyễn Văn Ký").Set("Input.SignerTitle", "Chủ tịch")
            .Set("Input.Rows[0].ProductId", tour.ToString(CultureInfo.InvariantCulture)).Set("Input.Rows[0].Stars", "4").Set("Input.Rows[0].Score", "abc");
        using var refused = await office.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = Html.FieldErrors(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Nhập số quyết định.", errors["Input.DecisionNumber"]);
        Assert.Contains("Điểm là số", errors["Input.Rows[0].Score"], StringComparison.Ordinal);

        // A 2025 decision of the former province breaks today's rules: it is recorded only as transcribed from paper.
        form.Set("Input.DecisionNumber", "1234/QĐ-UBND-TINH").Set("Input.SignedOn", "2025-06-01").Set("Input.Rows[0].Score", "78,5");
        using var notMarked = await office.PostFormAsync(form);
        Assert.Contains("chỉ ghi nhận như bản chép từ quyết định giấy", Html.FieldErrors(await notMarked.Content.ReadAsStringAsync())["Input.Transcribed"], StringComparison.Ordinal);
        form.Set("Input.Transcribed", "true");
        using var response = await office.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Html.IdFromLocation(response, "/Recognitions/Details/");
        var certificate = await app.QueryAsync(db => db.Certificates.AsNoTracking().Include(c => c.Recognition).SingleAsync(c => c.RecognitionId == id));
        Assert.Equal(EvaluationLevel.Province, certificate.Recognition!.Level);
        Assert.Null(certificate.Recognition.RoundId);
        Assert.Equal(4, certificate.Stars);
        Assert.Equal(7850, certificate.ScoreHundredths);
        Assert.Equal(new DateOnly(2028, 6, 1), certificate.ExpiresOn);
    }

    [Fact]
    public async Task Only_the_program_office_and_admin_record_decisions()
    {
        foreach (var user in new[] { Demo.ChauThanhOfficer, Demo.Council, Demo.Producer, Demo.Leader })
        {
            using var response = await (await app.As(user)).GetAsync("/Recognitions/Create");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var admin = await (await app.As(Demo.Admin)).GetAsync("/Recognitions/Create");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task Certificates_are_listed_under_their_state_today_with_counts()
    {
        var product = await app.ProductIdAsync(Demo.BanhTetNhanChuoi);
        var valid = await CertificateAsync(product, expiresInDays: 400);
        var window = await CertificateAsync(product, expiresInDays: 150);
        var soon = await CertificateAsync(product, expiresInDays: 20);
        var expired = await CertificateAsync(product, expiresInDays: -10);
        var kept = await CertificateAsync(product, expiresInDays: -10, filedDaysBeforeExpiry: 130);
        var revoked = await CertificateAsync(product, expiresInDays: 400, revokedDaysAgo: 3);
        var office = await app.As(Demo.ProgramOffice);

        var expected = new Dictionary<CertificateState, string>
        {
            [CertificateState.Valid] = valid.Number,
            [CertificateState.ReevaluationWindowOpen] = window.Number,
            [CertificateState.ExpiringSoon] = soon.Number,
            [CertificateState.Expired] = expired.Number,
            [CertificateState.KeptValidPendingReevaluation] = kept.Number,
            [CertificateState.Revoked] = revoked.Number,
        };
        foreach (var (state, number) in expected)
        {
            var page = Html.Text(await office.GetPageAsync($"/Certificates?state={state}"));
            Assert.Contains(number, page, StringComparison.Ordinal);
            foreach (var other in expected.Where(e => e.Key != state))
            {
                Assert.DoesNotContain(other.Value, page, StringComparison.Ordinal);
            }
        }

        var all = Html.Text(await office.GetPageAsync("/Certificates"));
        Assert.Contains("Đến hạn nộp hồ sơ đánh giá lại (", all, StringComparison.Ordinal);
        Assert.Contains("/Recognitions", all, StringComparison.Ordinal);

        // The notice to the producer is offered in the window and in the last 30 days, and is a Word document.
        Assert.Contains("handler=Notice", await office.GetPageAsync($"/Certificates/Details/{window.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Notice", await office.GetPageAsync($"/Certificates/Details/{valid.Id}"), StringComparison.Ordinal);
        using var notice = await office.GetAsync($"/Certificates/Details/{soon.Id}?handler=Notice");
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await notice.Content.ReadAsByteArrayAsync()), false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("THÔNG BÁO", text, StringComparison.Ordinal);
        Assert.Contains(soon.Number, text, StringComparison.Ordinal);
        Assert.Contains(Demo.BaNam, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_a_certificate_records_the_ground_and_returns_the_product_to_registered()
    {
        // A product with no other certificate (the demo data certifies some), and none the other tests here use.
        string[] used = [Demo.GaoLongHoa, Demo.ConChimTour, Demo.BanhTetMyChanh, Demo.BanhTetNhanChuoi];
        var product = await app.QueryAsync(db => db.Products
            .Where(p => p.Status != ProductStatus.Archived && !used.Contains(p.Name) && !db.Certificates.Any(c => c.ProductId == p.Id))
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var certificate = await CertificateAsync(product, expiresInDays: 500);
        await app.QueryAsync(async db =>
        {
            var p = await db.Products.SingleAsync(x => x.Id == product);
            p.Status = ProductStatus.Ranked;
            return await db.SaveChangesAsync();
        });
        var office = await app.As(Demo.ProgramOffice);
        var url = $"/Certificates/Details/{certificate.Id}";

        var form = await office.GetFormAsync(url, "Revoke");
        form.Set("Revoke.Decision", "");
        using var refused = await office.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = Html.FieldErrors(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Chọn căn cứ thu hồi.", errors["Revoke.Ground"]);
        Assert.Equal("Nhập số quyết định thu hồi.", errors["Revoke.Decision"]);

        form.Set("Revoke.Ground", nameof(RevocationGround.MarkMisuse)).Set("Revoke.Decision", "99/QĐ-UBND");
        using var response = await office.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.QueryAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == certificate.Id));
        Assert.Equal(Today, saved.RevokedOn);
        Assert.Equal(RevocationGround.MarkMisuse, saved.RevocationGround);
        Assert.Equal("99/QĐ-UBND", saved.RevocationDecision);
        Assert.Equal(ProductStatus.Registered, (await app.ProductAsync(product)).Status);
        Assert.Contains("Bị thu hồi", Html.Text(await office.GetPageAsync(url)), StringComparison.Ordinal);

        using var check = await app.NewClient().GetAsync("/api/v1/certificates/" + certificate.Number);
        using var json = JsonDocument.Parse(await check.Content.ReadAsStringAsync());
        Assert.Equal("Revoked", json.RootElement.GetProperty("state").GetString());
        Assert.False(json.RootElement.GetProperty("isValid").GetBoolean());

        // A producer cannot revoke (their own product's certificate is out of their reach for decisions).
        var producer = await app.As(Demo.Producer);
        var own = await CertificateAsync(await app.ProductIdAsync(Demo.GaoLongHoa), expiresInDays: 300);
        using var forbidden = await producer.PostWithTokenAsync($"/Certificates/Details/{own.Id}?handler=Revoke",
            ("Revoke.Ground", "FalseDossier"), ("Revoke.Decision", "1/QĐ"), ("Revoke.On", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Revoke.Version", "0"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Only_the_office_of_the_level_that_recognises_the_star_revokes_it_province_3_to_4_ministry_5()
    {
        var product = await app.ProductIdAsync(Demo.BanhTetNhanChuoi);
        var fiveStar = await CertificateAsync(product, expiresInDays: 600, stars: 5);
        var fourStar = await CertificateAsync(product, expiresInDays: 600, stars: 4);
        var province = await app.As(Demo.ProgramOffice); // the demo office records the province's decisions
        var ministry = await OfficeAsync(EvaluationLevel.Central);
        var unassigned = await OfficeAsync(null);

        // The province office sees who is competent for 5★ instead of the form, and its post is refused.
        var page = Html.Text(await province.GetPageAsync($"/Certificates/Details/{fiveStar.Id}"));
        Assert.Contains("Thu hồi sản phẩm 5 sao thuộc thẩm quyền cấp trung ương (Bộ); tài khoản này thuộc cấp tỉnh.", page, StringComparison.Ordinal);
        using var refused = await RevokeAsync(province, fiveStar);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var notAssigned = await RevokeAsync(unassigned, fourStar);
        Assert.Equal(HttpStatusCode.Forbidden, notAssigned.StatusCode);
        using var ministryOn4 = await RevokeAsync(ministry, fourStar);
        Assert.Equal(HttpStatusCode.Forbidden, ministryOn4.StatusCode);
        Assert.Null((await app.QueryAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == fiveStar.Id))).RevokedOn);

        // The ministry revokes the 5★ one, the province the 4★ one, each with its ground and decision.
        var form = await ministry.GetFormAsync($"/Certificates/Details/{fiveStar.Id}", "Revoke");
        Assert.Contains("Thẩm quyền: Cấp trung ương", Html.Text(await ministry.GetPageAsync($"/Certificates/Details/{fiveStar.Id}")), StringComparison.Ordinal);
        form.Set("Revoke.Ground", nameof(RevocationGround.FalseDossier)).Set("Revoke.Decision", "12/QĐ-BNNMT");
        using var byMinistry = await ministry.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, byMinistry.StatusCode);
        using var byProvince = await RevokeAsync(province, fourStar);
        Assert.Equal(HttpStatusCode.Redirect, byProvince.StatusCode);
        var saved = await app.QueryAsync(db => db.Certificates.AsNoTracking().Where(c => c.Id == fiveStar.Id || c.Id == fourStar.Id).OrderBy(c => c.Stars).ToListAsync());
        Assert.Equal(["77/QĐ-UBND", "12/QĐ-BNNMT"], saved.Select(c => c.RevocationDecision));
        Assert.Equal([RevocationGround.ProductionStopped, RevocationGround.FalseDossier], saved.Select(c => c.RevocationGround!.Value));
    }

    private async Task<HttpClient> OfficeAsync(EvaluationLevel? level)
    {
        var userName = "vanphong.capquyetdinh." + Guid.NewGuid().ToString("N")[..8];
        var district = await app.QueryAsync(db => db.Units.Where(u => u.Code == "847").Select(u => u.Id).FirstAsync());
        await app.WithUsersAsync(async users =>
        {
            var user = new AppUser { UserName = userName, FullName = "Văn phòng " + level, Role = Ocop.Core.Access.Role.ProgramOffice, DecisionLevel = level };
            user.Units.Add(new UserUnit { UserId = user.Id, UnitId = district });
            var created = await users.CreateAsync(user, DemoData.Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            return user.Id;
        });
        return await app.SignInAsync(userName, DemoData.Password);
    }

    private static Task<HttpResponseMessage> RevokeAsync(HttpClient client, Certificate certificate) =>
        client.PostWithTokenAsync($"/Certificates/Details/{certificate.Id}?handler=Revoke",
            ("Revoke.Ground", nameof(RevocationGround.ProductionStopped)), ("Revoke.Decision", "77/QĐ-UBND"),
            ("Revoke.On", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Revoke.Version", certificate.Version.ToString(CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Anyone_can_check_a_certificate_by_number_and_an_unknown_number_is_a_404_problem()
    {
        var product = await app.ProductIdAsync(Demo.ConChimTour);
        var certificate = await CertificateAsync(product, expiresInDays: 700);
        var anonymous = app.NewClient();

        using var response = await anonymous.GetAsync("/api/v1/certificates/" + certificate.Number);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(certificate.Number, root.GetProperty("number").GetString());
        Assert.Equal(Demo.ConChimTour, root.GetProperty("product").GetString());
        Assert.Equal(Demo.ConChim, root.GetProperty("subject").GetString());
        Assert.Equal("Xã Hòa Minh", root.GetProperty("commune").GetString());
        Assert.Equal(4, root.GetProperty("stars").GetInt32());
        Assert.Equal(certificate.ExpiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), root.GetProperty("expiresOn").GetString());
        Assert.Equal("Valid", root.GetProperty("state").GetString());
        Assert.True(root.GetProperty("isValid").GetBoolean());

        using var unknown = await anonymous.GetAsync("/api/v1/certificates/2099/OCOP-000-999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());

        using var openApi = await anonymous.GetAsync("/openapi/v1.json");
        var paths = Html.Text(await openApi.Content.ReadAsStringAsync());
        Assert.Contains("/api/v1/products/{id}/rankings", paths, StringComparison.Ordinal);
        Assert.Contains("/api/v1/certificates/{", paths, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rankings_API_shows_the_history_to_those_who_see_the_product_and_404_to_others()
    {
        var product = await app.ProductIdAsync(Demo.BanhTetNhanChuoi);
        var round = await ClosedRoundAsync((product, 6525, 3, LevelOutcomeKind.RecognisedHere));
        var certificate = await CertificateAsync(product, expiresInDays: 600);

        using var inScope = await (await app.As(Demo.ChauThanhOfficer)).GetAsync($"/api/v1/products/{product}/rankings");
        Assert.Equal(HttpStatusCode.OK, inScope.StatusCode);
        using var json = JsonDocument.Parse(await inScope.Content.ReadAsStringAsync());
        var rounds = json.RootElement.GetProperty("rounds").EnumerateArray().ToList();
        var result = Assert.Single(rounds, r => r.GetProperty("roundId").GetInt32() == round);
        Assert.Equal(6525, result.GetProperty("scoreHundredths").GetInt32());
        Assert.Equal(3, result.GetProperty("star").GetInt32());
        Assert.Equal("District", result.GetProperty("level").GetString());
        Assert.Contains(json.RootElement.GetProperty("certificates").EnumerateArray(), c => c.GetProperty("number").GetString() == certificate.Number);

        using var outOfScope = await (await app.As(Demo.HoaMinhOfficer)).GetAsync($"/api/v1/products/{product}/rankings");
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        using var producer = await (await app.As(Demo.Producer)).GetAsync($"/api/v1/products/{product}/rankings");
        Assert.Equal(HttpStatusCode.NotFound, producer.StatusCode);
        using var unknown = await (await app.As(Demo.Admin)).GetAsync("/api/v1/products/987654/rankings");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        using var anonymous = await app.NewClient().GetAsync($"/api/v1/products/{product}/rankings");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        // The product page shows the same history.
        var page = Html.Text(await (await app.As(Demo.ChauThanhOfficer)).GetPageAsync($"/Products/Details/{product}"));
        Assert.Contains("Lịch sử đánh giá, phân hạng", page, StringComparison.Ordinal);
        Assert.Contains(certificate.Number, page, StringComparison.Ordinal);
        Assert.Contains("65,25", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// The one rule of <c>DossierCopy</c>: a re-evaluation copies the dossier that led to the certificate (its round
    /// product's), even when the product has a newer dossier; a certificate that came from no dossier (entered by hand)
    /// copies the product's newest dossier by year, then id — not the row typed last.
    /// </summary>
    [Fact]
    public async Task Reevaluation_in_one_click_creates_a_dossier_copying_the_last_documents()
    {
        var product = await app.ProductIdAsync(Demo.BanhTetMyChanh);
        var certificate = await CertificateAsync(product, expiresInDays: 150);
        var round = await ClosedRoundAsync((product, 7100, 4, LevelOutcomeKind.RecognisedHere));
        var lastDossier = await app.QueryAsync(async db =>
        {
            var dossier = new Dossier { ProductId = product, Year = Today.Year - 3, Variant = DossierVariant.FirstEvaluation, State = DossierState.Evaluated };
            dossier.Documents.Add(new DossierDocument { StoredName = "stored-a.pdf", OriginalName = "Phiếu đăng ký.pdf", ContentType = "application/pdf", SizeBytes = 1200 });
            dossier.Documents.Add(new DossierDocument { StoredName = "stored-b.pdf", OriginalName = "Phương án kinh doanh.pdf", ContentType = "application/pdf", SizeBytes = 3400 });
            dossier.Documents.Add(new DossierDocument { StoredName = "stored-c.pdf", OriginalName = "Bản cũ.pdf", ContentType = "application/pdf", SizeBytes = 10, IsArchived = true });
            db.Dossiers.Add(dossier);
            // A newer dossier of the product that led to nothing: the re-evaluation does not start from it.
            var newer = new Dossier { ProductId = product, Year = Today.Year - 1, Variant = DossierVariant.Upgrade, State = DossierState.Draft };
            newer.Documents.Add(new DossierDocument { StoredName = "stored-newer.pdf", OriginalName = "Nháp.pdf", ContentType = "application/pdf", SizeBytes = 99 });
            db.Dossiers.Add(newer);
            await db.SaveChangesAsync();
            // The certificate was issued for the round product evaluated on that dossier.
            var entry = await db.RoundProducts.SingleAsync(r => r.RoundId == round && r.ProductId == product);
            entry.DossierId = dossier.Id;
            (await db.Certificates.SingleAsync(c => c.Id == certificate.Id)).RoundProductId = entry.Id;
            await db.SaveChangesAsync();
            return dossier.Id;
        });
        var office = await app.As(Demo.ProgramOffice);

        var form = await office.GetFormAsync($"/Certificates/Details/{certificate.Id}", "Reevaluate");
        using var response = await office.PostFormAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Html.IdFromLocation(response, "/Dossiers/Details/");
        var dossier = await app.QueryAsync(db => db.Dossiers.AsNoTracking().Include(d => d.Documents).SingleAsync(d => d.Id == id));
        Assert.Equal(DossierVariant.Reevaluation, dossier.Variant);
        Assert.Equal(product, dossier.ProductId);
        Assert.Equal(certificate.Id, dossier.CertificateId);
        Assert.Equal(lastDossier, dossier.CopiedFromId);
        Assert.Equal(DossierState.Draft, dossier.State);
        Assert.Equal(["stored-a.pdf", "stored-b.pdf"], dossier.Documents.Select(d => d.StoredName).Order(StringComparer.Ordinal).ToArray());
        // Opening the dossier files nothing: the filing is recorded when the dossier is submitted.
        var saved = await app.QueryAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == certificate.Id));
        Assert.Null(saved.ReevaluationFiledOn);

        // A second click goes to the same dossier instead of opening another.
        using var again = await office.PostWithTokenAsync($"/Certificates/Details/{certificate.Id}?handler=Reevaluate", ("version", saved.Version.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal("/Dossiers/Details/" + id.ToString(CultureInfo.InvariantCulture), again.Location());
        Assert.Equal(1, await app.QueryAsync(db => db.Dossiers.CountAsync(d => d.CertificateId == certificate.Id)));

        // A certificate entered by hand came from no dossier: its re-evaluation copies the product's newest by year, then id
        // (the re-evaluation dossier just opened, of this year), whatever row was typed last.
        var byHand = await CertificateAsync(product, expiresInDays: 200);
        await app.QueryAsync(async db =>
        {
            db.Dossiers.Add(new Dossier { ProductId = product, Year = Today.Year - 2, Variant = DossierVariant.FirstEvaluation, State = DossierState.Evaluated });
            return await db.SaveChangesAsync();
        });
        using var second = await office.PostFormAsync(await office.GetFormAsync($"/Certificates/Details/{byHand.Id}", "Reevaluate"));
        var secondId = Html.IdFromLocation(second, "/Dossiers/Details/");
        var copied = await app.QueryAsync(db => db.Dossiers.AsNoTracking().Include(d => d.Documents).SingleAsync(d => d.Id == secondId));
        Assert.Equal((id, byHand.Id), (copied.CopiedFromId, copied.CertificateId));
        Assert.Equal(["stored-a.pdf", "stored-b.pdf"], copied.Documents.Select(d => d.StoredName).Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>A closed district round of the 148 process with the given results, written as closing a round would.</summary>
    private Task<int> ClosedRoundAsync(params (int ProductId, int ScoreHundredths, int Star, LevelOutcomeKind Outcome)[] results) =>
        app.QueryAsync(async db =>
        {
            var district = await db.Units.Where(u => u.Code == "847").Select(u => u.Id).FirstAsync();
            var sheet = await db.Scoresheets.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            var round = new EvaluationRound
            {
                Name = "Đợt thử " + Guid.NewGuid().ToString("N")[..6],
                Level = EvaluationLevel.District,
                ProcessCode = "148/2023",
                LegalBasisCode = "148/2023",
                UnitId = district,
                OpensOn = new DateOnly(2024, 1, 10),
                ClosesOn = new DateOnly(2024, 3, 1),
                State = RoundState.Closed,
                ClosedAt = new DateTime(2024, 3, 1, 3, 0, 0, DateTimeKind.Utc),
                ClosedBy = "admin",
            };
            foreach (var (productId, score, star, outcome) in results)
            {
                round.Products.Add(new RoundProduct
                {
                    ProductId = productId,
                    ScoresheetId = sheet,
                    ScoreHundredths = score,
                    StarByScore = star,
                    Star = star,
                    Outcome = outcome,
                });
            }

            db.EvaluationRounds.Add(round);
            await db.SaveChangesAsync();
            return round.Id;
        });

    /// <summary>A certificate of a hand-entered decision, dated so that it expires <paramref name="expiresInDays"/> from today.</summary>
    private Task<Certificate> CertificateAsync(int productId, int expiresInDays, int? filedDaysBeforeExpiry = null, int? revokedDaysAgo = null, int stars = 4) =>
        app.QueryAsync(async db =>
        {
            var expires = Today.AddDays(expiresInDays);
            var tag = Guid.NewGuid().ToString("N")[..8];
            var recognition = new Recognition
            {
                DecisionNumber = "T-" + tag + "/QĐ-UBND",
                SignedOn = expires.AddMonths(-36),
                Signer = "Nguyễn Văn Ký",
                SignerTitle = "Chủ tịch",
                Issuer = "UBND tỉnh Trà Vinh",
                Level = EvaluationLevel.Province,
            };
            var certificate = new Certificate
            {
                Number = "2099/OCOP-T-" + tag,
                ProductId = productId,
                Stars = stars,
                ScoreHundredths = stars == 5 ? 9200 : 7100,
                IssuedOn = expires.AddMonths(-36),
                ExpiresOn = expires,
                ReevaluationFiledOn = filedDaysBeforeExpiry is int filed ? expires.AddDays(-filed) : null,
                RevokedOn = revokedDaysAgo is int ago ? Today.AddDays(-ago) : null,
                RevocationGround = revokedDaysAgo is null ? null : RevocationGround.ProductionStopped,
                RevocationDecision = revokedDaysAgo is null ? null : "88/QĐ-UBND",
            };
            recognition.Certificates.Add(certificate);
            db.Recognitions.Add(recognition);
            await db.SaveChangesAsync();
            return certificate;
        });
}
