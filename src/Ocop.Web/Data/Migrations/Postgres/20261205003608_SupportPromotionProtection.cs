using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ocop.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupportPromotionProtection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BudgetAllocationId",
                table: "SupportRecords",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OfficeId",
                table: "SupportRecords",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PaidVnd",
                table: "SupportRecords",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PolicyId",
                table: "SupportRecords",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Source",
                table: "SupportRecords",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BudgetAllocation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    AllocatedByOfficeId = table.Column<int>(type: "integer", nullable: true),
                    OfficeId = table.Column<int>(type: "integer", nullable: true),
                    CommuneId = table.Column<int>(type: "integer", nullable: true),
                    AmountVnd = table.Column<long>(type: "bigint", nullable: false),
                    Decision = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetAllocation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetAllocation_Offices_AllocatedByOfficeId",
                        column: x => x.AllocatedByOfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BudgetAllocation_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BudgetAllocation_Units_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BudgetAllocation_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EcommerceListing",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    Platform = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EcommerceListing", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EcommerceListing_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IpTitle",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    ProductId = table.Column<int>(type: "integer", nullable: true),
                    Owner = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    ApplicationNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    AppliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    GrantNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    GrantedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IpTitle", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IpTitle_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IpTitle_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProductTraceability",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    System = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LabelCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductTraceability", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductTraceability_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RawMaterialArea",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    CommuneId = table.Column<int>(type: "integer", nullable: false),
                    Location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AreaHa = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Certification = table.Column<int>(type: "integer", nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RawMaterialArea", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RawMaterialArea_Units_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reward",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    ProductId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Issuer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Decision = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reward", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reward_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reward_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SalesPoint",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Operator = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    OperatorSubjectId = table.Column<int>(type: "integer", nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CommuneId = table.Column<int>(type: "integer", nullable: false),
                    Latitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    Longitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    OpeningDecision = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesPoint", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SalesPoint_Subjects_OperatorSubjectId",
                        column: x => x.OperatorSubjectId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SalesPoint_Units_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SectionFile",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    StoredName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    OriginalName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SectionFile", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupportPolicy",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportPolicy", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TourismRoute",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    OfficeId = table.Column<int>(type: "integer", nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TourismRoute", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TourismRoute_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TourismRoute_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TradeFair",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Organiser = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    OfficeId = table.Column<int>(type: "integer", nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TradeFair", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TradeFair_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TradeFair_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingEvent",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    OfficeId = table.Column<int>(type: "integer", nullable: true),
                    Organiser = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Participants = table.Column<int>(type: "integer", nullable: false),
                    Women = table.Column<int>(type: "integer", nullable: false),
                    Materials = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Source = table.Column<int>(type: "integer", nullable: true),
                    CostVnd = table.Column<long>(type: "bigint", nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingEvent_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingEvent_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RawMaterialAreaLink",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    Contract = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RawMaterialAreaLink", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RawMaterialAreaLink_RawMaterialArea_AreaId",
                        column: x => x.AreaId,
                        principalTable: "RawMaterialArea",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RawMaterialAreaLink_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SalesPointProduct",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SalesPointId = table.Column<int>(type: "integer", nullable: false),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesPointProduct", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SalesPointProduct_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SalesPointProduct_SalesPoint_SalesPointId",
                        column: x => x.SalesPointId,
                        principalTable: "SalesPoint",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TourismPoint",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: true),
                    CraftVillageId = table.Column<int>(type: "integer", nullable: true),
                    SalesPointId = table.Column<int>(type: "integer", nullable: true),
                    CommuneId = table.Column<int>(type: "integer", nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Latitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    Longitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TourismPoint", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TourismPoint_CraftVillages_CraftVillageId",
                        column: x => x.CraftVillageId,
                        principalTable: "CraftVillages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TourismPoint_SalesPoint_SalesPointId",
                        column: x => x.SalesPointId,
                        principalTable: "SalesPoint",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TourismPoint_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TourismPoint_Units_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportPolicyRate",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PolicyId = table.Column<int>(type: "integer", nullable: false),
                    Stars = table.Column<int>(type: "integer", nullable: false),
                    MaxAmountVnd = table.Column<long>(type: "bigint", nullable: true),
                    RatePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportPolicyRate", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportPolicyRate_SupportPolicy_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "SupportPolicy",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TradeFairEntry",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FairId = table.Column<int>(type: "integer", nullable: false),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    SalesVnd = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TradeFairEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TradeFairEntry_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TradeFairEntry_TradeFair_FairId",
                        column: x => x.FairId,
                        principalTable: "TradeFair",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingAttendee",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingAttendee", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingAttendee_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingAttendee_TrainingEvent_EventId",
                        column: x => x.EventId,
                        principalTable: "TrainingEvent",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TourismRouteStop",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RouteId = table.Column<int>(type: "integer", nullable: false),
                    PointId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TourismRouteStop", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TourismRouteStop_TourismPoint_PointId",
                        column: x => x.PointId,
                        principalTable: "TourismPoint",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TourismRouteStop_TourismRoute_RouteId",
                        column: x => x.RouteId,
                        principalTable: "TourismRoute",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupportRecords_BudgetAllocationId",
                table: "SupportRecords",
                column: "BudgetAllocationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRecords_OfficeId",
                table: "SupportRecords",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRecords_PolicyId",
                table: "SupportRecords",
                column: "PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetAllocation_AllocatedByOfficeId",
                table: "BudgetAllocation",
                column: "AllocatedByOfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetAllocation_CommuneId",
                table: "BudgetAllocation",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetAllocation_OfficeId",
                table: "BudgetAllocation",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetAllocation_UnitId",
                table: "BudgetAllocation",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetAllocation_Year_Source",
                table: "BudgetAllocation",
                columns: new[] { "Year", "Source" });

            migrationBuilder.CreateIndex(
                name: "IX_EcommerceListing_ProductId",
                table: "EcommerceListing",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_IpTitle_ProductId",
                table: "IpTitle",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_IpTitle_SubjectId",
                table: "IpTitle",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductTraceability_ProductId",
                table: "ProductTraceability",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_RawMaterialArea_CommuneId",
                table: "RawMaterialArea",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_RawMaterialAreaLink_AreaId",
                table: "RawMaterialAreaLink",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_RawMaterialAreaLink_SubjectId",
                table: "RawMaterialAreaLink",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Reward_ProductId",
                table: "Reward",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Reward_SubjectId",
                table: "Reward",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_SalesPoint_CommuneId",
                table: "SalesPoint",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_SalesPoint_OperatorSubjectId",
                table: "SalesPoint",
                column: "OperatorSubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_SalesPointProduct_ProductId",
                table: "SalesPointProduct",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_SalesPointProduct_SalesPointId",
                table: "SalesPointProduct",
                column: "SalesPointId");

            migrationBuilder.CreateIndex(
                name: "IX_SectionFile_OwnerType_OwnerId",
                table: "SectionFile",
                columns: new[] { "OwnerType", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportPolicyRate_PolicyId_Stars",
                table: "SupportPolicyRate",
                columns: new[] { "PolicyId", "Stars" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TourismPoint_CommuneId",
                table: "TourismPoint",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_TourismPoint_CraftVillageId",
                table: "TourismPoint",
                column: "CraftVillageId");

            migrationBuilder.CreateIndex(
                name: "IX_TourismPoint_SalesPointId",
                table: "TourismPoint",
                column: "SalesPointId");

            migrationBuilder.CreateIndex(
                name: "IX_TourismPoint_SubjectId",
                table: "TourismPoint",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_TourismRoute_OfficeId",
                table: "TourismRoute",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_TourismRoute_UnitId",
                table: "TourismRoute",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_TourismRouteStop_PointId",
                table: "TourismRouteStop",
                column: "PointId");

            migrationBuilder.CreateIndex(
                name: "IX_TourismRouteStop_RouteId_Position",
                table: "TourismRouteStop",
                columns: new[] { "RouteId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_TradeFair_OfficeId",
                table: "TradeFair",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_TradeFair_StartsOn",
                table: "TradeFair",
                column: "StartsOn");

            migrationBuilder.CreateIndex(
                name: "IX_TradeFair_UnitId",
                table: "TradeFair",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_TradeFairEntry_FairId_ProductId",
                table: "TradeFairEntry",
                columns: new[] { "FairId", "ProductId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TradeFairEntry_ProductId",
                table: "TradeFairEntry",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendee_EventId_SubjectId",
                table: "TrainingAttendee",
                columns: new[] { "EventId", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendee_SubjectId",
                table: "TrainingAttendee",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEvent_OfficeId",
                table: "TrainingEvent",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEvent_On",
                table: "TrainingEvent",
                column: "On");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEvent_UnitId",
                table: "TrainingEvent",
                column: "UnitId");

            migrationBuilder.AddForeignKey(
                name: "FK_SupportRecords_BudgetAllocation_BudgetAllocationId",
                table: "SupportRecords",
                column: "BudgetAllocationId",
                principalTable: "BudgetAllocation",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SupportRecords_Offices_OfficeId",
                table: "SupportRecords",
                column: "OfficeId",
                principalTable: "Offices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SupportRecords_SupportPolicy_PolicyId",
                table: "SupportRecords",
                column: "PolicyId",
                principalTable: "SupportPolicy",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SupportRecords_BudgetAllocation_BudgetAllocationId",
                table: "SupportRecords");

            migrationBuilder.DropForeignKey(
                name: "FK_SupportRecords_Offices_OfficeId",
                table: "SupportRecords");

            migrationBuilder.DropForeignKey(
                name: "FK_SupportRecords_SupportPolicy_PolicyId",
                table: "SupportRecords");

            migrationBuilder.DropTable(
                name: "BudgetAllocation");

            migrationBuilder.DropTable(
                name: "EcommerceListing");

            migrationBuilder.DropTable(
                name: "IpTitle");

            migrationBuilder.DropTable(
                name: "ProductTraceability");

            migrationBuilder.DropTable(
                name: "RawMaterialAreaLink");

            migrationBuilder.DropTable(
                name: "Reward");

            migrationBuilder.DropTable(
                name: "SalesPointProduct");

            migrationBuilder.DropTable(
                name: "SectionFile");

            migrationBuilder.DropTable(
                name: "SupportPolicyRate");

            migrationBuilder.DropTable(
                name: "TourismRouteStop");

            migrationBuilder.DropTable(
                name: "TradeFairEntry");

            migrationBuilder.DropTable(
                name: "TrainingAttendee");

            migrationBuilder.DropTable(
                name: "RawMaterialArea");

            migrationBuilder.DropTable(
                name: "SupportPolicy");

            migrationBuilder.DropTable(
                name: "TourismPoint");

            migrationBuilder.DropTable(
                name: "TourismRoute");

            migrationBuilder.DropTable(
                name: "TradeFair");

            migrationBuilder.DropTable(
                name: "TrainingEvent");

            migrationBuilder.DropTable(
                name: "SalesPoint");

            migrationBuilder.DropIndex(
                name: "IX_SupportRecords_BudgetAllocationId",
                table: "SupportRecords");

            migrationBuilder.DropIndex(
                name: "IX_SupportRecords_OfficeId",
                table: "SupportRecords");

            migrationBuilder.DropIndex(
                name: "IX_SupportRecords_PolicyId",
                table: "SupportRecords");

            migrationBuilder.DropColumn(
                name: "BudgetAllocationId",
                table: "SupportRecords");

            migrationBuilder.DropColumn(
                name: "OfficeId",
                table: "SupportRecords");

            migrationBuilder.DropColumn(
                name: "PaidVnd",
                table: "SupportRecords");

            migrationBuilder.DropColumn(
                name: "PolicyId",
                table: "SupportRecords");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "SupportRecords");
        }
    }
}
