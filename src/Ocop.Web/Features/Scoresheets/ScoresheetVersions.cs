using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Scoresheets;

/// <summary>
/// How scoresheet versions live side by side. A published version is never changed and stays published, so that
/// every score given on it keeps pointing at what the member saw; the newest published version of a set (highest
/// version number) is the one new rounds use. Retiring a version takes it out of use for new rounds only.
/// </summary>
public static class ScoresheetVersions
{
    /// <summary>Only administrators change scoresheets and legal bases; everyone signed in may read them.</summary>
    public static bool CanManage(ClaimsPrincipal user) => user.IsInRole(nameof(Role.Administrator));

    /// <inheritdoc cref="CanManage(ClaimsPrincipal)"/>
    public static bool CanManage(Role role) => role == Role.Administrator;

    public const string RefusedMessage = "Chỉ quản trị hệ thống được thay đổi phiếu chấm và căn cứ pháp lý.";
    public const string StaleMessage = "Phiếu vừa được người khác thay đổi. Xem lại trang này rồi thực hiện lại.";

    /// <summary>
    /// The sheet an administrator's action applies to, tracked, or why not: the role, an unknown id, a version other than
    /// the one the action was made from.
    /// </summary>
    public static async Task<(ScoresheetRecord? Record, WriteResult<T>? Refusal)> ForChangeAsync<T>(
        OcopDbContext db, UserScope scope, int id, int version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (!CanManage(scope.Role))
        {
            return (null, WriteResult.Refused<T>(RefusedMessage));
        }

        var record = await db.Scoresheets.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (record is null)
        {
            return (null, WriteResult.NotFound<T>("Không tìm thấy phiếu chấm."));
        }

        return record.Version == version ? (record, null) : (null, WriteResult.Stale<T>(StaleMessage));
    }

    public static async Task<int> NextAsync(OcopDbContext db, string basisCode, int productSet, CancellationToken ct) =>
        (await db.Scoresheets.Where(s => s.LegalBasisCode == basisCode && s.ProductSetNumber == productSet)
            .MaxAsync(s => (int?)s.SheetVersion, ct) ?? 0) + 1;

    /// <summary>Ids of the versions new rounds use: per legal basis and product set, the newest published one.</summary>
    public static async Task<HashSet<int>> InUseForNewRoundsAsync(OcopDbContext db, CancellationToken ct)
    {
        var published = await db.Scoresheets.AsNoTracking()
            .Where(s => s.Status == Core.Evaluation.ScoresheetStatus.Published)
            .Select(s => new { s.Id, s.LegalBasisCode, s.ProductSetNumber, s.SheetVersion })
            .ToListAsync(ct);
        return published.GroupBy(s => (s.LegalBasisCode, s.ProductSetNumber))
            .Select(g => g.MaxBy(s => s.SheetVersion)!.Id)
            .ToHashSet();
    }
}
