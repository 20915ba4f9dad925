namespace Ocop.Core.Access;

/// <summary>What a user may do with one registry record (a subject, a product, a craft village).</summary>
public enum RecordAccess
{
    None = 0,
    Read = 1,
    Edit = 2,
}

/// <summary>
/// The role rules of the registry, decided on the server for pages and API alike.
/// "In scope" means the record's commune lies inside the units assigned to the user.
/// </summary>
public static class RegistryAccess
{
    /// <summary>Roles that see every unit without an assignment.</summary>
    public static bool ReachesEveryUnit(Role role) => role is Role.Administrator or Role.Leader;

    public static RecordAccess ForRecord(Role role, bool inScope, bool ownsSubject) => role switch
    {
        Role.Administrator => RecordAccess.Edit,
        Role.Leader => RecordAccess.Read,
        Role.ProgramOffice or Role.CommuneOfficer => inScope ? RecordAccess.Edit : RecordAccess.None,
        Role.Department or Role.CouncilMember => inScope ? RecordAccess.Read : RecordAccess.None,
        Role.Producer => ownsSubject ? RecordAccess.Edit : RecordAccess.None,
        _ => RecordAccess.None,
    };

    /// <summary>Producers add products to their own subject but never register new subjects.</summary>
    public static bool CanCreateSubject(Role role) =>
        role is Role.Administrator or Role.ProgramOffice or Role.CommuneOfficer;

    public static bool CanCreateProduct(Role role) =>
        role is Role.Administrator or Role.ProgramOffice or Role.CommuneOfficer or Role.Producer;

    /// <summary>Reference data that the law or the office sets: product taxonomy, units.</summary>
    public static bool CanEditReferenceData(Role role) => role is Role.Administrator or Role.ProgramOffice;

    public static bool CanManageUsers(Role role) => role is Role.Administrator;
}
