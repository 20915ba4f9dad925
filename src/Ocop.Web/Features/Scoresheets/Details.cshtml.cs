using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>
/// One scoresheet version as the council sees it, with its provenance, known gaps and the publishing checks; the
/// administrator's actions on it (copy into a new draft, publish, retire, mark verified, export) post here.
/// </summary>
public sealed class DetailsModel(
    OcopDbContext db, UserScopeLoader scopes, CopyScoresheet copy, PublishScoresheet publish, RetireScoresheet retire, VerifyScoresheet verify) : PageModel
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

    /// <summary>Copies the sheet into a new draft (<see cref="CopyScoresheet"/>).</summary>
    public async Task<IActionResult> OnPostCopyAsync(CancellationToken ct)
    {
        var result = await copy.RunAsync(await scopes.GetAsync(ct), new CopyScoresheet.Command { Id = Id }, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                TempData["Message"] = $"Đã tạo bản nháp phiên bản {result.Value!.SheetVersion} từ phiên bản {result.Value.FromSheetVersion}.";
                return RedirectToPage("Details", new { id = result.Value.Id });
            case WriteOutcome.Stale:
                TempData["Message"] = result.Message;
                return RedirectToPage("Details", new { id = Id });
            default:
                return await TranslateAsync(result, ct);
        }
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        var result = await publish.RunAsync(await scopes.GetAsync(ct), new PublishScoresheet.Command { Id = Id, Version = Version }, ct);
        if (result.IsDone)
        {
            TempData["Message"] = $"Đã ban hành phiên bản {result.Value!.SheetVersion}; đợt đánh giá mới sẽ dùng phiên bản đã ban hành mới nhất của bộ này.";
            return RedirectToPage("Details", new { id = Id });
        }

        return await TranslateAsync(result, ct);
    }

    public async Task<IActionResult> OnPostRetireAsync(CancellationToken ct)
    {
        var result = await retire.RunAsync(await scopes.GetAsync(ct), new RetireScoresheet.Command { Id = Id, Version = Version }, ct);
        if (result.IsDone)
        {
            TempData["Message"] = result.Value!.WasRetired
                ? "Phiếu đã ngừng sử dụng từ trước."
                : $"Đã ngừng sử dụng phiên bản {result.Value.SheetVersion}. Điểm đã chấm trên phiên bản này vẫn được giữ nguyên.";
            return RedirectToPage("Details", new { id = Id });
        }

        return await TranslateAsync(result, ct);
    }

    /// <summary>Records that an administrator checked the sheet against the gazette (<see cref="VerifyScoresheet"/>).</summary>
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        var result = await verify.RunAsync(await scopes.GetAsync(ct), new VerifyScoresheet.Command { Id = Id, Version = Version }, ct);
        if (result.IsDone)
        {
            TempData["Message"] = "Đã ghi nhận phiếu đã được đối chiếu với công báo.";
            return RedirectToPage("Details", new { id = Id });
        }

        return await TranslateAsync(result, ct);
    }

    /// <summary>What an action that did not happen shows: a refusal, or this page with why (409 when the sheet changed meanwhile).</summary>
    private async Task<IActionResult> TranslateAsync<T>(WriteResult<T> result, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            case WriteOutcome.Stale:
                Response.StatusCode = StatusCodes.Status409Conflict;
                PublishErrors = [new SheetIssue(IssueSeverity.Error, "stale", "Phiếu", result.Message!)];
                break;
            default:
                PublishErrors = result.Errors.SelectMany(e => e.Value.Select(m => new SheetIssue(IssueSeverity.Error, "publish", e.Key, m))).ToList();
                break;
        }

        ModelState.Clear();
        return await LoadAsync(ct) ? Page() : NotFound();
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
