using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

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

    public static void Bump()
    {
        Interlocked.Increment(ref current);
        CacheVersionMoves.Moved(CacheVersionMoves.Directory);
    }

    /// <summary>Another instance saved such a change (see <see cref="CacheVersionMoves"/>): move, without telling them back.</summary>
    internal static void MoveForPeer() => Interlocked.Increment(ref current);

    private static readonly string[] AccountFields =
        [nameof(AppUser.Role), nameof(AppUser.SubjectId), nameof(AppUser.IsArchived), nameof(AppUser.SecurityStamp)];

    /// <summary>Whether saving these tracked changes must invalidate the caches.</summary>
    public static bool Touches(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified
            or EntityState.Deleted
        && entry.Entity switch
        {
            UserUnit or AdministrativeUnit or ProductCategory or UnitSuccessorLink or DeployingOffice or DeployingOfficeUnit => true,
            // Only what a session check or a scope reads: a sign-in (failed-attempt count, lockout) must not reload every cache.
            AppUser => entry.State != EntityState.Modified || AccountFields.Any(f => entry.Property(f).IsModified),
            Subject => entry.State != EntityState.Modified || entry.Property(nameof(Subject.CommuneId)).IsModified,
            _ => false,
        };
}

/// <summary>
/// A counter that moves whenever a save touches what the registry's in-memory lists show: products, subjects (names,
/// search keys) or the taxonomy. <c>Features/Products/ProductListIndex</c> is valid only for the value it was built at.
/// </summary>
public static class RegistryListVersion
{
    private static long current;

    public static long Current => Interlocked.Read(ref current);

    public static void Bump()
    {
        Interlocked.Increment(ref current);
        CacheVersionMoves.Moved(CacheVersionMoves.RegistryLists);
    }

    internal static void MoveForPeer() => Interlocked.Increment(ref current);

    public static bool Touches(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && entry.Entity is Product or Subject or ProductCategory;
}

/// <summary>
/// A counter that moves whenever a sign-in session ends (sign-out, an administrator, an account change):
/// <c>Features/Account/SessionRegistry</c> answers from memory only for the value it read the session at.
/// </summary>
public static class SessionVersion
{
    private static long current;

    public static long Current => Interlocked.Read(ref current);

    public static void Bump()
    {
        Interlocked.Increment(ref current);
        CacheVersionMoves.Moved(CacheVersionMoves.Sessions);
    }

    internal static void MoveForPeer() => Interlocked.Increment(ref current);
}
