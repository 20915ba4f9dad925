using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Core.Registry;

namespace Ocop.Web.Data;

/// <summary>A plan or program (district plan → province plan → national program) with its period and unit.</summary>
public class Plan : IAuditable, IVersioned
{
    public int Id { get; set; }
    /// <summary>The document number, e.g. "46/KH-UBND".</summary>
    [MaxLength(60)] public required string Number { get; set; }
    [MaxLength(400)] public required string Title { get; set; }
    [MaxLength(200)] public required string Issuer { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    /// <summary>The unit the plan covers; null for a national program.</summary>
    public int? UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
    public int? ParentId { get; set; }
    public Plan? Parent { get; set; }
    /// <summary>The office's remark on the plan (e.g. that its figures are a demo's), not part of the issued text.</summary>
    [MaxLength(2000)] public string? Note { get; set; }
    public int Version { get; set; }

    public List<PlanTarget> Targets { get; set; } = [];
}

/// <summary>A named definition the core evaluates: a measure kind with its parameters.</summary>
public class Indicator : IAuditable, IVersioned
{
    public int Id { get; set; }
    [MaxLength(30)] public required string Code { get; set; }
    [MaxLength(300)] public required string Name { get; set; }
    public MeasureKind Kind { get; set; }
    public MeasureOutput Output { get; set; }
    public int MinStars { get; set; } = 3;
    public int MaxStars { get; set; } = 5;
    /// <summary>Legal forms counted by a legal-form share, comma-separated enum names ("Cooperative,CooperativeGroup").</summary>
    [MaxLength(200)] public string? LegalForms { get; set; }
    public SalesChannels Channels { get; set; }
    public SupportKind? SupportKind { get; set; }
    public bool TraditionalOnly { get; set; }
    [MaxLength(1000)] public string? Description { get; set; }
    public int Version { get; set; }

    public MeasureDefinition ToDefinition() => new(Kind, Output, MinStars, MaxStars,
        string.IsNullOrWhiteSpace(LegalForms) ? null
            : LegalForms.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Enum.Parse<LegalForm>).ToList(),
        Channels, SupportKind, TraditionalOnly);
}

/// <summary>A target of a plan: an indicator, the value to reach, its direction and deadline, in the plan's words.</summary>
public class PlanTarget : IAuditable, IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    /// <summary>"T1", "T7a"… as the plan numbers it.</summary>
    [MaxLength(20)] public required string Code { get; set; }
    [MaxLength(1000)] public required string Wording { get; set; }
    public decimal TargetValue { get; set; }
    public TargetDirection Direction { get; set; }
    public DateOnly Deadline { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A figure kept as it stood when it was taken (a year-end close), so past reports never change. Never updated,
/// never deleted: <see cref="OcopDbContext"/> refuses both.
/// </summary>
public class IndicatorSnapshot : IAuditable
{
    public int Id { get; set; }
    public int? PlanTargetId { get; set; }
    public PlanTarget? PlanTarget { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    /// <summary>The unit the figure is for; null for the whole country.</summary>
    public int? UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
    public DateOnly AsOf { get; set; }
    public decimal? Value { get; set; }
    public long Numerator { get; set; }
    public long? Denominator { get; set; }
    public DateTime TakenAt { get; set; }
    [MaxLength(256)] public required string TakenBy { get; set; }
}

/// <summary>Support given to a subject (and maybe one product): target T7 counts brand and trademark support; section III adds source, policy, office, budget and evidence (SupportEntities.cs).</summary>
public class SupportRecord : IAuditable, IVersioned
{
    public int Id { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public int? ProductId { get; set; }
    public Product? Product { get; set; }
    public SupportKind Kind { get; set; }
    [MaxLength(1000)] public required string Description { get; set; }
    public DateOnly On { get; set; }
    /// <summary>Amount committed (decided), in VND, whole đồng.</summary>
    public long? AmountVnd { get; set; }
    /// <summary>Amount paid so far, in VND.</summary>
    public long? PaidVnd { get; set; }
    /// <summary>Where the money comes from; null on records from before sources were kept (shown as "not recorded").</summary>
    public Ocop.Core.Support.FundingSource? Source { get; set; }
    public int? PolicyId { get; set; }
    public SupportPolicy? Policy { get; set; }
    /// <summary>The office responsible for the support.</summary>
    public int? OfficeId { get; set; }
    public Office? Office { get; set; }
    /// <summary>The budget allocation it is charged to.</summary>
    public int? BudgetAllocationId { get; set; }
    public BudgetAllocation? BudgetAllocation { get; set; }
    /// <summary>Decision or other reference.</summary>
    [MaxLength(200)] public string? Reference { get; set; }
    public bool IsArchived { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public static class PlanningModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Plan>(e =>
        {
            // A unit's plans are told apart by number (two communes may both issue a "01/KH-UBND").
            e.HasIndex(p => new { p.UnitId, p.Number }).IsUnique();
            e.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Parent).WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.Property(p => p.Version).IsConcurrencyToken();
        });
        builder.Entity<Indicator>(e =>
        {
            e.HasIndex(i => i.Code).IsUnique();
            e.Property(i => i.Version).IsConcurrencyToken();
        });
        builder.Entity<PlanTarget>(e =>
        {
            e.HasIndex(t => new { t.PlanId, t.Code }).IsUnique();
            e.HasOne(t => t.Plan).WithMany(p => p.Targets).HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(t => t.Indicator).WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Restrict);
            e.Property(t => t.TargetValue).HasPrecision(12, 1);
            e.Property(t => t.Version).IsConcurrencyToken();
        });
        builder.Entity<IndicatorSnapshot>(e =>
        {
            e.HasIndex(s => new { s.PlanTargetId, s.UnitId, s.AsOf });
            e.HasOne(s => s.PlanTarget).WithMany().HasForeignKey(s => s.PlanTargetId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(s => s.Indicator).WithMany().HasForeignKey(s => s.IndicatorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.Property(s => s.Value).HasPrecision(12, 1);
        });
        builder.Entity<SupportRecord>(e =>
        {
            e.HasIndex(r => r.SubjectId);
            e.HasIndex(r => r.Kind);
            e.HasOne(r => r.Subject).WithMany().HasForeignKey(r => r.SubjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.Product).WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Restrict);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
    }
}
