using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Subjects;

public sealed class DetailsModel(OcopDbContext db, UserScopeLoader scopes, ArchiveSubject archive) : PageModel
{
    public Subject Subject { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    /// <summary>Producers keep their own subject current but do not archive it.</summary>
    public bool CanArchive { get; private set; }

    /// <summary>The dated facts, by fact and then oldest first: what each was, from when, until when.</summary>
    public List<FactRow> History { get; private set; } = [];

    /// <param name="EndedOn">The first day it no longer held; null while it holds.</param>
    public sealed record FactRow(string Fact, string Value, DateOnly StartedOn, DateOnly? EndedOn);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, tracking: false, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostArchiveAsync(int id, int version, bool restore, CancellationToken ct)
    {
        var result = await archive.RunAsync(await scopes.GetAsync(ct), new ArchiveSubject.Command(id, version, restore), ct);
        switch (result.Outcome)
        {
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            case WriteOutcome.Done:
                TempData["Message"] = restore ? "Đã khôi phục chủ thể." : "Đã lưu trữ chủ thể.";
                break;
            default:
                TempData["Message"] = result.Message;
                break;
        }

        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, bool tracking, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var query = scope.Visible(db.Subjects)
            .Include(s => s.Commune).Include(s => s.CraftVillage)
            .Include(s => s.Products).ThenInclude(p => p.Category);
        var subject = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subject is null)
        {
            return false;
        }

        Subject = subject;
        History = await HistoryAsync(id, ct);
        CanEdit = scope.CanEdit(subject.CommuneId, subject.Id);
        CanArchive = ArchiveSubject.CanArchive(scope, subject);
        return true;
    }

    private async Task<List<FactRow>> HistoryAsync(int id, CancellationToken ct)
    {
        var forms = await db.SubjectLegalForms.AsNoTracking().Where(p => p.SubjectId == id).OrderBy(p => p.StartedOn).ToListAsync(ct);
        var greens = await db.SubjectGreenChains.AsNoTracking().Where(p => p.SubjectId == id).OrderBy(p => p.StartedOn).ToListAsync(ct);
        var channels = await db.SubjectChannels.AsNoTracking().Where(p => p.SubjectId == id).OrderBy(p => p.Channel).ThenBy(p => p.StartedOn).ToListAsync(ct);
        return
        [
            .. forms.Select(p => new FactRow("Loại hình", Display.Name(p.LegalForm), p.StartedOn, p.EndedOn)),
            .. greens.Select(p => new FactRow("Chuỗi giá trị xanh", GreenChain(p), p.StartedOn, p.EndedOn)),
            .. channels.Select(p => new FactRow("Kênh bán hàng", Display.Name(p.Channel), p.StartedOn, p.EndedOn)),
        ];
    }

    private static string GreenChain(SubjectGreenChainPeriod p) =>
        string.Join(" · ", new[] { "Có", p.RawMaterialAreaHa is decimal ha ? ha.ToString("#,##0.##", Display.Vi) + " ha" : null, p.Evidence }.OfType<string>());
}
