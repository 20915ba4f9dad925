using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Ocop.Web.Data;

/// <summary>A successor the law names for a unit that ceased; partial when the unit was split between several.</summary>
public class UnitSuccessorLink
{
    public int PredecessorId { get; set; }
    public AdministrativeUnit? Predecessor { get; set; }
    public int SuccessorId { get; set; }
    public AdministrativeUnit? Successor { get; set; }
    public bool IsPartial { get; set; }
}

/// <summary>
/// A reference data file as last loaded: its hash spares reading 14,000 units again when nothing changed. Its audit rows
/// stand for the units a load adds (each added unit is not audited one by one; changes to existing units are).
/// </summary>
public class ReferenceFileImport : IAuditable
{
    [MaxLength(120)] public required string Name { get; set; }
    [MaxLength(64)] public required string Sha256 { get; set; }
    public DateTime ImportedAt { get; set; }
    [MaxLength(300)] public string? Summary { get; set; }
}

/// <summary>
/// The office that runs this installation (e.g. the province's OCOP office): its name and short name as pages show
/// them, its own unit, and the units it serves (one province, several, or the whole country), which lists, pickers and
/// dashboards open on. One row, set by an administrator.
/// </summary>
public class DeployingOffice : IAuditable, IVersioned
{
    public int Id { get; set; }
    [MaxLength(250)] public required string Name { get; set; }
    [MaxLength(60)] public required string ShortName { get; set; }
    public int? UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
    /// <summary>Serves every province (a central office); the list below is then ignored.</summary>
    public bool ServesWholeCountry { get; set; }
    public List<DeployingOfficeUnit> Served { get; set; } = [];
    public int Version { get; set; }
}

public class DeployingOfficeUnit : IAuditable
{
    public int DeployingOfficeId { get; set; }
    public int UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
}

public static class UnitRegistryModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<UnitSuccessorLink>(e =>
        {
            e.HasKey(l => new { l.PredecessorId, l.SuccessorId });
            e.HasIndex(l => l.SuccessorId);
            e.HasOne(l => l.Predecessor).WithMany().HasForeignKey(l => l.PredecessorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(l => l.Successor).WithMany().HasForeignKey(l => l.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ReferenceFileImport>(e => e.HasKey(f => f.Name));
        builder.Entity<DeployingOffice>(e =>
        {
            e.HasOne(o => o.Unit).WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.Property(o => o.Version).IsConcurrencyToken();
        });
        builder.Entity<DeployingOfficeUnit>(e =>
        {
            e.HasKey(u => new { u.DeployingOfficeId, u.UnitId });
            e.HasOne<DeployingOffice>().WithMany(o => o.Served).HasForeignKey(u => u.DeployingOfficeId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
