using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Registry;

namespace Ocop.Web.Data;

/// <summary>
/// Evaluation demo data, dated relative to today so every screen has something true to show whenever the demo
/// runs: a closed district round with its results, a district decision whose certificates expire within a month
/// (one of them revoked), a province decision whose re-evaluation window is open (one of its certificates with the
/// producer's re-evaluation filed), an expired older certificate; this year's first province round under 26/2026,
/// closed, with the decision of UBND tỉnh Vĩnh Long and its certificates (a coconut candy of the former Bến Tre scored
/// on the corrected I.3.c sheet, a product proposed for 5★), checks after recognition with a follow-up; and the open
/// round of the process in force with partly scored sheets. Scores are generated from each product's "quality" through
/// the real scoresheets and the core's rules, never typed in.
/// </summary>
public static class DemoEvaluationData
{
    // Product name → how good it is (share of each criterion's maximum a typical member gives) and the star
    // whose minimum criteria it meets.
    private static readonly (string Product, double Quality, int Meets)[] ClosedRoundProducts =
    [
        ("Gạo hữu cơ Long Hòa – Hòa Minh", 0.8, 4),
        ("Gạo hạt ngọc Quê Hương", 0.94, 5),
        ("Điểm du lịch cộng đồng Cồn Chim", 0.76, 4),
        ("Bánh tét lá cẩm Đa Lộc", 0.6, 3),
        ("Dầu dừa ép lạnh Dừa Xanh", 0.62, 3),
        ("Dưa lưới Lương Hòa A", 0.58, 3),
    ];

    private const string ExpiredProduct = "Bưởi da xanh Song Lộc";

    /// <summary>This year's first province round under 26/2026: product → quality, star of the minimums it meets.</summary>
    private static readonly (string Product, double Quality, int Meets)[] FirstRoundProducts =
    [
        ("Kẹo dừa Mỏ Cày", 0.74, 4),          // I.3.c, former Bến Tre: scored on the corrected sheet
        ("Kẹo dừa Thanh Mỹ", 0.95, 5),        // ≥ 90: proposed for 5★ to the ministry
        ("Mật ong hoa dừa Song Lộc", 0.62, 3), // I.2.b, the other corrected group
        ("Mứt dừa non Thanh Mỹ", 0.42, 2),     // below 50: not recognised
    ];

    public static async Task SeedAsync(OcopDbContext db, DateOnly today, CancellationToken ct = default)
    {
        if (await db.EvaluationRounds.AnyAsync(ct))
        {
            return;
        }

        var products = await db.Products.Include(p => p.Category).Include(p => p.Subject).ToListAsync(ct);
        var sheets = await db.Scoresheets.Where(s => s.Status == ScoresheetStatus.Published).ToListAsync(ct);
        var bases = (await db.LegalBases.ToListAsync(ct)).ToDictionary(b => b.Code, b => b.ToModel());
        var processes = (await db.EvaluationProcesses.ToListAsync(ct)).Select(p => p.ToModel()).ToList();
        var district = await db.Units.SingleAsync(u => u.Code == "847" && u.ValidTo != null, ct);
        var oldProvince = await db.Units.SingleAsync(u => u.Code == "84" && u.ValidTo != null, ct);
        var newProvince = await db.Units.Where(u => u.Code == "86").OrderByDescending(u => u.ValidFrom).FirstAsync(ct);
        string[] councilUsers = ["vanphong", "hoidong", "hoidong.tnmt", "hoidong.yte"];
        var users = await db.Users.Where(u => councilUsers.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // 1. The closed district round, ended about three years ago.
        var signedOn = today.AddMonths(-36).AddDays(20);
        var closedOn = signedOn.AddDays(-15);
        var closedProcess = EvaluationProcesses.InForceOn(closedOn.AddDays(-30), processes) ?? processes[0];
        var closedLevel = closedProcess.Role(EvaluationLevel.District) is null ? EvaluationLevel.Province : EvaluationLevel.District;
        var closedRound = new EvaluationRound
        {
            Name = $"Đánh giá, phân hạng sản phẩm OCOP cấp huyện năm {closedOn.Year.ToString(CultureInfo.InvariantCulture)}",
            Level = closedLevel,
            ProcessCode = closedProcess.Code,
            LegalBasisCode = closedProcess.LegalBasisCode,
            UnitId = closedLevel == EvaluationLevel.District ? district.Id : oldProvince.Id,
            OpensOn = closedOn.AddDays(-30),
            ClosesOn = closedOn,
            State = RoundState.Closed,
            ClosedAt = closedOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
            ClosedBy = "Kim Văn Sơn",
        };
        // Members who score online have an account; the chair of that year presided without scoring.
        closedRound.Members.AddRange(
        [
            new CouncilMember { FullName = "Kim Văn Sơn", Organisation = "UBND huyện Châu Thành (Phó Chủ tịch)", Position = CouncilPosition.Chair },
            new CouncilMember { FullName = "Trần Thị Mai", Organisation = "Phòng Nông nghiệp và PTNT", Position = CouncilPosition.Secretary, UserId = users["vanphong"].Id },
            new CouncilMember { FullName = "Phạm Minh Tâm", Organisation = "Phòng Kinh tế và Hạ tầng", Position = CouncilPosition.Member, UserId = users["hoidong"].Id },
            new CouncilMember { FullName = "Thạch Sô Phal", Organisation = "Phòng Tài nguyên và Môi trường", Position = CouncilPosition.Member, UserId = users["hoidong.tnmt"].Id },
            new CouncilMember { FullName = "Lê Thị Hồng Nhung", Organisation = "Phòng Y tế", Position = CouncilPosition.Member, UserId = users["hoidong.yte"].Id },
        ]);
        db.EvaluationRounds.Add(closedRound);
        await db.SaveChangesAsync(ct);

        var closedBasis = bases[closedRound.LegalBasisCode];
        var results = new List<(Product Product, RoundProduct Entry, ProductResult Result, LevelOutcome Outcome)>();
        foreach (var (name, quality, meets) in ClosedRoundProducts)
        {
            var product = products.Single(p => p.Name == name);
            var sheetRecord = SheetFor(sheets, closedRound.LegalBasisCode, product);
            if (sheetRecord is null)
            {
                continue;
            }

            var sheet = sheetRecord.ToModel();
            var dossier = Dossier(product, closedOn.Year, DossierState.Evaluated, closedOn);
            db.Dossiers.Add(dossier);
            var entry = new RoundProduct { RoundId = closedRound.Id, ProductId = product.Id, ScoresheetId = sheetRecord.Id, Dossier = dossier };
            var memberSheets = new List<MemberSheet>();
            foreach (var (member, index) in closedRound.Members.Where(m => m.UserId is not null).Select((m, i) => (m, i)))
            {
                var answers = Answers(sheet, quality, index, meets);
                var score = SheetScoring.Score(sheet, answers);
                entry.Sheets.Add(new MemberScoresheet
                {
                    CouncilMemberId = member.Id,
                    State = MemberSheetState.Submitted,
                    Answers = JsonSerializer.Serialize(answers),
                    TotalTenths = score.Total.Tenths,
                    SubmittedAt = closedOn.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc),
                });
                memberSheets.Add(new MemberSheet(member.Id, member.FullName, MemberSheetState.Submitted, answers));
            }

            var result = RoundResults.ForProduct(sheet, closedBasis, memberSheets);
            var outcome = closedProcess.OutcomeAt(closedRound.Level, result.Total!.Value, result.Star ?? 1);
            entry.ScoreHundredths = result.Total.Value.ToHundredths();
            entry.PartAHundredths = result.Parts.FirstOrDefault(p => p.Code == "A")?.Score.ToHundredths();
            entry.PartBHundredths = result.Parts.FirstOrDefault(p => p.Code == "B")?.Score.ToHundredths();
            entry.PartCHundredths = result.Parts.FirstOrDefault(p => p.Code == "C")?.Score.ToHundredths();
            entry.StarByScore = result.StarByScore;
            entry.Star = result.Star;
            entry.CapExplanation = result.CapExplanation;
            entry.Outcome = outcome.Kind;
            entry.PotentialFiveStar = outcome.PotentialFiveStar;
            entry.Flags = JsonSerializer.Serialize(Consistency.Flags(sheet, memberSheets), AuditJson.Options); // as closing a round stores them
            db.RoundProducts.Add(entry);
            results.Add((product, entry, result, outcome));
        }

        await db.SaveChangesAsync(ct);

        // 2. The district decision for what the district recognises; certificates expire within a month.
        var districtDecision = new Recognition
        {
            DecisionNumber = "2150/QĐ-UBND",
            SignedOn = signedOn,
            Signer = "Kim Văn Sơn",
            SignerTitle = "Phó Chủ tịch",
            Issuer = closedLevel == EvaluationLevel.District ? "UBND huyện Châu Thành" : "UBND tỉnh Trà Vinh",
            Level = closedRound.Level,
            RoundId = closedRound.Id,
        };
        var sequence = 0;
        foreach (var r in results.Where(r => r.Outcome.Kind == LevelOutcomeKind.RecognisedHere))
        {
            districtDecision.Certificates.Add(Certificate(r.Product, r.Entry, r.Entry.Star!.Value, signedOn, closedProcess, ref sequence, "847"));
        }

        // 3. What went on to the province: recognised there later; its re-evaluation window is open now.
        var provinceSignedOn = today.AddMonths(-36).AddDays(150);
        var provinceProcess = EvaluationProcesses.InForceOn(provinceSignedOn, processes) ?? closedProcess;
        var provinceDecision = new Recognition
        {
            DecisionNumber = "786/QĐ-UBND",
            SignedOn = provinceSignedOn,
            Signer = "Nguyễn Quỳnh Thiện",
            SignerTitle = "Phó Chủ tịch",
            Issuer = "UBND tỉnh Trà Vinh",
            Level = EvaluationLevel.Province,
        };
        // A potential 5★ product stays proposed to the central council, without a province certificate.
        foreach (var r in results.Where(r => r.Outcome.Kind == LevelOutcomeKind.ProposedOnward && r.Entry.Star == 4))
        {
            provinceDecision.Certificates.Add(Certificate(r.Product, r.Entry, 4, provinceSignedOn, provinceProcess, ref sequence, "84"));
        }

        // 4. An older recognition that has lapsed.
        var expiredSignedOn = today.AddMonths(-38);
        var expiredProcess = EvaluationProcesses.InForceOn(expiredSignedOn, processes) ?? closedProcess;
        var expiredDecision = new Recognition
        {
            DecisionNumber = "1895/QĐ-UBND",
            SignedOn = expiredSignedOn,
            Signer = "Kim Văn Sơn",
            SignerTitle = "Phó Chủ tịch",
            Issuer = "UBND huyện Châu Thành",
            Level = EvaluationLevel.District,
        };
        var expiredProduct = products.Single(p => p.Name == ExpiredProduct);
        expiredDecision.Certificates.Add(Certificate(expiredProduct, null, 3, expiredSignedOn, expiredProcess, ref sequence, "847", 5830));

        db.Recognitions.AddRange(districtDecision, provinceDecision, expiredDecision);
        await db.SaveChangesAsync(ct);

        // One district certificate revoked: the producer stopped production.
        var revoked = districtDecision.Certificates.LastOrDefault();
        if (revoked is not null && districtDecision.Certificates.Count > 1)
        {
            revoked.RevokedOn = today.AddMonths(-2);
            revoked.RevocationGround = RevocationGround.ProductionStopped;
            revoked.RevocationDecision = "318/QĐ-UBND";
        }

        // 5. This year's first province round under 26/2026, closed, decided by the new province.
        var firstRoundProducts = await FirstRoundAsync(db, today, products, sheets, bases, processes, newProvince, users, ct);

        // 6. The producer filed the re-evaluation of the rice's province certificate (its window is open).
        var rice = provinceDecision.Certificates.FirstOrDefault(c => c.ProductId == products.Single(p => p.Name == "Gạo hữu cơ Long Hòa – Hòa Minh").Id);
        if (rice is not null && CertificateValidity.Filing(rice.ToFacts(), today, processes).Allowed)
        {
            var filed = new Dossier
            {
                ProductId = rice.ProductId,
                Year = today.Year,
                Variant = DossierVariant.Reevaluation,
                State = DossierState.Submitted,
                CertificateId = rice.Id,
                SubmittedAt = today.AddDays(-3).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
                Notes = "Hồ sơ đánh giá lại minh họa (dữ liệu demo) do chủ thể nộp.",
            };
            db.Dossiers.Add(filed);
            rice.ReevaluationFiledOn = today.AddDays(-3);
        }

        // 7. The open round under the process in force today, partly scored.
        var openProcess = EvaluationProcesses.InForceOn(today, processes) ?? processes[^1];
        var openRound = new EvaluationRound
        {
            Name = $"Đánh giá, phân hạng sản phẩm OCOP cấp tỉnh đợt 2 năm {today.Year.ToString(CultureInfo.InvariantCulture)}",
            Level = EvaluationLevel.Province,
            ProcessCode = openProcess.Code,
            LegalBasisCode = openProcess.LegalBasisCode,
            UnitId = newProvince.Id,
            OpensOn = today.AddDays(-10),
            ClosesOn = today.AddDays(20),
            State = RoundState.Open,
        };
        openRound.Members.AddRange(
        [
            new CouncilMember { FullName = "Trần Thị Mai", Organisation = "Sở Nông nghiệp và Môi trường", Position = CouncilPosition.Chair, UserId = users["vanphong"].Id },
            new CouncilMember { FullName = "Phạm Minh Tâm", Organisation = "Sở Công Thương", Position = CouncilPosition.Member, UserId = users["hoidong"].Id },
            new CouncilMember { FullName = "Thạch Sô Phal", Organisation = "Sở Nông nghiệp và Môi trường", Position = CouncilPosition.Member, UserId = users["hoidong.tnmt"].Id },
            new CouncilMember { FullName = "Lê Thị Hồng Nhung", Organisation = "Sở Y tế", Position = CouncilPosition.Member, UserId = users["hoidong.yte"].Id },
            new CouncilMember { FullName = "Đặng Thị Thu", Organisation = "Sở Nông nghiệp và Môi trường", Position = CouncilPosition.Secretary },
        ]);
        db.EvaluationRounds.Add(openRound);
        await db.SaveChangesAsync(ct);

        var candidates = products
            .Where(p => p.Status == ProductStatus.Registered && !firstRoundProducts.Contains(p.Id) && SheetFor(sheets, openRound.LegalBasisCode, p) is not null)
            .OrderBy(p => p.Id).Take(4).ToList();
        var adviser = openRound.Members.Single(m => m.UserId == users["hoidong.tnmt"].Id);
        if (candidates.Count > 0)
        {
            // One member advised the last product's subject: recused from it.
            db.ConflictDeclarations.Add(new ConflictDeclaration
            {
                CouncilMemberId = adviser.Id,
                SubjectId = candidates[^1].SubjectId,
                Relation = "Tư vấn kỹ thuật cho chủ thể trong 12 tháng qua",
                DeclaredAt = today.AddDays(-9).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            });
        }

        var scorers = openRound.Members.Where(m => m.UserId is not null).ToList();
        foreach (var (product, index) in candidates.Select((p, i) => (p, i)))
        {
            var sheetRecord = SheetFor(sheets, openRound.LegalBasisCode, product)!;
            var sheet = sheetRecord.ToModel();
            var dossier = Dossier(product, today.Year, DossierState.Accepted, today.AddDays(-12));
            db.Dossiers.Add(dossier);
            var entry = new RoundProduct { RoundId = openRound.Id, ProductId = product.Id, ScoresheetId = sheetRecord.Id, Dossier = dossier };
            foreach (var (member, m) in scorers.Select((x, i) => (x, i)))
            {
                var recused = member == adviser && index == candidates.Count - 1;
                // The chair scored the first product; Phạm Minh Tâm submitted one and drafted another;
                // the other two submitted every product they may score.
                var state = recused ? MemberSheetState.Recused
                    : member.Position == CouncilPosition.Chair ? (index == 0 ? MemberSheetState.Submitted : MemberSheetState.NotStarted)
                    : member.UserId == users["hoidong"].Id ? index switch { 0 => MemberSheetState.Submitted, 1 => MemberSheetState.Draft, _ => MemberSheetState.NotStarted }
                    : MemberSheetState.Submitted;
                if (state is MemberSheetState.NotStarted or MemberSheetState.Recused)
                {
                    entry.Sheets.Add(new MemberScoresheet { CouncilMemberId = member.Id, State = state });
                    continue;
                }

                var answers = Answers(sheet, 0.55 + (0.1 * index), m, 3 + (index % 2));
                if (state == MemberSheetState.Draft)
                {
                    answers = answers.Take(answers.Count / 2).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
                }

                entry.Sheets.Add(new MemberScoresheet
                {
                    CouncilMemberId = member.Id,
                    State = state,
                    Answers = JsonSerializer.Serialize(answers),
                    TotalTenths = SheetScoring.Score(sheet, answers).Total.Tenths,
                    SubmittedAt = state == MemberSheetState.Submitted ? today.AddDays(-2).ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc) : null,
                });
            }

            db.RoundProducts.Add(entry);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// The latest first-of-the-year province round of 26/2026 whose deadline has passed (round 1 of 2026 by 30/06/2026):
    /// held, scored and closed in time, then decided by the province with certificates for what it recognises. A product
    /// at 90 or more is proposed for 5★ (no certificate here); one below 50 is not recognised. Products recognised are
    /// checked after recognition (one check with a follow-up still open). Returns the products it used.
    /// </summary>
    private static async Task<HashSet<int>> FirstRoundAsync(OcopDbContext db, DateOnly today, List<Product> products, List<ScoresheetRecord> sheets,
        Dictionary<string, LegalBasis> bases, List<EvaluationProcess> processes, AdministrativeUnit province, Dictionary<string, AppUser> users, CancellationToken ct)
    {
        var process = processes.FirstOrDefault(p => p.Code == EvaluationProcesses.Decision26.Code);
        var window = process is null ? null
            : Enumerable.Range(process.EffectiveFrom.Year, Math.Max(0, today.Year - process.EffectiveFrom.Year + 1))
                .SelectMany(y => process.RoundsIn(EvaluationLevel.Province, y))
                .Where(w => w.Round == 1 && w.EndsBy < today.AddDays(-20) && w.EndsBy.AddDays(-35) >= process.EffectiveFrom)
                .MaxBy(w => w.EndsBy);
        if (process is null || window is null)
        {
            return [];
        }

        var opensOn = window.EndsBy.AddDays(-35);
        var closesOn = window.EndsBy.AddDays(-4);
        var round = new EvaluationRound
        {
            Name = $"Đánh giá, phân hạng sản phẩm OCOP cấp tỉnh đợt 1 năm {window.Year.ToString(CultureInfo.InvariantCulture)}",
            Level = EvaluationLevel.Province,
            ProcessCode = process.Code,
            LegalBasisCode = process.LegalBasisCode,
            UnitId = province.Id,
            OpensOn = opensOn,
            ClosesOn = closesOn,
            State = RoundState.Closed,
            ClosedAt = closesOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
            ClosedBy = "vanphong",
        };
        round.Members.AddRange(
        [
            new CouncilMember { FullName = "Trần Thị Mai", Organisation = "Sở Nông nghiệp và Môi trường", Position = CouncilPosition.Chair, UserId = users["vanphong"].Id },
            new CouncilMember { FullName = "Phạm Minh Tâm", Organisation = "Sở Công Thương", Position = CouncilPosition.Member, UserId = users["hoidong"].Id },
            new CouncilMember { FullName = "Thạch Sô Phal", Organisation = "Sở Nông nghiệp và Môi trường", Position = CouncilPosition.Member, UserId = users["hoidong.tnmt"].Id },
            new CouncilMember { FullName = "Lê Thị Hồng Nhung", Organisation = "Sở Y tế", Position = CouncilPosition.Secretary, UserId = users["hoidong.yte"].Id },
        ]);
        db.EvaluationRounds.Add(round);
        await db.SaveChangesAsync(ct);

        var basis = bases[process.LegalBasisCode];
        var used = new HashSet<int>();
        var recognised = new List<(Product Product, RoundProduct Entry)>();
        foreach (var (name, quality, meets) in FirstRoundProducts)
        {
            var product = products.SingleOrDefault(p => p.Name == name);
            if (product is null || SheetFor(sheets, process.LegalBasisCode, product) is not { } record)
            {
                continue;
            }

            used.Add(product.Id);
            var sheet = record.ToModel();
            // Proposed by the commune before 30/4, checked and accepted in May.
            var dossier = Dossier(product, window.Year, DossierState.Evaluated, window.ProposalsBefore.AddDays(-20));
            dossier.AcceptedAt = window.ProposalsBefore.AddDays(-5).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
            db.Dossiers.Add(dossier);
            var entry = new RoundProduct { RoundId = round.Id, ProductId = product.Id, ScoresheetId = record.Id, Dossier = dossier };
            var memberSheets = new List<MemberSheet>();
            foreach (var (member, index) in round.Members.Select((m, i) => (m, i)))
            {
                var answers = Answers(sheet, quality, index, meets);
                entry.Sheets.Add(new MemberScoresheet
                {
                    CouncilMemberId = member.Id,
                    State = MemberSheetState.Submitted,
                    Answers = JsonSerializer.Serialize(answers),
                    TotalTenths = SheetScoring.Score(sheet, answers).Total.Tenths,
                    SubmittedAt = closesOn.AddDays(-1).ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc),
                });
                memberSheets.Add(new MemberSheet(member.Id, member.FullName, MemberSheetState.Submitted, answers));
            }

            var result = RoundResults.ForProduct(sheet, basis, memberSheets);
            var outcome = process.OutcomeAt(round.Level, result.Total!.Value, result.Star ?? 1);
            entry.ScoreHundredths = result.Total.Value.ToHundredths();
            entry.PartAHundredths = result.Parts.FirstOrDefault(p => p.Code == "A")?.Score.ToHundredths();
            entry.PartBHundredths = result.Parts.FirstOrDefault(p => p.Code == "B")?.Score.ToHundredths();
            entry.PartCHundredths = result.Parts.FirstOrDefault(p => p.Code == "C")?.Score.ToHundredths();
            entry.StarByScore = result.StarByScore;
            entry.Star = result.Star;
            entry.CapExplanation = result.CapExplanation;
            entry.Outcome = outcome.Kind;
            entry.PotentialFiveStar = outcome.PotentialFiveStar;
            entry.Flags = JsonSerializer.Serialize(Consistency.Flags(sheet, memberSheets), AuditJson.Options);
            db.RoundProducts.Add(entry);
            if (outcome.Kind == LevelOutcomeKind.RecognisedHere)
            {
                recognised.Add((product, entry));
            }
        }

        await db.SaveChangesAsync(ct);
        if (recognised.Count == 0)
        {
            return used;
        }

        var signedOn = closesOn.AddDays(8);
        var decision = new Recognition
        {
            DecisionNumber = $"1520/QĐ-UBND-{window.Year.ToString(CultureInfo.InvariantCulture)}",
            SignedOn = signedOn,
            Signer = "Lê Thị Ngọc Hân",
            SignerTitle = "Phó Chủ tịch",
            Issuer = "UBND tỉnh Vĩnh Long",
            Level = EvaluationLevel.Province,
            RoundId = round.Id,
        };
        var sequence = 0;
        foreach (var (product, entry) in recognised)
        {
            decision.Certificates.Add(Certificate(product, entry, entry.Star!.Value, signedOn, process, ref sequence, "86"));
            product.Status = ProductStatus.Ranked;
        }

        db.Recognitions.Add(decision);
        await db.SaveChangesAsync(ct);

        // Checks after recognition: the first certificate passed, papers running out soon; another one failed its labels.
        var first = decision.Certificates[0];
        db.ProductChecks().Add(new ProductCheck
        {
            CertificateId = first.Id,
            Kind = CheckKind.Periodic,
            CheckedOn = signedOn.AddDays(60),
            CheckedBy = "Đoàn kiểm tra liên ngành tỉnh (dữ liệu demo)",
            Quality = AspectResult.Met,
            FoodSafetyPapers = AspectResult.Met,
            FoodSafetyPapersExpireOn = today.AddDays(45),
            Labels = AspectResult.Met,
            Environment = AspectResult.Met,
            Findings = "Sản phẩm giữ chất lượng như hồ sơ công nhận; nhãn đúng quy định.",
            Passed = true,
            CreatedAt = signedOn.AddDays(60).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        });
        if (decision.Certificates.Count > 1)
        {
            var second = decision.Certificates[1];
            var check = new ProductCheck
            {
                CertificateId = second.Id,
                Kind = CheckKind.AdHoc,
                CheckedOn = today.AddDays(-40),
                CheckedBy = "Sở Y tế (dữ liệu demo)",
                Quality = AspectResult.Met,
                FoodSafetyPapers = AspectResult.Met,
                Labels = AspectResult.NotMet,
                Environment = AspectResult.NotChecked,
                Findings = "Nhãn thiếu thông tin hạn sử dụng và in biểu trưng OCOP sai mẫu.",
                FollowUp = "In lại nhãn đúng quy định, gửi mẫu nhãn cho Sở Y tế.",
                FollowUpDueOn = today.AddDays(-10),
                CreatedAt = today.AddDays(-40).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            };
            var verdict = PostRecognitionChecks.Judge(check.Aspects, check.CheckedOn, check.FoodSafetyPapersExpireOn);
            check.Passed = verdict.Passed;
            check.Ground = verdict.Ground;
            db.ProductChecks().Add(check);
        }

        await db.SaveChangesAsync(ct);
        return used;
    }

    private static ScoresheetRecord? SheetFor(List<ScoresheetRecord> sheets, string basis, Product product) =>
        product.Category?.ProductSet is not { } set ? null
            : sheets.Where(s => s.LegalBasisCode == basis && s.ProductSetNumber == set).MaxBy(s => s.SheetVersion);

    private static Dossier Dossier(Product product, int year, DossierState state, DateOnly submittedOn) => new()
    {
        ProductId = product.Id,
        Year = year,
        Variant = DossierVariant.FirstEvaluation,
        State = state,
        SubmittedAt = submittedOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
        Notes = "Hồ sơ minh họa (dữ liệu demo): bản giấy lưu tại Phòng Nông nghiệp.",
    };

    private static Certificate Certificate(Product product, RoundProduct? entry, int stars, DateOnly issuedOn, EvaluationProcess process,
        ref int sequence, string unitCode, int? scoreHundredths = null)
    {
        sequence++;
        return new Certificate
        {
            Number = $"{issuedOn.Year.ToString(CultureInfo.InvariantCulture)}/OCOP-{unitCode}-{sequence.ToString("000", CultureInfo.InvariantCulture)}",
            ProductId = product.Id,
            RoundProductId = entry?.Id,
            Stars = stars,
            ScoreHundredths = entry?.ScoreHundredths ?? scoreHundredths,
            IssuedOn = issuedOn,
            ExpiresOn = CertificateValidity.ExpiryFor(issuedOn, process.Certificates),
        };
    }

    /// <summary>
    /// A believable sheet: on each scored criterion the option nearest to quality × maximum, nudged up or down
    /// by the member (members never agree exactly), and never below the minimum of the star the product meets.
    /// In "choose one case" groups the first case is scored.
    /// </summary>
    private static Dictionary<string, int> Answers(Scoresheet sheet, double quality, int member, int meetsStar)
    {
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        var nudge = (member % 3) - 1;
        var i = 0;
        foreach (var scored in sheet.ScoredCriteria)
        {
            if (scored.Group.ChooseOne && !ReferenceEquals(scored.Criterion, scored.Group.Criteria[0]))
            {
                continue;
            }

            var options = scored.Leaf.Options.Where(o => o.Points is not null).OrderBy(o => o.Points!.Value).ToList();
            if (options.Count == 0)
            {
                continue;
            }

            var target = quality * (double)scored.Leaf.Max.Value;
            var best = options.Select((o, k) => (k, distance: Math.Abs((double)o.Points!.Value.Value - target))).MinBy(x => x.distance).k;
            var floor = options.FindLastIndex(o => o.MinimumForStar is { } star && star <= meetsStar);
            if (scored.Leaf.RequiredFromStar is { } required && required <= meetsStar)
            {
                floor = Math.Max(floor, options.FindIndex(o => o.Points!.Value > Points.Zero));
            }

            var shifted = Math.Clamp(best + ((i++ % 4 == 0) ? nudge : 0), Math.Max(floor, 0), options.Count - 1);
            answers[scored.Leaf.Code] = options[shifted].Number;
        }

        return answers;
    }
}
