using Microsoft.EntityFrameworkCore.Diagnostics;
using Ocop.Web.Shared;

namespace Ocop.Web.Data;

/// <summary>
/// Keeps every saved subject's dated facts in step with its columns (<see cref="SubjectFactHistory"/>), whoever writes
/// it. It runs first: the periods it adds or ends are rows of the same save, stamped and audited like the rest.
/// </summary>
public sealed class SubjectFactsOnSave : SaveChangesInterceptor
{
    public static readonly SubjectFactsOnSave Instance = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is OcopDbContext db)
        {
            await SubjectFactHistory.KeepInStepAsync(db, Display.Today(db.Clock), cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();
}
