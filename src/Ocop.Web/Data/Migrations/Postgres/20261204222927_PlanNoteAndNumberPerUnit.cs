using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocop.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlanNoteAndNumberPerUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Plans_Number",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Plans_UnitId",
                table: "Plans");

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "Plans",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_UnitId_Number",
                table: "Plans",
                columns: new[] { "UnitId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Plans_UnitId_Number",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "Plans");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_Number",
                table: "Plans",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_UnitId",
                table: "Plans",
                column: "UnitId");
        }
    }
}
