using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Registry;
using Ocop.Core.Text;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Certificates;
using Ocop.Web.Features.Documents;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Recognitions;

/// <summary>
/// Records a recognition decision and issues its certificates in one transaction: the one write path of the decision
/// form and of the import of past decisions. Either from a closed round (its products recognised at that level, with
/// their stars and scores) or, for a decision of a higher level or one transcribed from paper, by hand.
/// The issuer is not typed: it is the authority, on the signing date, of the round's unit or of the level over the
/// products (IssuerDirectory); the signer is one of its signatories valid that day, or a name typed as printed. The
/// decision and its certificates are frozen as issued in the same transaction (RecognitionDocuments).
/// Every product is checked against the process in force on the signing date (RecognitionCompetence): the level that
/// recognises its star, the score in the star's band, a deciding unit that existed that day; a refusal says why. A
/// decision entered by hand that breaks today's rules (a district's, a ceased province's) can only be recorded as
/// transcribed from paper, with its printed number. A certificate under re-evaluation is renewed by the new one.
/// Nothing is written unless every check passes.
/// </summary>
public sealed class IssueRecognition(OcopDbContext db, TimeProvider clock, CurrentActor actor)
{
    public const string NumberTakenMessage = "Số quyết định này đã được ghi nhận.";
    public const string CertificateTakenMessage = "Số giấy chứng nhận này đã có.";

    /// <summary>A decision as the form, or a row of a past decision's list, gives it.</summary>
    public sealed class Command
    {
        /// <summary>The closed round whose products it recognises; null for a decision entered by hand. Set by the caller from the route.</summary>
        [BindNever, System.Text.Json.Serialization.JsonIgnore] public int? RoundId { get; set; }
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
        public List<Row> Rows { get; set; } = [];

        /// <summary>
        /// A list of past decisions names no signer: the authority's signatory of that day is taken, else the head's title
        /// alone. The form always asks.
        /// </summary>
        [BindNever, System.Text.Json.Serialization.JsonIgnore] public bool SignerFromRecords { get; set; }
        /// <summary>The issuer a past decision's list names: it must be the authority that issued at that level on that date.</summary>
        [BindNever, System.Text.Json.Serialization.JsonIgnore] public string? IssuerAsPrinted { get; set; }
        /// <summary>
        /// A transcribed decision recorded earlier in the same list (its rows name it again, one product a row): the rows'
        /// certificates join it. Only the importer sets it, inside its transaction.
        /// </summary>
        [BindNever, System.Text.Json.Serialization.JsonIgnore] public int? PartOf { get; set; }
        /// <summary>The caller freezes the decision once all its rows are in (the importer); the form freezes at once.</summary>
        [BindNever, System.Text.Json.Serialization.JsonIgnore] public bool FreezeLater { get; set; }
    }

    public sealed class Row
    {
        public int? ProductId { get; set; }
        [Range(3, 5, ErrorMessage = RecognitionEntry.RecognisedStarsMessage)] public int? Stars { get; set; }
        /// <summary>Text, read with either decimal mark ("72,5" or "72.5").</summary>
        [StringLength(10)] public string? Score { get; set; }
        /// <summary>The number printed on the paper certificate; empty to number it here.</summary>
        [StringLength(60, ErrorMessage = "Tối đa 60 ký tự.")] public string? CertificateNumber { get; set; }
        /// <summary>The day the certificate was issued when not the decision's (a past certificate as printed).</summary>
        [BindNever, System.Text.Json.Serialization.JsonIgnore] public DateOnly? IssuedOn { get; set; }
        /// <summary>The expiry printed on a past certificate; else the process's validity from the issue date.</summary>
        [BindNever, System.Text.Json.Serialization.JsonIgnore] public DateOnly? ExpiresOn { get; set; }
    }

    /// <param name="CertificateIds">The certificates issued, in the order of the command's products.</param>
    public sealed record Issued(int RecognitionId, IReadOnlyList<int> CertificateIds);

    private sealed record Item(int ProductId, int? RoundProductId, int Stars, int? ScoreHundredths, int CommuneId, string? PrintedNumber,
        DateOnly? IssuedOn, DateOnly? ExpiresOn);

    public async Task<WriteResult<Issued>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!CertificateRules.CanDecide(scope.Role))
        {
            return WriteResult.Refused<Issued>("Bạn không được ghi nhận quyết định công nhận.");
        }

        EvaluationRound? round = null;
        if (command.RoundId is int roundId)
        {
            round = await db.EvaluationRounds.AsNoTracking().Include(r => r.Unit).SingleOrDefaultAsync(r => r.Id == roundId, ct);
            if (round is null)
            {
                return WriteResult.NotFound<Issued>("Không tìm thấy đợt đánh giá.");
            }

            if (round.State != RoundState.Closed)
            {
                return WriteResult.Refused<Issued>("Đợt đánh giá chưa kết thúc: chỉ ra quyết định công nhận khi đợt đã kết thúc.");
            }
        }

        Recognition? joined = null;
        if (command.PartOf is int partOf)
        {
            joined = await db.Recognitions.SingleOrDefaultAsync(r => r.Id == partOf, ct);
            if (joined is null)
            {
                return WriteResult.NotFound<Issued>("Không tìm thấy quyết định công nhận.");
            }
        }

        var rules = new CertificateRules(db, clock);
        var catalog = await rules.ProcessesAsync(ct);
        command.DecisionNumber = command.DecisionNumber?.Trim() ?? ""; // an empty field binds as null
        var errors = FieldErrorList.Annotations(command);
        if (joined is not null && (joined.DecisionNumber != command.DecisionNumber || joined.SignedOn != command.SignedOn || !joined.Transcribed
            || joined.Level != command.Level || joined.RoundId is not null))
        {
            errors.Add(nameof(Command.DecisionNumber), $"Quyết định số {joined.DecisionNumber} đã ghi ngày {Display.Date(joined.SignedOn)}, {Display.Name(joined.Level)}: các dòng của một quyết định phải cùng ngày ký và cấp.");
        }
        else if (joined is null && command.DecisionNumber.Length > 0 && await db.Recognitions.AnyAsync(r => r.DecisionNumber == command.DecisionNumber, ct))
        {
            errors.Add(nameof(Command.DecisionNumber), NumberTakenMessage);
        }

        if (command.SignedOn is DateOnly signed && RecognitionEntry.SignedOnProblem(signed, rules.Today) is string future)
        {
            errors.Add(nameof(Command.SignedOn), future);
        }

        var issue = round is not null
            ? await RoundItemsAsync(round, command, errors, ct)
            : await ManualItemsAsync(scope, command, errors, rules.Today, ct);
        var atlas = await UnitAtlas.LoadAsync(db, issue.Select(i => (int?)i.CommuneId).Append(round?.UnitId), ct);
        var issuer = errors.Any ? null : await IssuerAsync(command, round, atlas, issue.Count == 0 ? null : issue[0].CommuneId, errors, ct);
        if (errors.Any || issuer is null)
        {
            return WriteResult.Invalid<Issued>(errors);
        }

        var signedOn = command.SignedOn!.Value;
        // A round's decision is taken by the level of the unit that issues it: a ceased district's round by its province.
        var decidingLevel = round is null ? command.Level!.Value
            : RecognitionEntry.DecidingLevel(round.Level,
                issuer.UnitId is int issuing && atlas.Contains(issuing) && atlas[issuing].Level == Ocop.Core.Units.UnitLevel.Province);
        await CheckCompetenceAsync(command, round, catalog, atlas, issue, decidingLevel, signedOn, rules.Today, errors, ct);
        if (errors.Any)
        {
            return WriteResult.Invalid<Issued>(errors);
        }

        var process = CertificateRules.ProcessFor(catalog, round?.ProcessCode, signedOn);
        var recognition = joined ?? new Recognition
        {
            DecisionNumber = command.DecisionNumber,
            SignedOn = signedOn,
            Signer = issuer.Signer,
            SignerTitle = issuer.SignerTitle,
            Issuer = issuer.ShortName,
            Level = decidingLevel,
            RoundId = round?.Id,
            Transcribed = round is null && command.Transcribed,
        };
        // Inside the caller's transaction when there is one (an import): its commit or rollback is the caller's.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var numberers = new Dictionary<string, Func<string>>(StringComparer.Ordinal);
        var certificates = new List<Certificate>();
        foreach (var item in issue)
        {
            // Numbered by the issuing unit (the commune for a national decision): "2026/OCOP-86-001".
            var unitCode = atlas[issuer.UnitId ?? item.CommuneId].Code;
            string number;
            if (item.PrintedNumber is not null)
            {
                number = item.PrintedNumber;
            }
            else
            {
                if (!numberers.TryGetValue(unitCode, out var next))
                {
                    next = await rules.NumbererAsync(signedOn.Year, unitCode, ct);
                    numberers[unitCode] = next;
                }

                number = next();
            }

            var issuedOn = item.IssuedOn ?? signedOn;
            var certificate = new Certificate
            {
                Number = number,
                ProductId = item.ProductId,
                RoundProductId = item.RoundProductId,
                Stars = item.Stars,
                ScoreHundredths = item.ScoreHundredths,
                IssuedOn = issuedOn,
                ExpiresOn = item.ExpiresOn ?? CertificateValidity.ExpiryFor(issuedOn, process.Certificates),
            };
            recognition.Certificates.Add(certificate);
            certificates.Add(certificate);
        }

        if (joined is null)
        {
            db.Recognitions.Add(recognition);
        }

        var productIds = issue.Select(i => i.ProductId).ToList();
        foreach (var product in await db.Products.Where(p => productIds.Contains(p.Id)).ToListAsync(ct))
        {
            product.Status = ProductStatus.Ranked;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await RenewAsync(recognition, certificates, ct);
            if (!command.FreezeLater)
            {
                await RecognitionDocuments.FreezeAsync(db, recognition.Id, issuer, fromExisting: false, actor.UserName, ct);
            }
        }
        catch (DbUpdateException) when (transaction is not null)
        {
            // Another decision took the same certificate numbers at the same moment; the transaction rolls back on dispose.
            db.ChangeTracker.Clear();
            var clash = new FieldErrorList();
            clash.Add("", "Số giấy chứng nhận vừa được cấp cho một quyết định khác. Hãy gửi lại.");
            return WriteResult.Invalid<Issued>(clash);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return WriteResult.Done(new Issued(recognition.Id, certificates.Select(c => c.Id).ToList()));
    }

    /// <summary>The round's recognisable products the command chose (not yet certified under this round).</summary>
    private async Task<List<Item>> RoundItemsAsync(EvaluationRound round, Command command, FieldErrorList errors, CancellationToken ct)
    {
        var chosen = await db.RoundProducts.AsNoTracking()
            .Where(p => p.RoundId == round.Id && p.Outcome == LevelOutcomeKind.RecognisedHere && p.Star != null && command.Selected.Contains(p.Id))
            .Where(p => !db.Certificates.Any(c => c.RoundProductId == p.Id))
            .OrderBy(p => p.Product!.Name)
            .Select(p => new Item(p.ProductId, p.Id, p.Star!.Value, p.ScoreHundredths, p.Product!.CommuneId, null, null, null))
            .ToListAsync(ct);
        if (chosen.Count == 0)
        {
            errors.Add("", "Chọn ít nhất một sản phẩm được công nhận.");
        }

        return chosen;
    }

    /// <summary>The products of a decision entered by hand, each checked: visible and not archived, with stars, once, a number not yet used.</summary>
    private async Task<List<Item>> ManualItemsAsync(UserScope scope, Command command, FieldErrorList errors, DateOnly today, CancellationToken ct)
    {
        if (command.Level is null or EvaluationLevel.CommuneCheck || !Enum.IsDefined(command.Level.Value))
        {
            errors.Add(nameof(Command.Level), "Chọn cấp công nhận.");
        }

        var items = new List<Item>();
        var wanted = command.Rows.Where(r => r.ProductId is not null).Select(r => r.ProductId!.Value).Distinct().ToList();
        var visible = await scope.Visible(db.Products).Where(p => p.Status != ProductStatus.Archived && wanted.Contains(p.Id))
            .Select(p => new { p.Id, p.CommuneId }).ToDictionaryAsync(p => p.Id, p => p.CommuneId, ct);
        for (var i = 0; i < command.Rows.Count; i++)
        {
            var row = command.Rows[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"Rows[{i}].");
            foreach (var (name, messages) in FieldErrorList.Annotations(row).ToDictionary())
            {
                foreach (var message in messages)
                {
                    errors.Add(field + name, message);
                }
            }

            if (row.ProductId is null)
            {
                continue;
            }

            if (!visible.TryGetValue(row.ProductId.Value, out var communeId))
            {
                errors.Add(field + nameof(Row.ProductId), "Sản phẩm không hợp lệ.");
                continue;
            }

            if (row.Stars is null)
            {
                errors.Add(field + nameof(Row.Stars), "Chọn hạng sao.");
                continue;
            }

            if (items.Any(x => x.ProductId == row.ProductId))
            {
                errors.Add(field + nameof(Row.ProductId), "Sản phẩm bị trùng.");
                continue;
            }

            var hundredths = RecognitionEntry.ScoreHundredths(row.Score, out var scoreValid);
            if (!scoreValid)
            {
                errors.Add(field + nameof(Row.Score), RecognitionEntry.ScoreMessage);
                continue;
            }

            var printed = string.IsNullOrWhiteSpace(row.CertificateNumber) ? null : row.CertificateNumber.Trim();
            if (printed is not null && (items.Any(x => x.PrintedNumber == printed) || await db.Certificates.AnyAsync(c => c.Number == printed, ct)))
            {
                errors.Add(field + nameof(Row.CertificateNumber), CertificateTakenMessage);
                continue;
            }

            if (command.SignedOn is DateOnly signedOn)
            {
                var issuedOn = row.IssuedOn ?? signedOn;
                if (RecognitionEntry.IssuedOnProblem(signedOn, issuedOn, today) is string issued)
                {
                    errors.Add(field + nameof(Row.IssuedOn), issued);
                    continue;
                }

                if (row.ExpiresOn is DateOnly expires && RecognitionEntry.ExpiresOnProblem(issuedOn, expires) is string expiry)
                {
                    errors.Add(field + nameof(Row.ExpiresOn), expiry);
                    continue;
                }
            }

            items.Add(new Item(row.ProductId.Value, null, row.Stars.Value, hundredths, communeId, printed, row.IssuedOn, row.ExpiresOn));
        }

        if (items.Count == 0 && !errors.Any)
        {
            errors.Add("", "Nhập ít nhất một sản phẩm với hạng sao.");
        }

        return items;
    }

    /// <summary>
    /// Checks every product of the decision against the process in force on the signing date; for a decision entered by
    /// hand, also against today's rules, which it may break only when it is recorded as transcribed.
    /// </summary>
    private async Task CheckCompetenceAsync(Command command, EvaluationRound? round, IReadOnlyList<EvaluationProcess> catalog, UnitAtlas atlas,
        List<Item> issue, EvaluationLevel level, DateOnly signedOn, DateOnly today, FieldErrorList errors, CancellationToken ct)
    {
        var bases = (await db.LegalBases.AsNoTracking().Select(b => b.Definition).ToListAsync(ct)).Select(LawJson.Read<LegalBasis>).ToList();
        var roundProcess = round is null ? null : EvaluationProcesses.ByCode(round.ProcessCode, catalog);
        if (round?.ClosedAt is DateTime closedAt && signedOn < DateOnly.FromDateTime(closedAt.AddHours(7)))
        {
            errors.Add(nameof(Command.SignedOn), $"Quyết định công nhận ký sau khi hội đồng kết thúc đợt đánh giá (ngày {Display.Date(DateOnly.FromDateTime(closedAt.AddHours(7)))}).");
            return;
        }

        var ids = issue.Select(i => i.ProductId).ToList();
        var names = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var breaksToday = new List<string>();
        foreach (var item in issue)
        {
            var unit = DecidingUnitOf(atlas, level, item.CommuneId, signedOn);
            var verdict = RecognitionCompetence.Check(new RecognitionRequest(level, item.Stars, signedOn, item.ScoreHundredths, unit), catalog, bases, roundProcess);
            foreach (var refusal in verdict.Refusals)
            {
                errors.Add("", $"{names.GetValueOrDefault(item.ProductId)}: {refusal}");
            }

            if (round is null && verdict.Allowed)
            {
                var now = RecognitionCompetence.Check(new RecognitionRequest(level, item.Stars, today, item.ScoreHundredths, unit), catalog, bases);
                breaksToday.AddRange(now.Refusals);
            }
        }

        if (!errors.Any && breaksToday.Count > 0 && !command.Transcribed)
        {
            errors.Add(nameof(Command.Transcribed),
                "Quyết định này không còn đúng quy định hiện hành (" + string.Join(" ", breaksToday.Distinct()) + ") nên không thể ban hành lại: "
                + "chỉ ghi nhận như bản chép từ quyết định giấy đã ban hành. Đánh dấu “Chép từ quyết định giấy” và giữ đúng số quyết định in trên bản giấy.");
        }
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
    /// The new certificates renew the product's certificates whose re-evaluation was filed and is still undecided, issued
    /// before the new decision: those end as renewed on the signing date, superseded by the new one (the grace period
    /// closes). A past decision recorded late renews nothing that came after it.
    /// </summary>
    private async Task RenewAsync(Recognition recognition, List<Certificate> issued, CancellationToken ct)
    {
        var productIds = issued.Select(c => c.ProductId).ToList();
        var pending = await db.Certificates
            .Where(c => productIds.Contains(c.ProductId) && c.RecognitionId != recognition.Id && c.ReevaluationFiledOn != null
                && c.ReevaluationDecidedOn == null && c.RevokedOn == null && c.IssuedOn <= recognition.SignedOn)
            .ToListAsync(ct);
        foreach (var old in pending)
        {
            var renewal = issued.First(c => c.ProductId == old.ProductId);
            old.ReevaluationDecidedOn = recognition.SignedOn;
            old.ReevaluationOutcome = ReevaluationOutcome.Renewed;
            old.SupersededById = renewal.Id;
        }

        if (pending.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// The issuer on the signing date: the authority of the round's unit, or of the decision's level over the first
    /// product's commune, and the chosen signatory (valid that day, of that authority) or the typed signer. Adds field
    /// errors and returns null when there is none.
    /// </summary>
    private async Task<IssuerAsIssued?> IssuerAsync(Command command, EvaluationRound? round, UnitAtlas atlas, int? firstCommuneId,
        FieldErrorList errors, CancellationToken ct)
    {
        var signedOn = command.SignedOn!.Value;
        var level = round?.Level ?? command.Level!.Value;
        int? unit;
        if (round is not null)
        {
            unit = round.UnitId;
        }
        else
        {
            if (level == EvaluationLevel.District && firstCommuneId is int commune && DistrictGoneMessage(atlas, commune, signedOn) is { } gone)
            {
                errors.Add(nameof(Command.Level), gone);
                return null;
            }

            unit = firstCommuneId is int c ? atlas.DecidingUnit(level, c, signedOn) : null;
        }

        var authority = unit is null && level != EvaluationLevel.Central ? null : await new IssuerDirectory(db).AuthorityAsync(atlas, unit, signedOn, ct);
        if (authority is null)
        {
            errors.Add(nameof(Command.SignedOn), IssuerDirectory.NoAuthorityMessage(atlas, unit, signedOn));
            return null;
        }

        if (!string.IsNullOrWhiteSpace(command.IssuerAsPrinted) && !NamesAuthority(command.IssuerAsPrinted, authority, atlas))
        {
            errors.Add(nameof(Command.IssuerAsPrinted),
                $"\"{command.IssuerAsPrinted.Trim()}\" không phải cơ quan ban hành quyết định {Display.Name(level).ToLower(Display.Vi)} ngày {Display.Date(signedOn)} cho sản phẩm này (là {authority.ShortName}).");
            return null;
        }

        if (command.SignatoryId is int signatoryId)
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
                errors.Add(nameof(Command.SignatoryId), refusal);
                return null;
            }

            return IssuerAsIssued.From(authority, chosen!.FullName, chosen.Title, chosen.IsDeputy);
        }

        if (command.SignerFromRecords && string.IsNullOrWhiteSpace(command.Signer) && string.IsNullOrWhiteSpace(command.SignerTitle))
        {
            return IssuerDirectory.ForDocumentOn(authority, signedOn);
        }

        if (string.IsNullOrWhiteSpace(command.Signer))
        {
            errors.Add(nameof(Command.Signer), "Chọn người ký hoặc nhập họ tên người ký.");
        }

        if (string.IsNullOrWhiteSpace(command.SignerTitle))
        {
            errors.Add(nameof(Command.SignerTitle), "Nhập chức vụ người ký.");
        }

        return errors.Any
            ? null
            : IssuerAsIssued.From(authority, command.Signer!, command.SignerTitle!, Ocop.Core.Documents.SignatureBlock.IsDeputyTitle(command.SignerTitle!));
    }

    /// <summary>The issuer as a list writes it: the authority's short or full name, or its unit's name ("UBND tỉnh Trà Vinh", "Trà Vinh").</summary>
    private static bool NamesAuthority(string printed, IssuingAuthority authority, UnitAtlas atlas)
    {
        var key = VietnameseText.Fold(printed);
        var names = new List<string?> { authority.ShortName, authority.Name };
        if (authority.UnitId is int unit && atlas.Contains(unit))
        {
            names.Add(atlas[unit].FullName);
            names.Add(atlas[unit].Name);
            names.Add("UBND " + atlas[unit].FullName);
            names.Add("Ủy ban nhân dân " + atlas[unit].FullName);
        }

        return names.OfType<string>().Any(n => VietnameseText.Fold(n) == key);
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
}
