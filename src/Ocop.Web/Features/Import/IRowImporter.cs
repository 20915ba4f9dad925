namespace Ocop.Web.Features.Import;

/// <summary>
/// One kind of list: its template's columns, how to tell two rows that mean the same record, and how one row becomes a
/// command of the kind's use case (the same handler a page or the API calls). Rows are staged, not saved: the import
/// saves them together in its transaction.
/// </summary>
public interface IRowImporter
{
    ImportKind Kind { get; }

    IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>What makes two rows of a file one record: the second is refused as a duplicate.</summary>
    string DuplicateKey(ImportRow row);

    /// <summary>Loads what every row of this kind reads (existing records to match), once per import.</summary>
    Task PrepareAsync(ImportContext context, CancellationToken ct);

    Task<RowResult> ImportAsync(ImportContext context, ImportRow row, CancellationToken ct);

    /// <summary>After the last row, before the commit: work over several rows at once (a decision frozen with all its certificates).</summary>
    Task FinishAsync(ImportContext context, CancellationToken ct) => Task.CompletedTask;
}
