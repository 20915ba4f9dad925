using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Cycle;

/// <summary>
/// One idea in the cycle: where it stands, its history of moves, and the moves the user may make — forward, return
/// from the review with reasons, resubmit, drop — plus the link to its product in an evaluation round at step 6.
/// </summary>
public sealed class DetailsModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock, MoveCycleEntry move, LinkCycleEntry link) : PageModel
{
    public CycleEntry Entry { get; private set; } = null!;
    public string CommuneName { get; private set; } = "";
    public string? SubjectName { get; private set; }
    public string? ProductName { get; private set; }
    public string? CategoryName { get; private set; }
    public string? RoundName { get; private set; }
    public int? RoundId { get; private set; }
    public int DaysInStep { get; private set; }
    public List<CycleStepEvent> Events { get; private set; } = [];
    public List<SelectListItem> RoundProducts { get; private set; } = [];
    public bool CanLink { get; private set; }

    private Role role;
    private RecordAccess access;

    /// <summary>Offered when both the rule and the user's role allow it (the server checks again on post).</summary>
    public bool Can(CycleAction action) =>
        CycleRules.MayTake(role, access, Entry.Step, action)
        && CycleRules.Apply(new CyclePosition(Entry.Step, Entry.State), action, Entry.RoundProductId is not null) is not null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAdvanceAsync(int id, int version, string? note, CancellationToken ct) => MoveAsync(id, version, CycleAction.Advance, note, ct);

    public Task<IActionResult> OnPostResubmitAsync(int id, int version, string? note, CancellationToken ct) => MoveAsync(id, version, CycleAction.Resubmit, note, ct);

    public Task<IActionResult> OnPostDropAsync(int id, int version, string? note, CancellationToken ct) => MoveAsync(id, version, CycleAction.Drop, note, ct);

    public Task<IActionResult> OnPostReturnAsync(int id, int version, string? reason, CancellationToken ct) => MoveAsync(id, version, CycleAction.Return, reason, ct);

    /// <summary>Ties the idea to its product in a round (<see cref="LinkCycleEntry"/>).</summary>
    public async Task<IActionResult> OnPostLinkAsync(int id, int version, int? roundProductId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var result = await link.RunAsync(await scopes.GetAsync(ct), new LinkCycleEntry.Command(id, version, roundProductId), ct);
        return Answer(id, result, "roundProductId", _ => "Đã gắn ý tưởng với sản phẩm trong đợt đánh giá.");
    }

    /// <summary>Moves the idea (<see cref="MoveCycleEntry"/>); the reasons of a return come in "reason", other notes in "note".</summary>
    private async Task<IActionResult> MoveAsync(int id, int version, CycleAction action, string? note, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var result = await move.RunAsync(await scopes.GetAsync(ct), new MoveCycleEntry.Command(id, version, action, note), ct);
        return Answer(id, result, action == CycleAction.Return ? "reason" : "note", moved => action switch
        {
            CycleAction.Return => "Đã trả lại ý tưởng cho chủ thể kèm lý do.",
            CycleAction.Drop => "Đã dừng ý tưởng.",
            _ when moved.To.State == CycleState.Completed => "Ý tưởng đã hoàn thành chu trình năm nay.",
            _ => $"Đã chuyển sang bước «{Display.Name(moved.To.Step)}».",
        });
    }

    /// <summary>Translates a use case's result: done goes back to the idea with its message; a refused move is shown on the page.</summary>
    /// <param name="field">The form field the command's one field is posted as (its errors are shown there).</param>
    private IActionResult Answer<T>(int id, WriteResult<T> result, string field, Func<T, string> message)
    {
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                TempData["Message"] = message(result.Value!);
                return RedirectToPage(new { id });
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            default:
                foreach (var (key, messages) in result.Errors)
                {
                    foreach (var text in messages)
                    {
                        ModelState.AddModelError(key.Length == 0 ? "" : field, text);
                    }
                }

                if (result.Message is not null)
                {
                    ModelState.AddModelError("", result.Message);
                }

                return Page();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var entry = await scope.Visible(db.CycleEntries).AsNoTracking().Where(e => e.Id == id).SingleOrDefaultAsync(ct);
        if (entry is null)
        {
            return false;
        }

        Entry = entry;
        role = scope.Role;
        access = scope.ForRecord(entry.CommuneId, entry.SubjectId);
        var names = await db.CycleEntries.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new
            {
                Commune = e.Commune!.Name,
                Subject = e.Subject!.Name,
                Product = e.Product!.Name,
                Category = e.Category!.Code + " " + e.Category.Name,
                Round = e.RoundProduct!.Round!.Name,
                RoundId = (int?)e.RoundProduct.RoundId,
            })
            .SingleAsync(ct);
        CommuneName = names.Commune;
        SubjectName = names.Subject;
        ProductName = names.Product;
        CategoryName = entry.CategoryId is null ? null : names.Category;
        RoundName = names.Round;
        RoundId = entry.RoundProductId is null ? null : names.RoundId;
        DaysInStep = CycleRules.DaysInStep(DateOnly.FromDateTime(entry.StepEnteredAt.AddHours(7)), Display.Today(clock));
        Events = await db.CycleStepEvents.AsNoTracking().Where(e => e.EntryId == id).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync(ct);

        // At the evaluation step, the entry is tied to its product in a round: products of its commune (its own product first).
        CanLink = CycleRules.MayLink(role, access, new CyclePosition(entry.Step, entry.State));
        if (CanLink)
        {
            var candidates = await LinkCycleEntry.Candidates(db, entry).AsNoTracking()
                .OrderByDescending(r => r.Round!.OpensOn)
                .Select(r => new { r.Id, Product = r.Product!.Name, Round = r.Round!.Name })
                .Take(200)
                .ToListAsync(ct);
            RoundProducts = candidates.Select(c => new SelectListItem($"{c.Product} – {c.Round}", c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Id == entry.RoundProductId)).ToList();
        }

        return true;
    }
}
