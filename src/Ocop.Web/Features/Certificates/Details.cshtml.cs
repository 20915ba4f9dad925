using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Documents;
using Ocop.Web.Features.Recognitions;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Certificates;

/// <summary>
/// One certificate, printable on A4 and as a Word file, as issued (its frozen facts: later edits of the product, the
/// subject or the units do not reach it); its notices to the producer, each frozen when first produced; and the
/// office's two actions on it: revoke it, or open its re-evaluation in one click.
/// </summary>
public sealed class DetailsModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock) : PageModel
{
    public Certificate Certificate { get; private set; } = null!;
    /// <summary>What the certificate says, as issued.</summary>
    public CertificateDocumentAsIssued AsIssued { get; private set; } = null!;
    public IssuedDocument Document { get; private set; } = null!;
    /// <summary>Notices already sent for this certificate.</summary>
    public List<IssuedDocument> Notices { get; private set; } = [];
    public CertificateStatus Status { get; private set; } = null!;
    public CertificateMilestones Milestones { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool CanDecide { get; private set; }
    public int? ReevaluationDossierId { get; private set; }
    /// <summary>Which level revokes this certificate today, and whether the signed-in office is that level.</summary>
    public RevocationCompetence Revocation { get; private set; } = null!;

    [BindProperty] public RevokeInput Revoke { get; set; } = new();
    [BindProperty] public OutcomeInput Outcome { get; set; } = new();
    [BindProperty] public CheckInput Check { get; set; } = new();

    /// <summary>The checks of this certificate after recognition, newest first.</summary>
    public List<ProductCheck> Checks { get; private set; } = [];
    /// <summary>Whether the signed-in user records checks (the program office, departments, administrators).</summary>
    public bool CanCheck { get; private set; }
    /// <summary>Whether the re-evaluation is filed and awaits its outcome.</summary>
    public bool ReevaluationPending => Certificate.ReevaluationFiledOn is not null && Certificate.ReevaluationDecidedOn is null && Certificate.RevokedOn is null;

    public sealed class RevokeInput
    {
        [Required(ErrorMessage = "Chọn căn cứ thu hồi.")] public RevocationGround? Ground { get; set; }
        [Required(ErrorMessage = "Nhập số quyết định thu hồi."), StringLength(60, ErrorMessage = "Tối đa 60 ký tự.")] public string Decision { get; set; } = "";
        [Required(ErrorMessage = "Nhập ngày thu hồi.")] public DateOnly? On { get; set; }
        /// <summary>The failed check the revocation rests on, when it does.</summary>
        public int? CheckId { get; set; }
        public int Version { get; set; }
    }

    /// <summary>A re-evaluation concluded without renewal (a renewal is recorded by the recognition decision itself).</summary>
    public sealed class OutcomeInput
    {
        [Required(ErrorMessage = "Nhập ngày có kết quả.")] public DateOnly? On { get; set; }
        [Required(ErrorMessage = "Nhập văn bản kết luận (biên bản hội đồng, thông báo)."), StringLength(250, ErrorMessage = "Tối đa 250 ký tự.")] public string Note { get; set; } = "";
        public int Version { get; set; }
    }

    public sealed class CheckInput
    {
        [Required(ErrorMessage = "Chọn loại kiểm tra.")] public CheckKind? Kind { get; set; }
        [Required(ErrorMessage = "Nhập ngày kiểm tra.")] public DateOnly? CheckedOn { get; set; }
        [Required(ErrorMessage = "Nhập đoàn, cơ quan kiểm tra."), StringLength(250, ErrorMessage = "Tối đa 250 ký tự.")] public string CheckedBy { get; set; } = "";
        public AspectResult Quality { get; set; }
        public AspectResult FoodSafetyPapers { get; set; }
        public DateOnly? FoodSafetyPapersExpireOn { get; set; }
        public AspectResult Labels { get; set; }
        public AspectResult Environment { get; set; }
        [Required(ErrorMessage = "Ghi nhận xét, phát hiện của đoàn kiểm tra."), StringLength(4000, ErrorMessage = "Tối đa 4.000 ký tự.")] public string Findings { get; set; } = "";
        [StringLength(2000, ErrorMessage = "Tối đa 2.000 ký tự.")] public string? FollowUp { get; set; }
        public DateOnly? FollowUpDueOn { get; set; }
    }

    /// <summary>A notice goes to the producer when the re-evaluation window opens and in the last 30 days.</summary>
    public bool NoticeAvailable => Status.State is CertificateState.ReevaluationWindowOpen or CertificateState.ExpiringSoon;

    /// <summary>Re-evaluation opens while the certificate still stands (not revoked, not lapsed) and none is open yet.</summary>
    public bool CanReevaluate => CanDecide && ReevaluationDossierId is null && Certificate.SupersededById is null
        && Status.State is not (CertificateState.Revoked or CertificateState.Expired or CertificateState.NotYetValid);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracking: false, ct))
        {
            return NotFound();
        }

        Revoke = new RevokeInput { On = Today, Version = Certificate.Version };
        Outcome = new OutcomeInput { On = Today, Version = Certificate.Version };
        Check = new CheckInput { Kind = CheckKind.Periodic, CheckedOn = Today };
        return Page();
    }

    /// <summary>The page holds several forms; a post validates only its own.</summary>
    private void KeepOnly(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracking: true, ct))
        {
            return NotFound();
        }

        if (!CanDecide || !Revocation.Allowed)
        {
            return Forbid();
        }

        KeepOnly("Revoke");

        if (Certificate.RevokedOn is not null)
        {
            ModelState.AddModelError("", "Giấy chứng nhận đã bị thu hồi.");
        }

        if (Certificate.Version != Revoke.Version)
        {
            ModelState.AddModelError("", "Giấy chứng nhận vừa được người khác thay đổi. Tải lại trang rồi thử lại.");
        }

        if (Revoke.Ground is RevocationGround ground && !Enum.IsDefined(ground))
        {
            ModelState.AddModelError("Revoke.Ground", "Căn cứ thu hồi phải là một trong sáu căn cứ của Quyết định 26/2026/QĐ-TTg.");
        }

        var catalog = await new CertificateRules(db, clock).ProcessesAsync(ct);
        if (Revoke.On is DateOnly on && (on < Certificate.IssuedOn || on > Today))
        {
            ModelState.AddModelError("Revoke.On", "Ngày thu hồi phải từ ngày cấp đến hôm nay.");
        }
        else if (Revoke.On is DateOnly day && CertificateRules.StateOn(Certificate, day, catalog) is { IsValid: false } state)
        {
            // Only a valid certificate can be revoked: an expired (or renewed) one has nothing left to take away.
            ModelState.AddModelError("Revoke.On", $"Chỉ thu hồi giấy chứng nhận còn hiệu lực: ngày {Display.Date(day)} giấy chứng nhận ở tình trạng “{Display.Name(state.State)}”.");
        }

        ProductCheck? basis = null;
        if (Revoke.CheckId is int checkId)
        {
            basis = Checks.FirstOrDefault(c => c.Id == checkId && !c.Passed);
            if (basis is null)
            {
                ModelState.AddModelError("Revoke.CheckId", "Chọn một lần kiểm tra không đạt của giấy chứng nhận này.");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Certificate.RevokedOn = Revoke.On;
        Certificate.RevocationGround = Revoke.Ground;
        Certificate.RevocationDecision = Revoke.Decision.Trim();
        Certificate.RevokingCheckId = basis?.Id;
        // A revoked product goes back to "registered": it stays in the registry and may be evaluated again,
        // unless another certificate of it (e.g. a later re-evaluation) is still valid.
        if (!await CertificateRules.HasOtherValidCertificateAsync(db, Certificate.ProductId, Certificate.Id, Today, catalog, ct)
            && Certificate.Product!.Status == ProductStatus.Ranked)
        {
            Certificate.Product.Status = ProductStatus.Registered;
        }

        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Đã thu hồi giấy chứng nhận.";
        return Redirect(Self(id));
    }

    /// <summary>
    /// Opens the re-evaluation: a new dossier of the re-evaluation variant for this certificate, starting from a copy of
    /// the product's last dossier (new document rows pointing at the same stored files). Submitting that dossier records
    /// the filing on the certificate (which keeps it valid past expiry while the re-evaluation is pending, under 26/2026).
    /// </summary>
    public async Task<IActionResult> OnPostReevaluateAsync(int id, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracking: true, ct))
        {
            return NotFound();
        }

        if (!CanDecide)
        {
            return Forbid();
        }

        if (ReevaluationDossierId is int existing)
        {
            return Redirect("/Dossiers/Details/" + existing.ToString(CultureInfo.InvariantCulture));
        }

        if (!CanReevaluate || Certificate.Version != version)
        {
            TempData["Message"] = Certificate.Version != version
                ? "Giấy chứng nhận vừa được người khác thay đổi. Hãy xem lại rồi thử lại."
                : "Không thể mở đánh giá lại cho giấy chứng nhận ở tình trạng này.";
            return Redirect(Self(id));
        }

        var last = await db.Dossiers.Include(d => d.Documents)
            .Where(d => d.ProductId == Certificate.ProductId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .FirstOrDefaultAsync(ct);
        var dossier = new Dossier
        {
            ProductId = Certificate.ProductId,
            Year = Today.Year,
            Variant = DossierVariant.Reevaluation,
            State = DossierState.Draft,
            CopiedFromId = last?.Id,
            CertificateId = Certificate.Id,
            Notes = "Hồ sơ đánh giá lại giấy chứng nhận số " + Certificate.Number + (last is null ? "." : ", sao chép từ hồ sơ trước."),
        };
        foreach (var document in last?.Documents.Where(d => !d.IsArchived) ?? [])
        {
            dossier.Documents.Add(new DossierDocument
            {
                ChecklistItemId = document.ChecklistItemId,
                StoredName = document.StoredName,
                OriginalName = document.OriginalName,
                ContentType = document.ContentType,
                SizeBytes = document.SizeBytes,
                UploadedAt = document.UploadedAt,
            });
        }

        db.Dossiers.Add(dossier);
        // The filing is recorded when the dossier is submitted (Dossiers/Details), not when it is opened.
        await db.SaveChangesAsync(ct); // one SaveChanges: the dossier and its documents commit together
        TempData["Message"] = "Đã mở hồ sơ đánh giá lại. Việc nộp hồ sơ được ghi nhận khi hồ sơ được nộp.";
        return Redirect("/Dossiers/Details/" + dossier.Id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Records that the re-evaluation concluded without renewal (the council found the product below 3★, or the producer
    /// withdrew): the grace period ends; the certificate runs to its own expiry and no further.
    /// </summary>
    public async Task<IActionResult> OnPostReevaluationOutcomeAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracking: true, ct))
        {
            return NotFound();
        }

        if (!CanDecide)
        {
            return Forbid();
        }

        KeepOnly("Outcome");
        if (!ReevaluationPending)
        {
            ModelState.AddModelError("", "Giấy chứng nhận không có hồ sơ đánh giá lại nào đang chờ kết quả.");
        }
        else if (Outcome.On is DateOnly on && (on < Certificate.ReevaluationFiledOn!.Value || on > Today))
        {
            ModelState.AddModelError("Outcome.On", $"Ngày có kết quả phải từ ngày nộp hồ sơ ({Display.Date(Certificate.ReevaluationFiledOn)}) đến hôm nay.");
        }

        if (Certificate.Version != Outcome.Version)
        {
            ModelState.AddModelError("", "Giấy chứng nhận vừa được người khác thay đổi. Tải lại trang rồi thử lại.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Certificate.ReevaluationDecidedOn = Outcome.On;
        Certificate.ReevaluationOutcome = ReevaluationOutcome.NotRenewed;
        Certificate.ReevaluationNote = Outcome.Note.Trim();
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Đã ghi nhận kết quả đánh giá lại: không được công nhận lại. Thời gian gia hạn chờ kết quả chấm dứt.";
        return Redirect(Self(id));
    }

    /// <summary>Records a check of the certified product after recognition, judged by the core (any aspect not met fails).</summary>
    public async Task<IActionResult> OnPostCheckAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracking: false, ct))
        {
            return NotFound();
        }

        if (!CanCheck)
        {
            return Forbid();
        }

        KeepOnly("Check");
        foreach (var (field, value) in new[] { ("Quality", Check.Quality), ("FoodSafetyPapers", Check.FoodSafetyPapers), ("Labels", Check.Labels), ("Environment", Check.Environment) })
        {
            if (!Enum.IsDefined(value))
            {
                ModelState.AddModelError("Check." + field, "Kết quả không hợp lệ.");
            }
        }

        if (Check.Kind is CheckKind kind && !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Check.Kind", "Loại kiểm tra không hợp lệ.");
        }

        if (Check.CheckedOn is DateOnly on && (on < Certificate.IssuedOn || on > Today))
        {
            ModelState.AddModelError("Check.CheckedOn", "Ngày kiểm tra phải từ ngày cấp giấy chứng nhận đến hôm nay.");
        }

        if (Check is { CheckedOn: DateOnly checkedOn, FollowUpDueOn: DateOnly due } && due < checkedOn)
        {
            ModelState.AddModelError("Check.FollowUpDueOn", "Hạn khắc phục phải sau ngày kiểm tra.");
        }

        if (Check.FollowUpDueOn is not null && string.IsNullOrWhiteSpace(Check.FollowUp))
        {
            ModelState.AddModelError("Check.FollowUp", "Nêu việc chủ thể phải khắc phục trước hạn.");
        }

        if (new[] { Check.Quality, Check.FoodSafetyPapers, Check.Labels, Check.Environment }.All(r => r == AspectResult.NotChecked))
        {
            ModelState.AddModelError("", "Chọn kết quả cho ít nhất một nội dung kiểm tra.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var row = new ProductCheck
        {
            CertificateId = id,
            Kind = Check.Kind!.Value,
            CheckedOn = Check.CheckedOn!.Value,
            CheckedBy = Check.CheckedBy.Trim(),
            Quality = Check.Quality,
            FoodSafetyPapers = Check.FoodSafetyPapers,
            FoodSafetyPapersExpireOn = Check.FoodSafetyPapersExpireOn,
            Labels = Check.Labels,
            Environment = Check.Environment,
            Findings = Check.Findings.Trim(),
            FollowUp = string.IsNullOrWhiteSpace(Check.FollowUp) ? null : Check.FollowUp.Trim(),
            FollowUpDueOn = Check.FollowUpDueOn,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var verdict = PostRecognitionChecks.Judge(row.Aspects, row.CheckedOn, row.FoodSafetyPapersExpireOn);
        row.Passed = verdict.Passed;
        row.Ground = verdict.Ground;
        db.ProductChecks().Add(row);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = verdict.Passed
            ? "Đã ghi nhận lần kiểm tra: đạt."
            : "Đã ghi nhận lần kiểm tra: không đạt (" + string.Join("; ", verdict.Failed.Select(f => Display.Name(f.Aspect) + ": " + f.Reason)) + "). Có thể dùng làm căn cứ thu hồi.";
        return Redirect(Self(id));
    }

    /// <summary>Marks the follow-up of a check as done on a day.</summary>
    public async Task<IActionResult> OnPostFollowUpDoneAsync(int id, int checkId, DateOnly? doneOn, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracking: false, ct))
        {
            return NotFound();
        }

        if (!CanCheck)
        {
            return Forbid();
        }

        var row = await db.ProductChecks().SingleOrDefaultAsync(c => c.Id == checkId && c.CertificateId == id, ct);
        if (row is null)
        {
            return NotFound();
        }

        if (doneOn is not DateOnly done || done < row.CheckedOn || done > Today || row.FollowUp is null)
        {
            ModelState.AddModelError("", "Ngày khắc phục xong phải từ ngày kiểm tra đến hôm nay, cho lần kiểm tra có yêu cầu khắc phục.");
            return Page();
        }

        row.FollowUpDoneOn = done;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Đã ghi nhận chủ thể khắc phục xong.";
        return Redirect(Self(id));
    }

    /// <summary>The certificate as a Word file, the bytes stored when it was issued.</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, tracking: false, ct)
            ? File(Document.Docx, IssuedDocumentStore.DocxType, "giay-chung-nhan-" + id.ToString(CultureInfo.InvariantCulture) + ".docx")
            : NotFound();

    /// <summary>A notice sent earlier for this certificate, as sent.</summary>
    public async Task<IActionResult> OnGetSentAsync(int id, int document, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracking: false, ct) || Notices.FirstOrDefault(n => n.Id == document) is not { } sent)
        {
            return NotFound();
        }

        return File(sent.Docx, IssuedDocumentStore.DocxType, "thong-bao-" + id.ToString(CultureInfo.InvariantCulture) + "-" + sent.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".docx");
    }

    /// <summary>
    /// The notice to the producer (Thông báo) as DOCX: re-evaluation window open, or expiry within 30 days. The first
    /// download issues it (dated that day, in the name of the authority of the decision's unit on that day, signed by
    /// its default signatory) and stores it; later downloads hand out the same file.
    /// </summary>
    public async Task<IActionResult> OnGetNoticeAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracking: false, ct))
        {
            return NotFound();
        }

        var windowOpen = Status.State == CertificateState.ReevaluationWindowOpen;
        var kind = windowOpen ? IssuedDocumentKind.ReevaluationNotice : IssuedDocumentKind.ExpiryNotice;
        var name = "thong-bao-" + Certificate.Id.ToString(CultureInfo.InvariantCulture) + (windowOpen ? "-danh-gia-lai" : "-sap-het-han") + ".docx";
        if (Notices.FirstOrDefault(n => n.Kind == kind) is { } sent)
        {
            return File(sent.Docx, IssuedDocumentStore.DocxType, name);
        }

        if (!NoticeAvailable)
        {
            TempData["Message"] = "Chỉ lập thông báo khi đến hạn nộp hồ sơ đánh giá lại hoặc giấy chứng nhận sắp hết hạn.";
            return Redirect(Self(id));
        }

        var atlas = await UnitAtlas.LoadAsync(db, [AsIssued.Issuer.UnitId, Certificate.Product!.Subject!.CommuneId], ct);
        var authority = await new IssuerDirectory(db).AuthorityAsync(atlas, AsIssued.Issuer.UnitId, Today, ct);
        if (authority is null)
        {
            TempData["Message"] = IssuerDirectory.NoAuthorityMessage(atlas, AsIssued.Issuer.UnitId, Today);
            return Redirect(Self(id));
        }

        var c = Certificate;
        var subject = c.Product!.Subject!;
        var facts = new NoticeAsIssued(c.Id, Today, windowOpen, subject.Name, atlas.AddressOn(subject.Address, subject.CommuneId, Today),
            AsIssued.Certificate.ProductName, c.Stars, c.Number, c.IssuedOn, c.ExpiresOn, AsIssued.DecisionNumber, AsIssued.DecisionSignedOn,
            Milestones.ReevaluationWindowOpensOn, Milestones.ReevaluationWindowClosesOn, Status.DaysToExpiry, IssuerDirectory.ForDocumentOn(authority, Today));
        var notice = IssuedDocumentStore.New(kind, Today, null, facts.Issuer.ShortName, facts, NoticeDocx.Build(facts), fromExisting: false, User.Identity?.Name);
        notice.CertificateId = c.Id;
        db.IssuedDocuments.Add(notice);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Produced by someone else at the same moment: theirs is the notice sent.
            db.Entry(notice).State = EntityState.Detached;
            notice = await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.CertificateId == c.Id && d.Kind == kind, ct);
        }

        return File(notice.Docx, IssuedDocumentStore.DocxType, name);
    }

    private static string Self(int id) => "/Certificates/Details/" + id.ToString(CultureInfo.InvariantCulture);

    private async Task<bool> LoadAsync(int id, bool tracking, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var visible = scope.Visible(db.Products).Select(p => p.Id);
        var query = db.Certificates.Include(c => c.Recognition).Include(c => c.Product!).ThenInclude(p => p.Subject)
            .Include(c => c.Product!).ThenInclude(p => p.Commune)
            .Where(c => c.Id == id && visible.Contains(c.ProductId));
        var certificate = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
        if (certificate is null)
        {
            return false;
        }

        if (await RecognitionDocuments.CertificateAsync(db, id, User.Identity?.Name, ct) is not { } issued)
        {
            return false;
        }

        (AsIssued, Document) = issued;
        Notices = await db.IssuedDocuments.AsNoTracking()
            .Where(d => d.CertificateId == id && (d.Kind == IssuedDocumentKind.ReevaluationNotice || d.Kind == IssuedDocumentKind.ExpiryNotice))
            .OrderBy(d => d.IssuedOn).ToListAsync(ct);
        var rules = new CertificateRules(db, clock);
        var catalog = await rules.ProcessesAsync(ct);
        Certificate = certificate;
        Today = rules.Today;
        Status = CertificateRules.StateOn(certificate, Today, catalog);
        Milestones = CertificateRules.MilestonesOn(certificate, Today, catalog);
        CanDecide = CertificateRules.CanDecide(scope.Role);
        CanCheck = CanDecide || scope.Role == Core.Access.Role.Department;
        Checks = await db.ProductChecks().AsNoTracking().Where(c => c.CertificateId == id).OrderByDescending(c => c.CheckedOn).ThenByDescending(c => c.Id).ToListAsync(ct);
        var decisionLevel = await db.Users.Where(u => u.Id == scope.UserId).Select(u => u.DecisionLevel).SingleOrDefaultAsync(ct);
        Revocation = RevocationAuthority.For(scope.Role, decisionLevel, EvaluationProcesses.InForceOn(Today, catalog), certificate.Stars);
        ReevaluationDossierId = await db.Dossiers.Where(d => d.CertificateId == id && d.Variant == DossierVariant.Reevaluation)
            .OrderByDescending(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        return true;
    }
}
