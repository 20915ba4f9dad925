using Ocop.Core.Access;

namespace Ocop.Core.Planning;

/// <summary>
/// Who may see, manage and report on plan tasks. "Owns" means the task belongs to the user's office, or to a commune
/// within the user's assigned units. The program office (Phòng NN&amp;PTNT) runs the plan: it manages every task,
/// answers the problems raised (plan IV.8) and watches the overdue list with the leaders.
/// </summary>
public static class TaskAccess
{
    /// <summary>
    /// A task is the user's own when it is their office's, or — for a commune officer only — a task of a commune in
    /// their units: district office staff also hold the district as their unit, yet the communes' jobs stay the communes'.
    /// </summary>
    public static bool Owns(Role role, bool ownOffice, bool communeInUnits) => ownOffice || (role == Role.CommuneOfficer && communeInUnits);

    public static bool SeesAll(Role role) => role is Role.Administrator or Role.Leader or Role.ProgramOffice;

    public static bool CanRead(Role role, bool owns) => SeesAll(role) || (owns && role is Role.Department or Role.CommuneOfficer);

    /// <summary>Tasks are visible at all to these roles (producers and council members have no plan tasks).</summary>
    public static bool HasTasks(Role role) => SeesAll(role) || role is Role.Department or Role.CommuneOfficer;

    public static bool CanManage(Role role) => role is Role.Administrator or Role.ProgramOffice;

    /// <summary>Only the owning unit's own people report; an administrator or leader does not report for them.</summary>
    public static bool CanReport(Role role, bool owns) => owns && role is Role.ProgramOffice or Role.Department or Role.CommuneOfficer;

    public static bool CanAnswerProblems(Role role) => role is Role.Administrator or Role.ProgramOffice;

    public static bool CanSeeOverdue(Role role) => role is Role.Administrator or Role.ProgramOffice or Role.Leader;
}
