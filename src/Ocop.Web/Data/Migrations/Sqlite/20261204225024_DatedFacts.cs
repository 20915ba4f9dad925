using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocop.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DatedFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "RegisteredOn",
                table: "Subjects",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndedOn",
                table: "CraftVillages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RecognisedOn",
                table: "CraftVillages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SubjectChannels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectChannels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubjectChannels_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SubjectGreenChains",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    RawMaterialAreaHa = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectGreenChains", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubjectGreenChains_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SubjectLegalForms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    LegalForm = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectLegalForms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubjectLegalForms_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SubjectChannels_SubjectId_StartedOn",
                table: "SubjectChannels",
                columns: new[] { "SubjectId", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SubjectGreenChains_SubjectId_StartedOn",
                table: "SubjectGreenChains",
                columns: new[] { "SubjectId", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SubjectLegalForms_SubjectId_StartedOn",
                table: "SubjectLegalForms",
                columns: new[] { "SubjectId", "StartedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SubjectChannels");

            migrationBuilder.DropTable(
                name: "SubjectGreenChains");

            migrationBuilder.DropTable(
                name: "SubjectLegalForms");

            migrationBuilder.DropColumn(
                name: "RegisteredOn",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "EndedOn",
                table: "CraftVillages");

            migrationBuilder.DropColumn(
                name: "RecognisedOn",
                table: "CraftVillages");
        }
    }
}
