using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;

namespace Ocop.Web.Data;

// The evaluation procedure of 26/2026 around the scores (issue 12): the holidays deadlines count over, and the checks of
// certified products after recognition.

/// <summary>
/// A day off of government offices (a public holiday, or a day given in its place) or, with <see cref="WorkedWeekendDay"/>,
/// a weekend day worked in exchange. One list per year, seeded from Data/Seed/holidays-vietnam.json and kept by the office.
/// </summary>
public class PublicHoliday : IAuditable, IVersioned
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    [MaxLength(200)] public required string Name { get; set; }
    public bool WorkedWeekendDay { get; set; }
    public int Version { get; set; }
}

/// <summary>A check of a certified product after recognition (periodic or ad hoc), its findings and their follow-up.</summary>
public class ProductCheck : IAuditable, IVersioned
{
    public int Id { get; set; }
    public int CertificateId { get; set; }
    public Certificate? Certificate { get; set; }
    public CheckKind Kind { get; set; }
    public DateOnly CheckedOn { get; set; }
    /// <summary>Who checked: the team or office, as written on the report.</summary>
    [MaxLength(250)] public required string CheckedBy { get; set; }
    public AspectResult Quality { get; set; }
    public AspectResult FoodSafetyPapers { get; set; }
    /// <summary>The expiry printed on the food-safety certificate seen during the check, if any.</summary>
    public DateOnly? FoodSafetyPapersExpireOn { get; set; }
    public AspectResult Labels { get; set; }
    public AspectResult Environment { get; set; }
    [MaxLength(4000)] public required string Findings { get; set; }
    /// <summary>What the producer must do, by when, and when it was done.</summary>
    [MaxLength(2000)] public string? FollowUp { get; set; }
    public DateOnly? FollowUpDueOn { get; set; }
    public DateOnly? FollowUpDoneOn { get; set; }
    /// <summary>The verdict, as the core judged it when recorded (any aspect not met, or papers expired, fails).</summary>
    public bool Passed { get; set; }
    /// <summary>The revocation ground a failed check supports.</summary>
    public RevocationGround? Ground { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<AspectFinding> Aspects =>
    [
        new(CheckAspect.Quality, Quality), new(CheckAspect.FoodSafetyPapers, FoodSafetyPapers),
        new(CheckAspect.Labels, Labels), new(CheckAspect.Environment, Environment),
    ];
}

/// <summary>Model configuration of the entities above, called from OcopDbContext.</summary>
public static class EvaluationProcedureModel
{
    public static DbSet<PublicHoliday> PublicHolidays(this OcopDbContext db) => db.Set<PublicHoliday>();

    public static DbSet<ProductCheck> ProductChecks(this OcopDbContext db) => db.Set<ProductCheck>();

    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<PublicHoliday>(e =>
        {
            e.ToTable("PublicHolidays");
            e.HasIndex(h => h.Date).IsUnique();
            e.Property(h => h.Version).IsConcurrencyToken();
        });
        builder.Entity<ProductCheck>(e =>
        {
            e.ToTable("ProductChecks");
            e.HasIndex(c => c.CertificateId);
            e.HasIndex(c => c.FollowUpDueOn);
            e.HasOne(c => c.Certificate).WithMany().HasForeignKey(c => c.CertificateId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(c => c.Aspects);
            e.Property(c => c.Version).IsConcurrencyToken();
        });
        builder.Entity<Certificate>(e =>
            e.HasOne<ProductCheck>().WithMany().HasForeignKey(c => c.RevokingCheckId).OnDelete(DeleteBehavior.Restrict));
    }
}
