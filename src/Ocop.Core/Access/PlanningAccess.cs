namespace Ocop.Core.Access;

/// <summary>Who may see the plan's figures and who may change plans, targets, snapshots and support records.</summary>
public static class PlanningAccess
{
    /// <summary>The dashboard, plans and their API: everyone signed in but producers, each within their units.</summary>
    public static bool CanReadPlans(Role role) => role is not Role.Producer;

    /// <summary>Indicators and year-end snapshots are the program office's (and the administrator's) to set.</summary>
    public static bool CanEditPlans(Role role) => role is Role.Administrator or Role.ProgramOffice;

    /// <summary>Who may make plans at all: the administrator, the program office, and a commune officer for their commune (seed plan IV.8).</summary>
    public static bool CanCreatePlans(Role role) => role is Role.Administrator or Role.ProgramOffice or Role.CommuneOfficer;

    /// <summary>
    /// A plan and its targets: the administrator any, a national program too; the program office a plan of a unit inside
    /// its units; a commune officer only the plan of a commune of their own. Everyone else reads.
    /// </summary>
    /// <param name="national">The plan has no unit: a national program.</param>
    /// <param name="unitInReach">Every commune of the plan's unit lies inside the user's units.</param>
    /// <param name="unitIsCommune">The plan's unit is a commune (ward, township).</param>
    public static bool CanEditPlan(Role role, bool national, bool unitInReach, bool unitIsCommune) => role switch
    {
        Role.Administrator => true,
        _ when national => false,
        Role.ProgramOffice => unitInReach,
        Role.CommuneOfficer => unitInReach && unitIsCommune,
        _ => false,
    };

    /// <summary>Support records: the office and commune officers edit in their units, leaders read all, producers see none.</summary>
    public static RecordAccess ForSupportRecord(Role role, bool inScope) => role switch
    {
        Role.Producer => RecordAccess.None,
        _ => RegistryAccess.ForRecord(role, inScope, ownsSubject: false),
    };
}
