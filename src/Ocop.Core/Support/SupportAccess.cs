using Ocop.Core.Access;

namespace Ocop.Core.Support;

/// <summary>The registers of plan 46 section III that answer to the same rules.</summary>
public enum SectionRegister
{
    /// <summary>Training and communication events.</summary>
    Training = 1,
    /// <summary>Trade fairs and exhibitions.</summary>
    TradeFairs = 2,
    /// <summary>OCOP sales points.</summary>
    SalesPoints = 3,
    /// <summary>Community tourism points and routes.</summary>
    Tourism = 4,
    /// <summary>Intellectual property titles and traceability, per product or subject.</summary>
    Protection = 5,
    /// <summary>E-commerce listings of a product.</summary>
    Listings = 6,
    /// <summary>Raw-material areas and the subjects linked to them.</summary>
    RawMaterialAreas = 7,
    /// <summary>Rewards and commendations of producers.</summary>
    Rewards = 8,
}

/// <summary>
/// Who may read and change the records of section III. "In scope" means the record's commune lies inside the user's
/// units; "own" that the record belongs to the producer's own subject.
/// </summary>
public static class SupportAccess
{
    /// <summary>
    /// The registers: the administrator everything; leaders read all; the program office, the departments (trade promotion
    /// and IP are the economy office's, tourism and media the culture office's: plan IV.3, IV.5) and commune officers change
    /// them in their units; council members read in their units. A producer changes its own IP titles, traceability,
    /// listings and raw-material areas, reads its own rewards, and sees nothing of the offices' events, fairs, sales points
    /// and tourism.
    /// </summary>
    public static RecordAccess ForRegister(SectionRegister register, Role role, bool inScope, bool own) => role switch
    {
        Role.Administrator => RecordAccess.Edit,
        Role.Leader => RecordAccess.Read,
        Role.ProgramOffice or Role.Department or Role.CommuneOfficer => inScope ? RecordAccess.Edit : RecordAccess.None,
        Role.CouncilMember => inScope ? RecordAccess.Read : RecordAccess.None,
        Role.Producer when !own => RecordAccess.None,
        Role.Producer => register switch
        {
            SectionRegister.Protection or SectionRegister.Listings or SectionRegister.RawMaterialAreas => RecordAccess.Edit,
            SectionRegister.Rewards => RecordAccess.Read,
            _ => RecordAccess.None,
        },
        _ => RecordAccess.None,
    };

    /// <summary>Whether the role sees a register's list at all (each row then answers to <see cref="ForRegister"/>).</summary>
    public static bool CanList(SectionRegister register, Role role) =>
        role != Role.Producer || register is SectionRegister.Protection or SectionRegister.Listings or SectionRegister.RawMaterialAreas or SectionRegister.Rewards;

    /// <summary>Whether the role may add records to a register at all (in some unit, or for its own subject).</summary>
    public static bool CanAdd(SectionRegister register, Role role) => ForRegister(register, role, inScope: true, own: true) == RecordAccess.Edit;

    /// <summary>The policy catalog is reference data (laws and resolutions): the program office and the administrator keep it; everyone but producers reads it.</summary>
    public static bool CanEditPolicies(Role role) => role is Role.Administrator or Role.ProgramOffice;

    public static bool CanReadPolicies(Role role) => role is not Role.Producer;

    /// <summary>
    /// A budget allocation is kept by whoever allocated it (plan IV.2: the finance office allocates): the members of the
    /// allocating office, or the commune officers for an allocation from their commune's own budget (no office). The
    /// administrator keeps every one; the others in scope and leaders read; producers see none.
    /// </summary>
    /// <param name="memberOfAllocatingOffice">The user works in the office that made the allocation.</param>
    /// <param name="communeAllocation">The allocation was made by a commune from its own budget (no allocating office).</param>
    public static RecordAccess ForAllocation(Role role, bool inScope, bool memberOfAllocatingOffice, bool communeAllocation) => role switch
    {
        Role.Administrator => RecordAccess.Edit,
        Role.Leader => RecordAccess.Read,
        Role.Producer => RecordAccess.None,
        Role.ProgramOffice or Role.Department when memberOfAllocatingOffice => RecordAccess.Edit,
        Role.CommuneOfficer when communeAllocation && inScope => RecordAccess.Edit,
        _ => inScope ? RecordAccess.Read : RecordAccess.None,
    };

    /// <summary>Who may record allocations at all: the administrator, office staff (for their own office), commune officers (for their commune).</summary>
    public static bool CanAllocate(Role role, bool isOfficeMember) => role switch
    {
        Role.Administrator or Role.CommuneOfficer => true,
        Role.ProgramOffice or Role.Department => isOfficeMember,
        _ => false,
    };

    /// <summary>Budgets are read by everyone but producers, each within their units.</summary>
    public static bool CanReadBudgets(Role role) => role is not Role.Producer;
}
