using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Certificates;

/// <summary>
/// One certificate, printable on A4; its notices to the producer; and the office's two actions on it: revoke it, or
/// open its re-evaluation in one click.
/// </summary>
public sealed class DetailsModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock) : PageModel
{
    public Certificate Certificate { get; private set; } = null!;
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

    /// <summary>The notice to the producer (Thông báo) as DOCX: re-evaluation window open, or expiry within 30 days.</summary>
    public async Task<IActionResult> OnGetNoticeAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracking: false, ct))
        {
            return NotFound();
        }

        if (!NoticeAvailable)
        {
            TempData["Message"] = "Chỉ lập thông báo khi đến hạn nộp hồ sơ đánh giá lại hoặc giấy chứng nhận sắp hết hạn.";
            return Redirect(Self(id));
        }

        var c = Certificate;
        var r = c.Recognition!;
        var product = c.Product!;
        var windowOpen = Status.State == CertificateState.ReevaluationWindowOpen;
        var subject = windowOpen
            ? "Về việc nộp hồ sơ đánh giá lại sản phẩm OCOP"
            : "Về việc giấy chứng nhận sản phẩm OCOP sắp hết hiệu lực";
        var doc = new OfficialDocx(new OfficialHeader(null, r.Issuer.ToUpper(Display.Vi), "Số:        /TB", "Châu Thành", Today))
            .Title("Thông báo", subject)
            .Paragraph($"Kính gửi: {product.Subject!.Name} ({product.Subject.Address}).")
            .Paragraph($"Sản phẩm {product.Name} của quý đơn vị được công nhận đạt {c.Stars.ToString(CultureInfo.InvariantCulture)} sao theo Quyết định số {r.DecisionNumber} ngày {Display.Date(r.SignedOn)}, giấy chứng nhận số {c.Number} cấp ngày {Display.Date(c.IssuedOn)}, có hiệu lực đến hết ngày {Display.Date(c.ExpiresOn)}.");
        if (windowOpen)
        {
            doc.Paragraph($"Theo quy định, hồ sơ đề nghị đánh giá lại được nộp trong thời gian từ ngày {Display.Date(Milestones.ReevaluationWindowOpensOn)} đến ngày {Display.Date(Milestones.ReevaluationWindowClosesOn)} (từ 180 đến 120 ngày trước khi giấy chứng nhận hết hiệu lực). Đề nghị quý đơn vị chuẩn bị hồ sơ đánh giá lại (cập nhật nguyên liệu, công nghệ, bao bì, công bố chất lượng, kết quả kiểm nghiệm, thị trường, sản lượng, doanh thu và các giấy tờ có thời hạn) và nộp đúng hạn.");
        }
        else
        {
            doc.Paragraph($"Giấy chứng nhận còn {Status.DaysToExpiry.ToString(CultureInfo.InvariantCulture)} ngày hiệu lực. Sau ngày hết hạn, sản phẩm không được tiếp tục sử dụng biểu trưng OCOP và hạng sao nếu chưa được đánh giá lại. Đề nghị quý đơn vị liên hệ cơ quan thường trực Chương trình OCOP để được hướng dẫn.");
        }

        doc.Paragraph("Mọi vướng mắc, đề nghị liên hệ cơ quan thường trực Chương trình OCOP để được hướng dẫn.")
            .Signature(new OfficialSignature(null, r.SignerTitle.ToUpper(Display.Vi), r.Signer), [product.Subject.Name + ";", "Lưu: VT."]);
        var name = "thong-bao-" + c.Id.ToString(CultureInfo.InvariantCulture) + (windowOpen ? "-danh-gia-lai" : "-sap-het-han") + ".docx";
        return File(doc.ToBytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name);
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

        var rules = new CertificateRules(db, clock);
        var catalog = await rules.ProcessesAsync(ct);
        Certificate = certificate;
        Today = rules.Today;
        Status = CertificateRules.StateOn(certificate, Today, catalog);
        Milestones = CertificateValidity.Milestones(certificate.ToFacts(), CertificateRules.PolicyOn(Today, catalog));
        CanDecide = CertificateRules.CanDecide(scope.Role);
        var decisionLevel = await db.Users.Where(u => u.Id == scope.UserId).Select(u => u.DecisionLevel).SingleOrDefaultAsync(ct);
        Revocation = RevocationAuthority.For(scope.Role, decisionLevel, EvaluationProcesses.InForceOn(Today, catalog), certificate.Stars);
        ReevaluationDossierId = await db.Dossiers.Where(d => d.CertificateId == id && d.Variant == DossierVariant.Reevaluation)
            .OrderByDescending(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        return true;
    }
}
