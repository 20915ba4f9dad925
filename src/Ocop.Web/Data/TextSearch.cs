using Microsoft.EntityFrameworkCore;

namespace Ocop.Web.Data;

/// <summary>
/// Which records' folded search key contains a folded query ("banh tet" in "banh tet la cam da loc"), answered from
/// a trigram index instead of reading every row: on SQLite the FTS5 trigram tables ProductSearchIndex and
/// SubjectSearchIndex (created and kept in sync by triggers in the SearchIndexes migration), on PostgreSQL the
/// pg_trgm GIN indexes on SearchText, which serve LIKE '%…%'. Both give exactly the rows a plain substring test
/// gives. A query shorter than a trigram can use neither index and is a plain substring test over every row.
/// </summary>
public static class TextSearch
{
    public const int MinIndexedLength = 3;

    /// <summary>Ids of the products whose own search key (name, GTIN) contains <paramref name="folded"/>.</summary>
    public static IQueryable<int> ProductIds(OcopDbContext db, string folded)
    {
        if (!Indexable(folded))
        {
            return db.Products.Where(p => p.SearchText.Contains(folded)).Select(p => p.Id);
        }

        if (db.Database.IsSqlite())
        {
            return db.Database.SqlQuery<int>(
                $"""SELECT rowid AS "Value" FROM "ProductSearchIndex" WHERE "ProductSearchIndex" MATCH {Phrase(folded)}""");
        }

        var pattern = LikePattern(folded);
        return db.Products.Where(p => EF.Functions.Like(p.SearchText, pattern, LikeEscape)).Select(p => p.Id);
    }

    /// <summary>Ids of the subjects whose search key (name, representative, tax code, registration) contains <paramref name="folded"/>.</summary>
    public static IQueryable<int> SubjectIds(OcopDbContext db, string folded)
    {
        if (!Indexable(folded))
        {
            return db.Subjects.Where(s => s.SearchText.Contains(folded)).Select(s => s.Id);
        }

        if (db.Database.IsSqlite())
        {
            return db.Database.SqlQuery<int>(
                $"""SELECT rowid AS "Value" FROM "SubjectSearchIndex" WHERE "SubjectSearchIndex" MATCH {Phrase(folded)}""");
        }

        var pattern = LikePattern(folded);
        return db.Subjects.Where(s => EF.Functions.Like(s.SearchText, pattern, LikeEscape)).Select(s => s.Id);
    }

    private const string LikeEscape = "\\";

    // Trigrams are of characters, not UTF-16 units.
    private static bool Indexable(string folded) => folded.EnumerateRunes().Take(MinIndexedLength).Count() == MinIndexedLength;

    // An FTS5 string: the trigram tokenizer turns it into consecutive trigrams, so it matches as a substring.
    private static string Phrase(string folded) => "\"" + folded.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string LikePattern(string folded) =>
        "%" + folded
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
