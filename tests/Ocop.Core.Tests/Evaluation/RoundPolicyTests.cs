using Ocop.Core.Access;
using Ocop.Core.Evaluation;

namespace Ocop.Core.Tests.Evaluation;

/// <summary>Who may act on a round: the office sets it up while open, members score while open, the chair closes, minutes after.</summary>
public class RoundPolicyTests
{
    [Theory]
    // Setting a round up: the program office and administrators, only while it is open.
    [InlineData(Role.ProgramOffice, CouncilSeat.None, RoundAction.Create, true, RoundVerdict.Allowed)]
    [InlineData(Role.Department, CouncilSeat.None, RoundAction.Create, true, RoundVerdict.NotPermitted)]
    [InlineData(Role.ProgramOffice, CouncilSeat.None, RoundAction.Edit, true, RoundVerdict.Allowed)]
    [InlineData(Role.ProgramOffice, CouncilSeat.None, RoundAction.Edit, false, RoundVerdict.RoundClosed)]
    [InlineData(Role.Administrator, CouncilSeat.None, RoundAction.AddMember, true, RoundVerdict.Allowed)]
    [InlineData(Role.ProgramOffice, CouncilSeat.None, RoundAction.AddProduct, false, RoundVerdict.RoundClosed)]
    [InlineData(Role.CouncilMember, CouncilSeat.Chair, RoundAction.AddMember, true, RoundVerdict.NotPermitted)]
    [InlineData(Role.Leader, CouncilSeat.None, RoundAction.AddProduct, true, RoundVerdict.NotPermitted)]
    [InlineData(Role.ProgramOffice, CouncilSeat.None, RoundAction.RecordConflict, true, RoundVerdict.Allowed)]
    [InlineData(Role.CouncilMember, CouncilSeat.Member, RoundAction.RecordConflict, true, RoundVerdict.NotPermitted)]
    // A member's own acts: declaring a conflict and scoring, every seat alike, only while open.
    [InlineData(Role.CouncilMember, CouncilSeat.Member, RoundAction.DeclareOwnConflict, true, RoundVerdict.Allowed)]
    [InlineData(Role.CouncilMember, CouncilSeat.Member, RoundAction.DeclareOwnConflict, false, RoundVerdict.RoundClosed)]
    [InlineData(Role.CouncilMember, CouncilSeat.Member, RoundAction.Score, true, RoundVerdict.Allowed)]
    [InlineData(Role.CouncilMember, CouncilSeat.Secretary, RoundAction.Score, true, RoundVerdict.Allowed)]
    [InlineData(Role.CouncilMember, CouncilSeat.Chair, RoundAction.Score, false, RoundVerdict.RoundClosed)]
    [InlineData(Role.ProgramOffice, CouncilSeat.None, RoundAction.Score, true, RoundVerdict.NotPermitted)]
    [InlineData(Role.CouncilMember, CouncilSeat.None, RoundAction.Score, true, RoundVerdict.NotPermitted)]
    // Closing belongs to the chair: the office cannot close on the chair's behalf, nor the secretary.
    [InlineData(Role.CouncilMember, CouncilSeat.Chair, RoundAction.Close, true, RoundVerdict.Allowed)]
    [InlineData(Role.ProgramOffice, CouncilSeat.Chair, RoundAction.Close, true, RoundVerdict.Allowed)]
    [InlineData(Role.CouncilMember, CouncilSeat.Chair, RoundAction.Close, false, RoundVerdict.RoundClosed)]
    [InlineData(Role.ProgramOffice, CouncilSeat.None, RoundAction.Close, true, RoundVerdict.NotPermitted)]
    [InlineData(Role.Administrator, CouncilSeat.None, RoundAction.Close, true, RoundVerdict.NotPermitted)]
    [InlineData(Role.CouncilMember, CouncilSeat.Secretary, RoundAction.Close, true, RoundVerdict.NotPermitted)]
    // The minutes exist once the round is closed, for whoever may see the round.
    [InlineData(Role.CouncilMember, CouncilSeat.Member, RoundAction.IssueMinutes, false, RoundVerdict.Allowed)]
    [InlineData(Role.Leader, CouncilSeat.None, RoundAction.IssueMinutes, false, RoundVerdict.Allowed)]
    [InlineData(Role.ProgramOffice, CouncilSeat.None, RoundAction.IssueMinutes, true, RoundVerdict.RoundOpen)]
    [InlineData(Role.CommuneOfficer, CouncilSeat.None, RoundAction.IssueMinutes, false, RoundVerdict.NotPermitted)]
    // Seeing: every round for the office, departments and leaders; one's own rounds for a council member; nothing for others.
    [InlineData(Role.Department, CouncilSeat.None, RoundAction.View, false, RoundVerdict.Allowed)]
    [InlineData(Role.CouncilMember, CouncilSeat.Member, RoundAction.View, true, RoundVerdict.Allowed)]
    [InlineData(Role.CouncilMember, CouncilSeat.None, RoundAction.View, true, RoundVerdict.NotPermitted)]
    [InlineData(Role.Producer, CouncilSeat.None, RoundAction.View, true, RoundVerdict.NotPermitted)]
    [InlineData(Role.Leader, CouncilSeat.None, RoundAction.SeeProposals, true, RoundVerdict.Allowed)]
    [InlineData(Role.CouncilMember, CouncilSeat.Member, RoundAction.SeeProposals, true, RoundVerdict.NotPermitted)]
    public void Who_may_act_on_a_round(Role role, CouncilSeat seat, RoundAction action, bool open, RoundVerdict expected)
    {
        var verdict = RoundPolicy.Decide(role, seat, action, open);
        Assert.Equal(expected, verdict);
        Assert.Equal(expected == RoundVerdict.Allowed, RoundPolicy.Refusal(verdict, action) is null);
    }

    [Theory]
    [InlineData(Role.ProgramOffice, CouncilSeat.Chair, CouncilViewer.Chair)]
    [InlineData(Role.CouncilMember, CouncilSeat.Secretary, CouncilViewer.Secretary)]
    [InlineData(Role.Department, CouncilSeat.None, CouncilViewer.Office)]
    [InlineData(Role.Leader, CouncilSeat.None, CouncilViewer.Leader)]
    [InlineData(Role.CommuneOfficer, CouncilSeat.None, CouncilViewer.Outsider)]
    public void A_seat_on_the_council_decides_the_viewer_before_the_role(Role role, CouncilSeat seat, CouncilViewer expected) =>
        Assert.Equal(expected, RoundPolicy.Viewer(role, seat));
}
