using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Tasks;

/// <summary>The user as the plan tasks see them: their role, their office (if any) and the communes of their units.</summary>
public sealed class TaskViewer
{
    public required UserScope Scope { get; init; }
    public int? OfficeId { get; init; }

    public Role Role => Scope.Role;

    public bool SeesAll => TaskAccess.SeesAll(Role);

    public bool Owns(int? officeId, int? communeId) =>
        TaskAccess.Owns(Role, officeId is not null && officeId == OfficeId, communeId is { } c && Scope.CommuneIds.Contains(c));

    public bool CanReport(int? officeId, int? communeId) => TaskAccess.CanReport(Role, Owns(officeId, communeId));

    public IQueryable<PlanTask> Visible(IQueryable<PlanTask> tasks)
    {
        if (SeesAll)
        {
            return tasks;
        }

        if (!TaskAccess.HasTasks(Role))
        {
            return tasks.Where(t => false);
        }

        var office = OfficeId;
        if (Role != Role.CommuneOfficer)
        {
            return tasks.Where(t => office != null && t.OfficeId == office);
        }

        var communes = Scope.CommuneIds;
        return tasks.Where(t => (office != null && t.OfficeId == office) || (t.CommuneId != null && communes.Contains(t.CommuneId.Value)));
    }

    public static async Task<TaskViewer> LoadAsync(OcopDbContext db, UserScopeLoader scopes, CancellationToken ct) =>
        await ForAsync(db, await scopes.GetAsync(ct), ct);

    /// <summary>The viewer of a scope already loaded (a use case called by a page, the API or the importer).</summary>
    public static async Task<TaskViewer> ForAsync(OcopDbContext db, UserScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var office = await db.OfficeMembers.AsNoTracking().Where(m => m.UserId == scope.UserId).Select(m => (int?)m.OfficeId).SingleOrDefaultAsync(ct);
        return new TaskViewer { Scope = scope, OfficeId = office };
    }
}
