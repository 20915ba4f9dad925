using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;

namespace Ocop.Web.Data;

// The plan at work (issue 4): the annual OCOP cycle of each idea, and the tasks that section IV of the plan gives each
// office and commune with their progress reports. Tasks name their plan by number (and an optional PlanId) until the
// plans feature is merged; nothing here navigates to it.

/// <summary>An office of a district or province (Phòng NN&amp;PTNT, Phòng Tài chính – Kế hoạch, …) that owns plan tasks.</summary>
public class Office : IAuditable, IVersioned
{
    public int Id { get; set; }
    [MaxLength(200)] public required string Name { get; set; }
    [MaxLength(60)] public required string ShortName { get; set; }
    /// <summary>The district or province the office serves.</summary>
    public int UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
    /// <summary>The office that runs the OCOP program of its unit and receives problems raised (plan IV.1, IV.8).</summary>
    public bool IsProgramOffice { get; set; }
    public int SortOrder { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; }
}

/// <summary>The office a user works in (office staff and the program office); at most one per user.</summary>
public class OfficeMember : IAuditable
{
    [MaxLength(450)] public required string UserId { get; set; }
    public int OfficeId { get; set; }
    public Office? Office { get; set; }
}

/// <summary>One product idea in one year's OCOP cycle, from the commune's survey or a producer's registration.</summary>
public class CycleEntry : IAuditable, IVersioned
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int CommuneId { get; set; }
    public AdministrativeUnit? Commune { get; set; }
    public int? SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public int? ProductId { get; set; }
    public Product? Product { get; set; }
    /// <summary>Who proposes the idea (the producer, household or group), as written on the registration form.</summary>
    [MaxLength(200)] public required string ProposerName { get; set; }
    [MaxLength(300)] public required string IdeaName { get; set; }
    public int? CategoryId { get; set; }
    public ProductCategory? Category { get; set; }
    [MaxLength(4000)] public string? Description { get; set; }
    public CycleStep Step { get; set; }
    public CycleState State { get; set; }
    public DateTime StepEnteredAt { get; set; }
    [MaxLength(2000)] public string? ReturnReason { get; set; }
    /// <summary>The product of an evaluation round that evaluated this idea (step 6).</summary>
    public int? RoundProductId { get; set; }
    public RoundProduct? RoundProduct { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<CycleStepEvent> Events { get; set; } = [];
}

/// <summary>One move of a cycle entry: append-only, the board's history and the report's evidence.</summary>
public class CycleStepEvent
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public CycleEntry? Entry { get; set; }
    public CycleAction? Action { get; set; }
    public CycleStep? FromStep { get; set; }
    public CycleState? FromState { get; set; }
    public CycleStep ToStep { get; set; }
    public CycleState ToState { get; set; }
    public DateTime At { get; set; }
    [MaxLength(450)] public string? UserId { get; set; }
    [MaxLength(256)] public required string UserName { get; set; }
    [MaxLength(2000)] public string? Note { get; set; }
}

/// <summary>A job the plan gives an office or a commune (section IV), with its schedule. Exactly one owner is set.</summary>
public class PlanTask : IAuditable, IVersioned
{
    public int Id { get; set; }
    /// <summary>The plan as numbered ("46/KH-UBND"); the plans feature links it through <see cref="PlanId"/>.</summary>
    [MaxLength(60)] public required string PlanNumber { get; set; }
    public int? PlanId { get; set; }
    /// <summary>The plan section the task comes from, e.g. "IV.1".</summary>
    [MaxLength(20)] public required string Section { get; set; }
    public int? OfficeId { get; set; }
    public Office? Office { get; set; }
    public int? CommuneId { get; set; }
    public AdministrativeUnit? Commune { get; set; }
    [MaxLength(300)] public required string Title { get; set; }
    [MaxLength(4000)] public string? Description { get; set; }
    public Recurrence Recurrence { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public int DueMonth { get; set; } = 12;
    public int DueDay { get; set; } = 31;
    public int DaysAfterQuarter { get; set; }
    public bool IsArchived { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<TaskReport> Reports { get; set; } = [];

    public TaskSchedule Schedule => new(Recurrence, StartsOn, DueOn, DueMonth, DueDay, DaysAfterQuarter);
}

public enum ProblemState
{
    [Display(Name = "Không có")] None = 0,
    [Display(Name = "Chờ xử lý")] Open = 1,
    [Display(Name = "Đã tiếp nhận")] Acknowledged = 2,
    [Display(Name = "Đã trả lời")] Answered = 3,
}

/// <summary>The owner's report on one period of a task: what was done, figures, files, done or not, and any problem raised.</summary>
public class TaskReport : IAuditable, IVersioned
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public DateOnly PeriodStart { get; set; }
    [MaxLength(40)] public required string PeriodLabel { get; set; }
    public DateTime ReportedAt { get; set; }
    [MaxLength(450)] public string? UserId { get; set; }
    [MaxLength(256)] public required string UserName { get; set; }
    [MaxLength(4000)] public required string Text { get; set; }
    public bool IsDone { get; set; }
    /// <summary>Difficulty or proposal for the district (kiến nghị), sent to the program office.</summary>
    [MaxLength(2000)] public string? Problem { get; set; }
    public ProblemState ProblemState { get; set; }
    [MaxLength(2000)] public string? ProblemReply { get; set; }
    public DateTime? ProblemHandledAt { get; set; }
    [MaxLength(256)] public string? ProblemHandledBy { get; set; }
    public int Version { get; set; }
    public List<TaskReportFigure> Figures { get; set; } = [];
    public List<TaskAttachment> Attachments { get; set; } = [];
}

/// <summary>A free figure of a report: "Số sản phẩm tiềm năng khảo sát: 12".</summary>
public class TaskReportFigure : IAuditable
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public TaskReport? Report { get; set; }
    [MaxLength(200)] public required string Label { get; set; }
    public decimal Value { get; set; }
}

/// <summary>A file attached to a report, checked by content and kept outside the web root like dossier documents.</summary>
public class TaskAttachment : IAuditable
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public TaskReport? Report { get; set; }
    [MaxLength(80)] public required string StoredName { get; set; }
    [MaxLength(255)] public required string OriginalName { get; set; }
    [MaxLength(100)] public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public DateTime UploadedAt { get; set; }
}

internal static class CycleAndTaskModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Office>(e =>
        {
            e.HasIndex(o => new { o.UnitId, o.ShortName }).IsUnique();
            e.HasOne(o => o.Unit).WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.Property(o => o.Version).IsConcurrencyToken();
        });
        builder.Entity<OfficeMember>(e =>
        {
            e.HasKey(m => m.UserId);
            e.HasOne<AppUser>().WithOne().HasForeignKey<OfficeMember>(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(m => m.Office).WithMany().HasForeignKey(m => m.OfficeId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<CycleEntry>(e =>
        {
            e.HasIndex(c => new { c.Year, c.CommuneId });
            e.HasOne(c => c.Commune).WithMany().HasForeignKey(c => c.CommuneId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.Subject).WithMany().HasForeignKey(c => c.SubjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.Product).WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.Category).WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.RoundProduct).WithMany().HasForeignKey(c => c.RoundProductId).OnDelete(DeleteBehavior.Restrict);
            e.Property(c => c.Version).IsConcurrencyToken();
        });
        builder.Entity<CycleStepEvent>(e =>
            e.HasOne(v => v.Entry).WithMany(c => c.Events).HasForeignKey(v => v.EntryId).OnDelete(DeleteBehavior.Restrict));
        builder.Entity<PlanTask>(e =>
        {
            e.HasIndex(t => t.OfficeId);
            e.HasIndex(t => t.CommuneId);
            e.HasOne(t => t.Office).WithMany().HasForeignKey(t => t.OfficeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(t => t.Commune).WithMany().HasForeignKey(t => t.CommuneId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(t => t.Schedule);
            e.ToTable(t => t.HasCheckConstraint("CK_PlanTasks_one_owner", "(\"OfficeId\" IS NULL) <> (\"CommuneId\" IS NULL)"));
            e.Property(t => t.Version).IsConcurrencyToken();
        });
        builder.Entity<TaskReport>(e =>
        {
            e.HasIndex(r => new { r.TaskId, r.PeriodStart });
            e.HasIndex(r => r.ProblemState);
            e.HasOne(r => r.Task).WithMany(t => t.Reports).HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Restrict);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        builder.Entity<TaskReportFigure>(e =>
        {
            e.Property(f => f.Value).HasPrecision(18, 2);
            e.HasOne(f => f.Report).WithMany(r => r.Figures).HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<TaskAttachment>(e =>
            e.HasOne(a => a.Report).WithMany(r => r.Attachments).HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Restrict));
    }
}
