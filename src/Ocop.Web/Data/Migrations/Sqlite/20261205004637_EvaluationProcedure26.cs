using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocop.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EvaluationProcedure26 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Transcribed",
                table: "Recognitions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "AcceptedAt",
                table: "Dossiers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReevaluationNote",
                table: "Certificates",
                type: "TEXT",
                maxLength: 250,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReevaluationOutcome",
                table: "Certificates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RevokingCheckId",
                table: "Certificates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProductChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CertificateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Quality = table.Column<int>(type: "INTEGER", nullable: false),
                    FoodSafetyPapers = table.Column<int>(type: "INTEGER", nullable: false),
                    FoodSafetyPapersExpireOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Labels = table.Column<int>(type: "INTEGER", nullable: false),
                    Environment = table.Column<int>(type: "INTEGER", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FollowUpDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUpDoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Ground = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductChecks_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicHolidays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WorkedWeekendDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicHolidays", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_RevokingCheckId",
                table: "Certificates",
                column: "RevokingCheckId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductChecks_CertificateId",
                table: "ProductChecks",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductChecks_FollowUpDueOn",
                table: "ProductChecks",
                column: "FollowUpDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_PublicHolidays_Date",
                table: "PublicHolidays",
                column: "Date",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Certificates_ProductChecks_RevokingCheckId",
                table: "Certificates",
                column: "RevokingCheckId",
                principalTable: "ProductChecks",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Certificates_ProductChecks_RevokingCheckId",
                table: "Certificates");

            migrationBuilder.DropTable(
                name: "ProductChecks");

            migrationBuilder.DropTable(
                name: "PublicHolidays");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_RevokingCheckId",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "Transcribed",
                table: "Recognitions");

            migrationBuilder.DropColumn(
                name: "AcceptedAt",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "ReevaluationNote",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "ReevaluationOutcome",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "RevokingCheckId",
                table: "Certificates");
        }
    }
}
