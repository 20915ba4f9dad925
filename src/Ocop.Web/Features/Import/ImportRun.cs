using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Import;

/// <summary>
/// Runs a list through its kind's use cases in one transaction: a dry run rolls it back and reports what would be
/// created, updated, left unchanged or refused (and why); a commit writes every row that passes, all together or —
/// when anything fails or the run is stopped part-way — nothing at all. Rows the file repeats are refused as duplicates;
/// re-running the same file changes nothing, since each row finds the record it made. Progress is told every
/// <see cref="Batch"/> rows.
/// </summary>
public sealed class ImportRun(OcopDbContext db, IEnumerable<IRowImporter> importers, UnitDirectory units, TimeProvider clock)
{
    /// <summary>Rows staged between saves: the change tracker stays small, and each save is one round of inserts.</summary>
    public const int Batch = 250;

    public IRowImporter For(ImportKind kind) => importers.Single(i => i.Kind == kind);

    public async Task<ImportReport> RunAsync(ImportKind kind, string fileName, ImportSheet sheet, UserScope scope, bool commit,
        IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(scope);
        var importer = For(kind);
        var results = new List<RowResult>(sheet.Rows.Count);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var context = await ImportContext.LoadAsync(db, scope, Display.Today(clock), units, ct);
        await importer.PrepareAsync(context, ct);
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var done = 0;
        foreach (var row in sheet.Rows)
        {
            ct.ThrowIfCancellationRequested();
            var key = importer.DuplicateKey(row);
            if (key.Trim('|').Length > 0 && firstRowOf.TryGetValue(key, out var first))
            {
                results.Add(RowResult.Refused(row.Number, LabelOf(importer, row), [$"Trùng với dòng {first}: mỗi bản ghi chỉ ghi một lần."]));
            }
            else
            {
                firstRowOf.TryAdd(key, row.Number);
                results.Add(await importer.ImportAsync(context, row, ct));
            }

            if (++done % Batch == 0)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                progress?.Report(done);
            }
        }

        await db.SaveChangesAsync(ct);
        await importer.FinishAsync(context, ct);
        db.ChangeTracker.Clear();
        progress?.Report(done);
        if (commit)
        {
            await transaction.CommitAsync(ct);
        }
        else
        {
            await transaction.RollbackAsync(ct);
        }

        return new ImportReport(kind, fileName, sheet.Headers, results, commit);
    }

    private static string LabelOf(IRowImporter importer, ImportRow row) => row[importer.Columns[0].Header];
}
