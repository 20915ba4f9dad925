using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Certificates;
using Ocop.Web.Features.Documents;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Recognitions;

/// <summary>
/// Records a recognition decision and issues its certificates in one transaction: either from a closed round (its
/// products recognised at that level, with their stars and scores) or, for a decision of a higher level, by hand.
/// The issuer is not typed: it is the authority, on the signing date, of the round's unit or of the level over the
/// products (IssuerDirectory); the signer is one of its signatories valid that day, or a name typed as printed. The
/// decision and its certificates are frozen as issued in the same transaction (RecognitionDocuments).
/// Every product is checked against the process in force on the signing date (RecognitionCompetence): the level that
/// recognises its star, the score in the star's band, a deciding unit that existed that day; a refusal says why. A
/// decision entered by hand that breaks today's rules (a district's, a ceased province's) can only be recorded as
/// transcribed from paper, with its printed number. A certificate under re-evaluation is renewed by the new one.
/// </summary>
public sealed class CreateModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock) : PageModel
{
    /// <summary>Rows offered for a decision entered by hand; a decision with more products is entered in parts.</summary>
    public const int ManualRows = 8;

    [FromQuery(Name = "round")] public int? RoundId { get; set; }
    [BindProperty] public DecisionInput Input { get; set; } = new();

    public EvaluationRound? Round { get; private set; }
    public List<Candidate> Candidates { get; private set; } = [];
    public List<SelectListItem> Products { get; private set; } = [];
    public List<SelectListItem> Levels { get; private set; } = [];
    /// <summary>Every recorded signatory, grouped by authority; the server checks the choice against the signing date.</summary>
    public List<SelectListItem> Signatories { get; private set; } = [];
    /// <summary>The authority that issues for the round's unit today, shown before the date is chosen.</summary>
    public IssuingAuthority? AuthorityToday { get; private set; }

    public sealed record Candidate(int RoundProductId, int ProductId, string ProductName, string SubjectName, string CommuneName, int CommuneId, int Stars, int? ScoreHundredths);

    public sealed class DecisionInput
    {
        [Required(ErrorMessage = "Nhập số quyết định."), StringLength(60, ErrorMessage = "Tối đa 60 ký tự.")] public string DecisionNumber { get; set; } = "";
        [Required(ErrorMessage = "Nhập ngày ký.")] public DateOnly? SignedOn { get; set; }
        /// <summary>A recorded signatory of the issuing authority; empty to type the signer as printed.</summary>
        public int? SignatoryId { get; set; }
        /// <summary>Typed signer (a decision transcribed from paper whose signer is not recorded).</summary>
        [StringLength(120, ErrorMessage = "Tối đa 120 ký tự.")] public string? Signer { get; set; }
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string? SignerTitle { get; set; }
        /// <summary>Only for a decision entered by hand; a round's decision is of the round's level.</summary>
        public EvaluationLevel? Level { get; set; }
        /// <summary>Transcribed from a paper decision already issued: recorded with its printed number, not issued anew.</summary>
        public bool Transcribed { get; set; }
        /// <summary>Round products to recognise (from a round).</summary>
        public List<int> Selected { get; set; } = [];
        /// <summary>Products with stars and score (by hand).</summary>
        public List<ManualRow> Rows { get; set; } = [];
    }

    public sealed class ManualRow
    {
        public int? ProductId { get; set; }
        [Range(3, 5, ErrorMessage = "Chỉ sản phẩm 3 đến 5 sao được công nhận.")] public int? Stars { get; set; }
        /// <summary>Text, read with either decimal mark ("72,5" or "72.5").</summary>
        [StringLength(10)] public string? Score { get; set; }
        /// <summary>The number printed on the paper certificate; empty to number it here.</summary>
        [StringLength(60, ErrorMessage = "Tối đa 60 ký tự.")] public string? CertificateNumber { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!CertificateRules.CanDecide(scope.Role))
        {
            return Forbid();
        }

        var problem = await LoadAsync(ct);
        if (problem is not null)
        {
            return problem;
        }

        var today = new CertificateRules(db, clock).Today;
        Input.SignedOn = today;
        if (Round is not null)
        {
            Input.Selected = Candidates.Select(c => c.RoundProductId).ToList();
            AuthorityToday = await new IssuerDirectory(db).AuthorityAsync(await UnitAtlas.LoadAsync(db, [Round.UnitId], ct), Round.UnitId, today, ct);
            Input.SignatoryId = AuthorityToday is null ? null : IssuerDirectory.DefaultSignatory(AuthorityToday, today)?.Id;
        }
        else
        {
            Input.Level = EvaluationLevel.Province;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!CertificateRules.CanDecide(scope.Role))
        {
            return Forbid();
        }

        var problem = await LoadAsync(ct);
        if (problem is not null)
        {
            return problem;
        }

        var rules = new CertificateRules(db, clock);
        var catalog = await rules.ProcessesAsync(ct);
        var number = (Input.DecisionNumber ?? "").Trim(); // an empty field binds as null
        if (number.Length > 0 && await db.Recognitions.AnyAsync(r => r.DecisionNumber == number, ct))
        {
            ModelState.AddModelError("Input.DecisionNumber", "Số quyết định này đã được ghi nhận.");
        }

        if (Input.SignedOn is DateOnly signed && signed > rules.Today)
        {
            ModelState.AddModelError("Input.SignedOn", "Ngày ký không được sau ngày hôm nay.");
        }

        List<(int ProductId, int? RoundProductId, int Stars, int? ScoreHundredths, int CommuneId, string? PrintedNumber)> issue = [];
        if (Round is not null)
        {
            var chosen = Candidates.Where(c => Input.Selected.Contains(c.RoundProductId)).ToList();
            if (chosen.Count == 0)
            {
                ModelState.AddModelError("", "Chọn ít nhất một sản phẩm được công nhận.");
            }

            issue = chosen.Select(c => (c.ProductId, (int?)c.RoundProductId, c.Stars, c.ScoreHundredths, c.CommuneId, (string?)null)).ToList();
        }
        else
        {
            if (Input.Level is null or EvaluationLevel.CommuneCheck)
            {
                ModelState.AddModelError("Input.Level", "Chọn cấp công nhận.");
            }

            var visible = await scope.Visible(db.Products).Where(p => p.Status != ProductStatus.Archived)
                .Select(p => new { p.Id, p.CommuneId }).ToDictionaryAsync(p => p.Id, p => p.CommuneId, ct);
            for (var i = 0; i < Input.Rows.Count; i++)
            {
                var row = Input.Rows[i];
                if (row.ProductId is null)
                {
                    continue;
                }

                if (!visible.TryGetValue(row.ProductId.Value, out var communeId))
                {
                    ModelState.AddModelError($"Input.Rows[{i}].ProductId", "Sản phẩm không hợp lệ.");
                    continue;
                }

                if (row.Stars is null)
                {
                    ModelState.AddModelError($"Input.Rows[{i}].Stars", "Chọn hạng sao.");
                    continue;
                }

                if (issue.Any(x => x.ProductId == row.ProductId))
                {
                    ModelState.AddModelError($"Input.Rows[{i}].ProductId", "Sản phẩm bị trùng.");
                    continue;
                }

                int? hundredths = null;
                if (!string.IsNullOrWhiteSpace(row.Score))
                {
                    if (!decimal.TryParse(row.Score.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var score) || score > 100)
                    {
                        ModelState.AddModelError($"Input.Rows[{i}].Score", "Điểm là số từ 0 đến 100, ví dụ 72,5.");
                        continue;
                    }

                    hundredths = (int)Math.Truncate(score * 100);
                }

                var printed = string.IsNullOrWhiteSpace(row.CertificateNumber) ? null : row.CertificateNumber.Trim();
                if (printed is not null && (issue.Any(x => x.PrintedNumber == printed) || await db.Certificates.AnyAsync(c => c.Number == printed, ct)))
                {
                    ModelState.AddModelError($"Input.Rows[{i}].CertificateNumber", "Số giấy chứng nhận này đã có.");
                    continue;
                }

                issue.Add((row.ProductId.Value, null, row.Stars.Value, hundredths, communeId, printed));
            }

            if (issue.Count == 0 && ModelState.IsValid)
            {
                ModelState.AddModelError("", "Nhập ít nhất một sản phẩm với hạng sao.");
            }
        }

        var atlas = await UnitAtlas.LoadAsync(db, issue.Select(i => (int?)i.CommuneId).Append(Round?.UnitId), ct);
        var issuer = ModelState.IsValid ? await IssuerAsync(atlas, issue.Count == 0 ? null : issue[0].CommuneId, ct) : null;
        if (!ModelState.IsValid || issuer is null)
        {
            return Page();
        }

        var signedOn = Input.SignedOn!.Value;
        // A round's decision is taken by the level of the unit that issues it: a ceased district's round by its province.
        var decidingLevel = Round is null ? Input.Level!.Value
            : issuer.UnitId is int issuing && atlas.Contains(issuing) && atlas[issuing].Level == Ocop.Core.Units.UnitLevel.Province && Round.Level == EvaluationLevel.District
                ? EvaluationLevel.Province
                : Round.Level;
        if (!await CheckCompetenceAsync(catalog, atlas, issue, decidingLevel, signedOn, rules.Today, ct))
        {
            return Page();
        }

        var process = CertificateRules.ProcessFor(catalog, Round?.ProcessCode, signedOn);
        var recognition = new Recognition
        {
            DecisionNumber = number,
            SignedOn = signedOn,
            Signer = issuer.Signer,
            SignerTitle = issuer.SignerTitle,
            Issuer = issuer.ShortName,
            Level = decidingLevel,
            RoundId = Round?.Id,
            Transcribed = Round is null && Input.Transcribed,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var numberers = new Dictionary<string, Func<string>>(StringComparer.Ordinal);
        foreach (var (productId, roundProductId, stars, score, communeId, printed) in issue)
        {
            // Numbered by the issuing unit (the commune for a national decision): "2026/OCOP-86-001".
            var unitCode = atlas[issuer.UnitId ?? communeId].Code;
            if (!numberers.TryGetValue(unitCode, out var next))
            {
                next = await rules.NumbererAsync(signedOn.Year, unitCode, ct);
                numberers[unitCode] = next;
            }

            recognition.Certificates.Add(new Certificate
            {
                Number = printed ?? next(),
                ProductId = productId,
                RoundProductId = roundProductId,
                Stars = stars,
                ScoreHundredths = score,
                IssuedOn = signedOn,
                ExpiresOn = CertificateValidity.ExpiryFor(signedOn, process.Certificates),
            });
        }

        db.Recognitions.Add(recognition);
        var productIds = issue.Select(i => i.ProductId).ToList();
        var products = await db.Products.Where(p => productIds.Contains(p.Id)).ToListAsync(ct);
        foreach (var product in products)
        {
            product.Status = ProductStatus.Ranked;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await RenewAsync(recognition, catalog, ct);
            await RecognitionDocuments.FreezeAsync(db, recognition.Id, issuer, fromExisting: false, User.Identity?.Name, ct);
        }
        catch (DbUpdateException)
        {
            // Another decision took the same certificate numbers at the same moment; the transaction rolls back on dispose.
            ModelState.AddModelError("", "Số giấy chứng nhận vừa được cấp cho một quyết định khác. Hãy gửi lại.");
            return Page();
        }

        await transaction.CommitAsync(ct);
        TempData["Message"] = string.Create(CultureInfo.InvariantCulture, $"Đã ghi nhận quyết định và cấp {recognition.Certificates.Count} giấy chứng nhận.");
        return Redirect("/Recognitions/Details/" + recognition.Id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Checks every product of the decision against the process in force on the signing date; for a decision entered by
    /// hand, also against today's rules, which it may break only when it is recorded as transcribed. Adds the refusals as
    /// form errors and returns whether the decision may be recorded.
    /// </summary>
    private async Task<bool> CheckCompetenceAsync(IReadOnlyList<EvaluationProcess> catalog, UnitAtlas atlas,
        List<(int ProductId, int? RoundProductId, int Stars, int? ScoreHundredths, int CommuneId, string? PrintedNumber)> issue,
        EvaluationLevel level, DateOnly signedOn, DateOnly today, CancellationToken ct)
    {
        var bases = (await db.LegalBases.AsNoTracking().Select(b => b.Definition).ToListAsync(ct)).Select(LawJson.Read<LegalBasis>).ToList();
        var roundProcess = Round is null ? null : EvaluationProcesses.ByCode(Round.ProcessCode, catalog);
        if (Round?.ClosedAt is DateTime closedAt && signedOn < DateOnly.FromDateTime(closedAt.AddHours(7)))
        {
            ModelState.AddModelError("Input.SignedOn", $"Quyết định công nhận ký sau khi hội đồng kết thúc đợt đánh giá (ngày {Display.Date(DateOnly.FromDateTime(closedAt.AddHours(7)))}).");
            return false;
        }

        var names = await db.Products.AsNoTracking().Where(p => issue.Select(i => i.ProductId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var breaksToday = new List<string>();
        foreach (var item in issue)
        {
            var unit = DecidingUnitOf(atlas, level, item.CommuneId, signedOn);
            var verdict = RecognitionCompetence.Check(new RecognitionRequest(level, item.Stars, signedOn, item.ScoreHundredths, unit), catalog, bases, roundProcess);
            foreach (var refusal in verdict.Refusals)
            {
                ModelState.AddModelError("", $"{names.GetValueOrDefault(item.ProductId)}: {refusal}");
            }

            if (Round is null && verdict.Allowed)
            {
                var now = RecognitionCompetence.Check(new RecognitionRequest(level, item.Stars, today, item.ScoreHundredths, unit), catalog, bases);
                breaksToday.AddRange(now.Refusals);
            }
        }

        if (ModelState.IsValid && breaksToday.Count > 0 && !Input.Transcribed)
        {
            ModelState.AddModelError("Input.Transcribed",
                "Quyết định này không còn đúng quy định hiện hành (" + string.Join(" ", breaksToday.Distinct()) + ") nên không thể ban hành lại: "
                + "chỉ ghi nhận như bản chép từ quyết định giấy đã ban hành. Đánh dấu “Chép từ quyết định giấy” và giữ đúng số quyết định in trên bản giấy.");
        }

        return ModelState.IsValid;
    }

    /// <summary>The unit that decides at a level for a commune on a date, with its life, as the competence rule checks it.</summary>
    private static DecidingUnit? DecidingUnitOf(UnitAtlas atlas, EvaluationLevel level, int communeId, DateOnly signedOn)
    {
        int? unit = level switch
        {
            EvaluationLevel.Central => null,
            // A district decides only while it exists: its own record, never its successor's.
            EvaluationLevel.District => Ancestor(atlas, communeId, Ocop.Core.Units.UnitLevel.District),
            _ => atlas.DecidingUnit(level, communeId, signedOn),
        };
        return unit is int id && atlas.Contains(id) ? new DecidingUnit(atlas[id].FullName, atlas[id].ValidFrom, atlas[id].ValidTo) : null;
    }

    private static int? Ancestor(UnitAtlas atlas, int communeId, Ocop.Core.Units.UnitLevel level)
    {
        int? current = communeId;
        while (current is int id && atlas.Contains(id) && atlas[id].Level != level)
        {
            current = atlas[id].ParentId;
        }

        return current is int found && atlas.Contains(found) ? found : null;
    }

    /// <summary>
    /// The new certificates renew the product's certificates whose re-evaluation was filed and is still undecided: those
    /// end as renewed on the signing date, superseded by the new one (the grace period closes).
    /// </summary>
    private async Task RenewAsync(Recognition recognition, IReadOnlyList<EvaluationProcess> catalog, CancellationToken ct)
    {
        var productIds = recognition.Certificates.Select(c => c.ProductId).ToList();
        var pending = await db.Certificates
            .Where(c => productIds.Contains(c.ProductId) && c.RecognitionId != recognition.Id && c.ReevaluationFiledOn != null
                && c.ReevaluationDecidedOn == null && c.RevokedOn == null)
            .ToListAsync(ct);
        foreach (var old in pending)
        {
            var renewal = recognition.Certificates.First(c => c.ProductId == old.ProductId);
            old.ReevaluationDecidedOn = recognition.SignedOn;
            old.ReevaluationOutcome = ReevaluationOutcome.Renewed;
            old.SupersededById = renewal.Id;
        }

        if (pending.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The round and its recognisable products (not yet certified under this round), or the products for a manual decision.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Levels = [new("Cấp tỉnh", nameof(EvaluationLevel.Province)), new("Cấp trung ương", nameof(EvaluationLevel.Central)), new("Cấp huyện", nameof(EvaluationLevel.District))];
        Signatories = await SignatoryChoicesAsync(ct);
        if (RoundId is int roundId)
        {
            Round = await db.EvaluationRounds.AsNoTracking().Include(r => r.Unit).SingleOrDefaultAsync(r => r.Id == roundId, ct);
            if (Round is null)
            {
                return NotFound();
            }

            if (Round.State != RoundState.Closed)
            {
                TempData["Message"] = "Đợt đánh giá chưa kết thúc: chỉ ra quyết định công nhận khi đợt đã kết thúc.";
                return Redirect("/Recognitions");
            }

            Candidates = await db.RoundProducts.AsNoTracking()
                .Where(p => p.RoundId == roundId && p.Outcome == LevelOutcomeKind.RecognisedHere && p.Star != null)
                .Where(p => !db.Certificates.Any(c => c.RoundProductId == p.Id))
                .OrderBy(p => p.Product!.Name)
                .Select(p => new Candidate(p.Id, p.ProductId, p.Product!.Name, p.Product.Subject!.Name, p.Product.Commune!.Name, p.Product.CommuneId, p.Star!.Value, p.ScoreHundredths))
                .ToListAsync(ct);
            return null;
        }

        var products = await scope.Visible(db.Products).AsNoTracking().Where(p => p.Status != ProductStatus.Archived)
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, Subject = p.Subject!.Name }).ToListAsync(ct);
        Products = products.Select(p => new SelectListItem($"{p.Name} — {p.Subject}", p.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        while (Input.Rows.Count < ManualRows)
        {
            Input.Rows.Add(new ManualRow());
        }

        return null;
    }

    /// <summary>
    /// The issuer on the signing date: the authority of the round's unit, or of the decision's level over the first
    /// product's commune, and the chosen signatory (valid that day, of that authority) or the typed signer. Adds form
    /// errors and returns null when there is none.
    /// </summary>
    private async Task<IssuerAsIssued?> IssuerAsync(UnitAtlas atlas, int? firstCommuneId, CancellationToken ct)
    {
        var signedOn = Input.SignedOn!.Value;
        var level = Round?.Level ?? Input.Level!.Value;
        int? unit;
        if (Round is not null)
        {
            unit = Round.UnitId;
        }
        else
        {
            if (level == EvaluationLevel.District && firstCommuneId is int commune && DistrictGoneMessage(atlas, commune, signedOn) is { } gone)
            {
                ModelState.AddModelError("Input.Level", gone);
                return null;
            }

            unit = firstCommuneId is int c ? atlas.DecidingUnit(level, c, signedOn) : null;
        }

        var authority = unit is null && level != EvaluationLevel.Central ? null : await new IssuerDirectory(db).AuthorityAsync(atlas, unit, signedOn, ct);
        if (authority is null)
        {
            ModelState.AddModelError("Input.SignedOn", IssuerDirectory.NoAuthorityMessage(atlas, unit, signedOn));
            return null;
        }

        if (Input.SignatoryId is int signatoryId)
        {
            var chosen = await db.Signatories.AsNoTracking().Include(s => s.Authority).SingleOrDefaultAsync(s => s.Id == signatoryId, ct);
            string? refusal = chosen is null ? "Người ký không hợp lệ."
                : chosen.AuthorityId != authority.Id
                    ? $"{chosen.FullName} ký cho {chosen.Authority!.ShortName}; quyết định ngày {Display.Date(signedOn)} do {authority.ShortName} ban hành. Chọn người ký của {authority.ShortName} hoặc nhập người ký khác."
                : !chosen.IsValidOn(signedOn)
                    ? $"{chosen.FullName} không còn (hoặc chưa) ký cho {authority.ShortName} vào ngày {Display.Date(signedOn)}."
                : null;
            if (refusal is not null)
            {
                ModelState.AddModelError("Input.SignatoryId", refusal);
                return null;
            }

            return IssuerAsIssued.From(authority, chosen!.FullName, chosen.Title, chosen.IsDeputy);
        }

        if (string.IsNullOrWhiteSpace(Input.Signer))
        {
            ModelState.AddModelError("Input.Signer", "Chọn người ký hoặc nhập họ tên người ký.");
        }

        if (string.IsNullOrWhiteSpace(Input.SignerTitle))
        {
            ModelState.AddModelError("Input.SignerTitle", "Nhập chức vụ người ký.");
        }

        return ModelState.IsValid
            ? IssuerAsIssued.From(authority, Input.Signer!, Input.SignerTitle!, Ocop.Core.Documents.SignatureBlock.IsDeputyTitle(Input.SignerTitle!))
            : null;
    }

    /// <summary>Why a district's decision cannot bear the date: the product's district had ceased by then.</summary>
    private static string? DistrictGoneMessage(UnitAtlas atlas, int communeId, DateOnly signedOn)
    {
        var current = (int?)communeId;
        while (current is int id && atlas[id].Level != Ocop.Core.Units.UnitLevel.District)
        {
            current = atlas[id].ParentId;
        }

        if (current is int district && atlas[district].ValidTo is DateOnly last && last < signedOn)
        {
            return $"{atlas[district].FullName} chấm dứt hoạt động sau ngày {Display.Date(last)}: quyết định ngày {Display.Date(signedOn)} không thể của cấp huyện. Chọn cấp tỉnh.";
        }

        return current is null ? $"Sản phẩm không thuộc huyện nào vào ngày {Display.Date(signedOn)}: chọn cấp tỉnh." : null;
    }

    private async Task<List<SelectListItem>> SignatoryChoicesAsync(CancellationToken ct)
    {
        var signatories = await db.Signatories.AsNoTracking()
            .OrderBy(s => s.Authority!.ShortName).ThenByDescending(s => s.ValidFrom).ThenBy(s => s.IsDeputy).ThenBy(s => s.FullName)
            .Select(s => new { s.Id, s.FullName, s.Title, s.ValidFrom, s.ValidTo, Authority = s.Authority!.ShortName, AuthorityFrom = s.Authority.ValidFrom, AuthorityTo = s.Authority.ValidTo })
            .ToListAsync(ct);
        var groups = new Dictionary<string, SelectListGroup>(StringComparer.Ordinal);
        return signatories.Select(s =>
        {
            var label = s.Authority + (s.AuthorityTo is null ? "" : $" (đến {Display.Date(s.AuthorityTo)})");
            if (!groups.TryGetValue(label, out var group))
            {
                group = new SelectListGroup { Name = label };
                groups[label] = group;
            }

            var period = s.ValidTo is null ? $"từ {Display.Date(s.ValidFrom)}" : $"{Display.Date(s.ValidFrom)} – {Display.Date(s.ValidTo)}";
            return new SelectListItem($"{s.FullName} — {s.Title} ({period})", s.Id.ToString(CultureInfo.InvariantCulture),
                Input.SignatoryId == s.Id)
            { Group = group };
        }).ToList();
    }
}
