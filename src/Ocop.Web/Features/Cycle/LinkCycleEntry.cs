using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Cycle;

/// <summary>
/// Ties an idea at the evaluation step to its product in an evaluation round (<see cref="CycleRules.MayLink"/>): a
/// product of its commune, or its own product when it has one. The entry takes the product and its subject when it had
/// none; a history row records the link in the same save.
/// </summary>
public sealed class LinkCycleEntry(OcopDbContext db, TimeProvider clock, CurrentActor actor)
{
    public sealed record Command(int EntryId, int Version, int? RoundProductId);

    public sealed record Linked(int EntryId, int RoundProductId);

    /// <summary>The round products an entry may be tied to: its own product's, or any of its commune's when it has none.</summary>
    public static IQueryable<RoundProduct> Candidates(OcopDbContext db, CycleEntry entry)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);
        return entry.ProductId is int productId
            ? db.RoundProducts.Where(r => r.ProductId == productId)
            : db.RoundProducts.Where(r => r.Product!.CommuneId == entry.CommuneId);
    }

    public async Task<WriteResult<Linked>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var entry = await scope.Visible(db.CycleEntries).SingleOrDefaultAsync(e => e.Id == command.EntryId, ct);
        if (entry is null)
        {
            return WriteResult.NotFound<Linked>("Không tìm thấy ý tưởng.");
        }

        if (!CycleRules.MayLink(scope.Role, scope.ForRecord(entry.CommuneId, entry.SubjectId), new CyclePosition(entry.Step, entry.State)))
        {
            return WriteResult.Refused<Linked>("Bạn không được gắn ý tưởng này với đợt đánh giá.");
        }

        var product = command.RoundProductId is int roundProductId
            ? await Candidates(db, entry).Where(r => r.Id == roundProductId).Select(r => new { r.Id, r.ProductId, r.Product!.SubjectId }).SingleOrDefaultAsync(ct)
            : null;
        if (product is null)
        {
            var errors = new FieldErrorList();
            errors.Add(nameof(Command.RoundProductId), "Chọn sản phẩm trong một đợt đánh giá.");
            return WriteResult.Invalid<Linked>(errors);
        }

        if (entry.Version != command.Version)
        {
            return WriteResult.Stale<Linked>(MoveCycleEntry.StaleMessage);
        }

        entry.RoundProductId = product.Id;
        entry.ProductId ??= product.ProductId;
        entry.SubjectId ??= product.SubjectId;
        db.CycleStepEvents.Add(new CycleStepEvent
        {
            EntryId = entry.Id,
            FromStep = entry.Step,
            FromState = entry.State,
            ToStep = entry.Step,
            ToState = entry.State,
            At = clock.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserName = actor.FullName,
            Note = "Gắn với sản phẩm trong đợt đánh giá, phân hạng.",
        });
        try
        {
            await db.SaveChangesAsync(ct); // the entry and its history row in one save
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Stale<Linked>(MoveCycleEntry.StaleMessage);
        }

        return WriteResult.Done(new Linked(entry.Id, product.Id));
    }
}
