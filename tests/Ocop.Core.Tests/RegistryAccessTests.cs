using Ocop.Core.Access;

namespace Ocop.Core.Tests;

public class RegistryAccessTests
{
    public static TheoryData<Role, bool, bool, RecordAccess> Matrix => new()
    {
        // role, record in the user's units, user owns the record's subject, expected
        { Role.Administrator, false, false, RecordAccess.Edit },
        { Role.Leader, false, false, RecordAccess.Read },
        { Role.Leader, true, false, RecordAccess.Read },
        { Role.ProgramOffice, true, false, RecordAccess.Edit },
        { Role.ProgramOffice, false, false, RecordAccess.None },
        { Role.CommuneOfficer, true, false, RecordAccess.Edit },
        { Role.CommuneOfficer, false, false, RecordAccess.None },
        { Role.Department, true, false, RecordAccess.Read },
        { Role.Department, false, false, RecordAccess.None },
        { Role.CouncilMember, true, false, RecordAccess.Read },
        { Role.CouncilMember, false, false, RecordAccess.None },
        { Role.Producer, false, true, RecordAccess.Edit },
        { Role.Producer, true, false, RecordAccess.None },   // living in the same commune is not ownership
        { Role.Producer, false, false, RecordAccess.None },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_role_reaches_records_as_the_plan_assigns(Role role, bool inScope, bool owns, RecordAccess expected) =>
        Assert.Equal(expected, RegistryAccess.ForRecord(role, inScope, owns));

    [Theory]
    [InlineData(Role.Administrator, true, true, true, true)]
    [InlineData(Role.ProgramOffice, true, true, true, false)]
    [InlineData(Role.CommuneOfficer, true, true, false, false)]
    [InlineData(Role.Producer, false, true, false, false)]
    [InlineData(Role.Department, false, false, false, false)]
    [InlineData(Role.CouncilMember, false, false, false, false)]
    [InlineData(Role.Leader, false, false, false, false)]
    public void Creating_and_administering_are_limited_by_role(Role role, bool subject, bool product, bool referenceData, bool users)
    {
        Assert.Equal(subject, RegistryAccess.CanCreateSubject(role));
        Assert.Equal(product, RegistryAccess.CanCreateProduct(role));
        Assert.Equal(referenceData, RegistryAccess.CanEditReferenceData(role));
        Assert.Equal(users, RegistryAccess.CanManageUsers(role));
    }

    [Theory]
    [InlineData(Role.Administrator, true)]
    [InlineData(Role.Leader, true)]
    [InlineData(Role.ProgramOffice, false)]
    [InlineData(Role.CommuneOfficer, false)]
    [InlineData(Role.Producer, false)]
    public void Only_administrators_and_leaders_reach_every_unit(Role role, bool expected) =>
        Assert.Equal(expected, RegistryAccess.ReachesEveryUnit(role));
}

public class PlanningAccessTests
{
    [Theory]
    [InlineData(Ocop.Core.Access.Role.Administrator, true, Ocop.Core.Access.RecordAccess.Edit)]
    [InlineData(Ocop.Core.Access.Role.ProgramOffice, true, Ocop.Core.Access.RecordAccess.Edit)]
    [InlineData(Ocop.Core.Access.Role.ProgramOffice, false, Ocop.Core.Access.RecordAccess.None)]
    [InlineData(Ocop.Core.Access.Role.CommuneOfficer, true, Ocop.Core.Access.RecordAccess.Edit)]
    [InlineData(Ocop.Core.Access.Role.CommuneOfficer, false, Ocop.Core.Access.RecordAccess.None)]
    [InlineData(Ocop.Core.Access.Role.Leader, false, Ocop.Core.Access.RecordAccess.Read)]
    [InlineData(Ocop.Core.Access.Role.Department, true, Ocop.Core.Access.RecordAccess.Read)]
    [InlineData(Ocop.Core.Access.Role.Producer, true, Ocop.Core.Access.RecordAccess.None)]
    public void Support_records_are_edited_by_the_office_and_commune_officers_in_their_units(Ocop.Core.Access.Role role, bool inScope, Ocop.Core.Access.RecordAccess expected) =>
        Assert.Equal(expected, Ocop.Core.Access.PlanningAccess.ForSupportRecord(role, inScope));

    [Theory]
    [InlineData(Ocop.Core.Access.Role.Leader, true, false)]
    [InlineData(Ocop.Core.Access.Role.ProgramOffice, true, true)]
    [InlineData(Ocop.Core.Access.Role.CommuneOfficer, true, false)]
    [InlineData(Ocop.Core.Access.Role.Producer, false, false)]
    public void Producers_do_not_see_plans_and_only_the_office_changes_them(Ocop.Core.Access.Role role, bool read, bool edit)
    {
        Assert.Equal(read, Ocop.Core.Access.PlanningAccess.CanReadPlans(role));
        Assert.Equal(edit, Ocop.Core.Access.PlanningAccess.CanEditPlans(role));
    }
}
