using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Core.Registry;

namespace Ocop.Web.Data;

// The facts plan targets read about a subject, each with the period it held (docs/planning.md, "Facts through time"):
// a figure at a past date reads the periods true on that date. A period runs from the day the fact took effect to the
// day it stopped (EndedOn: the first day it no longer holds); an open one (no end) holds today. The subject's own
// columns (LegalForm, GreenValueChain, RawMaterialEvidence, SalesChannels) are the facts of today, kept in step by
// SubjectFactHistory on every save.

/// <summary>A subject's legal form during a period: from the day it took effect until the next form's first day.</summary>
public class SubjectLegalFormPeriod : IAuditable
{
    public int Id { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public LegalForm LegalForm { get; set; }
    public DateOnly StartedOn { get; set; }
    /// <summary>The first day the subject no longer had this form; null while it has it.</summary>
    public DateOnly? EndedOn { get; set; }

    public Dated<LegalForm> ToFact() => new(LegalForm, new(StartedOn, EndedOn));
}

/// <summary>A period during which the subject had a green value chain tied to a stable raw-material area (plan target T4).</summary>
public class SubjectGreenChainPeriod : IAuditable
{
    public int Id { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    /// <summary>The raw-material area in hectares, when known.</summary>
    public decimal? RawMaterialAreaHa { get; set; }
    /// <summary>The evidence: a linkage contract, a certificate, the area's decision.</summary>
    [MaxLength(1000)] public string? Evidence { get; set; }
    public DateOnly StartedOn { get; set; }
    /// <summary>The first day the chain no longer held (or held with another area or evidence); null while it holds.</summary>
    public DateOnly? EndedOn { get; set; }

    public Dated<GreenChain> ToFact() => new(new(RawMaterialAreaHa, Evidence), new(StartedOn, EndedOn));
}

/// <summary>A period during which the subject sold through one channel (plan target T6 counts the modern ones).</summary>
public class SubjectChannelPeriod : IAuditable
{
    public int Id { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    /// <summary>One channel (a single flag).</summary>
    public SalesChannels Channel { get; set; }
    public DateOnly StartedOn { get; set; }
    /// <summary>The first day the subject no longer sold through it; null while it does.</summary>
    public DateOnly? EndedOn { get; set; }

    public Dated<SalesChannels> ToFact() => new(Channel, new(StartedOn, EndedOn));
}

/// <summary>What a green value chain period records besides its dates: a change of either is a change of the chain.</summary>
public sealed record GreenChain(decimal? RawMaterialAreaHa, string? Evidence);

public static class SubjectFactModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<SubjectLegalFormPeriod>(e =>
        {
            e.ToTable("SubjectLegalForms");
            e.HasIndex(p => new { p.SubjectId, p.StartedOn });
            e.HasOne(p => p.Subject).WithMany().HasForeignKey(p => p.SubjectId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<SubjectGreenChainPeriod>(e =>
        {
            e.ToTable("SubjectGreenChains");
            e.HasIndex(p => new { p.SubjectId, p.StartedOn });
            e.HasOne(p => p.Subject).WithMany().HasForeignKey(p => p.SubjectId).OnDelete(DeleteBehavior.Restrict);
            e.Property(p => p.RawMaterialAreaHa).HasPrecision(12, 2);
        });
        builder.Entity<SubjectChannelPeriod>(e =>
        {
            e.ToTable("SubjectChannels");
            e.HasIndex(p => new { p.SubjectId, p.StartedOn });
            e.HasOne(p => p.Subject).WithMany().HasForeignKey(p => p.SubjectId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The period tables, read as <c>db.SubjectLegalForms</c> and so on, without adding to the shared context file.</summary>
public static class SubjectFactSets
{
    extension(OcopDbContext db)
    {
        public DbSet<SubjectLegalFormPeriod> SubjectLegalForms => db.Set<SubjectLegalFormPeriod>();

        public DbSet<SubjectGreenChainPeriod> SubjectGreenChains => db.Set<SubjectGreenChainPeriod>();

        public DbSet<SubjectChannelPeriod> SubjectChannels => db.Set<SubjectChannelPeriod>();
    }
}
