using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ocop.Web.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "AcceptedAt",
                table: "Dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReevaluationNote",
                table: "Certificates",
                type: "character varying(250)",
                maxLength: 250,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReevaluationOutcome",
                table: "Certificates",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RevokingCheckId",
                table: "Certificates",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProductChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CheckedBy = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Quality = table.Column<int>(type: "integer", nullable: false),
                    FoodSafetyPapers = table.Column<int>(type: "integer", nullable: false),
                    FoodSafetyPapersExpireOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Labels = table.Column<int>(type: "integer", nullable: false),
                    Environment = table.Column<int>(type: "integer", nullable: false),
                    Findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FollowUp = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FollowUpDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowUpDoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Passed = table.Column<bool>(type: "boolean", nullable: false),
                    Ground = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WorkedWeekendDay = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
