namespace Ocop.Web.Data;

/// <summary>
/// A counter that moves whenever a save touches what every request reads: users, their units, administrative units,
/// the taxonomy, or a subject's commune (a producer's reach). Per-process caches of those (UnitDirectory, the user's
/// scope) are valid only for the value they were built at, so a change is seen by the very next request.
/// </summary>
public static class DirectoryVersion
{
    private static long current;

    public static long Current => Interlocked.Read(ref current);

    public static void Bump() => Interlocked.Increment(ref current);

    /// <summary>Whether saving these tracked changes must invalidate the caches.</summary>
    public static bool Touches(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        entry.State is Microsoft.EntityFrameworkCore.EntityState.Added or Microsoft.EntityFrameworkCore.EntityState.Modified
            or Microsoft.EntityFrameworkCore.EntityState.Deleted
        && entry.Entity switch
        {
            AppUser or UserUnit or AdministrativeUnit or ProductCategory => true,
            Subject => entry.State != Microsoft.EntityFrameworkCore.EntityState.Modified || entry.Property(nameof(Subject.CommuneId)).IsModified,
            _ => false,
        };
}
