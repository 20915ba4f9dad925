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
public sealed class DetailsModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock, CurrentActor actor) : PageModel
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

    public async Task<IActionResult> OnPostLinkAsync(int id, int version, int? roundProductId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanLink)
        {
            return Forbid();
        }

        if (roundProductId is null || !RoundProducts.Exists(r => r.Value == roundProductId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError("roundProductId", "Chọn sản phẩm trong một đợt đánh giá.");
            return Page();
        }

        var entry = await db.CycleEntries.SingleAsync(e => e.Id == id, ct);
        if (entry.Version != version)
        {
            return Stale();
        }

        entry.RoundProductId = roundProductId;
        var product = await db.RoundProducts.Where(r => r.Id == roundProductId).Select(r => new { r.ProductId, r.Product!.SubjectId }).SingleAsync(ct);
        entry.ProductId ??= product.ProductId;
        entry.SubjectId ??= product.SubjectId;
        db.CycleStepEvents.Add(new CycleStepEvent
        {
            EntryId = id,
            FromStep = entry.Step,
            FromState = entry.State,
            ToStep = entry.Step,
            ToState = entry.State,
            At = clock.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserName = actor.FullName,
            Note = "Gắn với sản phẩm trong đợt đánh giá, phân hạng.",
        });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Đã gắn ý tưởng với sản phẩm trong đợt đánh giá.";
        return Redirect($"/Cycle/Details/{id}");
    }

    private async Task<IActionResult> MoveAsync(int id, int version, CycleAction action, string? note, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CycleRules.MayTake(role, access, Entry.Step, action))
        {
            return Forbid();
        }

        var field = action == CycleAction.Return ? "reason" : "note";
        if (action == CycleAction.Return && string.IsNullOrWhiteSpace(note))
        {
            ModelState.AddModelError("reason", "Nhập lý do trả lại để chủ thể biết cần bổ sung gì.");
            return Page();
        }

        if (note?.Length > 2000)
        {
            ModelState.AddModelError(field, "Tối đa 2.000 ký tự.");
            return Page();
        }

        var entry = await db.CycleEntries.SingleAsync(e => e.Id == id, ct);
        if (entry.Version != version)
        {
            return Stale();
        }

        var from = new CyclePosition(entry.Step, entry.State);
        if (CycleRules.Apply(from, action, entry.RoundProductId is not null) is not { } to)
        {
            var why = action == CycleAction.Advance && entry.Step == CycleStep.Evaluation && entry.State == CycleState.Active
                ? "Gắn ý tưởng với sản phẩm trong đợt đánh giá, phân hạng trước khi chuyển sang xúc tiến thương mại."
                : $"Không thể «{Display.Name(action).ToLower(Display.Vi)}» khi ý tưởng đang ở bước «{Display.Name(entry.Step)}» ({Display.Name(entry.State).ToLower(Display.Vi)}).";
            ModelState.AddModelError("", why);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        entry.Step = to.Step;
        entry.State = to.State;
        entry.StepEnteredAt = now;
        if (action == CycleAction.Return)
        {
            entry.ReturnReason = text;
        }

        db.CycleStepEvents.Add(new CycleStepEvent
        {
            EntryId = id,
            Action = action,
            FromStep = from.Step,
            FromState = from.State,
            ToStep = to.Step,
            ToState = to.State,
            At = now,
            UserId = actor.UserId,
            UserName = actor.FullName,
            Note = text,
        });
        // The entry and its history row are one save, so one transaction.
        await db.SaveChangesAsync(ct);
        TempData["Message"] = action switch
        {
            CycleAction.Return => "Đã trả lại ý tưởng cho chủ thể kèm lý do.",
            CycleAction.Drop => "Đã dừng ý tưởng.",
            _ when to.State == CycleState.Completed => "Ý tưởng đã hoàn thành chu trình năm nay.",
            _ => $"Đã chuyển sang bước «{Display.Name(to.Step)}».",
        };
        return Redirect($"/Cycle/Details/{id}");
    }

    private PageResult Stale()
    {
        ModelState.AddModelError("", "Ý tưởng vừa được người khác thay đổi. Hãy xem lại rồi thử lại.");
        return Page();
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
        CanLink = entry.Step == CycleStep.Evaluation && entry.State == CycleState.Active && access == RecordAccess.Edit && role != Role.Producer;
        if (CanLink)
        {
            var candidates = await db.RoundProducts.AsNoTracking()
                .Where(r => entry.ProductId == null ? r.Product!.CommuneId == entry.CommuneId : r.ProductId == entry.ProductId)
                .OrderByDescending(r => r.Round!.OpensOn)
                .Select(r => new { r.Id, Product = r.Product!.Name, Round = r.Round!.Name })
                .Take(200)
                .ToListAsync(ct);
            RoundProducts = candidates.Select(c => new SelectListItem($"{c.Product} – {c.Round}", c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Id == entry.RoundProductId)).ToList();
        }

        return true;
    }
}
