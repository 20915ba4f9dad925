using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>
/// One scoresheet version as the council sees it, with its provenance, known gaps and the publishing checks; the
/// administrator's actions on it (copy into a new draft, publish, retire, mark verified, export) post here.
/// </summary>
public sealed class DetailsModel(OcopDbContext db, TimeProvider clock) : PageModel
{
    [FromRoute] public int Id { get; set; }
    /// <summary>The version the page was rendered from, so that an action never applies to a sheet someone else just changed.</summary>
    [BindProperty] public int Version { get; set; }

    public ScoresheetRecord Record { get; private set; } = null!;
    public Scoresheet Sheet { get; private set; } = null!;
    public LegalBasis? Basis { get; private set; }
    public IReadOnlyList<SheetIssue> Checks { get; private set; } = [];
    public IReadOnlyList<SheetIssue> PublishErrors { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool InUse { get; private set; }
    public List<(int Id, int Version, ScoresheetStatus Status)> OtherVersions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>The sheet as XLSX, one row per option (see <see cref="ScoresheetXlsx"/>); anyone who may read it may export it.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var record = await db.Scoresheets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Id, ct);
        if (record is null)
        {
            return NotFound();
        }

        var bytes = ScoresheetXlsx.Write(record.ToModel());
        var name = $"phieu-cham-{record.LegalBasisCode.Replace('/', '-')}-bo-{record.ProductSetNumber}-v{record.SheetVersion}.xlsx";
        return File(bytes, ScoresheetXlsx.ContentType, name);
    }

    /// <summary>Copies the sheet into a new draft: the next version of its set, unverified, effective today until edited.</summary>
    public async Task<IActionResult> OnPostCopyAsync(CancellationToken ct)
    {
        if (!ScoresheetVersions.CanManage(User))
        {
            return Forbid();
        }

        var source = await db.Scoresheets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Id, ct);
        if (source is null)
        {
            return NotFound();
        }

        var next = await ScoresheetVersions.NextAsync(db, source.LegalBasisCode, source.ProductSetNumber, ct);
        var today = Display.Today(clock);
        var draft = source.ToModel() with
        {
            Version = next,
            Status = ScoresheetStatus.Draft,
            Verified = false,
            EffectiveFrom = today > source.EffectiveFrom ? today : source.EffectiveFrom,
        };
        var record = EvaluationReferenceData.FromModel(draft);
        db.Scoresheets.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.Scoresheets.AnyAsync(s => s.LegalBasisCode == source.LegalBasisCode && s.ProductSetNumber == source.ProductSetNumber && s.SheetVersion == next, ct))
            {
                throw;
            }

            // Another administrator took the same version number a moment earlier.
            TempData["Message"] = "Vừa có người khác tạo phiên bản mới của bộ này. Xem lại rồi sao chép lại nếu vẫn cần.";
            return Redirect($"/Scoresheets/Details/{source.Id}");
        }

        TempData["Message"] = $"Đã tạo bản nháp phiên bản {next} từ phiên bản {source.SheetVersion}.";
        return Redirect($"/Scoresheets/Details/{record.Id}");
    }

    /// <summary>The sheet an administrator's action applies to, or why the action is refused (role, unknown id, stale version).</summary>
    private async Task<(ScoresheetRecord? Record, IActionResult? Refusal)> ForChangeAsync(CancellationToken ct)
    {
        if (!ScoresheetVersions.CanManage(User))
        {
            return (null, Forbid());
        }

        var record = await db.Scoresheets.SingleOrDefaultAsync(s => s.Id == Id, ct);
        if (record is null)
        {
            return (null, NotFound());
        }

        return record.Version == Version ? (record, null) : (null, await StaleAsync(ct));
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        var (record, refusal) = await ForChangeAsync(ct);
        if (record is null)
        {
            return refusal!;
        }

        var basis = await db.LegalBases.AsNoTracking().SingleOrDefaultAsync(b => b.Code == record.LegalBasisCode, ct);
        if (basis is null)
        {
            PublishErrors = [new SheetIssue(IssueSeverity.Error, "basis-missing", "Phiếu", $"Không tìm thấy căn cứ pháp lý {record.LegalBasisCode}.")];
            await LoadAsync(ct);
            return Page();
        }

        var outcome = ScoresheetChecks.Publish(record.ToModel(), basis.ToModel());
        if (!outcome.Published)
        {
            PublishErrors = outcome.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
            await LoadAsync(ct);
            return Page();
        }

        // Only the status changes: the definition a published sheet was checked with stays exactly as it was.
        record.Status = ScoresheetStatus.Published;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã ban hành phiên bản {record.SheetVersion}; đợt đánh giá mới sẽ dùng phiên bản đã ban hành mới nhất của bộ này.";
        return Redirect($"/Scoresheets/Details/{record.Id}");
    }

    public async Task<IActionResult> OnPostRetireAsync(CancellationToken ct)
    {
        var (record, refusal) = await ForChangeAsync(ct);
        if (record is null)
        {
            return refusal!;
        }

        if (record.Status == ScoresheetStatus.Retired)
        {
            TempData["Message"] = "Phiếu đã ngừng sử dụng từ trước.";
            return Redirect($"/Scoresheets/Details/{record.Id}");
        }

        record.Status = ScoresheetStatus.Retired;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã ngừng sử dụng phiên bản {record.SheetVersion}. Điểm đã chấm trên phiên bản này vẫn được giữ nguyên.";
        return Redirect($"/Scoresheets/Details/{record.Id}");
    }

    /// <summary>Records that an administrator checked the sheet against the gazette: who and when (the audit trail keeps it too).</summary>
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        var (record, refusal) = await ForChangeAsync(ct);
        if (record is null)
        {
            return refusal!;
        }

        record.Verified = true;
        record.VerifiedBy = User.Identity?.Name;
        record.VerifiedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Đã ghi nhận phiếu đã được đối chiếu với công báo.";
        return Redirect($"/Scoresheets/Details/{record.Id}");
    }

    private async Task<IActionResult> StaleAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        ModelState.Clear();
        await LoadAsync(ct);
        PublishErrors = [new SheetIssue(IssueSeverity.Error, "stale", "Phiếu", "Phiếu vừa được người khác thay đổi. Xem lại trang này rồi thực hiện lại.")];
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var record = await db.Scoresheets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Id, ct);
        if (record is null)
        {
            return false;
        }

        Record = record;
        Version = record.Version;
        Sheet = record.ToModel();
        CanManage = ScoresheetVersions.CanManage(User);
        Basis = (await db.LegalBases.AsNoTracking().SingleOrDefaultAsync(b => b.Code == record.LegalBasisCode, ct))?.ToModel();
        Checks = Basis is null ? [] : ScoresheetChecks.ForPublishing(Sheet, Basis);
        InUse = (await ScoresheetVersions.InUseForNewRoundsAsync(db, ct)).Contains(record.Id);
        OtherVersions = (await db.Scoresheets.AsNoTracking()
                .Where(s => s.LegalBasisCode == record.LegalBasisCode && s.ProductSetNumber == record.ProductSetNumber && s.Id != record.Id)
                .OrderBy(s => s.SheetVersion)
                .Select(s => new { s.Id, s.SheetVersion, s.Status })
                .ToListAsync(ct))
            .Select(s => (s.Id, s.SheetVersion, s.Status))
            .ToList();
        return true;
    }

    public static string Stars(int? star) => star is int s and > 0 ? new string('★', s) : "";
}
