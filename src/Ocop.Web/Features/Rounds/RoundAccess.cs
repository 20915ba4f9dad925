using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Rounds;

/// <summary>
/// The core's <see cref="RoundPolicy"/> as the round pages and use cases ask it: a council position as a seat, and a
/// round's state and the user's seat loaded from the database.
/// </summary>
public static class RoundAccess
{
    /// <summary>Creates rounds, sets the council and the products: the program office (and administrators).</summary>
    public static bool CanManage(Role role) => RoundPolicy.CanManage(role);

    /// <summary>Sees every round without sitting on its council.</summary>
    public static bool SeesAll(Role role) => RoundPolicy.SeesAll(role);

    public static CouncilSeat Seat(CouncilPosition? position) => position switch
    {
        CouncilPosition.Chair => CouncilSeat.Chair,
        CouncilPosition.Secretary => CouncilSeat.Secretary,
        CouncilPosition.Member => CouncilSeat.Member,
        _ => CouncilSeat.None,
    };

    /// <summary>The viewer a user is for a round: their seat on its council first, else their role.</summary>
    public static CouncilViewer Viewer(Role role, MemberLine? seat) => RoundPolicy.Viewer(role, Seat(seat?.Position));

    /// <summary>The user's seat on the round's council (an external member without an account has none to find).</summary>
    public static async Task<(int? MemberId, CouncilSeat Seat)> SeatAsync(OcopDbContext db, int roundId, string userId, CancellationToken ct)
    {
        var member = await db.CouncilMembers.AsNoTracking().Where(m => m.RoundId == roundId && m.UserId == userId)
            .Select(m => new { m.Id, m.Position }).FirstOrDefaultAsync(ct);
        return (member?.Id, Seat(member?.Position));
    }

    /// <summary>
    /// Whether the user may do <paramref name="action"/> on the round: null when allowed, else the use case's answer — not
    /// found for a missing round, refused with the policy's reason otherwise.
    /// </summary>
    public static async Task<WriteResult<T>?> CheckAsync<T>(OcopDbContext db, UserScope scope, int roundId, RoundAction action, CancellationToken ct)
    {
        var state = await db.EvaluationRounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => (RoundState?)r.State).SingleOrDefaultAsync(ct);
        if (state is null)
        {
            return WriteResult.NotFound<T>("Không tìm thấy đợt đánh giá.");
        }

        var (_, seat) = await SeatAsync(db, roundId, scope.UserId, ct);
        return Refusal<T>(scope.Role, seat, action, state == RoundState.Open);
    }

    /// <summary>The refusal of an action the policy does not allow; null when it does.</summary>
    public static WriteResult<T>? Refusal<T>(Role role, CouncilSeat seat, RoundAction action, bool open)
    {
        var verdict = RoundPolicy.Decide(role, seat, action, open);
        return verdict == RoundVerdict.Allowed ? null : WriteResult.Refused<T>(RoundPolicy.Refusal(verdict, action)!);
    }
}
