using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocop.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndexes : Migration
    {
        private static readonly (string Table, string Index)[] SearchIndexTables =
        [
            ("Products", "ProductSearchIndex"),
            ("Subjects", "SubjectSearchIndex"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Subjects_Name",
                table: "Subjects",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Subjects_UpdatedAt",
                table: "Subjects",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Products_Name",
                table: "Products",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Products_UpdatedAt",
                table: "Products",
                column: "UpdatedAt");

            // "Contains" search on the folded keys (Data/TextSearch.cs): FTS5 trigram tables over SearchText,
            // external-content (they keep only the index), kept in sync by triggers. A later migration that
            // rebuilds Products or Subjects (SQLite drops a table's triggers with it) must create the triggers again.
            foreach (var (table, index) in SearchIndexTables)
            {
                migrationBuilder.Sql($"""
                    CREATE VIRTUAL TABLE "{index}" USING fts5("SearchText", content='{table}', content_rowid='Id', tokenize='trigram');
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_SearchIndex_Insert" AFTER INSERT ON "{table}" BEGIN
                        INSERT INTO "{index}"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_SearchIndex_Delete" AFTER DELETE ON "{table}" BEGIN
                        INSERT INTO "{index}"("{index}", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_SearchIndex_Update" AFTER UPDATE OF "SearchText" ON "{table}" BEGIN
                        INSERT INTO "{index}"("{index}", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
                        INSERT INTO "{index}"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
                    END;
                    """);
                migrationBuilder.Sql($"""INSERT INTO "{index}"("{index}") VALUES ('rebuild');""");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, index) in SearchIndexTables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER "{table}_SearchIndex_Insert";""");
                migrationBuilder.Sql($"""DROP TRIGGER "{table}_SearchIndex_Delete";""");
                migrationBuilder.Sql($"""DROP TRIGGER "{table}_SearchIndex_Update";""");
                migrationBuilder.Sql($"""DROP TABLE "{index}";""");
            }

            migrationBuilder.DropIndex(
                name: "IX_Subjects_Name",
                table: "Subjects");

            migrationBuilder.DropIndex(
                name: "IX_Subjects_UpdatedAt",
                table: "Subjects");

            migrationBuilder.DropIndex(
                name: "IX_Products_Name",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_UpdatedAt",
                table: "Products");
        }
    }
}
