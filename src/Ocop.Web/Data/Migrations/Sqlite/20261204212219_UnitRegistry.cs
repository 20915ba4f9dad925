using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocop.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnitRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsStale",
                table: "Units",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "NameVariants",
                table: "Units",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "Units",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SuccessorChosenOn",
                table: "Units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeployingOffices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ServesWholeCountry = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeployingOffices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeployingOffices_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceFileImports",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceFileImports", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "UnitSuccessorLinks",
                columns: table => new
                {
                    PredecessorId = table.Column<int>(type: "INTEGER", nullable: false),
                    SuccessorId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPartial = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitSuccessorLinks", x => new { x.PredecessorId, x.SuccessorId });
                    table.ForeignKey(
                        name: "FK_UnitSuccessorLinks_Units_PredecessorId",
                        column: x => x.PredecessorId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitSuccessorLinks_Units_SuccessorId",
                        column: x => x.SuccessorId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeployingOfficeUnit",
                columns: table => new
                {
                    DeployingOfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeployingOfficeUnit", x => new { x.DeployingOfficeId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_DeployingOfficeUnit_DeployingOffices_DeployingOfficeId",
                        column: x => x.DeployingOfficeId,
                        principalTable: "DeployingOffices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DeployingOfficeUnit_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeployingOffices_UnitId",
                table: "DeployingOffices",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DeployingOfficeUnit_UnitId",
                table: "DeployingOfficeUnit",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitSuccessorLinks_SuccessorId",
                table: "UnitSuccessorLinks",
                column: "SuccessorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeployingOfficeUnit");

            migrationBuilder.DropTable(
                name: "ReferenceFileImports");

            migrationBuilder.DropTable(
                name: "UnitSuccessorLinks");

            migrationBuilder.DropTable(
                name: "DeployingOffices");

            migrationBuilder.DropColumn(
                name: "IsStale",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "NameVariants",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "SuccessorChosenOn",
                table: "Units");
        }
    }
}
