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

    public sealed class RevokeInput
    {
        [Required(ErrorMessage = "Chọn căn cứ thu hồi.")] public RevocationGround? Ground { get; set; }
        [Required(ErrorMessage = "Nhập số quyết định thu hồi."), StringLength(60, ErrorMessage = "Tối đa 60 ký tự.")] public string Decision { get; set; } = "";
        [Required(ErrorMessage = "Nhập ngày thu hồi.")] public DateOnly? On { get; set; }
        public int Version { get; set; }
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
        return Page();
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

        if (Certificate.RevokedOn is not null)
        {
            ModelState.AddModelError("", "Giấy chứng nhận đã bị thu hồi.");
        }

        if (Certificate.Version != Revoke.Version)
        {
            ModelState.AddModelError("", "Giấy chứng nhận vừa được người khác thay đổi. Tải lại trang rồi thử lại.");
        }

        if (Revoke.On is DateOnly on && (on < Certificate.IssuedOn || on > Today))
        {
            ModelState.AddModelError("Revoke.On", "Ngày thu hồi phải từ ngày cấp đến hôm nay.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Certificate.RevokedOn = Revoke.On;
        Certificate.RevocationGround = Revoke.Ground;
        Certificate.RevocationDecision = Revoke.Decision.Trim();
        // A revoked product goes back to "registered": it stays in the registry and may be evaluated again,
        // unless another certificate of it (e.g. a later re-evaluation) is still valid.
        var catalog = await new CertificateRules(db, clock).ProcessesAsync(ct);
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
    /// the product's last dossier (new document rows pointing at the same stored files), and the filing date on the
    /// certificate (which keeps it valid past expiry while the re-evaluation is pending, under 26/2026).
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
        Certificate.ReevaluationFiledOn = Today;
        await db.SaveChangesAsync(ct); // one SaveChanges: dossier, documents and certificate commit together
        TempData["Message"] = "Đã mở hồ sơ đánh giá lại.";
        return Redirect("/Dossiers/Details/" + dossier.Id.ToString(CultureInfo.InvariantCulture));
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
        var decisionLevel = await db.Users.Where(u => u.Id == scope.UserId).Select(u => u.DecisionLevel).SingleOrDefaultAsync(ct);
        Revocation = RevocationAuthority.For(scope.Role, decisionLevel, EvaluationProcesses.InForceOn(Today, catalog), certificate.Stars);
        ReevaluationDossierId = await db.Dossiers.Where(d => d.CertificateId == id && d.Variant == DossierVariant.Reevaluation)
            .OrderByDescending(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        return true;
    }
}
