using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Evaluation;

/// <summary>
/// Issued documents are frozen as issued, and their issuer is data valid on their date: a 2024 decision and its
/// certificate never change after the product, the subject or the units are edited; documents dated after
/// 30/06/2025 never name a district or Trà Vinh as issuer; a deputy signs under "KT. CHỦ TỊCH".
/// </summary>
public class IssuedDocumentsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_2024_decision_and_its_certificate_stay_as_issued_after_the_product_subject_and_units_are_edited()
    {
        var product = await app.ProductIdAsync(Demo.BanhTetLaCam); // Bà Năm, Đa Lộc: used by no other test here
        var round = await ClosedRoundAsync("847", new DateOnly(2024, 3, 1), (product, 6250, 3)); // under 148 a district recognises 3★
        var deputy = await SignatoryIdAsync("Kim Văn Sơn");
        var admin = await app.As(Demo.Admin);
        var recognition = await DecideAsync(admin, round, "T-" + Tag() + "/QĐ-UBND", new DateOnly(2024, 3, 15), deputy);
        var certificate = await app.QueryAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.RecognitionId == recognition));

        var decisionXml = await DocumentXmlAsync(admin, $"/Recognitions/Details/{recognition}?handler=Docx");
        var certificateXml = await DocumentXmlAsync(admin, $"/Certificates/Details/{certificate.Id}?handler=Docx");
        var decision = Docx.Read(await BytesAsync(admin, $"/Recognitions/Details/{recognition}?handler=Docx"));
        Assert.Contains("UBND HUYỆN CHÂU THÀNH", decision.Header, StringComparison.Ordinal);
        Assert.Contains("Châu Thành, ngày 15 tháng 3 năm 2024", decision.Header, StringComparison.Ordinal);
        Assert.Contains("xã Đa Lộc, huyện Châu Thành, tỉnh Trà Vinh", decision.Text, StringComparison.Ordinal);
        var page = Html.Text(await admin.GetPageAsync($"/Certificates/Details/{certificate.Id}"));
        Assert.Contains("xã Đa Lộc, huyện Châu Thành, tỉnh Trà Vinh", page, StringComparison.Ordinal);
        var apiBefore = await CheckAsync(certificate.Number);

        // The product and its subject move to the successor commune and are renamed; the old units are renamed too.
        var newCommune = await app.CurrentCommuneIdAsync(Demo.ChauThanhCommune);
        try
        {
            await EditEverythingAndCheckAsync();
        }
        finally
        {
            // The units are shared by the other tests of the class: their names come back.
            await app.QueryAsync(async db =>
            {
                foreach (var unit in await db.Units.Where(u => u.Name.EndsWith(" (sửa)")).ToListAsync())
                {
                    unit.Name = unit.Name[..^" (sửa)".Length];
                }

                return await db.SaveChangesAsync();
            });
        }

        async Task EditEverythingAndCheckAsync()
        {
            await app.QueryAsync(async db =>
            {
                var p = await db.Products.Include(x => x.Subject).SingleAsync(x => x.Id == product);
                p.Name += " (tên mới)";
                p.CommuneId = newCommune;
                p.Subject!.Name += " (tên mới)";
                p.Subject.Address = "Ấp 9, Xã Châu Thành, tỉnh Vĩnh Long";
                p.Subject.CommuneId = newCommune;
                foreach (var unit in await db.Units.Where(u => (u.Code == Demo.DaLoc || u.Code == "847" || u.Code == "84") && u.ValidTo != null).ToListAsync())
                {
                    unit.Name += " (sửa)";
                }

                return await db.SaveChangesAsync();
            });

            Assert.Equal(decisionXml, await DocumentXmlAsync(admin, $"/Recognitions/Details/{recognition}?handler=Docx"));
            Assert.Equal(certificateXml, await DocumentXmlAsync(admin, $"/Certificates/Details/{certificate.Id}?handler=Docx"));
            var pageAfter = Html.Text(await admin.GetPageAsync($"/Certificates/Details/{certificate.Id}"));
            Assert.Contains("xã Đa Lộc, huyện Châu Thành, tỉnh Trà Vinh", pageAfter, StringComparison.Ordinal);
            Assert.Contains(Demo.BanhTetLaCam + "<", pageAfter, StringComparison.Ordinal);
            Assert.DoesNotContain("(tên mới)", pageAfter, StringComparison.Ordinal);
            Assert.DoesNotContain("(tên mới)", Html.Text(await admin.GetPageAsync($"/Recognitions/Details/{recognition}")), StringComparison.Ordinal);
            var api = await CheckAsync(certificate.Number);
            Assert.Equal(apiBefore.GetRawText(), api.GetRawText());
            Assert.Equal(Demo.BanhTetLaCam, api.GetProperty("product").GetString());
            Assert.Equal("Xã Đa Lộc", api.GetProperty("commune").GetString());
            Assert.Contains("huyện Châu Thành, tỉnh Trà Vinh", api.GetProperty("address").GetString(), StringComparison.Ordinal);
            Assert.Equal("UBND huyện Châu Thành", api.GetProperty("issuer").GetString());
        }
    }

    [Fact]
    public async Task Authorities_and_signatories_are_kept_by_the_office_on_a_page_and_bad_ones_are_refused_with_a_message()
    {
        using (var producer = await (await app.As(Demo.Producer)).GetAsync("/Documents/Authorities"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, producer.StatusCode);
        }

        var office = await app.As(Demo.ProgramOffice);
        var list = Html.Text(await office.GetPageAsync("/Documents/Authorities"));
        foreach (var expected in new[] { "UBND tỉnh Vĩnh Long", "UBND tỉnh Trà Vinh", "UBND huyện Châu Thành", "Bộ Nông nghiệp và Môi trường", "Lê Thị Ngọc Hân", "Tên minh họa của dữ liệu demo" })
        {
            Assert.Contains(expected, list, StringComparison.Ordinal);
        }

        var (district, province) = await app.QueryAsync(async db => (
            await db.IssuingAuthorities.AsNoTracking().SingleAsync(a => a.ShortName == "UBND huyện Châu Thành"),
            await db.IssuingAuthorities.AsNoTracking().SingleAsync(a => a.ShortName == "UBND tỉnh Vĩnh Long")));

        var form = await office.GetFormAsync($"/Documents/AuthorityEdit/{district.Id}");
        form.Set("Input.ValidTo", "2026-12-31").Set("Input.Letterhead", "UBND HUYỆN HUYỆN CHÂU THÀNH");
        using (var refused = await office.PostFormAsync(form))
        {
            var errors = Html.FieldErrors(await refused.Content.ReadAsStringAsync());
            Assert.Equal("Loại đơn vị bị viết hai lần; viết một lần: \"UBND HUYỆN CHÂU THÀNH\".", errors["Input.Letterhead"]);
            Assert.StartsWith("Huyện Châu Thành chấm dứt sau ngày 30/06/2025: cơ quan của đơn vị không thể ban hành sau ngày đó", errors["Input.ValidTo"], StringComparison.Ordinal);
        }

        var unit86 = province.UnitId!.Value.ToString(CultureInfo.InvariantCulture);
        var added = await office.GetFormAsync($"/Documents/AuthorityEdit?unit={unit86}");
        Assert.Equal("UBND TỈNH VĨNH LONG", added["Input.Letterhead"]);
        Assert.Equal("Vĩnh Long", added["Input.Place"]);
        added.Set("Input.ValidFrom", "2030-01-01").Set("Input.Letterhead", "UBND TỈNH TRÀ VINH").Set("Input.Name", "Ủy ban nhân dân tỉnh Vĩnh Long");
        using (var refused = await office.PostFormAsync(added))
        {
            var errors = Html.FieldErrors(await refused.Content.ReadAsStringAsync());
            Assert.StartsWith("Nêu Tỉnh Trà Vinh, đơn vị đã chấm dứt sau ngày 30/06/2025", errors["Input.Letterhead"], StringComparison.Ordinal);
            Assert.StartsWith("Trùng thời gian với UBND tỉnh Vĩnh Long (từ 01/07/2025)", errors["Input.ValidFrom"], StringComparison.Ordinal);
        }

        var signatory = await office.GetFormAsync($"/Documents/SignatoryEdit?authority={province.Id}");
        signatory.Set("Input.FullName", "Trần Văn Thử").Set("Input.Title", "Phó Chủ tịch").Set("Input.ValidFrom", "2024-01-01").Set("Input.Note", "Tên minh họa trong kiểm thử.");
        using (var refused = await office.PostFormAsync(signatory))
        {
            var errors = Html.FieldErrors(await refused.Content.ReadAsStringAsync());
            Assert.Equal("Người ký chỉ ký trong thời gian của UBND tỉnh Vĩnh Long (từ 01/07/2025).", errors["Input.ValidFrom"]);
            Assert.Equal("Chức vụ \"Phó Chủ tịch\" là cấp phó: đánh dấu ký thay (KT. CHỦ TỊCH).", errors["Input.IsDeputy"]);
        }

        Assert.Equal(district.Version, await app.QueryAsync(db => db.IssuingAuthorities.Where(a => a.Id == district.Id).Select(a => a.Version).SingleAsync()));
        signatory.Set("Input.ValidFrom", "2030-01-01").Set("Input.IsDeputy", "true");
        using var saved = await office.PostFormAsync(signatory);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = await app.QueryAsync(db => db.Signatories.Where(s => s.FullName == "Trần Văn Thử").Select(s => s.Id).SingleAsync());
        var audit = Assert.Single(await app.AuditAsync(nameof(Signatory), id));
        Assert.Equal(AuditAction.Created, audit.Action);
        Assert.Equal(Demo.ProgramOffice, audit.UserName);
    }

    [Fact]
    public async Task No_document_dated_after_30_06_2025_names_a_district_or_Tra_Vinh_as_issuer_nor_doubles_a_unit_kind()
    {
        var admin = await app.As(Demo.Admin);

        // A decision today from a round the old district organised: the new province issues it.
        var rice = await app.ProductIdAsync(Demo.GaoLongHoa);
        var round = await ClosedRoundAsync("847", new DateOnly(2025, 6, 20), (rice, 7400, 4));
        var form = await admin.GetFormAsync($"/Recognitions/Create?round={round}");
        Assert.Equal((await SignatoryIdAsync("Lê Thị Ngọc Hân")).ToString(CultureInfo.InvariantCulture), form["Input.SignatoryId"]);
        form.Set("Input.DecisionNumber", "T-" + Tag() + "/QĐ-UBND").Set("Input.SignedOn", Iso(Today));
        using var created = await admin.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var recognition = Html.IdFromLocation(created, "/Recognitions/Details/");
        var certificate = await app.QueryAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.RecognitionId == recognition));
        Assert.StartsWith($"{Today.Year}/OCOP-86-", certificate.Number, StringComparison.Ordinal);

        // A notice today on a certificate the district issued in its time.
        var notice = await NoticeTodayAsync(admin);

        // The minutes of a round the old district closed today.
        var lateRound = await ClosedRoundAsync("847", Today, (await app.ProductIdAsync(Demo.BanhTetMyChanh), 6000, 3));

        // The periodic report on the former district, drafted today.
        var district = await app.QueryAsync(db => db.Units.Where(u => u.Code == "847").Select(u => u.Id).FirstAsync());

        var documents = new Dictionary<string, Docx>
        {
            ["quyết định"] = Docx.Read(await BytesAsync(admin, $"/Recognitions/Details/{recognition}?handler=Docx")),
            ["giấy chứng nhận"] = Docx.Read(await BytesAsync(admin, $"/Certificates/Details/{certificate.Id}?handler=Docx")),
            ["thông báo"] = Docx.Read(notice),
            ["biên bản"] = Docx.Read(await BytesAsync(admin, $"/Rounds/{lateRound}/Minutes")),
            ["báo cáo"] = Docx.Read(await BytesAsync(admin, $"/Reports?handler=Docx&unit={district}&from=2025-01-01&to={Iso(Today)}")),
        };
        foreach (var (name, doc) in documents)
        {
            Assert.True(doc.Header.Contains("UBND TỈNH VĨNH LONG", StringComparison.Ordinal), $"{name}: {doc.Header}");
            Assert.True(doc.Header.Contains("Vĩnh Long, ngày", StringComparison.Ordinal), $"{name}: {doc.Header}");
            foreach (var gone in new[] { "HUYỆN", "huyện", "TRÀ VINH", "Trà Vinh" })
            {
                Assert.False(doc.Header.Contains(gone, StringComparison.Ordinal), $"{name} header names {gone}: {doc.Header}");
                Assert.False(doc.Signature.Contains(gone, StringComparison.Ordinal), $"{name} signature names {gone}: {doc.Signature}");
            }

            Assert.False(UnitNames.HasDoubledKind(doc.Text), $"{name} doubles a unit kind: {doc.Text}");
        }

        foreach (var name in new[] { "quyết định", "giấy chứng nhận" })
        {
            var text = documents[name].Text;
            Assert.DoesNotContain("Trà Vinh", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("huyện Châu Thành", text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("xã Long Hòa, tỉnh Vĩnh Long", text, StringComparison.Ordinal);
            Assert.Contains("ỦY BAN NHÂN DÂN TỈNH VĨNH LONG", text, StringComparison.Ordinal);
        }

        var page = Html.Text(await admin.GetPageAsync($"/Certificates/Details/{certificate.Id}"));
        Assert.Contains("UBND TỈNH VĨNH LONG", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Trà Vinh", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deputy_signs_under_KT_CHU_TICH_and_PHO_CHU_TICH_the_chair_under_CHU_TICH()
    {
        var admin = await app.As(Demo.Admin);
        var product = await app.ProductIdAsync(Demo.ConChimTour);
        var deputyDecision = await DecideAsync(admin, await ClosedRoundAsync("86", new DateOnly(2026, 6, 20), (product, 7600, 4)),
            "T-" + Tag() + "/QĐ-UBND", new DateOnly(2026, 7, 2), await SignatoryIdAsync("Lê Thị Ngọc Hân"));
        var chairDecision = await DecideAsync(admin, await ClosedRoundAsync("86", new DateOnly(2026, 6, 21), (product, 7700, 4)),
            "T-" + Tag() + "/QĐ-UBND", new DateOnly(2026, 7, 3), await SignatoryIdAsync("Nguyễn Thành Công"));

        var deputy = Docx.Read(await BytesAsync(admin, $"/Recognitions/Details/{deputyDecision}?handler=Docx"));
        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Ký, ghi rõ họ tên, đóng dấu)", "Lê Thị Ngọc Hân"], deputy.SignatureLines);
        Assert.Contains("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH VĨNH LONG", deputy.Text, StringComparison.Ordinal);
        var chair = Docx.Read(await BytesAsync(admin, $"/Recognitions/Details/{chairDecision}?handler=Docx"));
        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Ký, ghi rõ họ tên, đóng dấu)", "Nguyễn Thành Công"], chair.SignatureLines);
        var page = Html.Text(await admin.GetPageAsync($"/Recognitions/Details/{deputyDecision}"));
        Assert.Contains("Lê Thị Ngọc Hân (Phó Chủ tịch, ký thay chủ tịch)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signer_or_level_that_did_not_exist_on_the_signing_date_is_refused_with_a_clear_message()
    {
        var admin = await app.As(Demo.Admin);
        var product = await app.ProductIdAsync(Demo.GaoLongHoa);
        var round = await ClosedRoundAsync("847", new DateOnly(2025, 5, 20), (product, 7100, 4));
        var before = await app.QueryAsync(db => db.Recognitions.CountAsync());

        var form = await admin.GetFormAsync($"/Recognitions/Create?round={round}");
        form.Set("Input.DecisionNumber", "T-" + Tag() + "/QĐ-UBND").Set("Input.SignedOn", Iso(Today))
            .Set("Input.SignatoryId", (await SignatoryIdAsync("Kim Văn Sơn")).ToString(CultureInfo.InvariantCulture));
        using var wrongSigner = await admin.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.OK, wrongSigner.StatusCode);
        Assert.Equal($"Kim Văn Sơn ký cho UBND huyện Châu Thành; quyết định ngày {Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} do UBND tỉnh Vĩnh Long ban hành. Chọn người ký của UBND tỉnh Vĩnh Long hoặc nhập người ký khác.",
            Html.FieldErrors(await wrongSigner.Content.ReadAsStringAsync())["Input.SignatoryId"]);

        var manual = await admin.GetFormAsync("/Recognitions/Create");
        manual.Set("Input.DecisionNumber", "T-" + Tag() + "/QĐ-UBND").Set("Input.SignedOn", Iso(Today)).Set("Input.Level", nameof(EvaluationLevel.District))
            .Set("Input.Signer", "Nguyễn Văn A").Set("Input.SignerTitle", "Chủ tịch")
            .Set("Input.Rows[0].ProductId", product.ToString(CultureInfo.InvariantCulture)).Set("Input.Rows[0].Stars", "3");
        using var noDistrict = await admin.PostFormAsync(manual);
        Assert.Equal(HttpStatusCode.OK, noDistrict.StatusCode);
        Assert.Contains("chấm dứt hoạt động sau ngày 30/06/2025: quyết định ngày " + Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + " không thể của cấp huyện. Chọn cấp tỉnh.",
            Html.FieldErrors(await noDistrict.Content.ReadAsStringAsync())["Input.Level"], StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryAsync(db => db.Recognitions.CountAsync()));
    }

    [Fact]
    public async Task A_decision_transcribed_from_paper_carries_its_printed_numbers()
    {
        var admin = await app.As(Demo.Admin);
        var product = await app.ProductIdAsync(Demo.ConChimTour);
        var printed = "GCN-" + Tag();
        var form = await admin.GetFormAsync("/Recognitions/Create");
        form.Set("Input.DecisionNumber", "1587/QĐ-UBND-" + Tag()).Set("Input.SignedOn", "2024-09-10").Set("Input.Level", nameof(EvaluationLevel.Province)).Set("Input.Transcribed", "true")
            .Set("Input.SignatoryId", (await SignatoryIdAsync("Phạm Hữu Tài")).ToString(CultureInfo.InvariantCulture))
            .Set("Input.Rows[0].ProductId", product.ToString(CultureInfo.InvariantCulture)).Set("Input.Rows[0].Stars", "4").Set("Input.Rows[0].CertificateNumber", printed);
        using var created = await admin.PostFormAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Html.IdFromLocation(created, "/Recognitions/Details/");
        var certificate = await app.QueryAsync(db => db.Certificates.AsNoTracking().Include(c => c.Recognition).SingleAsync(c => c.RecognitionId == id));
        Assert.Equal(printed, certificate.Number);
        Assert.Equal("UBND tỉnh Trà Vinh", certificate.Recognition!.Issuer);
        var decision = Docx.Read(await BytesAsync(admin, $"/Recognitions/Details/{id}?handler=Docx"));
        Assert.Contains("Số: " + certificate.Recognition.DecisionNumber, decision.Header, StringComparison.Ordinal);
        Assert.Contains("UBND TỈNH TRÀ VINH", decision.Header, StringComparison.Ordinal);
        Assert.Contains("Trà Vinh, ngày 10 tháng 9 năm 2024", decision.Header, StringComparison.Ordinal);
        Assert.Contains(printed, decision.Text, StringComparison.Ordinal);

        // The same printed number twice is refused.
        var again = await admin.GetFormAsync("/Recognitions/Create");
        again.Set("Input.DecisionNumber", "1588/QĐ-UBND-" + Tag()).Set("Input.SignedOn", "2024-09-10").Set("Input.Level", nameof(EvaluationLevel.Province)).Set("Input.Transcribed", "true")
            .Set("Input.Signer", "Phạm Hữu Tài").Set("Input.SignerTitle", "Phó Chủ tịch")
            .Set("Input.Rows[0].ProductId", product.ToString(CultureInfo.InvariantCulture)).Set("Input.Rows[0].Stars", "4").Set("Input.Rows[0].CertificateNumber", printed);
        using var duplicate = await admin.PostFormAsync(again);
        Assert.Equal("Số giấy chứng nhận này đã có.", Html.FieldErrors(await duplicate.Content.ReadAsStringAsync())["Input.Rows[0].CertificateNumber"]);
    }

    [Fact]
    public async Task Decisions_recorded_before_this_version_are_frozen_at_start_under_the_authority_of_their_date()
    {
        var demo = await app.QueryAsync(db => db.IssuedDocuments.AsNoTracking()
            .Where(d => d.Kind == IssuedDocumentKind.Decision && d.FrozenFromExisting).Select(d => d.RecognitionId!.Value).ToListAsync());
        Assert.Equal(await app.QueryAsync(db => db.Recognitions.CountAsync(r => demo.Contains(r.Id))), demo.Count);
        Assert.True(demo.Count >= 4, "the demo decisions: district, province, expired, and this year's province round 1");
        Assert.True(await app.QueryAsync(db => db.IssuedDocuments.AnyAsync(d => d.Kind == IssuedDocumentKind.Minutes && d.FrozenFromExisting)));
        var admin = await app.As(Demo.Admin);
        var expired = await app.QueryAsync(db => db.Recognitions.Where(r => r.DecisionNumber == "1895/QĐ-UBND").Select(r => r.Id).SingleAsync());
        var decision = Docx.Read(await BytesAsync(admin, $"/Recognitions/Details/{expired}?handler=Docx"));
        Assert.Contains("UBND HUYỆN CHÂU THÀNH", decision.Header, StringComparison.Ordinal);
        Assert.Contains("Châu Thành, ngày", decision.Header, StringComparison.Ordinal);
        Assert.False(UnitNames.HasDoubledKind(decision.Text));
        Assert.Contains("KT. CHỦ TỊCH", decision.Signature, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_owners_name_the_commune_committee_without_doubling_its_kind()
    {
        var page = Html.Text(await (await app.As(Demo.Admin)).GetPageAsync("/Tasks"));
        Assert.Contains("UBND xã Hòa Minh", page, StringComparison.Ordinal);
        Assert.DoesNotContain("UBND Xã", page, StringComparison.Ordinal);
    }

    // ---- helpers

    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private Task<int> SignatoryIdAsync(string name) =>
        app.QueryAsync(db => db.Signatories.Where(s => s.FullName == name).Select(s => s.Id).SingleAsync());

    /// <summary>A round closed on <paramref name="closedOn"/> by the unit of <paramref name="unitCode"/> valid then, with its results, written as closing would.</summary>
    private Task<int> ClosedRoundAsync(string unitCode, DateOnly closedOn, params (int ProductId, int ScoreHundredths, int Star)[] results) =>
        app.QueryAsync(async db =>
        {
            // The unit of that code valid on the day, or (a round of a former district closing late) the last one of that code.
            var units = await db.Units.Where(u => u.Code == unitCode && u.Level != UnitLevel.Commune).ToListAsync();
            var unit = units.FirstOrDefault(u => u.Validity.IsValidOn(closedOn)) ?? units.OrderByDescending(u => u.ValidFrom).First();
            var sheet = await db.Scoresheets.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            var round = new EvaluationRound
            {
                Name = "Đợt thử " + Tag(),
                Level = unit.Level == UnitLevel.District ? EvaluationLevel.District : EvaluationLevel.Province,
                ProcessCode = "148/2023",
                LegalBasisCode = "148/2023",
                UnitId = unit.Id,
                OpensOn = closedOn.AddDays(-30),
                ClosesOn = closedOn,
                State = RoundState.Closed,
                ClosedAt = closedOn.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc),
                ClosedBy = "admin",
            };
            foreach (var (productId, score, star) in results)
            {
                round.Products.Add(new RoundProduct
                {
                    ProductId = productId,
                    ScoresheetId = sheet,
                    ScoreHundredths = score,
                    StarByScore = star,
                    Star = star,
                    Outcome = LevelOutcomeKind.RecognisedHere,
                });
            }

            db.EvaluationRounds.Add(round);
            await db.SaveChangesAsync();
            return round.Id;
        });

    private static async Task<int> DecideAsync(HttpClient client, int round, string number, DateOnly signedOn, int signatory)
    {
        var form = await client.GetFormAsync($"/Recognitions/Create?round={round}");
        form.Set("Input.DecisionNumber", number).Set("Input.SignedOn", Iso(signedOn)).Set("Input.SignatoryId", signatory.ToString(CultureInfo.InvariantCulture));
        using var response = await client.PostFormAsync(form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            string.Join(" | ", Html.FieldErrors(await response.Content.ReadAsStringAsync()).Select(e => e.Key + ": " + e.Value)));
        return Html.IdFromLocation(response, "/Recognitions/Details/");
    }

    /// <summary>The notice sent today for a certificate the district issued in 2023 that expires within a month.</summary>
    private async Task<byte[]> NoticeTodayAsync(HttpClient client)
    {
        var product = await app.ProductIdAsync(Demo.BanhTetNhanChuoi);
        var certificate = await app.QueryAsync(async db =>
        {
            var expires = Today.AddDays(20);
            var recognition = new Recognition
            {
                DecisionNumber = "T-" + Tag() + "/QĐ-UBND",
                SignedOn = expires.AddMonths(-36),
                Signer = "Kim Văn Sơn",
                SignerTitle = "Phó Chủ tịch",
                Issuer = "UBND huyện Châu Thành",
                Level = EvaluationLevel.District,
            };
            var c = new Certificate { Number = "2099/OCOP-N-" + Tag(), ProductId = product, Stars = 3, IssuedOn = expires.AddMonths(-36), ExpiresOn = expires };
            recognition.Certificates.Add(c);
            db.Recognitions.Add(recognition);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var bytes = await BytesAsync(client, $"/Certificates/Details/{certificate}?handler=Notice");
        // Sent once: a second download is the same file.
        Assert.Equal(bytes, await BytesAsync(client, $"/Certificates/Details/{certificate}?handler=Notice"));
        return bytes;
    }

    private static async Task<byte[]> BytesAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<byte[]> DocumentXmlAsync(HttpClient client, string url)
    {
        using var zip = new ZipArchive(new MemoryStream(await BytesAsync(client, url)), ZipArchiveMode.Read);
        using var entry = zip.GetEntry("word/document.xml")!.Open();
        using var copy = new MemoryStream();
        await entry.CopyToAsync(copy);
        return copy.ToArray();
    }

    private async Task<JsonElement> CheckAsync(string number)
    {
        using var response = await app.NewClient().GetAsync("/api/v1/certificates/" + number);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    /// <summary>A Word document's text: the header table (letterhead, number, date line), the signature block, and all of it.</summary>
    private sealed record Docx(string Header, string Signature, IReadOnlyList<string> SignatureLines, string Text)
    {
        public static Docx Read(byte[] bytes)
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            var body = document.MainDocumentPart!.Document!.Body!;
            var tables = body.Elements<Table>().ToList();
            var signature = tables.Single(t => t.InnerText.Contains("(Ký, ghi rõ họ tên, đóng dấu)", StringComparison.Ordinal));
            var right = signature.Descendants<TableCell>().Last();
            var lines = right.Elements<Paragraph>()
                .SelectMany(p => string.Concat(p.Descendants().Select(e => e switch { Text t => t.Text, Break => "\n", _ => "" })).Split('\n'))
                .Where(l => l.Length > 0).ToList();
            var text = string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText));
            return new Docx(Lines(tables[0]), Lines(signature), lines, text);
        }

        private static string Lines(Table table) => string.Join("\n", table.Descendants<Paragraph>().Select(p => p.InnerText));
    }
}
