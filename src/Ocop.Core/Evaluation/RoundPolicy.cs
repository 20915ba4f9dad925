using Ocop.Core.Access;

namespace Ocop.Core.Evaluation;

/// <summary>A user's seat on a round's council; <see cref="None"/> when they do not sit on it.</summary>
public enum CouncilSeat
{
    None = 0,
    Member = 1,
    Chair = 2,
    Secretary = 3,
}

/// <summary>What a user may try to do with an evaluation round.</summary>
public enum RoundAction
{
    /// <summary>Open the round, its council, its results (as far as <see cref="CouncilVisibility"/> allows).</summary>
    View = 1,
    Create,
    /// <summary>Change the name, dates, process or organising unit.</summary>
    Edit,
    AddMember,
    AddProduct,
    /// <summary>Record a conflict of interest for any member (external members have no account).</summary>
    RecordConflict,
    /// <summary>A member declares their own conflict of interest.</summary>
    DeclareOwnConflict,
    /// <summary>Save or submit one's own sheet.</summary>
    Score,
    Close,
    /// <summary>Produce (once) and hand out the council minutes.</summary>
    IssueMinutes,
    /// <summary>The list of products proposed to the next level, across rounds.</summary>
    SeeProposals,
}

/// <summary>The answer of <see cref="RoundPolicy.Decide"/>.</summary>
public enum RoundVerdict
{
    Allowed = 1,
    /// <summary>The user's role and seat do not allow it, whatever the round's state.</summary>
    NotPermitted,
    /// <summary>Allowed to this user only while the round is open, and it is closed.</summary>
    RoundClosed,
    /// <summary>Allowed only once the round is closed (the minutes), and it is still open.</summary>
    RoundOpen,
}

/// <summary>
/// Who may act on a round, in one table. The program office (and administrators) set a round up — its council and
/// products — while it is open; every council member scores their own sheet and declares their own conflicts while it
/// is open; only the chair closes it (the office cannot close on the chair's behalf); the minutes exist once it is closed.
/// Leaders and departments follow every round without acting on it; anyone else sees only rounds they sit on.
/// </summary>
public static class RoundPolicy
{
    /// <summary>Creates rounds, sets the council and the products: the program office and administrators.</summary>
    public static bool CanManage(Role role) => role is Role.Administrator or Role.ProgramOffice;

    /// <summary>Sees every round without sitting on its council.</summary>
    public static bool SeesAll(Role role) => CanManage(role) || role is Role.Leader or Role.Department;

    public static RoundVerdict Decide(Role role, CouncilSeat seat, RoundAction action, bool roundOpen)
    {
        var seated = seat != CouncilSeat.None;
        return action switch
        {
            RoundAction.View => Permit(SeesAll(role) || seated),
            RoundAction.Create => Permit(CanManage(role)),
            RoundAction.SeeProposals => Permit(SeesAll(role)),
            RoundAction.Edit or RoundAction.AddMember or RoundAction.AddProduct or RoundAction.RecordConflict => WhileOpen(CanManage(role), roundOpen),
            RoundAction.DeclareOwnConflict or RoundAction.Score => WhileOpen(seated, roundOpen),
            RoundAction.Close => WhileOpen(seat == CouncilSeat.Chair, roundOpen),
            RoundAction.IssueMinutes => !(SeesAll(role) || seated) ? RoundVerdict.NotPermitted : roundOpen ? RoundVerdict.RoundOpen : RoundVerdict.Allowed,
            _ => RoundVerdict.NotPermitted,
        };
    }

    /// <summary>Why an action was refused, in Vietnamese; null when it was allowed.</summary>
    public static string? Refusal(RoundVerdict verdict, RoundAction action) => verdict switch
    {
        RoundVerdict.Allowed => null,
        RoundVerdict.RoundClosed => action == RoundAction.Close ? "Đợt đánh giá đã kết thúc." : "Đợt đánh giá đã kết thúc nên không thể thay đổi.",
        RoundVerdict.RoundOpen => "Biên bản chỉ có sau khi chủ tịch hội đồng kết thúc đợt đánh giá.",
        _ => action switch
        {
            RoundAction.Close => "Chỉ chủ tịch hội đồng được kết thúc đợt đánh giá.",
            RoundAction.Score or RoundAction.DeclareOwnConflict => "Bạn không phải thành viên hội đồng của đợt đánh giá này.",
            RoundAction.View or RoundAction.IssueMinutes or RoundAction.SeeProposals => "Bạn không được xem đợt đánh giá này.",
            _ => "Chỉ văn phòng điều phối OCOP được thiết lập đợt đánh giá.",
        },
    };

    /// <summary>The viewer a user is for the council's visibility rule: their seat first, else their role.</summary>
    public static CouncilViewer Viewer(Role role, CouncilSeat seat) => seat switch
    {
        CouncilSeat.Chair => CouncilViewer.Chair,
        CouncilSeat.Secretary => CouncilViewer.Secretary,
        CouncilSeat.Member => CouncilViewer.Member,
        _ => role switch
        {
            Role.Administrator or Role.ProgramOffice or Role.Department => CouncilViewer.Office,
            Role.Leader => CouncilViewer.Leader,
            _ => CouncilViewer.Outsider,
        },
    };

    private static RoundVerdict Permit(bool allowed) => allowed ? RoundVerdict.Allowed : RoundVerdict.NotPermitted;

    private static RoundVerdict WhileOpen(bool allowed, bool roundOpen) =>
        !allowed ? RoundVerdict.NotPermitted : roundOpen ? RoundVerdict.Allowed : RoundVerdict.RoundClosed;
}
