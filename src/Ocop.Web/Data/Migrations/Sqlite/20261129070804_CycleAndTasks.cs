using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocop.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CycleAndTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CycleEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProposerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IdeaName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    StepEnteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RoundProductId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CycleEntries_ProductCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "ProductCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CycleEntries_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CycleEntries_RoundProducts_RoundProductId",
                        column: x => x.RoundProductId,
                        principalTable: "RoundProducts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CycleEntries_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CycleEntries_Units_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Offices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsProgramOffice = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Offices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Offices_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CycleStepEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: true),
                    FromStep = table.Column<int>(type: "INTEGER", nullable: true),
                    FromState = table.Column<int>(type: "INTEGER", nullable: true),
                    ToStep = table.Column<int>(type: "INTEGER", nullable: false),
                    ToState = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleStepEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CycleStepEvents_CycleEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "CycleEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OfficeMembers",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficeMembers", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_OfficeMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OfficeMembers_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: true),
                    Section = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: true),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Recurrence = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDay = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysAfterQuarter = table.Column<int>(type: "INTEGER", nullable: false),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanTasks", x => x.Id);
                    table.CheckConstraint("CK_PlanTasks_one_owner", "(\"OfficeId\" IS NULL) <> (\"CommuneId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_PlanTasks_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanTasks_Units_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodLabel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IsDone = table.Column<bool>(type: "INTEGER", nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProblemState = table.Column<int>(type: "INTEGER", nullable: false),
                    ProblemReply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProblemHandledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProblemHandledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskReports_PlanTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    OriginalName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskAttachments_TaskReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "TaskReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskReportFigures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskReportFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskReportFigures_TaskReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "TaskReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CycleEntries_CategoryId",
                table: "CycleEntries",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_CycleEntries_CommuneId",
                table: "CycleEntries",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_CycleEntries_ProductId",
                table: "CycleEntries",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_CycleEntries_RoundProductId",
                table: "CycleEntries",
                column: "RoundProductId");

            migrationBuilder.CreateIndex(
                name: "IX_CycleEntries_SubjectId",
                table: "CycleEntries",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_CycleEntries_Year_CommuneId",
                table: "CycleEntries",
                columns: new[] { "Year", "CommuneId" });

            migrationBuilder.CreateIndex(
                name: "IX_CycleStepEvents_EntryId",
                table: "CycleStepEvents",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_OfficeMembers_OfficeId",
                table: "OfficeMembers",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_Offices_UnitId_ShortName",
                table: "Offices",
                columns: new[] { "UnitId", "ShortName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanTasks_CommuneId",
                table: "PlanTasks",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTasks_OfficeId",
                table: "PlanTasks",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskAttachments_ReportId",
                table: "TaskAttachments",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskReportFigures_ReportId",
                table: "TaskReportFigures",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskReports_ProblemState",
                table: "TaskReports",
                column: "ProblemState");

            migrationBuilder.CreateIndex(
                name: "IX_TaskReports_TaskId_PeriodStart",
                table: "TaskReports",
                columns: new[] { "TaskId", "PeriodStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CycleStepEvents");

            migrationBuilder.DropTable(
                name: "OfficeMembers");

            migrationBuilder.DropTable(
                name: "TaskAttachments");

            migrationBuilder.DropTable(
                name: "TaskReportFigures");

            migrationBuilder.DropTable(
                name: "CycleEntries");

            migrationBuilder.DropTable(
                name: "TaskReports");

            migrationBuilder.DropTable(
                name: "PlanTasks");

            migrationBuilder.DropTable(
                name: "Offices");
        }
    }
}
