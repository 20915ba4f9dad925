namespace Ocop.Core.Access;

/// <summary>Who may see the plan's figures and who may change plans, targets, snapshots and support records.</summary>
public static class PlanningAccess
{
    /// <summary>The dashboard, plans and their API: everyone signed in but producers, each within their units.</summary>
    public static bool CanReadPlans(Role role) => role is not Role.Producer;

    /// <summary>Indicators, targets and year-end snapshots are the program office's (and the administrator's) to set.</summary>
    public static bool CanEditPlans(Role role) => role is Role.Administrator or Role.ProgramOffice;

    /// <summary>Support records: the office and commune officers edit in their units, leaders read all, producers see none.</summary>
    public static RecordAccess ForSupportRecord(Role role, bool inScope) => role switch
    {
        Role.Producer => RecordAccess.None,
        _ => RegistryAccess.ForRecord(role, inScope, ownsSubject: false),
    };
}
