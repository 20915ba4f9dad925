using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ocop.Bench.Generator;

/// <summary>
/// Writes rows straight into their tables with multi-row INSERTs. Table names, column names and value conversions
/// come from the app's own EF model, so the generator follows the schema as it changes; there is no change
/// tracking and no per-row audit (the generator writes the audit history itself), so 100,000 rows take seconds.
/// </summary>
internal sealed class BulkWriter(DbContext db)
{
    // PostgreSQL takes up to 65,535 parameters a statement and gains from few round trips. Microsoft.Data.Sqlite
    // binds each parameter by a linear search of the others, so it wants short statements run many times.
    private const int MaxPostgresParameters = 30_000;
    private const int MaxSqliteParameters = 120;
    private const int MaxRowsPerStatement = 500;

    public async Task InsertAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => (Property: p, Name: p.GetColumnName(table), Mapping: p.GetRelationalTypeMapping()))
            .Where(c => c.Name is not null)
            .ToList();
        foreach (var c in columns.Where(c => c.Property.PropertyInfo is null))
        {
            throw new InvalidOperationException($"{typeof(T).Name}.{c.Property.Name} is a shadow property; the generator cannot fill it.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
            + $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name!)))}) VALUES ";
        var maxParameters = db.Database.IsNpgsql() ? MaxPostgresParameters : MaxSqliteParameters;
        var perStatement = Math.Clamp(maxParameters / columns.Count, 1, MaxRowsPerStatement);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        // One command per statement size, reused so that SQLite prepares its statement once.
        var commands = new Dictionary<int, System.Data.Common.DbCommand>();
        try
        {
            foreach (var chunk in rows.Chunk(perStatement))
            {
                if (!commands.TryGetValue(chunk.Length, out var command))
                {
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = head + string.Join(", ", Enumerable.Range(0, chunk.Length).Select(r =>
                        "(" + string.Join(", ", columns.Select((_, c) => sql.GenerateParameterNamePlaceholder($"p{(r * columns.Count) + c}"))) + ")"));
                    commands[chunk.Length] = command;
                }

                command.Parameters.Clear();
                var n = 0;
                foreach (var row in chunk)
                {
                    foreach (var (property, _, mapping) in columns)
                    {
                        // CreateParameter applies the model's value converter (enums to integers and the like).
                        command.Parameters.Add(mapping.CreateParameter(
                            command, sql.GenerateParameterName($"p{n++}"), property.PropertyInfo!.GetValue(row), property.IsNullable));
                    }
                }

                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync();
            }
        }
    }

    /// <summary>PostgreSQL identity columns do not move when ids are written explicitly; move them past the rows.</summary>
    public async Task ResetIdentityAsync<T>(CancellationToken ct)
        where T : class
    {
        if (!db.Database.IsNpgsql())
        {
            return; // SQLite's AUTOINCREMENT follows the largest id written.
        }

        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(table)!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var quotedTable = sql.DelimitIdentifier(table.Name, table.Schema);
        var quotedKey = sql.DelimitIdentifier(key);
        // Names come from the model, not from input.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync(
            $"SELECT setval(pg_get_serial_sequence('{quotedTable}', '{key}'), (SELECT COALESCE(MAX({quotedKey}), 0) + 1 FROM {quotedTable}), false)",
            ct);
#pragma warning restore EF1002
    }
}
